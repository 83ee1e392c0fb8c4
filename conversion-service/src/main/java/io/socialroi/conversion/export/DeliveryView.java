package io.socialroi.conversion.export;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One conversion's delivery to one platform: its outcome, as the platform answered it. */
public record DeliveryView(
        UUID conversionId,
        @Schema(description = "The conversion's eventId, sent as the platform's dedupe id (Meta event_id, TikTok "
                + "event_id, Google transactionId, LinkedIn eventId)", example = "shopify:820982911946154508")
        String eventId,
        @Schema(enumeration = {"PENDING", "RETRYING", "SENT", "REJECTED", "FAILED", "SKIPPED"}, example = "SENT")
        String status,
        @Schema(description = "Sends tried so far", example = "1") int attempts,
        @Schema(description = "When it is tried next (PENDING, RETRYING)", nullable = true) OffsetDateTime nextAttemptAt,
        @Schema(nullable = true) OffsetDateTime lastAttemptAt,
        @Schema(description = "When the platform acknowledged it", nullable = true) OffsetDateTime sentAt,
        @Schema(description = "Why it was rejected, skipped, failed or is retried, in the platform's words where it "
                + "gave any", nullable = true, example = "Meta refused it: (#100) Invalid parameter") String reason,
        @Schema(description = "The platform's reference of the answer (fbtrace_id, requestId, request_id)",
                nullable = true, example = "fbtrace_id=AbCdEf123") String response,
        OffsetDateTime createdAt) {
}
