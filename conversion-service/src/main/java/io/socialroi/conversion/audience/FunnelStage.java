package io.socialroi.conversion.audience;

/** The job of a post in the funnel. */
public enum FunnelStage {
    ATTENTION, INTEREST, TRUST, ACTION
}
