package io.socialroi.engagement.actor;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.socialroi.engagement.IsoInstant;
import io.socialroi.engagement.directory.FunnelStage;
import io.socialroi.engagement.event.EventType;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /workspaces/{ws}/actors/search} (CONTRACTS.md, for conversion-service's audiences). */
@Schema(example = "{\"since\":\"2026-11-08T09:00:00Z\",\"campaignId\":\"9b2f6c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d\","
        + "\"funnelStages\":[\"TRUST\",\"ACTION\"],\"types\":[\"VIEW\"],\"includeFlagged\":false,\"minIntent\":40,"
        + "\"limit\":500,\"cursor\":null}")
public record ActorSearch(
        @JsonDeserialize(using = IsoInstant.class) @NotNull OffsetDateTime since,
        @Schema(description = "The post's current campaign (or the event's own)") UUID campaignId,
        @Schema(description = "The post's current funnel stages") List<FunnelStage> funnelStages,
        @Schema(description = "Only events of these types count; default every type except IMPRESSION (views count)")
        List<EventType> types,
        @Schema(description = "Also actors flagged as bots or bought engagement for [since, now]; default false")
        Boolean includeFlagged,
        @DecimalMin("0") @DecimalMax("100") Double minIntent,
        @Min(1) @Max(1000) Integer limit,
        String cursor) {

    /** Every type except IMPRESSION: the same "engaged" as attribution's default touch types. */
    public static final List<EventType> DEFAULT_TYPES = java.util.Arrays.stream(EventType.values())
            .filter(t -> t != EventType.IMPRESSION).toList();

    public List<EventType> typesOrDefault() {
        return types == null || types.isEmpty() ? DEFAULT_TYPES : types.stream().distinct().sorted().toList();
    }
}
