package io.socialroi.engagement.event;

import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One engagement event as sent, for the OpenAPI document only: {@link EventParser} streams the body field by field
 * so that one bad event of a batch is rejected with precise messages while the others are stored.
 */
@Schema(name = "EngagementEvent", description = "One engagement event")
public record EngagementEvent(
        @Schema(required = true, minLength = 1, maxLength = EventValidator.MAX_ID_LENGTH,
                description = "The platform's id of the event, unique per workspace; a repeat is a duplicate and "
                        + "changes nothing") String eventId,
        @Schema(required = true) EventType type,
        @Schema(required = true) Platform platform,
        @Schema(description = "The post engaged with; required except for FOLLOW, DM and MENTION") UUID postId,
        @Schema(description = "The campaign, when the platform names it without a post") UUID campaignId,
        @Schema(required = true, minLength = 1, maxLength = EventValidator.MAX_ID_LENGTH,
                description = "The platform's id of the person, e.g. ig:123") String actorId,
        @Schema(description = "The smclid of the tracked-link click this event came from") UUID clickId,
        @Schema(required = true, type = SchemaType.STRING, format = "date-time", example = "2026-11-22T09:00:00+01:00",
                description = "ISO-8601 instant with offset, after 2000-01-01 and at most a day ahead") String occurredAt,
        @Schema(description = "The event came from a retargeting ad", defaultValue = "false") Boolean retargeting,
        @Schema(description = "Free-form JSON object, at most 4,096 characters; a COMMENT's text in 'text' feeds "
                + "the duplicate-comment check", additionalProperties = Schema.True.class)
        Map<String, Object> attributes) {
}
