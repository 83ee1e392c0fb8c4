package io.socialroi.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import io.socialroi.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The shared request limit against real PostgreSQL: a burst is allowed and counted down in the RateLimit
 * header (1 a minute, bursts of 3: no refill while the test runs), the next request waits the interval, another caller keeps its own bucket, and a second replica (a
 * second limiter on the same database) counts against the same one. Rows are fixed-size digests.
 */
class RateLimiterTest {

    private static String database;
    private static DataSource dataSource;
    private static final Config CONFIG = new SmallRyeConfigBuilder().withSources(new MapBackedConfigSource("test",
            Map.of("suite.rate-limit.test.per-minute", "1", "suite.rate-limit.test.burst", "3"), 400) {
    }).build();

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = TestDatabase.create("ratelimit");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(TestDatabase.BASE_URL + "/" + database);
        ds.setUser(TestDatabase.USER);
        ds.setPassword(System.getenv().getOrDefault("SUITE_DB_PASSWORD", ""));
        dataSource = ds;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // The table as the services' migrations create it (e.g. engagement-service V9__rate_limits.sql).
            s.execute("CREATE UNLOGGED TABLE rate_limit (bucket_key bytea PRIMARY KEY, tat timestamptz NOT NULL)");
        }
    }

    @AfterAll
    static void dropDatabase() {
        TestDatabase.drop(database);
    }

    private static long rows() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM rate_limit WHERE octet_length(bucket_key) = 32")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aBurstIsCountedDownThenTheCallerWaitsWhileOthersAndOtherReplicasShareTheCount() throws SQLException {
        RateLimiter replicaA = new RateLimiter(CONFIG, dataSource);
        RateLimiter replicaB = new RateLimiter(CONFIG, dataSource);
        String caller = "credential ws_" + "x".repeat(500);

        RateLimiter.Decision first = replicaA.check("test", caller);
        assertTrue(first.allowed());
        assertEquals(2, first.remaining());
        assertEquals("limit=3, remaining=2, reset=60", first.header());
        assertEquals("1;w=60;burst=3", first.policy());
        assertEquals(1, replicaB.check("test", caller).remaining(), "the other replica counts the same bucket");
        assertEquals(0, replicaA.check("test", caller).remaining());

        RateLimiter.Decision refused = replicaB.check("test", caller);
        assertFalse(refused.allowed());
        assertEquals(60, refused.retryAfterSeconds(), "one interval (1 a minute) until a request fits again");
        assertEquals(0, refused.remaining());

        RateLimiter.Decision neighbour = replicaA.check("test", "another credential");
        assertTrue(neighbour.allowed(), "a noisy caller does not drain its neighbour");
        assertEquals(2, neighbour.remaining());
        assertEquals(2, rows(), "one fixed-size row per caller, however long the caller's key");
    }
}
