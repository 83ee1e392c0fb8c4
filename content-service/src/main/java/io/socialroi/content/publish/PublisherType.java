package io.socialroi.content.publish;

import io.socialroi.content.post.Platform;

/**
 * How posts reach a platform. WEBHOOK: a signed JSON POST to the workspace's own integration (any platform).
 * TELEGRAM: the Telegram Bot API with the workspace's bot (and its webhook for replies and reactions). DISCORD: a
 * Discord channel webhook, or a bot posting to a channel (API v10; only a bot's posts are read back).
 * QUORA_ASSISTED: Quora has no posting API, so a due post becomes a hand-off task a person completes.
 * X_API: X API v2 with the workspace's connected X account (content-service account/, OAuth 2.0 with PKCE).
 * REDDIT_API: Reddit's OAuth API (/api/submit) with the workspace's connected Reddit account.
 * FACEBOOK_API: a Facebook Page (Graph API v21.0) with the connected Facebook account's Page access token.
 * INSTAGRAM_API: an Instagram professional account (Instagram Graph API v21.0, Content Publishing) with the
 * connected Instagram (Facebook Login) account.
 * PINTEREST_API: Pinterest API v5 (POST /v5/pins) with the connected Pinterest account.
 * LINKEDIN_API: LinkedIn's versioned Posts API (/rest/posts) as the publisher's {@code author}, with the connected
 * LinkedIn account. YOUTUBE_API: YouTube Data API v3 resumable upload with the connected Google account.
 * TIKTOK_API: TikTok Content Posting API v2 (direct post, PULL_FROM_URL) with the connected TikTok account.
 * EMAIL_SMTP, SMS_API (Twilio Programmable Messaging) and WHATSAPP_API (WhatsApp Cloud API): messaging publishers
 * with their own credentials that send each post to every subscribed recipient of the workspace's list of the
 * platform ({@link Broadcasts}).
 */
public enum PublisherType {
    WEBHOOK, TELEGRAM, DISCORD, QUORA_ASSISTED, X_API, REDDIT_API, FACEBOOK_API, INSTAGRAM_API, PINTEREST_API,
    LINKEDIN_API, YOUTUBE_API, TIKTOK_API, EMAIL_SMTP, SMS_API, WHATSAPP_API;

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
            case PINTEREST_API -> Platform.PINTEREST;
            case LINKEDIN_API -> Platform.LINKEDIN;
            case YOUTUBE_API -> Platform.YOUTUBE;
            case TIKTOK_API -> Platform.TIKTOK;
            case EMAIL_SMTP -> Platform.EMAIL;
            case SMS_API -> Platform.SMS;
            case WHATSAPP_API -> Platform.WHATSAPP;
        };
    }

    /** Types that publish with the workspace's connected platform account (content-service account/). */
    public boolean usesAccount() {
        return switch (this) {
            case X_API, REDDIT_API, FACEBOOK_API, INSTAGRAM_API, PINTEREST_API, LINKEDIN_API, YOUTUBE_API, TIKTOK_API -> true;
            default -> false;
        };
    }

    /** Types that send each post to the workspace's recipients of the platform, one message each. */
    public boolean broadcasts() {
        return this == EMAIL_SMTP || this == SMS_API || this == WHATSAPP_API;
    }

    public boolean fits(Platform p) {
        return platform() == null || platform() == p;
    }
}
