package io.socialroi.conversion.audience;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Conversion rate of the audience's members reached by retargeting (engagement with retargeting=true in the
 * window) versus those not reached. Members here ignore excludeConverted (else no one would have converted);
 * a member converted when they, or the customer they are linked to, had a conversion since {@code since}.
 */
public record Lift(UUID audienceId, OffsetDateTime since, Group reached, Group notReached,
        @Schema(description = "reached rate / notReached rate - 1; null when no member who was not reached converted")
        BigDecimal lift) {

    /** Members, how many converted, and the ratio. */
    public record Group(long members, long converted, BigDecimal conversionRate) {
    }
}
