package io.socialroi.conversion.conversion;

import io.socialroi.common.money.Money;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A validated conversion ready to store: {@code value} as sent (may be null), {@code amount} the value
 * in the workspace currency, the e-mail and phone already hashed in each platform's form.
 */
public record NewConversion(String eventId, ConversionType type, Money value, Money amount,
        OffsetDateTime occurredAt, String customerId, String clickId, List<String> actorIds, ContactHashes contact) {

    public String emailSha256() {
        return contact.email();
    }
}
