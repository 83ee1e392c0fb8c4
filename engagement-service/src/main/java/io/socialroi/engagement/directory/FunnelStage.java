package io.socialroi.engagement.directory;

/** The job a post does in the funnel. */
public enum FunnelStage {
    ATTENTION, INTEREST, TRUST, ACTION
}
