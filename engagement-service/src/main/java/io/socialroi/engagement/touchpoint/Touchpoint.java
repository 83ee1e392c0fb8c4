package io.socialroi.engagement.touchpoint;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One engagement event of a person, enriched from the post directory, as attribution consumes it. */
public record Touchpoint(String eventId, String type, String platform, UUID postId, UUID campaignId,
        String funnelStage, String actorId, UUID clickId, OffsetDateTime occurredAt, boolean retargeting) {
}
