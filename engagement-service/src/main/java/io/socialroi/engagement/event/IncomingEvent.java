package io.socialroi.engagement.event;

import java.time.Instant;
import java.util.UUID;

/**
 * One validated event of a batch, ready for the bulk write. {@code attributes} is the JSON text as sent;
 * {@code commentHash} fingerprints a comment's normalised text so identical comments can be spotted.
 */
public record IncomingEvent(String eventId, EventType type, Platform platform, UUID postId, UUID campaignId,
        String actorId, UUID clickId, Instant occurredAt, boolean retargeting, String attributes,
        String commentHash) {
}
