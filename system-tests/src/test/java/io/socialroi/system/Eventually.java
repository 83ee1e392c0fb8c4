package io.socialroi.system;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits for work the suite does after answering (link registration, touchpoint capture). */
public final class Eventually {

    private Eventually() {
    }

    /** Returns the first value {@code probe} yields that is not null, failing after {@code timeout}. */
    public static <T> T await(String what, Duration timeout, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(timeout);
        AssertionError last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (AssertionError e) {
                last = e;
            }
            SuiteCluster.sleep(200);
        }
        throw new AssertionError("Timed out waiting for " + what, last);
    }
}
