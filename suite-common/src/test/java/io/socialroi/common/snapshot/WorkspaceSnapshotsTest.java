package io.socialroi.common.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.socialroi.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The mechanism against real PostgreSQL, through a small store of its own: rows (workspace, key, value) whose
 * writers stamp {@code changed_xid}, held in memory as a map per workspace. What a user of a store observes: every
 * read equals the SQL answer as of the read, whatever the order of commits, within the budget.
 */
class WorkspaceSnapshotsTest {

    private static String database;
    private static DataSource dataSource;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = TestDatabase.create("snapshot");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(TestDatabase.BASE_URL + "/" + database);
        ds.setUser(TestDatabase.USER);
        ds.setPassword(System.getenv().getOrDefault("SUITE_DB_PASSWORD", ""));
        dataSource = ds;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE item (workspace_id uuid NOT NULL, k int NOT NULL, v int NOT NULL, "
                    + "changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id(), PRIMARY KEY (workspace_id, k))");
            s.execute("CREATE INDEX ON item (workspace_id, changed_xid)");
        }
    }

    @AfterAll
    static void dropDatabase() {
        TestDatabase.drop(database);
    }

    /** The store's per-workspace state: the rows and the watermark. */
    static final class Rows {
        final UUID ws;
        final Map<Integer, Integer> values = new HashMap<>();
        long xmin;

        Rows(UUID ws) {
            this.ws = ws;
        }
    }

    /** A source as the services write theirs: a full read, then the rows changed at or above the watermark. */
    static final class ItemSource implements WorkspaceSnapshots.Source<Rows, Map<Integer, Integer>, Void> {
        final AtomicBoolean failNext = new AtomicBoolean();

        @Override
        public Rows open(UUID workspaceId) {
            return new Rows(workspaceId);
        }

        @Override
        public Map<Integer, Integer> refresh(Rows state, Map<Integer, Integer> previous, Void parameter)
                throws SQLException, TooBig {
            if (failNext.getAndSet(false)) {
                throw new SQLException("connection lost", "08006");
            }
            return Watermark.consistent(dataSource, (c, xmin) -> {
                String sql = "SELECT k, v FROM item WHERE workspace_id = ?" + (previous == null ? ""
                        : " AND changed_xid >= ?::text::xid8");
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setObject(1, state.ws);
                    if (previous != null) {
                        ps.setObject(2, Long.toString(state.xmin), Types.OTHER);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            state.values.put(rs.getInt(1), rs.getInt(2));
                        }
                    }
                }
                state.xmin = xmin;
                return Map.copyOf(state.values);
            });
        }

        @Override
        public long weight(Map<Integer, Integer> view) {
            return view.size();
        }
    }

    private static WorkspaceSnapshots<Rows, Map<Integer, Integer>, Void> store(long budget, boolean background) {
        return new WorkspaceSnapshots<>("test store", new SnapshotSettings(budget, Duration.ofHours(1), background,
                Duration.ofMinutes(5)), new ItemSource());
    }

    private static void write(UUID ws, int k, int v) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            write(c, ws, k, v);
        }
    }

    private static void write(Connection c, UUID ws, int k, int v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO item (workspace_id, k, v) VALUES (?, ?, ?) "
                + "ON CONFLICT (workspace_id, k) DO UPDATE SET v = excluded.v, changed_xid = pg_current_xact_id()")) {
            ps.setObject(1, ws);
            ps.setInt(2, k);
            ps.setInt(3, v);
            ps.executeUpdate();
        }
    }

    /** The oracle. */
    private static Map<Integer, Integer> sql(UUID ws) throws SQLException {
        Map<Integer, Integer> rows = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT k, v FROM item WHERE workspace_id = ?")) {
            ps.setObject(1, ws);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getInt(1), rs.getInt(2));
                }
            }
        }
        return rows;
    }

    @Test
    void everyReadReflectsWhatWasCommittedBeforeIt() throws SQLException {
        UUID ws = UUID.randomUUID();
        try (var store = store(1000, false)) {
            write(ws, 1, 10);
            assertEquals(sql(ws), store.view(ws, null));
            write(ws, 2, 20);
            write(ws, 1, 11);
            assertEquals(Map.of(1, 11, 2, 20), store.view(ws, null));
            assertEquals(sql(ws), store.view(ws, null));
            assertEquals(1, store.loads(), "loaded once, then kept current from the changes");
        }
    }

    @Test
    void aTransactionThatCommitsAfterALaterOneIsStillSeen() throws SQLException {
        UUID ws = UUID.randomUUID();
        try (var store = store(1000, false); Connection slow = dataSource.getConnection()) {
            write(ws, 1, 1);
            slow.setAutoCommit(false);
            write(slow, ws, 2, 2); // takes its xid now, commits last
            write(ws, 3, 3); // a later xid, committed first
            assertEquals(Map.of(1, 1, 3, 3), store.view(ws, null), "the open transaction is not visible yet");
            slow.commit();
            assertEquals(Map.of(1, 1, 2, 2, 3, 3), store.view(ws, null), "found although its xid is older");
        }
    }

    @Test
    void aWorkspaceNotInMemoryIsAnsweredBySqlWhileItLoads() throws SQLException {
        UUID ws = UUID.randomUUID();
        write(ws, 1, 5);
        try (var store = store(1000, true)) {
            assertNull(store.view(ws, null), "the caller answers from SQL; the load goes on in the background");
            store.warm(ws, null).join();
            assertEquals(sql(ws), store.held(ws));
            write(ws, 2, 6);
            assertEquals(sql(ws), store.view(ws, null));
        }
        try (var restarted = store(1000, true)) {
            restarted.warm(ws, null).join();
            assertEquals(Map.of(1, 5, 2, 6), restarted.view(ws, null), "warmed at start: the first read is memory");
        }
    }

    @Test
    void theLeastRecentlyUsedWorkspaceMakesRoom() throws SQLException {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        for (int k = 0; k < 3; k++) {
            write(a, k, k);
            write(b, k, k);
            write(c, k, k);
        }
        try (var store = store(7, false)) {
            store.view(a, null);
            store.view(b, null);
            assertEquals(6, store.weight());
            store.view(a, null); // a is now the most recently used
            store.view(c, null);
            assertEquals(List.of(a, c), store.workspaces(), "b, least recently used, was dropped");
            assertEquals(6, store.weight());
            assertNull(store.held(b));
            assertEquals(sql(b), store.view(b, null), "and is loaded again when asked for");
            assertEquals(List.of(c, b), store.workspaces(), "a, now the least recently used, made room in turn");
        }
    }

    @Test
    void aWorkspaceAboveTheWholeBudgetIsAnsweredBySql() throws SQLException {
        UUID big = UUID.randomUUID();
        for (int k = 0; k < 5; k++) {
            write(big, k, k);
        }
        try (var store = store(4, false)) {
            assertNull(store.view(big, null));
            assertNull(store.held(big));
            assertEquals(0, store.weight());
            assertNull(store.view(big, null), "not measured again before the recheck delay");
            assertEquals(0, store.loads(), "nothing was kept");
        }
    }

    @Test
    void idleWorkspacesGiveTheirMemoryBack() throws SQLException {
        UUID ws = UUID.randomUUID();
        write(ws, 1, 1);
        try (var store = new WorkspaceSnapshots<>("test store", new SnapshotSettings(100, Duration.ZERO, false,
                Duration.ZERO), new ItemSource())) {
            assertNotNull(store.view(ws, null));
            store.evictIdle();
            assertNull(store.held(ws));
            assertEquals(0, store.weight());
        }
    }

    @Test
    void aFailedRefreshStartsAfreshOnTheNextRead() throws SQLException {
        UUID ws = UUID.randomUUID();
        write(ws, 1, 1);
        ItemSource source = new ItemSource();
        try (var store = new WorkspaceSnapshots<>("test store", new SnapshotSettings(100, Duration.ofHours(1), false,
                Duration.ZERO), source)) {
            assertNotNull(store.view(ws, null));
            write(ws, 2, 2);
            source.failNext.set(true);
            assertThrows(SQLException.class, () -> store.view(ws, null));
            assertNull(store.held(ws));
            assertEquals(sql(ws), store.view(ws, null));
            assertEquals(2, store.loads(), "loaded again");
        }
    }

    @Test
    void aStoreWithoutBudgetIsOff() throws SQLException {
        UUID ws = UUID.randomUUID();
        write(ws, 1, 1);
        try (var store = store(0, false)) {
            assertNull(store.view(ws, null));
            store.warm(ws, null).join();
            assertNull(store.held(ws));
        }
    }
}
