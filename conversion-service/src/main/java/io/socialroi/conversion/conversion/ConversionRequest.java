package io.socialroi.conversion.conversion;

import io.socialroi.common.money.Money;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One conversion as sent, for the OpenAPI document only: the body is read field by field by
 * {@link ConversionParser}, so one bad item of a batch can be rejected with precise messages.
 */
@Schema(name = "ConversionRequest", description = "One conversion")
public record ConversionRequest(
        @Schema(required = true, maxLength = 200, description = "Client-chosen id, unique per workspace; a repeat is a "
                + "duplicate and changes nothing") String eventId,
        @Schema(required = true) ConversionType type,
        @Schema(description = "Money: amount as a decimal string or number (not negative, at most the currency's "
                + "minor unit), ISO 4217 currency; another currency than the workspace's needs an exchange rate "
                + "for the conversion's local day") Money value,
        @Schema(required = true, type = SchemaType.STRING, format = "date-time",
                example = "2026-11-22T09:00:00+01:00", description = "ISO-8601 instant with offset") String occurredAt,
        @Schema(maxLength = 200, description = "The client's own id for the person") String customerId,
        @Schema(maxLength = 200, description = "The smclid of a tracked-link click") String clickId,
        @Schema(maxItems = 100, description = "Platform actor ids of the person") List<String> actorIds,
        @Schema(description = "Stored only as the SHA-256 of the trimmed lower-case address", maxLength = 320)
        String email,
        @Schema(maxLength = 200, example = "+14155550100", description = "An international number with its country "
                + "code (+ or 00 first; spaces, dashes, dots and brackets are ignored); stored only as SHA-256 of "
                + "its E.164 form, with and without the +, for the ad platforms' customer lists")
        String phone) {
}
