package io.socialroi.content.publish;

/** How posts reach a platform. WEBHOOK: a signed JSON POST to the workspace's own integration. */
public enum PublisherType {
    WEBHOOK
}
