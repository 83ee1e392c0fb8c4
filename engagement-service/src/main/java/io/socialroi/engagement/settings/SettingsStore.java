package io.socialroi.engagement.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.engagement.event.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Per-workspace scoring settings; a workspace that never set any scores with the defaults. */
@ApplicationScoped
public class SettingsStore {

    private static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(100);

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public SettingsStore(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public ScoringSettings get(UUID workspaceId) throws SQLException {
        String sql = "SELECT intent_weights, burst_per_minute, only_likes_min, identical_comment_actors "
                + "FROM engagement_settings WHERE workspace_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, workspaceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return ScoringSettings.DEFAULTS;
                }
                Map<EventType, Double> weights = mapper.readValue(rs.getString(1),
                        new TypeReference<EnumMap<EventType, Double>>() { });
                return new ScoringSettings(weights, rs.getInt(2), rs.getInt(3), rs.getInt(4));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored intent weights are not readable", e);
            }
        }
    }

    /** Merges the request into the current settings, validates the result and stores it. */
    public ScoringSettings put(UUID workspaceId, SettingsRequest request) throws SQLException {
        ScoringSettings current = get(workspaceId);
        Map<EventType, Double> weights = new EnumMap<>(current.intentWeights());
        List<FieldError> errors = new ArrayList<>();
        if (request.intentWeights() != null) {
            request.intentWeights().forEach((name, value) -> {
                String field = "intentWeights." + name;
                EventType type;
                try {
                    type = EventType.valueOf(name);
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(field, "unknown event type"));
                    return;
                }
                if (value == null || value.signum() < 0 || value.compareTo(MAX_WEIGHT) > 0) {
                    errors.add(new FieldError(field, "must be a number from 0 to 100"));
                } else {
                    weights.put(type, value.doubleValue());
                }
            });
        }
        ScoringSettings merged = new ScoringSettings(weights,
                request.burstPerMinute() == null ? current.burstPerMinute() : request.burstPerMinute(),
                request.onlyLikesMin() == null ? current.onlyLikesMin() : request.onlyLikesMin(),
                request.identicalCommentActors() == null ? current.identicalCommentActors()
                        : request.identicalCommentActors());
        if (errors.isEmpty() && merged.maxWeight() <= 0) {
            errors.add(new FieldError("intentWeights", "at least one type other than IMPRESSION needs a weight above 0"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String sql = "INSERT INTO engagement_settings (workspace_id, intent_weights, burst_per_minute, only_likes_min, "
                + "identical_comment_actors, updated_at) VALUES (?, ?::jsonb, ?, ?, ?, now()) ON CONFLICT (workspace_id) "
                + "DO UPDATE SET intent_weights = excluded.intent_weights, burst_per_minute = excluded.burst_per_minute, "
                + "only_likes_min = excluded.only_likes_min, identical_comment_actors = excluded.identical_comment_actors, "
                + "updated_at = now()";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, workspaceId);
            ps.setString(2, mapper.writeValueAsString(merged.intentWeights()));
            ps.setInt(3, merged.burstPerMinute());
            ps.setInt(4, merged.onlyLikesMin());
            ps.setInt(5, merged.identicalCommentActors());
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return merged;
    }
}
