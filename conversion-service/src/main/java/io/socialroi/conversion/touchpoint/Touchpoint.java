package io.socialroi.conversion.touchpoint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An engagement event of a person before a conversion, as engagement-service answers it (CONTRACTS.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Touchpoint(String eventId, String type, String platform, UUID postId, UUID campaignId,
        String funnelStage, String actorId, String clickId, OffsetDateTime occurredAt, boolean retargeting) {
}
