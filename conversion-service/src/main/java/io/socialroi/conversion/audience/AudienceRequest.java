package io.socialroi.conversion.audience;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /workspaces/{ws}/audiences}: who engaged recently enough, where, and how warmly. */
@Schema(example = "{\"name\":\"Spring sale, warm, not bought\",\"engagedWithinDays\":14,\"campaignId\":"
        + "\"3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b\",\"funnelStages\":[\"TRUST\",\"ACTION\"],\"minIntent\":40,"
        + "\"excludeConverted\":true,\"eventTypes\":[\"VIEW\",\"LIKE\",\"COMMENT\"],\"holdoutPercent\":10}")
public record AudienceRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Min(1) @Max(365) Integer engagedWithinDays,
        UUID campaignId,
        @Size(max = 4) List<@NotNull FunnelStage> funnelStages,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) @Schema(description = "Minimum intent score 0..100") BigDecimal minIntent,
        Boolean excludeConverted,
        @Size(max = 10) @Schema(description = "Event types that count as engaging (default every type except "
                + "IMPRESSION, the same set as attribution's default touchTypes: views count)")
        List<@NotNull String> eventTypes,
        @DecimalMin("0") @DecimalMax("50") @Digits(integer = 2, fraction = 2)
        @Schema(description = "Share of the members (0..50 percent, default 0, up to 2 decimals) kept out of the exports "
                + "as a randomised holdout, so that lift compares exposed members with comparable people who were not "
                + "retargeted. Who is held out is decided by member (SHA-256 of audience id and actor id): the same on "
                + "every export, and a member held out at 10% stays held out at 20%.", minimum = "0", maximum = "50",
                defaultValue = "0")
        BigDecimal holdoutPercent) {
}
