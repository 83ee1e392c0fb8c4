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

    /** Telegram Bot API (https://core.telegram.org/bots/api), called as {@code <base-url>/bot<token>/<method>}. */
    Telegram telegram();

    /** Discord API; webhook URLs must start with {@code <base-url>/webhooks/} (or {@code <base-url>/v10/webhooks/}). */
    Discord discord();

    /** X API v2 ({@code <base-url>/2/tweets}), with the workspace's connected X account. */
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
