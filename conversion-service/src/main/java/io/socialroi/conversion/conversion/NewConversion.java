package io.socialroi.conversion.conversion;

import io.socialroi.common.money.Money;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A validated conversion ready to store: {@code value} as sent (may be null), {@code amount} the value
 * in the workspace currency, the email already hashed ({@code emailGoogleSha256}: hashed as Google normalises it,
 * for the Data Manager export).
 */
public record NewConversion(String eventId, ConversionType type, Money value, Money amount,
        OffsetDateTime occurredAt, String customerId, String clickId, List<String> actorIds, String emailSha256,
        String emailGoogleSha256) {

    public NewConversion(String eventId, ConversionType type, Money value, Money amount, OffsetDateTime occurredAt,
            String customerId, String clickId, List<String> actorIds, String emailSha256) {
        this(eventId, type, value, amount, occurredAt, customerId, clickId, actorIds, emailSha256, null);
    }
}
