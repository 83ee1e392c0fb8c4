package io.socialroi.content.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, so retries of many deliveries do not hit a receiver in lock step. */
public final class Backoff {

    private Backoff() {
    }

    /**
     * The wait after {@code failures} failed attempts (1 for the first): {@code base * 2^(failures-1)}, capped
     * at {@code max}, then a random share between half and all of it ("equal jitter").
     */
    public static Duration after(int failures, Duration base, Duration max) {
        long exponent = Math.min(Math.max(failures - 1, 0), 30);
        long millis = Math.min(max.toMillis(), base.toMillis() * (1L << exponent));
        long half = millis / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** Seconds as a fraction, the unit of PostgreSQL's {@code make_interval(secs => ...)}. */
    public static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
