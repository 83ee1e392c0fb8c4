package io.socialroi.common.db;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the planner's statistics of a service's own tables current, whether or not the server's autovacuum runs
 * (it is off on some installations, and after a bulk import it analyzes a partition only once its naptime and
 * thresholds are reached). A table, or a partition, whose rows changed since its last analyze by more than
 * {@code minRows + fraction * its rows} (autovacuum's rule) is analyzed. Without this, a partition filled by an
 * import of 2M events still had the statistics of an empty table: the planner expected 21 rows for the workspace
 * and read all 1.9M for a touchpoint search of 200 people (7 s instead of 0.5 s).
 *
 * <p>Every service runs it ({@code suite.db.analyze.every}, default 30 s). One replica at a time: the run holds a
 * session advisory lock (in the service's own database) and is skipped where another holds it.
 */
@ApplicationScoped
public class TableStatistics {

    /** The advisory lock of the runs ("tblstats"). */
    private static final long LOCK = 0x74626c7374617473L;

    private static final String STALE = "SELECT quote_ident(s.schemaname) || '.' || quote_ident(s.relname), "
            + "s.n_mod_since_analyze FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid "
            + "WHERE c.relkind = 'r' AND s.n_mod_since_analyze > ? + ? * greatest(c.reltuples, 0) "
            + "ORDER BY s.n_mod_since_analyze DESC";

    private final DataSource dataSource;
    private final long minRows;
    private final double fraction;

    /**
     * @param minRows  changed rows that always trigger an analyze (autovacuum's default threshold is 50)
     * @param fraction the share of a table's rows that triggers it (autovacuum's default is 0.1)
     */
    public TableStatistics(DataSource dataSource,
            @ConfigProperty(name = "suite.db.analyze.min-rows", defaultValue = "1000") long minRows,
            @ConfigProperty(name = "suite.db.analyze.fraction", defaultValue = "0.1") double fraction) {
        this.dataSource = dataSource;
        this.minRows = minRows;
        this.fraction = fraction;
    }

    @Scheduled(every = "${suite.db.analyze.every:30s}", delayed = "${suite.db.analyze.every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            List<String> analyzed = refresh();
            if (!analyzed.isEmpty()) {
                Log.infof("Statistics refreshed after large writes: %s", analyzed);
            }
        } catch (SQLException e) {
            Log.warnf("Statistics refresh skipped: %s", e.getMessage());
        }
    }

    /** Analyzes every stale table; the tables analyzed (none where another replica is at it). */
    public List<String> refresh() throws SQLException {
        List<String> analyzed = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            if (!lock(c, "SELECT pg_try_advisory_lock(?)")) {
                return analyzed;
            }
            try {
                List<String> stale = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(STALE)) {
                    ps.setLong(1, minRows);
                    ps.setDouble(2, fraction);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            stale.add(rs.getString(1));
                        }
                    }
                }
                try (Statement s = c.createStatement()) {
                    for (String table : stale) {
                        // The name comes from the catalogue, quoted by quote_ident.
                        s.execute("ANALYZE " + table);
                        analyzed.add(table);
                    }
                }
            } finally {
                lock(c, "SELECT pg_advisory_unlock(?)");
            }
        }
        return analyzed;
    }

    private boolean lock(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
