package io.socialroi.conversion.attribution;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One conversion of a report with the touchpoints that count for it (inside the window, of the chosen
 * types, in time order). {@code amount} is its revenue in the workspace currency (zero unless a purchase).
 * {@code person}: who converted, for the people counts (the customer id, or the conversion itself when it
 * has none); {@code lifetime}: the customer's lifetime purchase revenue when this is their first purchase
 * ({@code newCustomer}), else null.
 */
public record Journey(UUID conversionId, boolean lead, boolean purchase, boolean newCustomer, BigDecimal amount,
        OffsetDateTime occurredAt, List<Touch> touches, String person, BigDecimal lifetime) {

    /** A journey of its own person; a new customer's lifetime revenue is this purchase. */
    public Journey(UUID conversionId, boolean lead, boolean purchase, boolean newCustomer, BigDecimal amount,
            OffsetDateTime occurredAt, List<Touch> touches) {
        this(conversionId, lead, purchase, newCustomer, amount, occurredAt, touches, personOf(null, conversionId),
                newCustomer ? amount : null);
    }

    /** The person of a conversion: its customer, or the conversion itself. */
    public static String personOf(String customerId, UUID conversionId) {
        return customerId != null ? "c:" + customerId : "x:" + conversionId;
    }

    /** A touchpoint reduced to what grouping needs. */
    public record Touch(OffsetDateTime occurredAt, String platform, UUID postId, UUID campaignId, String funnelStage) {
    }
}
