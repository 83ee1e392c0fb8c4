package io.socialroi.content.publish;

import io.socialroi.content.post.Platform;

/**
 * How posts reach a platform. WEBHOOK: a signed JSON POST to the workspace's own integration (any platform).
 * TELEGRAM: the Telegram Bot API with the workspace's bot. DISCORD: a Discord channel webhook (API v10).
 * QUORA_ASSISTED: Quora has no posting API, so a due post becomes a hand-off task a person completes.
 * X_API: X API v2 with the workspace's connected X account (content-service account/, OAuth 2.0 with PKCE).
 * REDDIT_API: Reddit's OAuth API (/api/submit) with the workspace's connected Reddit account.
 * FACEBOOK_API: a Facebook Page (Graph API v21.0) with the connected Facebook account's Page access token.
 * INSTAGRAM_API: an Instagram professional account (Instagram Graph API v21.0, Content Publishing) with the
 * connected Instagram (Facebook Login) account.
 */
public enum PublisherType {
    WEBHOOK, TELEGRAM, DISCORD, QUORA_ASSISTED, X_API, REDDIT_API, FACEBOOK_API, INSTAGRAM_API;

    /** The one platform a native type publishes to; null for WEBHOOK, which serves any. */
    public Platform platform() {
        return switch (this) {
            case WEBHOOK -> null;
            case TELEGRAM -> Platform.TELEGRAM;
            case DISCORD -> Platform.DISCORD;
            case QUORA_ASSISTED -> Platform.QUORA;
            case X_API -> Platform.X;
            case REDDIT_API -> Platform.REDDIT;
            case FACEBOOK_API -> Platform.FACEBOOK;
            case INSTAGRAM_API -> Platform.INSTAGRAM;
        };
    }

    /** Types that publish with the workspace's connected platform account (content-service account/). */
    public boolean usesAccount() {
        return this == X_API || this == REDDIT_API || this == FACEBOOK_API || this == INSTAGRAM_API;
    }

    public boolean fits(Platform p) {
        return platform() == null || platform() == p;
    }
}
