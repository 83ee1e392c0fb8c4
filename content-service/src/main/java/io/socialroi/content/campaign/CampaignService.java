package io.socialroi.content.campaign;

import io.socialroi.common.money.ExchangeRate;
import io.socialroi.common.money.Money;
import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.currency.ExchangeRates;
import io.socialroi.content.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The rules a campaign must keep, shared by create and update. A budget may be in another currency than
 * the workspace's when conversion-service has an exchange rate for it on the campaign's start date: it is
 * kept as given and also stored converted into the workspace currency with that rate, rounded half-even
 * to the workspace currency's minor unit, exactly as conversion-service converts a conversion's value.
 */
@ApplicationScoped
public class CampaignService {

    private static final BigDecimal TOO_LARGE = new BigDecimal("1e15");

    private final ExchangeRates rates;

    public CampaignService(ExchangeRates rates) {
        this.rates = rates;
    }

    public Campaign create(Workspace workspace, CampaignRequest request) {
        validate(workspace, request);
        BigDecimal converted = inWorkspaceCurrency(workspace, request);
        String slug = request.slug() != null ? request.slug() : uniqueSlug(workspace.id, Slugs.of(request.name()));
        if (request.slug() != null && Campaign.count("workspaceId = ?1 and slug = ?2", workspace.id, slug) > 0) {
            throw ProblemException.invalid("slug", "is already used by another campaign of this workspace");
        }
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.workspaceId = workspace.id;
        campaign.slug = slug;
        campaign.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        apply(campaign, request, converted, workspace.currency);
        campaign.persist();
        return campaign;
    }

    /**
     * Applies a change. The budget is converted again only when it or the start date changes, so editing
     * the name of a campaign with a foreign budget neither needs conversion-service nor moves its figure.
     */
    public void update(Workspace workspace, Campaign campaign, CampaignRequest request) {
        validate(workspace, request);
        if (!campaign.slug.equals(request.slug())) {
            throw ProblemException.invalid("slug", "cannot change: it is the utm_campaign of links already shared");
        }
        Money before = campaign.budgetAmount == null ? null : Money.of(campaign.budgetAmount, campaign.budgetCurrency);
        Money after = request.budget() == null ? null : Money.of(request.budget().amount(), request.budget().currency());
        boolean same = Objects.equals(before, after) && campaign.startDate.equals(request.startDate())
                && (after == null || workspace.currency.equals(campaign.budgetWorkspaceCurrency));
        apply(campaign, request, same ? campaign.budgetWorkspaceAmount : inWorkspaceCurrency(workspace, request),
                workspace.currency);
    }

    /**
     * The budget in the workspace currency: as given in that currency, else converted with conversion-service's
     * rate of the start date (422 on {@code budget} without one; 503 when conversion-service is unavailable).
     */
    private BigDecimal inWorkspaceCurrency(Workspace workspace, CampaignRequest request) {
        Money budget = request.budget();
        if (budget == null) {
            return null;
        }
        if (budget.currency().equals(workspace.currency)) {
            return ExchangeRate.convert(budget, null, workspace.currency).amount();
        }
        BigDecimal rate = rates.rate(workspace.id, workspace.currency, budget.currency(), request.startDate())
                .orElseThrow(() -> ProblemException.invalid("budget", "is in " + budget.currency()
                        + ", not the workspace currency " + workspace.currency + ", and the workspace has no exchange"
                        + " rate for " + budget.currency() + " on the start date " + request.startDate()
                        + " (set it with PUT /workspaces/{ws}/exchange-rates/" + budget.currency() + "/"
                        + request.startDate() + " on conversion-service)"));
        BigDecimal converted = ExchangeRate.convert(budget, rate, workspace.currency).amount();
        if (converted.compareTo(TOO_LARGE) >= 0) {
            throw ProblemException.invalid("budget", "is too large in the workspace currency " + workspace.currency);
        }
        return converted;
    }

    private static void apply(Campaign campaign, CampaignRequest request, BigDecimal budgetInWorkspaceCurrency,
            String workspaceCurrency) {
        campaign.name = request.name().trim();
        campaign.objective = request.objective().trim();
        campaign.startDate = request.startDate();
        campaign.endDate = request.endDate();
        Money budget = request.budget() == null ? null : Money.of(request.budget().amount(), request.budget().currency());
        campaign.budgetAmount = budget == null ? null : budget.amount();
        campaign.budgetCurrency = budget == null ? null : budget.currency();
        campaign.budgetWorkspaceAmount = budget == null ? null : budgetInWorkspaceCurrency;
        campaign.budgetWorkspaceCurrency = budget == null ? null : workspaceCurrency;
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
            String currency = knownCurrency(budget.currency());
            if (currency == null) {
                errors.add(new FieldError("budget.currency", "must be an ISO 4217 code like " + workspace.currency));
            } else if (budget.amount() != null && budget.amount().stripTrailingZeros().scale() > minorDigits(currency)) {
                errors.add(new FieldError("budget.amount", "has more decimal places than " + currency + " allows"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** The same minor units as {@link Money#of}: a currency without any (XAU) counts as two. */
    private static int minorDigits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return digits < 0 ? 2 : digits;
    }

    private static String knownCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return null;
        }
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String uniqueSlug(UUID workspaceId, String base) {
        String slug = base;
        for (int n = 2; Campaign.count("workspaceId = ?1 and slug = ?2", workspaceId, slug) > 0; n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
