package io.socialroi.common.snapshot;

import java.time.Duration;

/**
 * The knobs of one {@link WorkspaceSnapshots}, read by each store from {@code suite.snapshot.<store>.*}:
 *
 * @param maxWeight the budget over all workspaces, in the store's unit (rollup rows, touchpoints); 0 turns the
 *        store off (every answer from SQL)
 * @param idle a workspace not asked for this long gives its memory back
 * @param loadInBackground a workspace not in memory is loaded in the background while SQL answers; when false, the
 *        first call loads it and waits (tests that need the memory path at once)
 * @param recheck how long a workspace above the whole budget is answered by SQL before it is measured again
 */
public record SnapshotSettings(long maxWeight, Duration idle, boolean loadInBackground, Duration recheck) {

    public SnapshotSettings {
        if (maxWeight < 0 || idle.isNegative() || recheck.isNegative()) {
            throw new IllegalArgumentException("snapshot settings must not be negative");
        }
    }
}
