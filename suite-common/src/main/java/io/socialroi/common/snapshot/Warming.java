package io.socialroi.common.snapshot;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The loads a snapshot store runs at start (the recently active workspaces, one after the other), on a virtual
 * thread of their own, and whether they still run: a restarted replica reports itself not ready meanwhile, for
 * at most a limit, so it takes requests once its recent workspaces are in memory (SQL answers the rest).
 */
public final class Warming {

    private final LongSupplier nanoTime;
    private volatile boolean running;
    private volatile long since;

    public Warming() {
        this(System::nanoTime);
    }

    Warming(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Runs the loads in the background; {@link #warming} is true until they end, whether they succeed or not. */
    public Thread start(String threadName, Runnable loads) {
        since = nanoTime.getAsLong();
        running = true;
        return Thread.ofVirtual().name(threadName).start(() -> {
            try {
                loads.run();
            } finally {
                running = false;
            }
        });
    }

    /** Whether the loads still run and have run for less than {@code limit}. */
    public boolean warming(Duration limit) {
        return running && nanoTime.getAsLong() - since < limit.toNanos();
    }
}
