package io.socialroi.engagement.event;

import io.quarkus.logging.Log;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.problem.ProblemMappers;
import io.socialroi.engagement.change.ChangeLog;
import io.socialroi.engagement.event.RollupDeltas.ActorDelta;
import io.socialroi.engagement.event.RollupDeltas.ActorKey;
import io.socialroi.engagement.event.RollupDeltas.CommentKey;
import io.socialroi.engagement.event.RollupDeltas.Dims;
import io.socialroi.engagement.event.RollupDeltas.MinuteKey;
import io.socialroi.engagement.event.RollupDeltas.TypeKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The hot path. One batch is one transaction of a few set-based statements, whatever its size:
 * <ol>
 * <li>the event ids go to {@code event_key} as one array with {@code ON CONFLICT DO NOTHING RETURNING}: the
 * dedupe, safe across concurrent requests because the unique key decides;</li>
 * <li>the fresh events are appended to {@code engagement_event} with one binary {@code COPY} (rows encoded by
 * {@link CopyEncoder});</li>
 * <li>the rollup deltas are aggregated by {@link RollupDeltas}, one row per distinct key, and upserted here as
 * arrays, keys in a fixed order so that concurrent batches lock shared rollup rows in the same order;</li>
 * <li>one {@code engagement_change} row for the change feed (its actors, click ids and time span).</li>
 * </ol>
 * Events and rollups keep only what the event says (post, platform, its own campaign): the reports resolve a post's
 * current campaign and stage from the post directory when they are read (V6), so an event that arrives before its
 * post is registered, or a post edited later, is grouped under the post's current entry.
 * The caller answers only after the commit. Measured with {@code bench/ingest-bench.sh} (README).
 */
@ApplicationScoped
public class EventWriter {

    private static final int ATTEMPTS = 3;
    private static final List<EventType> ENGAGEMENTS = RollupDeltas.ENGAGEMENTS;

    private static final String DEDUPE = "INSERT INTO event_key (workspace_id, event_id) SELECT ?, k "
            + "FROM unnest(?::text[]) WITH ORDINALITY AS u(k, o) ORDER BY o ON CONFLICT DO NOTHING RETURNING event_id";
    private static final String COPY = "COPY engagement_event (" + CopyEncoder.EVENT_COLUMNS + ") FROM STDIN "
            + "(FORMAT binary)";
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

    private final DataSource dataSource;
    private final Partitions partitions;

    public EventWriter(DataSource dataSource, Partitions partitions) {
        this.dataSource = dataSource;
        this.partitions = partitions;
    }

    /** Stores the events not seen before (by workspace and event id) and answers how many were new. */
    public int write(UUID workspaceId, List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        Set<YearMonth> months = new HashSet<>();
        long lastHour = Long.MIN_VALUE;
        for (IncomingEvent e : events) {
            long hour = Math.floorDiv(Micros.of(e.occurredAt()), RollupDeltas.MICROS_PER_HOUR);
            if (hour != lastHour) {
                months.add(YearMonth.from(java.time.Instant.ofEpochSecond(hour * 3600).atOffset(ZoneOffset.UTC)));
                lastHour = hour;
            }
        }
        // Sorted ids: concurrent batches with common ids then wait on each other in the same order.
        String[] ids = events.stream().map(IncomingEvent::eventId).sorted().toArray(String[]::new);
        for (int attempt = 1; ; attempt++) {
            try {
                partitions.ensure(months);
                return transaction(workspaceId, events, ids);
            } catch (SQLException e) {
                if (ProblemMappers.isDatabaseUnavailable(e) || e.getSQLState() == null) {
                    Log.warnf("Database unavailable during ingestion: %s", e.getMessage());
                    throw unavailable();
                }
                boolean retryable = "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
                if (!retryable || attempt == ATTEMPTS) {
                    throw new IllegalStateException("Event batch could not be written", e);
                }
            }
        }
    }

    private int transaction(UUID workspaceId, List<IncomingEvent> events, String[] ids) throws SQLException {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            // Whatever the reason (refused, not accepting connections, pool exhausted), nothing can be stored now.
            Log.warnf("No database connection for ingestion: %s", e.getMessage());
            throw unavailable();
        }
        try (Connection c = connection) {
            c.setAutoCommit(false);
            try {
                Set<String> freshIds = dedupe(c, workspaceId, ids);
                if (!freshIds.isEmpty()) {
                    List<IncomingEvent> fresh = freshIds.size() == events.size() ? events
                            : events.stream().filter(e -> freshIds.contains(e.eventId())).toList();
                    copy(c, workspaceId, fresh);
                    rollups(c, workspaceId, fresh);
                    // The change feed's item of this batch (V7), committed with it: GET /changes.
                    ChangeLog.batch(c, workspaceId, fresh);
                }
                c.commit();
                return freshIds.size();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                restoreAutoCommit(c);
            }
        }
    }

    private static Set<String> dedupe(Connection c, UUID ws, String[] ids) throws SQLException {
        Set<String> fresh = new HashSet<>(ids.length * 2);
        try (PreparedStatement ps = c.prepareStatement(DEDUPE)) {
            ps.setObject(1, ws);
            ps.setArray(2, c.createArrayOf("text", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
        }
        return fresh;
    }

    private static void copy(Connection c, UUID ws, List<IncomingEvent> events) throws SQLException {
        CopyEncoder rows = CopyEncoder.events(ws, events);
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            copy.writeToCopy(rows.bytes(), 0, rows.length());
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // the connection is gone or the copy already failed; the transaction is rolled back
                }
            }
        }
    }

    /** Every rollup delta of the fresh events ({@link RollupDeltas}: one row per distinct key), upserted. */
    private static void rollups(Connection c, UUID ws, List<IncomingEvent> events) throws SQLException {
        RollupDeltas deltas = RollupDeltas.of(events);
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

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the pool discards it
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is gone; the pool discards it
        }
    }

    static ProblemException unavailable() {
        return new ProblemException(Problem.of(503, "database-unavailable", "Service Unavailable",
                "The database is unreachable; nothing was stored. Retry later."), Map.of("Retry-After", "5"));
    }

    /** Instants as PostgreSQL stores them: microseconds, rounded like its input functions round. */
    static final class Micros {
        private Micros() {
        }

        static long of(java.time.Instant t) {
            return t.getEpochSecond() * 1_000_000L + (t.getNano() + 500) / 1000;
        }
    }
}
