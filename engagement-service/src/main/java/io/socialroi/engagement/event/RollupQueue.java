package io.socialroi.engagement.event;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rollups maintained off the acknowledgement path (issue 15). An ingestion batch stores its events and, in the
 * same transaction, one {@code rollup_pending} row with its rollup deltas ({@link RollupDeltas#encode}): the 2xx
 * still means that every event and everything derived from it is durable, but the batch no longer waits for the
 * upserts into the rollup tables, whose random index writes and shared hot rows were about half of PostgreSQL's
 * work per event. The rows are applied here, each exactly once: one transaction deletes a run of pending rows
 * ({@code DELETE ... RETURNING}), merges their deltas (batches of the same hour and post add up to one upsert) and
 * upserts them with {@link RollupUpserts}, so a crash at any moment leaves each row either pending or applied.
 *
 * <p>Two appliers: the background one ({@link #drain}, every {@code engagement.rollups.apply-every}, on any
 * replica, taking rows with {@code SKIP LOCKED} so replicas share the work), and {@link #settle}, which every read
 * of a workspace's rollups calls first: it applies that workspace's rows that were committed before the read, and
 * waits for a background applier holding some of them, so a report never misses a batch acknowledged before it
 * was asked (read-your-writes, as when the rollups were written inline). With nothing pending it costs one index
 * probe. {@code engagement.rollups.deferred=false} writes the rollups in the batch's own transaction instead, as
 * before; the equivalence tests compare the two.
 */
@ApplicationScoped
public class RollupQueue {

    private static final String ENQUEUE = "INSERT INTO rollup_pending (workspace_id, events, deltas) VALUES (?, ?, ?)";
    private static final String NEWEST = "SELECT max(id) FROM rollup_pending WHERE workspace_id = ?";
    private static final String PENDING = "SELECT id, events FROM rollup_pending WHERE workspace_id = ? AND id <= ? "
            + "ORDER BY id LIMIT ?";
    private static final String BEHIND = "SELECT coalesce(sum(events), 0) FROM rollup_pending";
    private static final String BACKLOG = "SELECT workspace_id, id, events FROM rollup_pending ORDER BY id LIMIT ?";
    /** Waits for rows another applier holds; those it deleted are then gone and not returned. */
    private static final String TAKE = "DELETE FROM rollup_pending WHERE id = ANY(?) RETURNING events, deltas";
    private static final String TAKE_FREE = "DELETE FROM rollup_pending WHERE id IN (SELECT id FROM rollup_pending "
            + "WHERE id = ANY(?) FOR UPDATE SKIP LOCKED) RETURNING events, deltas";
    private static final int ROWS = 1000;
    private static final int ATTEMPTS = 3;

    private final DataSource dataSource;
    private final boolean deferred;
    private final long maxEvents;
    private final long maxBehind;
    /**
     * Events pending, as this replica knows them: what its writers queued, less what its appliers applied, set to
     * the database's figure at every background turn (other replicas' batches and applies included then).
     */
    private final java.util.concurrent.atomic.AtomicLong behind = new java.util.concurrent.atomic.AtomicLong();

    public RollupQueue(DataSource dataSource,
            @ConfigProperty(name = "engagement.rollups.deferred", defaultValue = "true") boolean deferred,
            @ConfigProperty(name = "engagement.rollups.apply-max-events", defaultValue = "100000") long maxEvents,
            @ConfigProperty(name = "engagement.rollups.max-behind", defaultValue = "100000") long maxBehind) {
        this.dataSource = dataSource;
        this.deferred = deferred;
        this.maxEvents = maxEvents;
        this.maxBehind = maxBehind;
    }

    /**
     * Back-pressure: true when more than {@code engagement.rollups.max-behind} events are pending, so that a writer
     * applies its workspace's backlog ({@link #settle}) before it acknowledges, and a burst cannot leave the rollups
     * (and the first report asked after it, which would apply them) arbitrarily far behind.
     */
    boolean behind() {
        return deferred && behind.get() > maxBehind;
    }

    /** In the batch's transaction: its deltas, pending (or upserted at once when rollups are not deferred). */
    void record(Connection c, UUID workspaceId, RollupDeltas deltas) throws SQLException {
        if (!deferred) {
            RollupUpserts.apply(c, workspaceId, deltas);
            return;
        }
        long events = deltas.events();
        try (PreparedStatement ps = c.prepareStatement(ENQUEUE)) {
            ps.setObject(1, workspaceId);
            ps.setInt(2, (int) Math.min(Integer.MAX_VALUE, events));
            ps.setBytes(3, deltas.encode());
            ps.executeUpdate();
        }
        behind.addAndGet(events);
    }

    /**
     * Applies every pending batch of the workspace committed before this call (waiting for one another applier is
     * applying): called before reading its rollups. Answers how many batches this call applied.
     */
    public int settle(UUID workspaceId) throws SQLException {
        // What was committed when the read began; batches committed later are the background's.
        long upTo;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(NEWEST)) {
            ps.setObject(1, workspaceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                upTo = rs.getLong(1);
                if (rs.wasNull()) {
                    return 0;
                }
            }
        }
        int applied = 0;
        while (true) {
            List<long[]> rows = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(PENDING)) {
                ps.setObject(1, workspaceId);
                ps.setLong(2, upTo);
                ps.setInt(3, ROWS);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
            }
            if (rows.isEmpty()) {
                return applied;
            }
            for (List<Long> run : runs(rows)) {
                applied += apply(workspaceId, run, true);
            }
        }
    }

    /** Settles every workspace (tests, and the bench before it reads the rollup tables). */
    public void settleAll() throws SQLException {
        while (drainOnce(true) > 0) {
            // until nothing is pending
        }
    }

    @Scheduled(every = "${engagement.rollups.apply-every:200ms}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drain() {
        if (!deferred) {
            return;
        }
        try {
            long until = System.nanoTime() + 5_000_000_000L;
            while (drainOnce(false) > 0 && System.nanoTime() < until) {
                // again while there is a backlog, a few seconds at most per turn
            }
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(BEHIND);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                behind.set(rs.getLong(1));
            }
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Applying pending rollups failed (kept pending, tried again): %s", e.getMessage());
        }
    }

    /** One pass over the oldest pending rows of all workspaces; answers how many batches it applied. */
    private int drainOnce(boolean wait) throws SQLException {
        Map<UUID, List<long[]>> byWorkspace = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(BACKLOG)) {
            ps.setInt(1, ROWS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byWorkspace.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        int applied = 0;
        for (Map.Entry<UUID, List<long[]>> ws : byWorkspace.entrySet()) {
            for (List<Long> run : runs(ws.getValue())) {
                applied += apply(ws.getKey(), run, wait);
            }
        }
        return applied;
    }

    /** Consecutive pending rows cut into runs of at most {@code maxEvents} events (at least one row each). */
    private List<List<Long>> runs(List<long[]> rows) {
        List<List<Long>> runs = new ArrayList<>();
        List<Long> run = new ArrayList<>();
        long events = 0;
        for (long[] row : rows) {
            if (!run.isEmpty() && events + row[1] > maxEvents) {
                runs.add(run);
                run = new ArrayList<>();
                events = 0;
            }
            run.add(row[0]);
            events += row[1];
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    /** Takes the rows (those still pending), merges and upserts their deltas, in one transaction. */
    private int apply(UUID workspaceId, List<Long> ids, boolean wait) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    RollupDeltas merged = RollupDeltas.empty();
                    int taken = 0;
                    long events = 0;
                    try (PreparedStatement ps = c.prepareStatement(wait ? TAKE : TAKE_FREE)) {
                        ps.setArray(1, c.createArrayOf("int8", ids.toArray()));
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                RollupDeltas.decodeInto(rs.getBytes(2), merged);
                                events += rs.getLong(1);
                                taken++;
                            }
                        }
                    }
                    if (taken > 0) {
                        RollupUpserts.apply(c, workspaceId, merged);
                    }
                    c.commit();
                    long applied = events;
                    behind.updateAndGet(b -> Math.max(0, b - applied));
                    return taken;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                boolean retryable = "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
                if (!retryable || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
