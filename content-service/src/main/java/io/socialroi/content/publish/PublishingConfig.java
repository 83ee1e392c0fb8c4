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

    /** Discord API; webhook URLs must start with {@code <base-url>/webhooks/} (or {@code <base-url>/v10/webhooks/}). */
    Discord discord();

    /** X API v2 ({@code <base-url>/2/tweets}), with the workspace's connected X account. */
    X x();

    /** Reddit's OAuth API ({@code <base-url>/api/submit}), with the workspace's connected Reddit account. */
    Reddit reddit();

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
    }

    interface Telegram {
        @WithDefault("https://api.telegram.org")
        String baseUrl();
    }

    interface Discord {
        @WithDefault("https://discord.com/api")
        String baseUrl();
    }
}
