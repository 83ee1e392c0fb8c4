package io.socialroi.content.campaign;

import io.socialroi.common.money.Money;
import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** The rules a campaign must keep, shared by create and update. */
@ApplicationScoped
public class CampaignService {

    public Campaign create(Workspace workspace, CampaignRequest request) {
        validate(workspace, request);
        String slug = request.slug() != null ? request.slug() : uniqueSlug(workspace.id, Slugs.of(request.name()));
        if (request.slug() != null && Campaign.count("workspaceId = ?1 and slug = ?2", workspace.id, slug) > 0) {
            throw ProblemException.invalid("slug", "is already used by another campaign of this workspace");
        }
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.workspaceId = workspace.id;
        campaign.slug = slug;
        campaign.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        apply(campaign, request);
        campaign.persist();
        return campaign;
    }

    public void update(Workspace workspace, Campaign campaign, CampaignRequest request) {
        validate(workspace, request);
        if (!campaign.slug.equals(request.slug())) {
            throw ProblemException.invalid("slug", "cannot change: it is the utm_campaign of links already shared");
        }
        apply(campaign, request);
    }

    private static void apply(Campaign campaign, CampaignRequest request) {
        campaign.name = request.name().trim();
        campaign.objective = request.objective().trim();
        campaign.startDate = request.startDate();
        campaign.endDate = request.endDate();
        Money budget = request.budget() == null ? null : Money.of(request.budget().amount(), request.budget().currency());
        campaign.budgetAmount = budget == null ? null : budget.amount();
        campaign.budgetCurrency = budget == null ? null : budget.currency();
        campaign.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static void validate(Workspace workspace, CampaignRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.endDate() != null && request.endDate().isBefore(request.startDate())) {
            errors.add(new FieldError("endDate", "must not be before startDate"));
        }
        Money budget = request.budget();
        if (budget != null) {
            if (budget.amount() == null) {
                errors.add(new FieldError("budget.amount", "is required"));
            } else if (budget.amount().signum() < 0) {
                errors.add(new FieldError("budget.amount", "must not be negative"));
            } else if (budget.amount().compareTo(new BigDecimal("1e15")) >= 0) {
                errors.add(new FieldError("budget.amount", "is too large"));
            }
            if (budget.amount() != null && budget.amount().stripTrailingZeros().scale() > minorDigits(workspace.currency)) {
                errors.add(new FieldError("budget.amount", "has more decimal places than " + workspace.currency + " allows"));
            }
            if (!workspace.currency.equals(budget.currency())) {
                errors.add(new FieldError("budget.currency", "must be the workspace's currency " + workspace.currency));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static int minorDigits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    private static String uniqueSlug(UUID workspaceId, String base) {
        String slug = base;
        for (int n = 2; Campaign.count("workspaceId = ?1 and slug = ?2", workspaceId, slug) > 0; n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
