package io.socialroi.engagement.event;

import io.socialroi.engagement.event.RollupDeltas.ActorDelta;
import io.socialroi.engagement.event.RollupDeltas.ActorKey;
import io.socialroi.engagement.event.RollupDeltas.CommentKey;
import io.socialroi.engagement.event.RollupDeltas.Dims;
import io.socialroi.engagement.event.RollupDeltas.MinuteKey;
import io.socialroi.engagement.event.RollupDeltas.TypeKey;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rollup upserts of one set of deltas, in the caller's transaction: {@code actor_rollup}, {@code actor_minute},
 * {@code engagement_rollup}, {@code actor_comment} with {@code comment_fingerprint}, then the {@code rollup_change}
 * row of the hours touched. Every key arrives once (aggregated by {@link RollupDeltas}) and in a fixed order, so
 * concurrent writers lock shared rollup rows in the same order; written as arrays, one statement per table.
 * Called by {@link RollupQueue} for the batches it applies, or by {@link EventWriter} in the batch's own
 * transaction when rollups are written on the acknowledgement path ({@code engagement.rollups.deferred=false}).
 */
final class RollupUpserts {

    private static final List<EventType> ENGAGEMENTS = RollupDeltas.ENGAGEMENTS;

    private static final String DIMS = "workspace_id, bucket, post_key, platform, campaign_key, funnel_stage";
    private static final String ROLLUP = "INSERT INTO engagement_rollup (" + DIMS + ", type, events) "
            + "SELECT ?, to_timestamp(b), p, pl, c, st, t, n FROM unnest(?::int8[], ?::uuid[], ?::text[], ?::uuid[], "
            + "?::text[], ?::text[], ?::int8[]) WITH ORDINALITY AS u(b, p, pl, c, st, t, n, o) ORDER BY o "
            + "ON CONFLICT (" + DIMS + ", type) DO UPDATE SET events = engagement_rollup.events + excluded.events";
    private static final String ACTOR_ROLLUP = actorRollup();
    private static final String MINUTE = "INSERT INTO actor_minute (workspace_id, actor_id, minute, engagements) "
            + "SELECT ?, a, to_timestamp(m), n FROM unnest(?::text[], ?::int8[], ?::int4[]) WITH ORDINALITY "
            + "AS u(a, m, n, o) ORDER BY o ON CONFLICT (workspace_id, actor_id, minute) "
            + "DO UPDATE SET engagements = actor_minute.engagements + excluded.engagements";
    private static final String COMMENTS = "WITH ac AS (INSERT INTO actor_comment (workspace_id, comment_hash, actor_id) "
            + "SELECT ?, h, a FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS u(h, a, o) ORDER BY o "
            + "ON CONFLICT DO NOTHING RETURNING comment_hash) "
            + "INSERT INTO comment_fingerprint (workspace_id, comment_hash, actors) SELECT ?, comment_hash, count(*) "
            + "FROM ac GROUP BY comment_hash ORDER BY comment_hash ON CONFLICT (workspace_id, comment_hash) "
            + "DO UPDATE SET actors = comment_fingerprint.actors + excluded.actors";

    private RollupUpserts() {
    }

    /** Every delta ({@link RollupDeltas}: one row per distinct key) upserted, and the change row of its hours. */
    static void apply(Connection c, UUID ws, RollupDeltas deltas) throws SQLException {
        if (deltas.minBucket() > deltas.maxBucket()) {
            return;
        }
        actorRollup(c, ws, deltas.actors());
        actorMinutes(c, ws, deltas.minutes());
        // Last: concurrent batches of a workspace share these rows (every post's hour, popular comment texts), so
        // their locks are held only for these statements and the commit.
        engagementRollup(c, ws, deltas.engagement());
        actorComments(c, ws, deltas.comments());
        // One row for the summary stores of all replicas: which hours of the workspace changed (V5).
        RollupChanges.log(c, ws, deltas.minBucket(), deltas.maxBucket());
    }

    private static void engagementRollup(Connection c, UUID ws, List<Map.Entry<TypeKey, long[]>> counts)
            throws SQLException {
        int n = counts.size();
        Long[] buckets = new Long[n];
        UUID[] posts = new UUID[n];
        String[] platforms = new String[n];
        UUID[] campaigns = new UUID[n];
        String[] stages = new String[n];
        String[] types = new String[n];
        Long[] events = new Long[n];
        int i = 0;
        for (Map.Entry<TypeKey, long[]> entry : counts) {
            Dims d = entry.getKey().dims();
            buckets[i] = d.bucket();
            posts[i] = d.post();
            platforms[i] = d.platform();
            campaigns[i] = d.campaign();
            stages[i] = d.stage();
            types[i] = entry.getKey().type();
            events[i++] = entry.getValue()[0];
        }
        try (PreparedStatement ps = c.prepareStatement(ROLLUP)) {
            ps.setObject(1, ws);
            bind(c, ps, 2, "int8", buckets, "uuid", posts, "text", platforms, "uuid", campaigns, "text", stages,
                    "text", types, "int8", events);
            ps.executeUpdate();
        }
    }

    private static void actorRollup(Connection c, UUID ws, List<Map.Entry<ActorKey, ActorDelta>> actors)
            throws SQLException {
        int n = actors.size();
        if (n == 0) {
            return;
        }
        Long[] buckets = new Long[n];
        UUID[] posts = new UUID[n];
        String[] platforms = new String[n];
        UUID[] campaigns = new UUID[n];
        String[] stages = new String[n];
        String[] ids = new String[n];
        Integer[][] counts = new Integer[ENGAGEMENTS.size()][n];
        Integer[] retargeting = new Integer[n];
        Long[] lastAt = new Long[n];
        int i = 0;
        for (Map.Entry<ActorKey, ActorDelta> entry : actors) {
            Dims d = entry.getKey().dims();
            ActorDelta delta = entry.getValue();
            buckets[i] = d.bucket();
            posts[i] = d.post();
            platforms[i] = d.platform();
            campaigns[i] = d.campaign();
            stages[i] = d.stage();
            ids[i] = entry.getKey().actor();
            for (int t = 0; t < counts.length; t++) {
                counts[t][i] = delta.counts[t];
            }
            retargeting[i] = delta.retargeting;
            lastAt[i++] = delta.lastAt;
        }
        try (PreparedStatement ps = c.prepareStatement(ACTOR_ROLLUP)) {
            ps.setObject(1, ws);
            int p = bind(c, ps, 2, "int8", buckets, "uuid", posts, "text", platforms, "uuid", campaigns, "text", stages,
                    "text", ids);
            for (Integer[] column : counts) {
                ps.setArray(p++, c.createArrayOf("int4", column));
            }
            ps.setArray(p++, c.createArrayOf("int4", retargeting));
            ps.setArray(p, c.createArrayOf("int8", lastAt));
            ps.executeUpdate();
        }
    }

    private static void actorMinutes(Connection c, UUID ws, List<Map.Entry<MinuteKey, int[]>> sorted)
            throws SQLException {
        // Every engaging minute of every actor: a burst must be seen whatever the batching (one event per request
        // or all in one), so the flag does not depend on the order and batching of the writes (issue 12).
        if (sorted.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(MINUTE)) {
            ps.setObject(1, ws);
            bind(c, ps, 2, "text", sorted.stream().map(m -> m.getKey().actor()).toArray(String[]::new),
                    "int8", sorted.stream().map(m -> m.getKey().minute()).toArray(Long[]::new),
                    "int4", sorted.stream().map(m -> m.getValue()[0]).toArray(Integer[]::new));
            ps.executeUpdate();
        }
    }

    private static void actorComments(Connection c, UUID ws, List<CommentKey> sorted) throws SQLException {
        if (sorted.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(COMMENTS)) {
            ps.setObject(1, ws);
            bind(c, ps, 2, "text", sorted.stream().map(CommentKey::hash).toArray(String[]::new),
                    "text", sorted.stream().map(CommentKey::actor).toArray(String[]::new));
            ps.setObject(4, ws);
            ps.executeUpdate();
        }
    }

    /** Binds (type, array) pairs as SQL arrays from parameter {@code first} on; answers the next free index. */
    private static int bind(Connection c, PreparedStatement ps, int first, Object... typesAndArrays)
            throws SQLException {
        int p = first;
        for (int i = 0; i < typesAndArrays.length; i += 2) {
            Array array = c.createArrayOf((String) typesAndArrays[i], (Object[]) typesAndArrays[i + 1]);
            ps.setArray(p++, array);
        }
        return p;
    }

    private static String actorRollup() {
        String columns = ENGAGEMENTS.stream().map(EventType::column).collect(Collectors.joining(", "));
        String names = ENGAGEMENTS.stream().map(t -> "c_" + t.name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
        String countArrays = ENGAGEMENTS.stream().map(t -> "?::int4[]").collect(Collectors.joining(", "));
        String increments = ENGAGEMENTS.stream().map(t -> t.column() + " = actor_rollup." + t.column() + " + excluded."
                + t.column()).collect(Collectors.joining(", "));
        return "INSERT INTO actor_rollup (" + DIMS + ", actor_id, " + columns + ", n_retargeting, last_at) "
                + "SELECT ?, to_timestamp(b), p, pl, c, st, a, " + names + ", r, "
                + "timestamptz 'epoch' + l * interval '1 microsecond' "
                + "FROM unnest(?::int8[], ?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::text[], " + countArrays
                + ", ?::int4[], ?::int8[]) WITH ORDINALITY AS u(b, p, pl, c, st, a, " + names + ", r, l, o) ORDER BY o "
                + "ON CONFLICT (" + DIMS + ", actor_id) DO UPDATE SET " + increments + ", "
                + "n_retargeting = actor_rollup.n_retargeting + excluded.n_retargeting, "
                + "last_at = greatest(actor_rollup.last_at, excluded.last_at)";
    }
}
