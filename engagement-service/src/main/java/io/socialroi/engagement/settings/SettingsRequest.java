package io.socialroi.engagement.settings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /workspaces/{ws}/engagement/settings}; anything left out keeps its default. */
@Schema(example = "{\"intentWeights\":{\"DM\":12,\"LIKE\":0.5},\"burstPerMinute\":30}")
public record SettingsRequest(
        Map<String, BigDecimal> intentWeights,
        @Min(2) @Max(100_000) Integer burstPerMinute,
        @Min(1) @Max(1_000_000) Integer onlyLikesMin,
        @Min(2) @Max(1_000_000) Integer identicalCommentActors) {
}
