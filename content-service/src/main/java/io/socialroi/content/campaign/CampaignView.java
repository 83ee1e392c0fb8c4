package io.socialroi.content.campaign;

import io.socialroi.common.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A campaign as the API shows it. */
public record CampaignView(UUID id, UUID workspaceId, String name, String slug, String objective, LocalDate startDate,
        LocalDate endDate, Money budget, Instant createdAt, Instant updatedAt) {

    static CampaignView of(Campaign c) {
        Money budget = c.budgetAmount == null ? null : Money.of(c.budgetAmount, c.budgetCurrency);
        return new CampaignView(c.id, c.workspaceId, c.name, c.slug, c.objective, c.startDate, c.endDate, budget,
                c.createdAt, c.updatedAt);
    }

    CampaignRequest asRequest() {
        return new CampaignRequest(name, objective, startDate, endDate, budget, slug);
    }
}
