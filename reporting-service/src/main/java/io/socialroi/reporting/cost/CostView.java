package io.socialroi.reporting.cost;

import io.socialroi.common.money.Money;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A cost as the API shows it. */
public record CostView(UUID id, CostCategory category, Money amount, LocalDate incurredOn, UUID campaignId,
        UUID postId, Platform platform, String note, OffsetDateTime createdAt) {

    static CostView of(Cost c) {
        return new CostView(c.id, CostCategory.valueOf(c.category), Money.of(c.amount, c.currency), c.incurredOn,
                c.campaignId, c.postId, c.platform == null ? null : Platform.valueOf(c.platform), c.note,
                c.createdAt);
    }
}
