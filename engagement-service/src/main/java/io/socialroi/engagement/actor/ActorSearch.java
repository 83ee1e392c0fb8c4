package io.socialroi.engagement.actor;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.socialroi.engagement.IsoInstant;
import io.socialroi.engagement.directory.FunnelStage;
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
        + "\"funnelStages\":[\"TRUST\",\"ACTION\"],\"minIntent\":40,\"limit\":500,\"cursor\":null}")
public record ActorSearch(
        @JsonDeserialize(using = IsoInstant.class) @NotNull OffsetDateTime since,
        UUID campaignId,
        List<FunnelStage> funnelStages,
        @DecimalMin("0") @DecimalMax("100") Double minIntent,
        @Min(1) @Max(1000) Integer limit,
        String cursor) {
}
