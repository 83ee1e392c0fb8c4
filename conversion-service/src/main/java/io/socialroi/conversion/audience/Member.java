package io.socialroi.conversion.audience;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A member of an audience: an engaged actor, and the customer it is linked to when known. */
public record Member(String actorId, String platform, OffsetDateTime lastEngagedAt, BigDecimal intentScore,
        boolean retargeted, String customerId, boolean converted) {
}
