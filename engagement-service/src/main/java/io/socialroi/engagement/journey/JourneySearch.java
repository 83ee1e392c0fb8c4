package io.socialroi.engagement.journey;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.socialroi.engagement.IsoInstant;
import io.socialroi.engagement.event.EventType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /workspaces/{ws}/journeys/search}: the aggregated journeys of the actors engaged in [from, to)
 * other than {@code excludeActors} (conversion-service sends every actor it knows to belong to a converting person).
 */
@Schema(name = "JourneySearch", example = "{\"from\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-11-01T00:00:00Z\","
        + "\"eventTypes\":[\"VIEW\",\"LIKE\",\"CLICK\"],\"groupBy\":\"PLATFORM\",\"excludeActors\":[\"ig:123\"]}")
public record JourneySearch(
        @Schema(required = true, description = "Start of the period, inclusive")
        @JsonDeserialize(using = IsoInstant.class) OffsetDateTime from,
        @Schema(required = true, description = "End of the period, exclusive")
        @JsonDeserialize(using = IsoInstant.class) OffsetDateTime to,
        @Schema(description = "The counted touch types (default: every type except IMPRESSION)")
        List<EventType> eventTypes,
        @Schema(required = true, type = SchemaType.STRING, enumeration = {"POST", "PLATFORM", "CAMPAIGN", "FUNNEL_STAGE"},
                description = "What one step of a path is") String groupBy,
        @Schema(description = "Actors left out (at most 50,000)") List<String> excludeActors,
        @Schema(minimum = "2", maximum = "1000", description = "When given: consecutive repeats collapsed and a "
                + "longer path cut to its first maxLength - 2 steps, \"…\" and its last step") Integer maxLength) {
}
