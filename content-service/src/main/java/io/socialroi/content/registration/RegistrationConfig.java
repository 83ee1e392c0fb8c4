package io.socialroi.content.registration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox delivers post registrations to engagement-service. */
@ConfigMapping(prefix = "suite.registration")
public interface RegistrationConfig {

    /** How often the scheduler looks for registrations due again (also read by its {@code @Scheduled}). */
    @WithDefault("5s")
    String poll();

    /** How long a claimed registration is left to its sender before another instance may take it. */
    @WithDefault("PT30S")
    Duration lease();

    /** Wait after the first failure; doubles with each further one. */
    @WithDefault("PT2S")
    Duration baseBackoff();

    @WithDefault("PT5M")
    Duration maxBackoff();

    /**
     * How long {@code POST}/{@code PATCH /posts} wait for engagement-service to acknowledge the registration
     * before answering ({@code trackedLink.active} false past it; the outbox carries on in the background).
     */
    @WithDefault("PT2S")
    Duration inlineTimeout();
}
