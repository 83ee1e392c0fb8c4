package io.socialroi.reporting.report;

import io.socialroi.common.money.Money;
import io.socialroi.reporting.cost.CostCategory;
import io.socialroi.reporting.cost.CostRepository.CostLine;
import io.socialroi.reporting.dependency.Attribution;
import io.socialroi.reporting.dependency.AttributionRow;
import io.socialroi.reporting.dependency.CatalogPage;
import io.socialroi.reporting.dependency.EngagementRow;
import io.socialroi.reporting.dependency.EngagementSummary;
import io.socialroi.reporting.settings.SettingsView;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Joins attribution, engagement and costs into ROI rows. Whatever cannot be tied to a row (a cost without a
 * campaign, engagement without a post) goes to the {@code unassigned} row, so the totals stay the sum of the
 * rows and still equal what the dependencies report in total.
 */
final class RoiCalculator {

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    private final Dimension dimension;
    private final String currency;
    private final Labels labels;
    private final Map<String, RoiLine> lines = new LinkedHashMap<>();

    RoiCalculator(Dimension dimension, String currency, Labels labels) {
        this.dimension = dimension;
        this.currency = currency;
        this.labels = labels;
    }

    void addAttribution(Attribution attribution) {
        for (AttributionRow row : attribution.rowsOrEmpty()) {
            RoiLine line = line(row.key());
            line.revenue = line.revenue.add(Money.of(row.revenueAmount(), currency).amount());
            line.conversions = line.conversions.add(Ratios.count(row.conversionCount()));
            line.leads = line.leads.add(Ratios.count(row.leadCount()));
            line.customers = line.customers.add(Ratios.count(row.newCustomerCount()));
            line.convertingPeople = row.convertingPeople();
            line.credited = true;
            line.ltv = row.ltv();
            if (line.funnelStage == null) {
                line.funnelStage = row.funnelStage();
            }
        }
    }

    /**
     * Engagement per row: {@code engagements} is real engagement (actors not flagged), {@code rawEngagements}
     * every engagement; comments and DMs priced as community management are every handled one, flagged or not
     * (the team answers them all).
     */
    void addEngagement(EngagementSummary summary) {
        RoiLine sum = new RoiLine();
        for (EngagementRow row : summary.rowsOrEmpty()) {
            RoiLine line = line(row.key());
            add(line, row);
            add(sum, row);
            line.engagedActors = row.engagedActors();
            if (row.funnelStage() != null) {
                line.funnelStage = row.funnelStage();
            }
        }
        EngagementRow totals = summary.totals();
        if (totals != null) {
            // Events the service counts in its totals but in no row (a DM has no post) belong to no row here either.
            RoiLine rest = line(null);
            rest.engagements += Math.max(0, totals.realEngagementCount() - sum.engagements);
            rest.rawEngagements += Math.max(0, totals.engagementCount() - sum.rawEngagements);
            rest.impressions += Math.max(0, totals.impressionCount() - sum.impressions);
            rest.comments += Math.max(0, totals.count("COMMENT") - sum.comments);
            rest.dms += Math.max(0, totals.count("DM") - sum.dms);
        }
    }

    private static void add(RoiLine line, EngagementRow row) {
        line.engagements += row.realEngagementCount();
        line.rawEngagements += row.engagementCount();
        line.impressions += row.impressionCount();
        line.comments += row.count("COMMENT");
        line.dms += row.count("DM");
    }

    void addCosts(List<CostLine> costs) {
        for (CostLine cost : costs) {
            RoiLine line = line(keyOf(cost));
            if (cost.category() == CostCategory.COMMUNITY_MANAGEMENT) {
                line.communityManagement = line.communityManagement.add(cost.amount());
            } else {
                line.costs = line.costs.add(cost.amount());
            }
            if (cost.category() == CostCategory.AD_SPEND) {
                line.adSpend = line.adSpend.add(cost.amount());
            }
        }
    }

    /** Handled comments and DMs of each row, priced: (comments x minutes + DMs x minutes) / 60 x hourly rate. */
    void priceCommunityManagement(SettingsView settings) {
        BigDecimal rate = settings.hourlyRate().amount();
        for (RoiLine line : lines.values()) {
            BigDecimal minutes = settings.minutesPerComment().multiply(BigDecimal.valueOf(line.comments))
                    .add(settings.minutesPerDm().multiply(BigDecimal.valueOf(line.dms)));
            BigDecimal cost = minutes.multiply(rate).divide(MINUTES_PER_HOUR, MathContext.DECIMAL64);
            line.communityManagement = line.communityManagement.add(Money.of(cost, currency).amount());
        }
    }

    /**
     * Rows by revenue, then spend; the unassigned row last. Totals add up the rows' additive parts; the people
     * behind the totals' conversion rate and the totals' LTV are the dependencies' own totals (people are
     * distinct, not a sum of rows).
     */
    Result result(Long totalEngagedActors, Long totalConvertingPeople, Money totalLtv) {
        List<Map.Entry<String, RoiLine>> entries = new ArrayList<>(lines.entrySet());
        entries.removeIf(e -> e.getValue().isEmpty());
        entries.sort(Comparator.<Map.Entry<String, RoiLine>, Boolean>comparing(e -> Labels.UNASSIGNED.equals(e.getKey()))
                .thenComparing(e -> e.getValue().revenue, Comparator.reverseOrder())
                .thenComparing(e -> e.getValue().costs.add(e.getValue().communityManagement), Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey));
        RoiLine total = new RoiLine();
        List<RoiRow> rows = new ArrayList<>();
        for (Map.Entry<String, RoiLine> e : entries) {
            RoiLine line = e.getValue();
            total.add(line);
            if (Labels.UNASSIGNED.equals(e.getKey())) {
                // Several sources meet here (events of no post, the totals' rest): no one set of people.
                line.engagedActors = null;
                line.funnelStage = null;
            } else if (dimension == Dimension.FUNNEL_STAGE) {
                line.funnelStage = e.getKey();
            } else if (dimension == Dimension.POST && line.funnelStage == null) {
                line.funnelStage = stageOfPost(e.getKey());
            } else if (dimension != Dimension.POST) {
                line.funnelStage = null;
            }
            rows.add(line.toRow(e.getKey(), labels.of(e.getKey()), currency));
        }
        total.engagedActors = totalEngagedActors;
        total.convertingPeople = totalConvertingPeople;
        total.credited = true;
        total.ltv = totalLtv;
        return new Result(rows, total.toRow("totals", "Total", currency),
                rows.stream().anyMatch(r -> Labels.UNASSIGNED.equals(r.key())));
    }

    private String stageOfPost(String key) {
        try {
            CatalogPage.Post post = labels.posts().get(UUID.fromString(key));
            return post == null ? null : post.funnelStage();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    record Result(List<RoiRow> rows, RoiRow totals, boolean hasUnassigned) {
    }

    private RoiLine line(String key) {
        return lines.computeIfAbsent(normalize(key), k -> new RoiLine());
    }

    private String normalize(String key) {
        if (key == null || key.isBlank() || Labels.UNASSIGNED.equalsIgnoreCase(key)) {
            return Labels.UNASSIGNED;
        }
        return switch (dimension) {
            case CAMPAIGN, POST -> key.trim().toLowerCase(Locale.ROOT);
            case PLATFORM, FUNNEL_STAGE -> key.trim().toUpperCase(Locale.ROOT);
        };
    }

    /** A cost's row: its own tie, else the tie of its post (a post knows its campaign, platform and stage). */
    private String keyOf(CostLine cost) {
        CatalogPage.Post post = cost.postId() == null ? null : labels.posts().get(cost.postId());
        return switch (dimension) {
            case POST -> cost.postId() == null ? null : cost.postId().toString();
            case CAMPAIGN -> cost.campaignId() != null ? cost.campaignId().toString()
                    : post == null || post.campaignId() == null ? null : post.campaignId().toString();
            case PLATFORM -> cost.platform() != null ? cost.platform().name() : post == null ? null : post.platform();
            case FUNNEL_STAGE -> post == null ? null : post.funnelStage();
        };
    }
}
