package io.socialroi.engagement.actor;

import io.socialroi.common.paging.Page;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.engagement.Bounds;
import io.socialroi.engagement.event.EventType;
import io.socialroi.engagement.event.RollupQueue;
import io.socialroi.engagement.settings.ScoringSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Engaged actors from {@code actor_rollup} (never raw events). Rollup rows are hourly: an hour that contains an
 * event at or after {@code since} counts whole, which is the precision audiences need. "Engaged" is every type but
 * IMPRESSION unless {@code types} says otherwise (views count, as attribution's default touch types); actors
 * flagged for [since, now] ({@link FlaggedActors}) are left out unless {@code includeFlagged}.
 */
@ApplicationScoped
public class ActorQuery {

    private final DataSource dataSource;
    private final RollupQueue pending;

    public ActorQuery(DataSource dataSource, RollupQueue pending) {
        this.dataSource = dataSource;
        this.pending = pending;
    }

    public Page<EngagedActor> search(UUID workspaceId, ActorSearch search, ScoringSettings settings) throws SQLException {
        if (!Bounds.inRange(search.since())) {
            throw ProblemException.invalid("since", Bounds.DATE_MESSAGE);
        }
        if (search.minIntent() != null && !Double.isFinite(search.minIntent())) {
            throw ProblemException.invalid("minIntent", "must be a number from 0 to 100");
        }
        if (search.types() != null && search.types().stream().anyMatch(java.util.Objects::isNull)) {
            throw ProblemException.invalid("types", "must not contain null");
        }
        // Batches acknowledged before this search are in actor_rollup and actor_minute.
        pending.settle(workspaceId);
        int limit = search.limit() == null ? 500 : search.limit();
        String after = decode(search.cursor());
        List<EventType> types = search.typesOrDefault();
        boolean includeFlagged = Boolean.TRUE.equals(search.includeFlagged());
        String events = types.stream().map(t -> "sum(r." + t.column() + ")").collect(Collectors.joining(" + "));
        String any = types.stream().map(t -> "r." + t.column() + " > 0").collect(Collectors.joining(" OR "));
        String weighted = types.stream().map(t -> settings.weight(t) + " * sum(r." + t.column() + ")")
                .collect(Collectors.joining(" + "));
        String intent = "100.0 * (" + weighted + ") / (" + Math.max(settings.maxWeight(), 1e-9) + " * (" + events + "))";
        boolean stages = search.funnelStages() != null && !search.funnelStages().isEmpty();
        // The post's current campaign and stage from the directory (the event's own campaign wins), as the summary
        // groups them; flagged actors (FlaggedActors, period [since, now]) left out unless asked for.
        String sql = (includeFlagged ? "" : "WITH flagged AS (" + FlaggedActors.SQL + ") ")
                + "SELECT r.actor_id, max(coalesce(d.platform, r.platform)), max(r.last_at), " + events + ", " + intent
                + ", sum(r.n_retargeting) > 0 FROM actor_rollup r LEFT JOIN post_directory d "
                + "ON d.workspace_id = r.workspace_id AND d.post_id = r.post_key "
                + "WHERE r.workspace_id = ? AND r.bucket >= date_trunc('hour', ?::timestamptz, 'UTC') "
                + "AND r.last_at >= ? AND (" + any + ")"
                + (search.campaignId() == null ? "" : " AND CASE WHEN r.campaign_key <> "
                        + "'00000000-0000-0000-0000-000000000000'::uuid THEN r.campaign_key ELSE d.campaign_id END = ?")
                + (stages ? " AND d.funnel_stage = ANY(?)" : "") + (after == null ? "" : " AND r.actor_id > ?")
                + (includeFlagged ? "" : " AND NOT EXISTS (SELECT 1 FROM flagged f WHERE f.actor_id = r.actor_id)")
                + " GROUP BY r.actor_id HAVING " + intent + " >= ? ORDER BY r.actor_id LIMIT " + (limit + 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (!includeFlagged) {
                i = FlaggedActors.bind(ps, i, workspaceId, settings, search.since().toInstant(), Instant.now());
            }
            ps.setObject(i++, workspaceId);
            ps.setObject(i++, search.since());
            ps.setObject(i++, search.since());
            if (search.campaignId() != null) {
                ps.setObject(i++, search.campaignId());
            }
            if (stages) {
                ps.setArray(i++, c.createArrayOf("text", search.funnelStages().stream().map(Enum::name).toArray()));
            }
            if (after != null) {
                ps.setString(i++, after);
            }
            ps.setDouble(i, search.minIntent() == null ? 0 : search.minIntent());
            List<EngagedActor> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new EngagedActor(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                            rs.getLong(4), Math.round(rs.getDouble(5) * 10) / 10.0, rs.getBoolean(6)));
                }
            }
            return Page.of(found, limit, a -> Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(a.actorId().getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The actor id a cursor continues after; a forged cursor (not base64url of UTF-8 text without NUL) is a 422. */
    static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String after = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor))).toString();
            if (after.isEmpty() || !Bounds.storable(after)) {
                throw ProblemException.invalid("cursor", "is not a cursor of this search");
            }
            return after;
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw ProblemException.invalid("cursor", "is not a cursor of this search");
        }
    }
}
