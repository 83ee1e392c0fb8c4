package io.socialroi.conversion.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.socialroi.common.money.Money;
import io.socialroi.conversion.conversion.ConversionType;
import io.socialroi.conversion.touchpoint.Touchpoint;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of a journey: a touchpoint (kind TOUCHPOINT) or a conversion (kind CONVERSION). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JourneyItem(
        @Schema(enumeration = {"TOUCHPOINT", "CONVERSION"}) String kind,
        OffsetDateTime occurredAt,
        String eventId,
        @Schema(description = "Event type of a touchpoint or conversion type of a conversion") String type,
        String platform,
        UUID postId,
        UUID campaignId,
        String funnelStage,
        String actorId,
        String clickId,
        Boolean retargeting,
        UUID conversionId,
        Money value) {

    static JourneyItem of(Touchpoint t) {
        return new JourneyItem("TOUCHPOINT", t.occurredAt(), t.eventId(), t.type(), t.platform(), t.postId(),
                t.campaignId(), t.funnelStage(), t.actorId(), t.clickId(), t.retargeting(), null, null);
    }

    static JourneyItem conversion(UUID id, String eventId, ConversionType type, OffsetDateTime occurredAt,
            String clickId, Money value) {
        return new JourneyItem("CONVERSION", occurredAt, eventId, type.name(), null, null, null, null, null, clickId,
                null, id, value);
    }
}
