package io.socialroi.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.common.db.TableStatistics;
import io.socialroi.testing.DatabaseChecks;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
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
    TableStatistics statistics;

    @Test
    void sessionsUseCustomPlansAndNoJit() throws SQLException {
        assertEquals("force_custom_plan", DatabaseChecks.show(dataSource, "plan_cache_mode"));
        assertEquals("off", DatabaseChecks.show(dataSource, "jit"));
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
        DatabaseChecks.assertAnalyzedAfterRefresh(dataSource, table, 1500, statistics::refresh);
    }
}
