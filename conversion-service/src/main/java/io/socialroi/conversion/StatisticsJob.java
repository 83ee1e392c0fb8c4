package io.socialroi.conversion;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.socialroi.common.db.TableStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Analyzes this service's tables after large writes, autovacuum or not ({@link TableStatistics}). */
@ApplicationScoped
public class StatisticsJob {

    private final TableStatistics statistics;

    public StatisticsJob(DataSource dataSource,
            @ConfigProperty(name = "suite.db.analyze.min-rows", defaultValue = "1000") long minRows,
            @ConfigProperty(name = "suite.db.analyze.fraction", defaultValue = "0.1") double fraction) {
        this.statistics = new TableStatistics(dataSource, 0x636f6e7673746174L, minRows, fraction);
    }

    @Scheduled(every = "${suite.db.analyze.every:30s}", delayed = "${suite.db.analyze.every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        try {
            List<String> analyzed = statistics.refresh();
            if (!analyzed.isEmpty()) {
                Log.infof("Statistics refreshed after large writes: %s", analyzed);
            }
        } catch (SQLException e) {
            Log.warnf("Statistics refresh skipped: %s", e.getMessage());
        }
    }
}
