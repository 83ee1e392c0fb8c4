package io.socialroi.engagement.redirect;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The click-flood bound of one replica: a token bucket per client address and link (GCRA: one "theoretical arrival
 * time" per key), {@code suite.rate-limit.redirect.per-minute} / {@code .burst}. It lives in memory on purpose:
 * the shared, database-backed {@link io.socialroi.common.http.RateLimiter} costs a committed statement per check,
 * which on the redirect was half of what a click cost PostgreSQL (issue 15). A flood is bounded per replica, as the
 * README always said; the keys kept are bounded ({@value #KEYS}, least recently used dropped first, and a dropped
 * key is a full bucket again, which only ever counts a click more, never one less for a real visitor).
 */
@ApplicationScoped
public class FloodBuckets {

    static final int KEYS = 200_000;

    private final long intervalNanos;
    private final long toleranceNanos;
    private final Map<String, Long> arrival = new LinkedHashMap<>(4096, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > KEYS;
        }
    };

    public FloodBuckets(@ConfigProperty(name = "suite.rate-limit.redirect.per-minute", defaultValue = "60") long perMinute,
            @ConfigProperty(name = "suite.rate-limit.redirect.burst", defaultValue = "60") long burst) {
        this.intervalNanos = 60_000_000_000L / Math.max(1, perMinute);
        this.toleranceNanos = Math.max(1, burst) * intervalNanos;
    }

    /** Takes a token from the key's bucket when one is left; false when the bucket is empty. */
    public boolean take(String key) {
        return take(key, System.nanoTime());
    }

    synchronized boolean take(String key, long now) {
        Long tat = arrival.get(key);
        long next = Math.max(tat == null ? now : tat, now) + intervalNanos;
        if (next - now > toleranceNanos) {
            return false;
        }
        arrival.put(key, next);
        return true;
    }
}
