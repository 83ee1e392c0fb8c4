package io.socialroi.content.publish;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.socialroi.content.delivery.DeliveryConfig;
import java.time.Duration;

/** Timing of publishing: due posts are looked for every {@code poll}, failures retried up to {@code max-attempts}. */
@ConfigMapping(prefix = "suite.publishing")
public interface PublishingConfig extends DeliveryConfig {

    @Override
    @WithDefault("5s")
    String poll();

    /** Longer than the send timeout, so a post is never taken over while its attempt can still succeed. */
    @Override
    @WithDefault("PT60S")
    Duration lease();

    @Override
    @WithDefault("PT30S")
    Duration baseBackoff();

    @Override
    @WithDefault("PT30M")
    Duration maxBackoff();

    @Override
    @WithDefault("6")
    int maxAttempts();

    /**
     * How long one attempt of a broadcast (EMAIL_SMTP, SMS_API, WHATSAPP_API) keeps sending before it stops and lets
     * the next attempt continue; unset: half the lease, so a post is never claimed again while its attempt sends.
     */
    java.util.Optional<Duration> broadcastBudget();

    /** Telegram Bot API (https://core.telegram.org/bots/api), called as {@code <base-url>/bot<token>/<method>}. */
    Telegram telegram();

    /**
     * Discord API: webhook URLs must start with {@code <base-url>/webhooks/} (or {@code <base-url>/v10/webhooks/}); a
     * bot posts to {@code <base-url>/v10/channels/<id>/messages}, and its posts are read back there.
     */
    Discord discord();

    /** X API v2 ({@code <base-url>/2/tweets}, {@code /2/media/upload}), with the workspace's connected X account. */
    X x();

    /** Reddit's OAuth API ({@code <base-url>/api/submit}), with the workspace's connected Reddit account. */
    Reddit reddit();

    /** Graph API v21.0 for FACEBOOK_API ({@code <base-url>/v21.0/{page-id}/feed, /photos, /videos}). */
    Facebook facebook();

    /** Graph API v21.0 for INSTAGRAM_API ({@code <base-url>/v21.0/{ig-user-id}/media, /media_publish}). */
    Instagram instagram();

    interface Facebook {
        @WithDefault("https://graph.facebook.com")
        String baseUrl();
    }

    interface Instagram {
        @WithDefault("https://graph.facebook.com")
        String baseUrl();

        /**
         * How many times one attempt checks a video container's {@code status_code} before it leaves it for a later
         * attempt (Meta suggests checking about once a minute; the attempt must end well inside the lease).
         */
        @WithDefault("5")
        int statusChecks();

        @WithDefault("PT5S")
        Duration statusInterval();
    }

    /** Pinterest API v5 ({@code <base-url>/v5/pins}), with the workspace's connected Pinterest account. */
    Pinterest pinterest();

    /** LinkedIn's versioned REST API ({@code <base-url>/rest/posts}), with the connected LinkedIn account. */
    Linkedin linkedin();

    /** YouTube Data API v3 resumable uploads ({@code <base-url>/upload/youtube/v3/videos}). */
    Youtube youtube();

    /** TikTok Content Posting API v2 ({@code <base-url>/v2/post/publish/...}). */
    Tiktok tiktok();

    interface Pinterest {
        @WithDefault("https://api.pinterest.com")
        String baseUrl();
    }

    interface Linkedin {
        @WithDefault("https://api.linkedin.com")
        String baseUrl();

        /** The {@code Linkedin-Version} (YYYYMM) every call names; LinkedIn keeps a version about a year. */
        @WithDefault("202511")
        String version();

        /** The largest image uploaded to LinkedIn (fetched by the suite, held in memory for the upload). */
        @WithDefault("10485760")
        int maxImageBytes();

        /** The largest video uploaded to LinkedIn (fetched by the suite, held in memory for its parts' uploads). */
        @WithDefault("67108864")
        int maxVideoBytes();
    }

    interface Youtube {
        /** Where the resumable upload starts; the session URI it answers is followed wherever it points. */
        @WithDefault("https://www.googleapis.com")
        String baseUrl();

        /**
         * The largest video uploaded: the suite fetches the post's video (with the outgoing-URL guard) and holds it
         * in memory for the upload and its resumption, so this bounds the memory one attempt takes.
         */
        @WithDefault("268435456")
        int maxBytes();

        /**
         * How long fetching the video and uploading it may each take; an attempt as a whole stays within the
         * {@code lease} (never taken over while it runs), so large videos need both raised.
         */
        @WithDefault("PT50S")
        Duration transferTimeout();
    }

    interface Tiktok {
        @WithDefault("https://open.tiktokapis.com")
        String baseUrl();

        /** How often the publish status is asked for within one attempt (TikTok allows 30 a minute per token). */
        @WithDefault("PT5S")
        Duration statusPoll();

        /**
         * How long one attempt waits for TikTok to finish (within the {@code lease}); then the same publish is asked
         * about again at the next attempt, never sent twice.
         */
        @WithDefault("PT30S")
        Duration statusWait();
    }

    /** E-mail (EMAIL_SMTP): where the unsubscribe links of every message point. */
    Email email();

    /** Twilio Programmable Messaging ({@code <base-url>/2010-04-01/Accounts/<sid>/Messages.json}), SMS_API. */
    Sms sms();

    /** WhatsApp Cloud API, Graph v21.0 ({@code <base-url>/v21.0/<phone-number-id>/messages}), WHATSAPP_API. */
    Whatsapp whatsapp();

    interface Email {
        /**
         * The public base URL of content-service's {@code /unsubscribe/<token>} (RFC 8058 one-click); a message's
         * link is {@code <unsubscribe-url>/unsubscribe/<token>}.
         */
        @WithDefault("http://127.0.0.1:8081")
        String unsubscribeUrl();

        /** A mailbox also offered in List-Unsubscribe ({@code mailto:}); its mail is handled by people, not the suite. */
        java.util.Optional<String> unsubscribeMailto();
    }

    interface Sms {
        @WithDefault("https://api.twilio.com")
        String baseUrl();

        /**
         * The public origin of content-service as Twilio calls it (the Ingress's), the approval links' base URL by
         * default: every message's {@code StatusCallback} is {@code <hooks-base-url>/hooks/twilio/<publisher id>/status},
         * and Twilio's {@code X-Twilio-Signature} of both webhooks is checked against this URL, not the host the
         * request reached (behind the Ingress it differs).
         */
        @WithDefault("${suite.approvals.base-url:http://127.0.0.1:8081}")
        String hooksBaseUrl();
    }

    interface Whatsapp {
        @WithDefault("https://graph.facebook.com")
        String baseUrl();
    }

    interface Reddit {
        @WithDefault("https://oauth.reddit.com")
        String baseUrl();
    }

    interface X {
        @WithDefault("https://api.x.com")
        String baseUrl();

        /**
         * The largest media the X publisher fetches and uploads (default 16 MiB): it is held in memory for the
         * attempt, so larger videos (X takes up to 512 MB) are FAILED saying so. X's own limits (images 5 MB, GIFs
         * 15 MB) apply within it.
         */
        @WithDefault("16777216")
        int maxMediaBytes();

        /** The size of one APPEND segment of a media upload (X takes segments up to 5 MB). */
        @WithDefault("4194304")
        int chunkBytes();

        /**
         * How long one attempt waits for X to process an uploaded video or GIF (STATUS); then the attempt is retried.
         * Also bounded by the {@code lease}.
         */
        @WithDefault("PT30S")
        Duration processingWait();

        /** The timeout of fetching a media and of each upload request (bounded by the lease). */
        @WithDefault("PT30S")
        Duration transferTimeout();

        /**
         * The X app's consumer secret (API secret key), with which X signs its Account Activity webhooks (the CRC
         * answer and {@code x-twitter-webhooks-signature}); unset: {@code /hooks/x} answers 404, the webhook is off.
         */
        java.util.Optional<String> consumerSecret();
    }

    interface Telegram {
        @WithDefault("https://api.telegram.org")
        String baseUrl();

        /**
         * The public origin of content-service that Telegram posts the bots' updates to ({@code setWebhook} url
         * {@code <hooks-base-url>/hooks/telegram/<publisher id>}); Telegram takes only HTTPS on port 443, 80, 88 or
         * 8443. The approval links' base URL by default.
         */
        @WithDefault("${suite.approvals.base-url:http://127.0.0.1:8081}")
        String hooksBaseUrl();
    }

    interface Discord {
        @WithDefault("https://discord.com/api")
        String baseUrl();
    }
}
