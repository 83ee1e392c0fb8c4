package io.socialroi.engagement.event;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Monthly partitions of {@code engagement_event}: the next months are created ahead by a daily job, and any
 * other month (late or back-filled events) on demand before a batch is written. There is no default
 * partition on purpose: rows in it would block creating the proper partition later.
 */
@ApplicationScoped
public class Partitions {

    /** Serialises partition DDL between replicas; the value is arbitrary but fixed. */
    private static final long DDL_LOCK = 0x656e6761L;

    private final DataSource dataSource;
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

    public Partitions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(every = "6h", delay = 1, delayUnit = java.util.concurrent.TimeUnit.SECONDS)
    void createAhead() {
        YearMonth now = YearMonth.now(Clock.systemUTC());
        try {
            ensure(Set.of(now, now.plusMonths(1), now.plusMonths(2)));
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Could not create event partitions ahead: %s", e.getMessage());
        }
    }

    /** Makes sure a partition exists for every given month. */
    public void ensure(Collection<YearMonth> months) throws SQLException {
        for (YearMonth month : months) {
            if (!known.contains(month)) {
                create(month);
                known.add(month);
            }
        }
    }

    private void create(YearMonth month) throws SQLException {
        String name = "engagement_event_" + month.getYear() + "_" + String.format("%02d", month.getMonthValue());
        String from = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC).toString();
        String to = month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC).toString();
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw EventWriter.unavailable();
        }
        try (Connection c = connection; Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("SELECT pg_advisory_xact_lock(" + DDL_LOCK + ")");
                s.execute("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF engagement_event FOR VALUES FROM ('"
                        + from + "') TO ('" + to + "')");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
