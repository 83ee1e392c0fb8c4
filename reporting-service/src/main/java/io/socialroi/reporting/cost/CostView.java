package io.socialroi.reporting.cost;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.socialroi.common.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A cost as the API shows it. */
public record CostView(UUID id, CostCategory category,
        @Schema(description = "In the workspace's currency: what reports count (converted when sent in another)")
        Money amount,
        LocalDate incurredOn, UUID campaignId, UUID postId, Platform platform, String note,
        OffsetDateTime createdAt,
        @Schema(description = "The amount as sent, when it was in another currency than the workspace's; else null")
        Money originalAmount,
        @JsonSerialize(using = Money.PlainDecimal.class)
        @Schema(type = SchemaType.STRING, description = "The exchange rate used (one unit of the original currency "
                + "in the workspace's, on incurredOn, from conversion-service's exchange rates); null when none was "
                + "needed", example = "0.9215") BigDecimal exchangeRate) {

    static CostView of(Cost c) {
        return new CostView(c.id, CostCategory.valueOf(c.category), Money.of(c.amount, c.currency), c.incurredOn,
                c.campaignId, c.postId, c.platform == null ? null : Platform.valueOf(c.platform), c.note,
                c.createdAt, c.originalAmount == null ? null : Money.of(c.originalAmount, c.originalCurrency),
                c.exchangeRate == null ? null : c.exchangeRate.stripTrailingZeros());
    }
}
