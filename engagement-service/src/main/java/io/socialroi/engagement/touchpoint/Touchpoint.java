package io.socialroi.engagement.touchpoint;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One engagement event of a person, enriched from the post directory, as attribution consumes it.
 * {@code campaignOrigin}: {@code EVENT} when the event named its own campaign (it wins over the post's),
 * {@code POST} when the campaign is the post directory's (null when the post has none or is not known yet),
 * so a consumer that keeps the touchpoint can apply a later post edit to it in place.
 */
public record Touchpoint(String eventId, String type, String platform, UUID postId, UUID campaignId,
        String funnelStage, String actorId, UUID clickId, OffsetDateTime occurredAt, boolean retargeting,
        String campaignOrigin) {
}
