package io.socialroi.conversion.audience;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An engaged actor as engagement-service's actor search answers it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Actor(String actorId, String platform, OffsetDateTime lastEngagedAt, long events, BigDecimal intentScore,
        boolean retargeted) {
}
