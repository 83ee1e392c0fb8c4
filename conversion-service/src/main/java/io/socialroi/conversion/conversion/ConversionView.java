package io.socialroi.conversion.conversion;

import io.socialroi.common.money.Money;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored conversion as the API shows it; the email only as its SHA-256. */
public record ConversionView(
        UUID id,
        String eventId,
        ConversionType type,
        @Schema(description = "The value as sent, null when none was sent") Money value,
        @Schema(description = "The value in the workspace currency (converted with the day's exchange rate), net of "
                + "refunds and cancellations: what reports count")
        Money workspaceValue,
        @Schema(description = "Refunded or cancelled so far, in the value's currency (from a connector's refund "
                + "webhooks); null when nothing was") Money refunded,
        OffsetDateTime occurredAt,
        String customerId,
        String clickId,
        List<String> actorIds,
        @Schema(description = "SHA-256 (hex) of the trimmed lower-case email") String emailSha256,
        @Schema(description = "SHA-256 (hex) of the phone in E.164 (+ and digits); null when none was sent")
        String phoneSha256,
        @Schema(description = "PENDING until the touchpoints before the conversion were captured from "
                + "engagement-service, then CAPTURED") String touchpoints,
        OffsetDateTime createdAt) {
}
