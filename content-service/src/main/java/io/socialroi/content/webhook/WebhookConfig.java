package io.socialroi.content.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.socialroi.content.delivery.DeliveryConfig;
import java.time.Duration;

/** Timing of lifecycle webhook deliveries. */
@ConfigMapping(prefix = "suite.webhooks")
public interface WebhookConfig extends DeliveryConfig {

    @Override
    @WithDefault("5s")
    String poll();

    @Override
    @WithDefault("PT60S")
    Duration lease();

    @Override
    @WithDefault("PT10S")
    Duration baseBackoff();

    @Override
    @WithDefault("PT1H")
    Duration maxBackoff();

    @Override
    @WithDefault("10")
    int maxAttempts();
}
