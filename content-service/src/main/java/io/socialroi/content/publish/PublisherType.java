package io.socialroi.content.publish;

import io.socialroi.content.post.Platform;

/**
 * How posts reach a platform. WEBHOOK: a signed JSON POST to the workspace's own integration (any platform).
 * TELEGRAM: the Telegram Bot API with the workspace's bot. DISCORD: a Discord channel webhook (API v10).
 * QUORA_ASSISTED: Quora has no posting API, so a due post becomes a hand-off task a person completes.
 */
public enum PublisherType {
    WEBHOOK, TELEGRAM, DISCORD, QUORA_ASSISTED;

    /** The one platform a native type publishes to; null for WEBHOOK, which serves any. */
    public Platform platform() {
        return switch (this) {
            case WEBHOOK -> null;
            case TELEGRAM -> Platform.TELEGRAM;
            case DISCORD -> Platform.DISCORD;
            case QUORA_ASSISTED -> Platform.QUORA;
        };
    }

    public boolean fits(Platform p) {
        return platform() == null || platform() == p;
    }
}
