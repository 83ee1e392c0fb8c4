package io.socialroi.content.delivery;

import java.time.Duration;

/** The timing of one kind of retried delivery (publishing, webhooks). */
public interface DeliveryConfig {

    /** How often the scheduler looks for due work (read by its {@code @Scheduled}). */
    String poll();

    /** How long a claimed delivery is left to its sender before another instance may take it over. */
    Duration lease();

    /** Wait after the first failure; doubles with each further one, with jitter. */
    Duration baseBackoff();

    Duration maxBackoff();

    /** Attempts before giving up. */
    int maxAttempts();
}
