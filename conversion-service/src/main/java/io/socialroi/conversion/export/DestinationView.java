package io.socialroi.conversion.export;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A configured export destination as the API shows it: never its token, only that one is set and its last four. */
public record DestinationView(
        @Schema(example = "META") String platform,
        @Schema(description = "The platform's API and version the conversions go to",
                example = "Meta Conversions API, Graph API v24.0") String api,
        @Schema(description = "The platform's fields as configured (ids, no token)",
                example = "{\"datasetId\":\"123456789012345\"}") Map<String, String> settings,
        @Schema(description = "Conversion types sent (empty: every type)", example = "[\"PURCHASE\"]")
        List<String> conversionTypes,
        @Schema(description = "Always true: a destination has a token") boolean tokenConfigured,
        @Schema(description = "The token's last four characters", example = "…9f3a") String tokenHint,
        @Schema(description = "ACTIVE, or NEEDS_RECONNECT when the platform refused the token (nothing is sent "
                + "until the destination is configured again with a valid token)", example = "ACTIVE",
                enumeration = {"ACTIVE", "NEEDS_RECONNECT"}) String status,
        @Schema(description = "Why the destination needs a new token, as the platform said it", nullable = true)
        String statusReason,
        @Schema(description = "Deliveries by status (PENDING, RETRYING, SENT, REJECTED, FAILED, SKIPPED)",
                example = "{\"SENT\":12,\"REJECTED\":1}") Map<String, Long> deliveries,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
