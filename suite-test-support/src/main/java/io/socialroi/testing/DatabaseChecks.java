package io.socialroi.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** What a service's own database sessions and tables look like to the planner. */
public final class DatabaseChecks {

    /** Something that refreshes the statistics (the service's {@code TableStatistics#refresh}). */
    @FunctionalInterface
    public interface Refresh {
        void run() throws SQLException;
    }

    private DatabaseChecks() {
    }

    /** A setting of one of the service's sessions, e.g. {@code plan_cache_mode}. */
    public static String show(DataSource dataSource, String setting) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Refreshes until {@code table} has been analyzed (at most 60 s): the server's activity counters arrive up to
     * about 10 s after a commit (PostgreSQL flushes them from idle sessions that late). Then the planner must
     * know at least {@code rows} rows and fewer than 1,000 changed since.
     */
    public static void assertAnalyzedAfterRefresh(DataSource dataSource, String table, long rows, Refresh refresh)
            throws SQLException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            refresh.run();
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT coalesce(s.last_analyze, s.last_autoanalyze) IS NOT NULL, s.n_mod_since_analyze, "
                            + "c.reltuples FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid "
                            + "WHERE s.relname = ?")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), table);
                    if (rs.getBoolean(1) || System.nanoTime() > deadline) {
                        assertTrue(rs.getBoolean(1), table + " analyzed (changed rows " + rs.getLong(2) + ", rows "
                                + rs.getDouble(3) + ")");
                        assertTrue(rs.getLong(2) < 1000, table + " changed rows since its analyze: " + rs.getLong(2));
                        assertTrue(rs.getDouble(3) >= rows, table + " rows the planner knows of: " + rs.getDouble(3));
                        return;
                    }
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
