package io.socialroi.conversion.attribution;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One conversion of a report with the touchpoints that count for it (inside the window, of the chosen
 * types, in time order). {@code amount} is its revenue in the workspace currency (zero unless a purchase).
 */
public record Journey(UUID conversionId, boolean lead, boolean purchase, boolean newCustomer, BigDecimal amount,
        OffsetDateTime occurredAt, List<Touch> touches) {

    /** A touchpoint reduced to what grouping needs. */
    public record Touch(OffsetDateTime occurredAt, String platform, UUID postId, UUID campaignId, String funnelStage) {
    }
}
