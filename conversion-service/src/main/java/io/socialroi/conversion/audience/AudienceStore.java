package io.socialroi.conversion.audience;

import jakarta.enterprise.context.ApplicationScoped;
import io.socialroi.conversion.attribution.EventType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Audiences (their rules) in plain JDBC. */
@ApplicationScoped
public class AudienceStore {

    private static final String COLUMNS = "id, name, engaged_within_days, campaign_id, funnel_stages, min_intent, "
            + "exclude_converted, event_types, created_at, holdout_percent";

    private final DataSource dataSource;

    public AudienceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public AudienceView create(UUID workspaceId, AudienceRequest request) throws SQLException {
        AudienceView view = new AudienceView(UUID.randomUUID(), request.name().trim(), request.engagedWithinDays(),
                request.campaignId(), request.funnelStages() == null ? List.of()
                        : request.funnelStages().stream().distinct().toList(),
                request.minIntent(), Boolean.TRUE.equals(request.excludeConverted()),
                EventType.parse("eventTypes", request.eventTypes()), OffsetDateTime.now(ZoneOffset.UTC).withNano(0),
                holdout(request));
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO audience (workspace_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, workspaceId);
            insert.setObject(2, view.id());
            insert.setString(3, view.name());
            insert.setInt(4, view.engagedWithinDays());
            insert.setObject(5, view.campaignId());
            insert.setArray(6, c.createArrayOf("text", view.funnelStages().stream().map(Enum::name).toArray()));
            insert.setBigDecimal(7, view.minIntent());
            insert.setBoolean(8, view.excludeConverted());
            // NULL: the default set, so audiences follow its one definition (EventType.defaults()).
            insert.setArray(9, request.eventTypes() == null ? null
                    : c.createArrayOf("text", view.eventTypes().toArray()));
            insert.setObject(10, view.createdAt());
            insert.setBigDecimal(11, view.holdoutPercent());
            insert.executeUpdate();
        }
        return view;
    }

    /**
     * Replaces the audience's name and rules with {@code request} (already validated as a create is); the event
     * types only when {@code eventTypes} is true (the patch named them: null there means the default set again).
     * The empty answer means there was no such audience.
     */
    public Optional<AudienceView> update(UUID workspaceId, UUID id, AudienceRequest request, boolean eventTypes)
            throws SQLException {
        List<String> types = EventType.parse("eventTypes", request.eventTypes());
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE audience SET name = ?, engaged_within_days = ?, campaign_id = ?, funnel_stages = ?, "
                        + "min_intent = ?, exclude_converted = ?, holdout_percent = ?"
                        + (eventTypes ? ", event_types = ?" : "") + " WHERE workspace_id = ? AND id = ?")) {
            int i = 1;
            update.setString(i++, request.name().trim());
            update.setInt(i++, request.engagedWithinDays());
            update.setObject(i++, request.campaignId());
            update.setArray(i++, c.createArrayOf("text", (request.funnelStages() == null ? List.<FunnelStage>of()
                    : request.funnelStages().stream().distinct().toList()).stream().map(Enum::name).toArray()));
            update.setBigDecimal(i++, request.minIntent());
            update.setBoolean(i++, Boolean.TRUE.equals(request.excludeConverted()));
            update.setBigDecimal(i++, holdout(request));
            if (eventTypes) {
                update.setArray(i++, request.eventTypes() == null ? null : c.createArrayOf("text", types.toArray()));
            }
            update.setObject(i++, workspaceId);
            update.setObject(i, id);
            if (update.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        return find(workspaceId, id);
    }

    /** The holdout share asked for, 0 when absent (stored with two decimals, shown without trailing zeros). */
    private static BigDecimal holdout(AudienceRequest request) {
        return request.holdoutPercent() == null ? BigDecimal.ZERO : request.holdoutPercent().stripTrailingZeros();
    }

    /** Deletes the audience; false when there was none. Members are computed on read, so nothing else goes. */
    public boolean delete(UUID workspaceId, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                "DELETE FROM audience WHERE workspace_id = ? AND id = ?")) {
            delete.setObject(1, workspaceId);
            delete.setObject(2, id);
            return delete.executeUpdate() > 0;
        }
    }

    public Optional<AudienceView> find(UUID workspaceId, UUID id) throws SQLException {
        List<AudienceView> found = query("SELECT " + COLUMNS + " FROM audience WHERE workspace_id = ? AND id = ?",
                workspaceId, id);
        return found.stream().findFirst();
    }

    /** Oldest first, keyset-paged on id within equal creation times; fetches limit + 1. */
    public List<AudienceView> list(UUID workspaceId, UUID after, int limit) throws SQLException {
        if (after == null) {
            return query("SELECT " + COLUMNS + " FROM audience WHERE workspace_id = ? ORDER BY id LIMIT ?",
                    workspaceId, limit + 1);
        }
        return query("SELECT " + COLUMNS + " FROM audience WHERE workspace_id = ? AND id > ? ORDER BY id LIMIT ?",
                workspaceId, after, limit + 1);
    }

    private List<AudienceView> query(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                select.setObject(i + 1, params[i]);
            }
            List<AudienceView> views = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    views.add(new AudienceView(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                            rs.getObject(4, UUID.class), Arrays.stream((String[]) rs.getArray(5).getArray())
                                    .map(FunnelStage::valueOf).toList(),
                            rs.getBigDecimal(6),
                            rs.getBoolean(7), rs.getArray(8) == null ? EventType.defaults()
                                    : List.of((String[]) rs.getArray(8).getArray()),
                            rs.getObject(9, OffsetDateTime.class), rs.getBigDecimal(10).stripTrailingZeros()));
                }
            }
            return views;
        }
    }
}
