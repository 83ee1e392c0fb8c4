package io.socialroi.common.http;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.socialroi.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * Token buckets per policy and caller, kept in the service's own database ({@code rate_limit}) so that every
 * replica behind the load balancer counts against the same bucket. Each bucket is one row holding its GCRA
 * "theoretical arrival time" (the moment the bucket would be full again), updated by one atomic statement per
 * request; a row whose moment has passed is a full bucket and is deleted every minute. Rows are keyed by a
 * SHA-256 of policy and caller, so memory and rows stay bounded whatever callers send.
 */
@ApplicationScoped
public class RateLimiter {

    /** The outcome of one check: allowed or not, what is left, and when to come back. */
    public record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds, long resetSeconds,
            long perMinute) {

        /** {@code RateLimit} (draft-ietf-httpapi-ratelimit-headers): quota, what is left, seconds to full. */
        public String header() {
            return "limit=" + limit + ", remaining=" + remaining + ", reset=" + resetSeconds;
        }

        /** {@code RateLimit-Policy}: perMinute requests a 60 s window, bursts of up to {@code limit}. */
        public String policy() {
            return perMinute + ";w=60;burst=" + limit;
        }
    }

    /** Sets the bucket one request further when that stays within the burst; answers the seconds to full. */
    private static final String TAKE = """
            INSERT INTO rate_limit AS r (bucket_key, tat) VALUES (?, now() + make_interval(secs => ?))
            ON CONFLICT (bucket_key) DO UPDATE SET tat = greatest(r.tat, now()) + make_interval(secs => ?)
                WHERE greatest(r.tat, now()) + make_interval(secs => ?) <= now() + make_interval(secs => ?)
            RETURNING extract(epoch from r.tat - now())""";

    private final Config config;
    private final DataSource dataSource;

    public RateLimiter(Config config, DataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
    }

    public Decision check(String policy, String caller) {
        long perMinute = Math.max(1, config.getOptionalValue("suite.rate-limit." + policy + ".per-minute", Long.class)
                .orElse(600L));
        long burst = Math.max(1, config.getOptionalValue("suite.rate-limit." + policy + ".burst", Long.class)
                .orElse(perMinute));
        double interval = 60.0 / perMinute;
        double tolerance = burst * interval;
        byte[] key = key(policy, caller);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement take = c.prepareStatement(TAKE)) {
                take.setBytes(1, key);
                take.setDouble(2, interval);
                take.setDouble(3, interval);
                take.setDouble(4, interval);
                take.setDouble(5, tolerance);
                try (ResultSet rs = take.executeQuery()) {
                    if (rs.next()) {
                        double toFull = rs.getDouble(1);
                        long remaining = Math.max(0, (long) Math.floor((tolerance - toFull) / interval + 1e-9));
                        return new Decision(true, burst, remaining, 0, (long) Math.ceil(toFull), perMinute);
                    }
                }
            }
            try (PreparedStatement read = c.prepareStatement(
                    "SELECT extract(epoch from tat - now()) FROM rate_limit WHERE bucket_key = ?")) {
                read.setBytes(1, key);
                try (ResultSet rs = read.executeQuery()) {
                    double toFull = rs.next() ? rs.getDouble(1) : tolerance;
                    long retry = Math.max(1, (long) Math.ceil(toFull + interval - tolerance));
                    return new Decision(false, burst, 0, retry, (long) Math.ceil(toFull), perMinute);
                }
            }
        } catch (SQLException e) {
            throw ProblemException.unavailable("database", "The request limit could not be checked");
        }
    }

    /** Full buckets need no row: the table holds only callers seen within their burst window. */
    @Scheduled(every = "${suite.rate-limit.cleanup-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dropFullBuckets() {
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                "DELETE FROM rate_limit WHERE tat < now()")) {
            c.setAutoCommit(true);
            delete.executeUpdate();
        } catch (SQLException e) {
            Log.warnf("Could not drop full rate-limit buckets: %s", e.getMessage());
        }
    }

    static byte[] key(String policy, String caller) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((policy + '\u0000' + caller)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
