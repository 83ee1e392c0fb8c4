package io.socialroi.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;

/**
 * Token buckets per policy and caller, in memory: each replica limits on its own, so the effective limit
 * of a deployment is the configured one times the replicas behind the load balancer (documented in
 * RELIABILITY.md). Idle buckets are dropped so memory stays bounded.
 */
@ApplicationScoped
public class RateLimiter {

    /** The outcome of one check: allowed or not, what is left, and when to come back. */
    public record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds, long resetSeconds) {
    }

    private static final int MAX_BUCKETS = 100_000;

    private final Config config;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Config config) {
        this.config = config;
    }

    public Decision check(String policy, String caller) {
        long perMinute = config.getOptionalValue("suite.rate-limit." + policy + ".per-minute", Long.class).orElse(600L);
        long burst = config.getOptionalValue("suite.rate-limit." + policy + ".burst", Long.class).orElse(perMinute);
        if (buckets.size() > MAX_BUCKETS) {
            long now = System.nanoTime();
            buckets.values().removeIf(b -> b.idleSince(now) > 600_000_000_000L);
        }
        return buckets.computeIfAbsent(policy + '\u0000' + caller, k -> new Bucket(burst)).take(perMinute, burst);
    }

    /** A classic token bucket refilled continuously at perMinute / 60 tokens a second. */
    private static final class Bucket {

        private double tokens;
        private long last = System.nanoTime();

        Bucket(long burst) {
            this.tokens = burst;
        }

        synchronized Decision take(long perMinute, long burst) {
            long now = System.nanoTime();
            double perNano = perMinute / 60e9;
            tokens = Math.min(burst, tokens + (now - last) * perNano);
            last = now;
            long resetSeconds = (long) Math.ceil((burst - tokens) / perNano / 1e9);
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, burst, (long) tokens, 0, resetSeconds);
            }
            long retry = Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
            return new Decision(false, burst, 0, retry, resetSeconds);
        }

        synchronized long idleSince(long now) {
            return now - last;
        }
    }
}
