package io.socialroi.conversion.audience;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.socialroi.conversion.attribution.Metrics;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored audience: its rules. Members are computed when read. */
public record AudienceView(UUID id, String name, int engagedWithinDays, UUID campaignId, List<FunnelStage> funnelStages,
        @JsonSerialize(using = Metrics.Plain.class) @Schema(type = SchemaType.NUMBER) BigDecimal minIntent,
        boolean excludeConverted, List<String> eventTypes, OffsetDateTime createdAt,
        @JsonSerialize(using = Metrics.Plain.class) @Schema(type = SchemaType.NUMBER, description = "Share of the "
                + "members held out of the exports (0..50 percent), the control group of the lift")
        BigDecimal holdoutPercent) {
}
