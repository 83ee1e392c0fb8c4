package io.socialroi.common.snapshot;

/** Thrown by a {@link WorkspaceSnapshots.Source} whose workspace does not fit the budget: SQL answers it for a while. */
public final class TooBig extends Exception {

    public TooBig() {
        super(null, null, false, false);
    }
}
