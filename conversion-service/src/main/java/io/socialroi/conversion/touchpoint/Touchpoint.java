package io.socialroi.conversion.touchpoint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An engagement event of a person before a conversion, as engagement-service answers it (CONTRACTS.md).
 * {@code campaignOrigin}: EVENT (the event's own campaign), POST (the post's), null when not told (an older
 * engagement-service): a post edit then captures the conversion again rather than editing it in place.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Touchpoint(String eventId, String type, String platform, UUID postId, UUID campaignId,
        String funnelStage, String actorId, String clickId, OffsetDateTime occurredAt, boolean retargeting,
        String campaignOrigin) {

    /** EVENT, POST or null (unknown). */
    public String origin() {
        return "EVENT".equals(campaignOrigin) || "POST".equals(campaignOrigin) ? campaignOrigin : null;
    }
}
