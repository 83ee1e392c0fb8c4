package io.socialroi.engagement.event;

import io.quarkus.logging.Log;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.problem.ProblemMappers;
import io.socialroi.engagement.change.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
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
 * <li>the rollup deltas are aggregated by {@link RollupDeltas}, one row per distinct key, and kept as one
 * {@code rollup_pending} row that {@link RollupQueue} applies to the rollup tables off this path (before any read
 * of the workspace's rollups, and in the background);</li>
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

    private static final String DEDUPE = "INSERT INTO event_key (workspace_id, event_id) SELECT ?, k "
            + "FROM unnest(?::text[]) WITH ORDINALITY AS u(k, o) ORDER BY o ON CONFLICT DO NOTHING RETURNING event_id";
    private static final String COPY = "COPY engagement_event (" + CopyEncoder.EVENT_COLUMNS + ") FROM STDIN "
            + "(FORMAT binary)";

    private final DataSource dataSource;
    private final Partitions partitions;
    private final RollupQueue rollups;

    public EventWriter(DataSource dataSource, Partitions partitions, RollupQueue rollups) {
        this.dataSource = dataSource;
        this.partitions = partitions;
        this.rollups = rollups;
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
                    // The rollup deltas: pending in rollup_pending, applied off this path (RollupQueue).
                    rollups.record(c, workspaceId, RollupDeltas.of(fresh));
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
