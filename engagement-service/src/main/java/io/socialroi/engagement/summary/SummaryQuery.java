package io.socialroi.engagement.summary;

import io.socialroi.engagement.event.EventType;
import io.socialroi.engagement.settings.ScoringSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Reads the summary from the rollups only: counts from {@code engagement_rollup}; unique engaged actors,
 * suspicious engagement and genuine engagement per type from {@code actor_rollup}, with the actors whose
 * behaviour marks them as bots. Both queries use grouping sets, so the totals come in the same pass.
 */
@ApplicationScoped
public class SummaryQuery {

    /**
     * Actors flagged by behaviour over all time: minutes with too many engagements (parameters: workspace,
     * burst per minute) and comments shared by too many actors (workspace, identical-comment actors). The
     * in-memory {@link RollupStore} reads the same set.
     */
    static final String FLAGGED_ACTORS = "SELECT actor_id FROM actor_minute WHERE workspace_id = ? AND engagements >= ? "
            + "UNION SELECT ac.actor_id FROM actor_comment ac JOIN comment_fingerprint cf "
            + "ON cf.workspace_id = ac.workspace_id AND cf.comment_hash = ac.comment_hash "
            + "WHERE ac.workspace_id = ? AND cf.actors >= ?";

    /** Key of the totals in the maps below. */
    static final String TOTAL = "\u0000total";

    /** What the rollups say about one row (or the totals). */
    static final class Acc {
        final Map<EventType, Long> counts = new EnumMap<>(EventType.class);
        final Map<EventType, Long> genuine = new EnumMap<>(EventType.class);
        long botClicks;
        long uniqueActors;
        long suspiciousEngagements;
        long actorEngagements;
    }

    private final DataSource dataSource;

    public SummaryQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Rows by key (in key order), plus the totals under {@link #TOTAL}. */
    public Map<String, Acc> run(UUID workspaceId, Instant from, Instant to, ZoneId zone, GroupBy groupBy,
            UUID campaignId, ScoringSettings settings) throws SQLException {
        Map<String, Acc> rows = new LinkedHashMap<>();
        rows.put(TOTAL, new Acc());
        try (Connection c = dataSource.getConnection()) {
            counts(c, rows, workspaceId, from, to, zone, groupBy, campaignId);
            actors(c, rows, workspaceId, from, to, zone, groupBy, campaignId, settings);
        }
        return rows;
    }

    private static void counts(Connection c, Map<String, Acc> rows, UUID ws, Instant from, Instant to, ZoneId zone,
            GroupBy groupBy, UUID campaignId) throws SQLException {
        String sql = "SELECT k, GROUPING(k) AS g, type, sum(events) FROM (SELECT " + groupBy.keySql() + " AS k, type, "
                + "events FROM engagement_rollup WHERE " + filter(campaignId) + ") x "
                + "GROUP BY GROUPING SETS ((k, type), (type)) ORDER BY k";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, ws, from, to, zone, groupBy, campaignId, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Acc acc = rows.computeIfAbsent(rs.getInt(2) == 1 ? TOTAL : rs.getString(1), k -> new Acc());
                    String type = rs.getString(3);
                    if ("BOT_CLICK".equals(type)) {
                        acc.botClicks += rs.getLong(4);
                    } else {
                        acc.counts.merge(EventType.valueOf(type), rs.getLong(4), Long::sum);
                    }
                }
            }
        }
    }

    private static void actors(Connection c, Map<String, Acc> rows, UUID ws, Instant from, Instant to, ZoneId zone,
            GroupBy groupBy, UUID campaignId, ScoringSettings settings) throws SQLException {
        EventType[] types = EventType.engagements().toArray(EventType[]::new);
        String perActor = Arrays.stream(types).map(t -> "sum(" + t.column() + ") AS " + t.column())
                .collect(Collectors.joining(", "));
        String engagement = Arrays.stream(types).map(EventType::column).collect(Collectors.joining(" + "));
        String genuine = Arrays.stream(types).map(t -> "sum(b." + t.column() + ") FILTER (WHERE NOT b.sus)")
                .collect(Collectors.joining(", "));
        // Flagged by behaviour over all time: bursts (minutes with too many engagements) and identical comments.
        // "Only ever likes" is judged over the period: likes are all the actor did there, and there were many.
        String sql = "WITH flagged AS (" + FLAGGED_ACTORS + "), "
                + "x AS (SELECT " + groupBy.keySql() + " AS k, actor_id, " + perActor + " FROM actor_rollup WHERE "
                + filter(campaignId) + " GROUP BY 1, 2), "
                + "a AS (SELECT x.*, " + engagement + " AS eng, sum(n_like) OVER (PARTITION BY actor_id) AS actor_likes, "
                + "sum(" + engagement + ") OVER (PARTITION BY actor_id) AS actor_eng FROM x), "
                + "b AS (SELECT a.*, (f.actor_id IS NOT NULL OR (a.actor_likes >= ? AND a.actor_likes = a.actor_eng)) AS sus "
                + "FROM a LEFT JOIN flagged f ON f.actor_id = a.actor_id) "
                + "SELECT b.k, GROUPING(b.k), count(DISTINCT b.actor_id), coalesce(sum(b.eng) FILTER (WHERE b.sus), 0), "
                + "sum(b.eng), " + genuine + " FROM b GROUP BY GROUPING SETS ((b.k), ())";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, ws);
            ps.setInt(2, settings.burstPerMinute());
            ps.setObject(3, ws);
            ps.setInt(4, settings.identicalCommentActors());
            int next = bind(ps, ws, from, to, zone, groupBy, campaignId, 5);
            ps.setInt(next, settings.onlyLikesMin());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Acc acc = rows.computeIfAbsent(rs.getInt(2) == 1 ? TOTAL : rs.getString(1), k -> new Acc());
                    acc.uniqueActors = rs.getLong(3);
                    acc.suspiciousEngagements = rs.getLong(4);
                    acc.actorEngagements = rs.getLong(5);
                    for (int i = 0; i < types.length; i++) {
                        acc.genuine.put(types[i], rs.getLong(6 + i));
                    }
                }
            }
        }
    }

    private static String filter(UUID campaignId) {
        return "workspace_id = ? AND bucket >= ? AND bucket < ?" + (campaignId == null ? "" : " AND campaign_key = ?");
    }

    /** Binds the period filter from parameter {@code first} on and answers the next free parameter index. */
    private static int bind(PreparedStatement ps, UUID ws, Instant from, Instant to, ZoneId zone, GroupBy groupBy,
            UUID campaignId, int first) throws SQLException {
        List<Object> params = new ArrayList<>();
        if (groupBy == GroupBy.DAY) {
            params.add(zone.getId());
        }
        params.add(ws);
        params.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        params.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        if (campaignId != null) {
            params.add(campaignId);
        }
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(first + i, params.get(i));
        }
        return first + params.size();
    }
}
