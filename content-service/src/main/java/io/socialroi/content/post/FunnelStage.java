package io.socialroi.content.post;

/** The job a post has in the funnel (PRODUCT.md). */
public enum FunnelStage {
    ATTENTION, INTEREST, TRUST, ACTION
}
