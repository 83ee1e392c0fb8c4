package io.socialroi.content.publish;

import io.socialroi.content.post.Platform;

/**
 * How posts reach a platform. WEBHOOK: a signed JSON POST to the workspace's own integration (any platform).
 * TELEGRAM: the Telegram Bot API with the workspace's bot. DISCORD: a Discord channel webhook (API v10).
 * QUORA_ASSISTED: Quora has no posting API, so a due post becomes a hand-off task a person completes.
 * X_API: X API v2 with the workspace's connected X account (content-service account/, OAuth 2.0 with PKCE).
 * REDDIT_API: Reddit's OAuth API (/api/submit) with the workspace's connected Reddit account.
 * EMAIL_SMTP, SMS_API (Twilio Programmable Messaging) and WHATSAPP_API (WhatsApp Cloud API): messaging publishers
 * with their own credentials that send each post to every subscribed recipient of the workspace's list of the
 * platform ({@link Broadcasts}).
 */
public enum PublisherType {
    WEBHOOK, TELEGRAM, DISCORD, QUORA_ASSISTED, X_API, REDDIT_API, EMAIL_SMTP, SMS_API, WHATSAPP_API;

    /** The one platform a native type publishes to; null for WEBHOOK, which serves any. */
    public Platform platform() {
        return switch (this) {
            case WEBHOOK -> null;
            case TELEGRAM -> Platform.TELEGRAM;
            case DISCORD -> Platform.DISCORD;
            case QUORA_ASSISTED -> Platform.QUORA;
            case X_API -> Platform.X;
            case REDDIT_API -> Platform.REDDIT;
            case EMAIL_SMTP -> Platform.EMAIL;
            case SMS_API -> Platform.SMS;
            case WHATSAPP_API -> Platform.WHATSAPP;
        };
    }

    /** Types that publish with the workspace's connected platform account (content-service account/). */
    public boolean usesAccount() {
        return this == X_API || this == REDDIT_API;
    }

    /** Types that send each post to the workspace's recipients of the platform, one message each. */
    public boolean broadcasts() {
        return this == EMAIL_SMTP || this == SMS_API || this == WHATSAPP_API;
    }

    public boolean fits(Platform p) {
        return platform() == null || platform() == p;
    }
}
