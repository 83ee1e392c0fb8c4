package io.socialroi.content.campaign;

import io.socialroi.common.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A campaign as the API shows it. {@code budget} is as given; {@code budgetInWorkspaceCurrency} is the same
 * budget in the workspace currency (equal to {@code budget} when given in it, else converted with
 * conversion-service's rate of the start date when the budget was set).
 */
public record CampaignView(UUID id, UUID workspaceId, String name, String slug, String objective, LocalDate startDate,
        LocalDate endDate, Money budget,
        @Schema(description = "The budget in the workspace currency: equal to budget when given in it, otherwise "
                + "converted with the workspace's exchange rate (conversion-service) of the start date, rounded "
                + "half-even to the currency's minor unit; null without a budget")
        Money budgetInWorkspaceCurrency, Instant createdAt, Instant updatedAt,
        @Schema(description = "True once archived: left out of the default list and takes no posts; its posts and "
                + "reports stay") boolean archived,
        @Schema(description = "When it was archived; null while active") Instant archivedAt) {

    static CampaignView of(Campaign c) {
        Money budget = c.budgetAmount == null ? null : Money.of(c.budgetAmount, c.budgetCurrency);
        Money converted = c.budgetWorkspaceAmount == null ? null
                : Money.of(c.budgetWorkspaceAmount, c.budgetWorkspaceCurrency);
        return new CampaignView(c.id, c.workspaceId, c.name, c.slug, c.objective, c.startDate, c.endDate, budget,
                converted, c.createdAt, c.updatedAt, c.archivedAt != null, c.archivedAt);
    }

    CampaignRequest asRequest() {
        return new CampaignRequest(name, objective, startDate, endDate, budget, slug);
    }
}
