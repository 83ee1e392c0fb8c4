package io.socialroi.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The service's own database sessions plan every statement for its parameters. A generic plan (what PostgreSQL
 * may switch a prepared statement to after five runs) cannot see which workspace a query is for: at 2M events in
 * one workspace among small ones, the touchpoint search's generic plan scanned a whole partition (40 s instead of
 * 0.5 s), so every capture timed out.
 */
@QuarkusTest
class DatabaseSessionTest {

    @Inject
    DataSource dataSource;

    @Inject
    StatisticsJob statistics;

    @Test
    void sessionsUseCustomPlansAndNoJit() throws SQLException {
        assertEquals("force_custom_plan", show("plan_cache_mode"));
        assertEquals("off", show("jit"));
    }

    /**
     * The servers of these machines run without autovacuum (conf.d/90-ci.conf), so nothing but the service's own
     * job analyzes a table that a large write filled: before it, the table has no statistics (reltuples -1); after
     * a run, it has. (Where autovacuum runs, it may be the one that analyzed it first.)
     */
    @Test
    void aLargeWriteIsFollowedByFreshStatistics() throws SQLException {
        UUID ws = UUID.randomUUID();
        UUID post = UUID.randomUUID();
        StringBuilder batch = new StringBuilder("{\"events\":[");
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        for (int i = 0; i < 3000; i++) {
            batch.append(i == 0 ? "" : ",").append(Api.event("stats-" + i, "LIKE", post, "ig:stats-" + (i % 300),
                    at.toString(), ""));
        }
        Api.send(ws, batch.append("]}").toString()).then().statusCode(200)
                .body("accepted", org.hamcrest.Matchers.equalTo(3000));
        String table = "engagement_event_" + at.atZone(java.time.ZoneOffset.UTC).format(
                java.time.format.DateTimeFormatter.ofPattern("yyyy_MM"));
        // The server's activity counters arrive up to ~10 s after a commit (PostgreSQL flushes them from idle
        // sessions that late), so the job is run until it sees the write.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            statistics.run();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT coalesce(s.last_analyze, s.last_autoanalyze) IS NOT NULL, s.n_mod_since_analyze, "
                            + "c.reltuples FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid "
                            + "WHERE s.relname = '" + table + "'")) {
                assertTrue(rs.next(), table);
                if (rs.getBoolean(1) || System.nanoTime() > deadline) {
                    assertTrue(rs.getBoolean(1), table + " analyzed (changed rows " + rs.getLong(2) + ", rows "
                            + rs.getDouble(3) + ")");
                    assertTrue(rs.getLong(2) < 1000, table + " changed rows since its analyze: " + rs.getLong(2));
                    assertTrue(rs.getDouble(3) >= 1500, table + " rows the planner knows of: " + rs.getDouble(3));
                    return;
                }
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String show(String setting) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
