package io.socialroi.engagement.summary;

import io.socialroi.engagement.actor.FlaggedActors;
import io.socialroi.engagement.event.EventType;
import io.socialroi.engagement.event.RollupQueue;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Reads the summary from the rollups only: counts from {@code engagement_rollup}; unique, reached, engaged and
 * clicking actors, suspicious, flagged and genuine engagement per type from {@code actor_rollup}, with the actors
 * {@link FlaggedActors} flags for the period. The rollups keep what the event said (post, platform, its own
 * campaign); the post's current campaign, platform and stage come from {@code post_directory}, joined here (the
 * event's own campaign wins). Both queries use grouping sets, so the totals come in the same pass.
 */
@ApplicationScoped
public class SummaryQuery {

    /** Key of the totals in the maps below. */
    static final String TOTAL = "\u0000total";
    static final String NIL = "'00000000-0000-0000-0000-000000000000'::uuid";

    /** What the rollups say about one row (or the totals). */
    static final class Acc {
        final Map<EventType, Long> counts = new EnumMap<>(EventType.class);
        final Map<EventType, Long> genuine = new EnumMap<>(EventType.class);
        long botClicks;
        long uniqueActors;
        long suspiciousEngagements;
        long actorEngagements;
        long flaggedEngagements;
        long reachedActors;
        long engagedActors;
        long clickedActors;
        /** The greatest (current) platform of the row's rollup rows: the platform of a post row. */
        String platform;
    }

    /** A post's current directory entry, for the post rows. */
    record PostInfo(UUID campaignId, String platform, String funnelStage) {
    }

    private final DataSource dataSource;
    private final RollupQueue pending;

    public SummaryQuery(DataSource dataSource, RollupQueue pending) {
        this.dataSource = dataSource;
        this.pending = pending;
    }

    /** Applies the workspace's acknowledged batches whose rollups are still pending: before every read of them. */
    public void settle(UUID workspaceId) throws SQLException {
        pending.settle(workspaceId);
    }

    /** Rows by key (in key order), plus the totals under {@link #TOTAL}. */
    public Map<String, Acc> run(UUID workspaceId, Instant from, Instant to, ZoneId zone, GroupBy groupBy,
            UUID campaignId, ScoringSettings settings) throws SQLException {
        settle(workspaceId);
        Map<String, Acc> rows = new LinkedHashMap<>();
        rows.put(TOTAL, new Acc());
        try (Connection c = dataSource.getConnection()) {
            counts(c, rows, workspaceId, from, to, zone, groupBy, campaignId);
            actors(c, rows, workspaceId, from, to, zone, groupBy, campaignId, settings);
        }
        return rows;
    }

    /** The current directory entries of these posts (those it knows). */
    public Map<UUID, PostInfo> posts(UUID workspaceId, List<UUID> posts) throws SQLException {
        Map<UUID, PostInfo> found = new HashMap<>();
        if (posts.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT post_id, "
                + "campaign_id, platform, funnel_stage FROM post_directory WHERE workspace_id = ? AND post_id = ANY(?)")) {
            ps.setObject(1, workspaceId);
            ps.setArray(2, c.createArrayOf("uuid", posts.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getObject(1, UUID.class), new PostInfo(rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4)));
                }
            }
        }
        return found;
    }

    /**
     * The rollup rows of the period with the post's current campaign, platform and stage: the event's own campaign
     * when it had one, else the directory's; the directory's platform and stage when it knows the post.
     */
    private static String resolved(String table, String columns) {
        return "(SELECT r.bucket, r.post_key, coalesce(d.platform, r.platform) AS platform, CASE WHEN r.campaign_key <> "
                + NIL + " THEN r.campaign_key ELSE coalesce(d.campaign_id, " + NIL + ") END AS campaign_key, "
                + "coalesce(d.funnel_stage, '') AS funnel_stage, " + columns + " FROM " + table + " r "
                + "LEFT JOIN post_directory d ON d.workspace_id = r.workspace_id AND d.post_id = r.post_key "
                + "WHERE r.workspace_id = ? AND r.bucket >= ? AND r.bucket < ?) y";
    }

    private static void counts(Connection c, Map<String, Acc> rows, UUID ws, Instant from, Instant to, ZoneId zone,
            GroupBy groupBy, UUID campaignId) throws SQLException {
        String sql = "SELECT k, GROUPING(k) AS g, type, sum(events), max(platform) FROM (SELECT " + groupBy.keySql()
                + " AS k, type, events, platform FROM " + resolved("engagement_rollup", "r.type, r.events")
                + filter(campaignId) + ") x GROUP BY GROUPING SETS ((k, type), (type)) ORDER BY k";
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
                    String platform = rs.getString(5);
                    if (acc.platform == null || platform.compareTo(acc.platform) > 0) {
                        acc.platform = platform;
                    }
                }
            }
        }
    }

    private static void actors(Connection c, Map<String, Acc> rows, UUID ws, Instant from, Instant to, ZoneId zone,
            GroupBy groupBy, UUID campaignId, ScoringSettings settings) throws SQLException {
        EventType[] types = EventType.engagements().toArray(EventType[]::new);
        List<EventType> all = EventType.actorTypes();
        String perActor = all.stream().map(t -> "sum(" + t.column() + ") AS " + t.column())
                .collect(Collectors.joining(", "));
        String engagement = Arrays.stream(types).map(EventType::column).collect(Collectors.joining(" + "));
        String seen = all.stream().filter(t -> t != EventType.IMPRESSION).map(EventType::column)
                .collect(Collectors.joining(" + "));
        String genuine = Arrays.stream(types).map(t -> "sum(b." + t.column() + ") FILTER (WHERE NOT b.sus)")
                .collect(Collectors.joining(", "));
        String columns = "r.actor_id, " + all.stream().map(t -> "r." + t.column()).collect(Collectors.joining(", "));
        // Flagged for the period (FlaggedActors): bursts and identical comments near it, across all posts.
        // "Only likes" is judged over the period: likes are all the actor did there, and there were many.
        String sql = "WITH flagged AS (" + FlaggedActors.SQL + "), "
                + "x AS (SELECT " + groupBy.keySql() + " AS k, actor_id, " + perActor + " FROM "
                + resolved("actor_rollup", columns) + filter(campaignId) + " GROUP BY 1, 2), "
                + "a AS (SELECT x.*, " + engagement + " AS eng, n_impression + " + seen + " AS cnt, " + seen
                + " AS seen, sum(n_like) OVER (PARTITION BY actor_id) AS actor_likes, "
                + "sum(" + engagement + ") OVER (PARTITION BY actor_id) AS actor_eng FROM x), "
                + "b AS (SELECT a.*, f.actor_id IS NOT NULL AS flg, "
                + "(f.actor_id IS NOT NULL OR (a.actor_likes >= ? AND a.actor_likes = a.actor_eng)) AS sus "
                + "FROM a LEFT JOIN flagged f ON f.actor_id = a.actor_id) "
                + "SELECT b.k, GROUPING(b.k), count(DISTINCT b.actor_id) FILTER (WHERE b.eng > 0), "
                + "coalesce(sum(b.eng) FILTER (WHERE b.sus), 0), coalesce(sum(b.eng), 0), "
                + "coalesce(sum(b.eng) FILTER (WHERE b.flg), 0), "
                + "count(DISTINCT b.actor_id) FILTER (WHERE NOT b.flg AND b.cnt > 0), "
                + "count(DISTINCT b.actor_id) FILTER (WHERE NOT b.flg AND b.seen > 0), "
                + "count(DISTINCT b.actor_id) FILTER (WHERE NOT b.flg AND b.n_click > 0), "
                + genuine + " FROM b GROUP BY GROUPING SETS ((b.k), ())";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = FlaggedActors.bind(ps, 1, ws, settings, from, to);
            next = bind(ps, ws, from, to, zone, groupBy, campaignId, next);
            ps.setInt(next, settings.onlyLikesMin());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Acc acc = rows.computeIfAbsent(rs.getInt(2) == 1 ? TOTAL : rs.getString(1), k -> new Acc());
                    acc.uniqueActors = rs.getLong(3);
                    acc.suspiciousEngagements = rs.getLong(4);
                    acc.actorEngagements = rs.getLong(5);
                    acc.flaggedEngagements = rs.getLong(6);
                    acc.reachedActors = rs.getLong(7);
                    acc.engagedActors = rs.getLong(8);
                    acc.clickedActors = rs.getLong(9);
                    for (int i = 0; i < types.length; i++) {
                        acc.genuine.put(types[i], rs.getLong(10 + i));
                    }
                }
            }
        }
    }

    /** The campaign filter, on the resolved campaign. */
    private static String filter(UUID campaignId) {
        return campaignId == null ? "" : " WHERE campaign_key = ?";
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
