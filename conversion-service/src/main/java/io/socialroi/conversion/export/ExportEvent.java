package io.socialroi.conversion.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One conversion as it is sent: its event id (the platforms' dedupe id), type, value net of refunds in the currency it
 * was recorded in (null without value), time, customer id and hashed e-mail (as our store normalises it, and as
 * Google does). {@code attempts} counts the sends tried before this one.
 */
public record ExportEvent(UUID conversionId, String eventId, String type, BigDecimal value, String currency,
        Instant occurredAt, String customerId, String emailSha256, String emailGoogleSha256, int attempts) {
}
