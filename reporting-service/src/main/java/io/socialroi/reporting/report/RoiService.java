package io.socialroi.reporting.report;

import io.socialroi.common.money.Money;
import io.socialroi.reporting.cost.CostRepository;
import io.socialroi.reporting.cost.CostRepository.CostLine;
import io.socialroi.reporting.dependency.Attribution;
import io.socialroi.reporting.dependency.AttributionQuery;
import io.socialroi.reporting.dependency.AttributionRow;
import io.socialroi.reporting.dependency.CatalogGateway;
import io.socialroi.reporting.dependency.CatalogPage;
import io.socialroi.reporting.dependency.ConversionGateway;
import io.socialroi.reporting.dependency.EngagementGateway;
import io.socialroi.reporting.dependency.EngagementSummary;
import io.socialroi.reporting.dependency.SummaryQuery;
import io.socialroi.reporting.settings.SettingsStore;
import io.socialroi.reporting.settings.SettingsView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Builds the ROI report: costs from this service's database, attribution from conversion-service, engagement
 * rollups from engagement-service and labels from content-service, the three remote reads in parallel.
 */
@ApplicationScoped
public class RoiService {

    private final CostRepository costs;
    private final SettingsStore settings;
    private final ConversionGateway conversions;
    private final EngagementGateway engagement;
    private final CatalogGateway catalog;
    private final Fetcher fetcher;

    public RoiService(CostRepository costs, SettingsStore settings, ConversionGateway conversions,
            EngagementGateway engagement, CatalogGateway catalog, Fetcher fetcher) {
        this.costs = costs;
        this.settings = settings;
        this.conversions = conversions;
        this.engagement = engagement;
        this.catalog = catalog;
        this.fetcher = fetcher;
    }

    public RoiReport report(ReportRequest request, Dimension dimension, AttributionParams params) {
        UUID ws = request.workspaceId();
        Period period = request.period();
        List<CostLine> costLines = costs.sumByTies(ws, period.from(), period.to());
        SettingsView rates = settings.find(ws, request.currency());
        boolean needPosts = dimension == Dimension.POST || costLines.stream().anyMatch(c -> c.postId() != null);

        CompletableFuture<Attribution> attribution = fetcher.start(() -> conversions.attribution(new AttributionQuery(
                ws, period.from(), period.to(), dimension.param(), params.model(), params.lookbackDays(),
                params.halfLifeDays(), params.touchTypes())));
        CompletableFuture<EngagementSummary> summary = fetcher.start(() -> engagement.summary(
                new SummaryQuery(ws, period.from(), period.to(), dimension.param(), null)));
        CompletableFuture<Map<UUID, CatalogPage.Campaign>> campaigns = dimension == Dimension.CAMPAIGN
                ? fetcher.start(() -> catalog.campaigns(ws)) : CompletableFuture.completedFuture(Collections.emptyMap());
        CompletableFuture<Map<UUID, CatalogPage.Post>> posts = needPosts
                ? fetcher.start(() -> catalog.posts(ws)) : CompletableFuture.completedFuture(Collections.emptyMap());
        fetcher.await(attribution, summary, campaigns, posts);

        Labels labels = new Labels(dimension, campaigns.join(), posts.join());
        RoiCalculator calculator = new RoiCalculator(dimension, request.currency(), labels);
        calculator.addAttribution(attribution.join());
        calculator.addEngagement(summary.join());
        calculator.addCosts(costLines);
        calculator.priceCommunityManagement(rates);
        EngagementSummary engagementAnswer = summary.join();
        AttributionRow attributed = attribution.join().attributed();
        RoiCalculator.Result result = calculator.result(
                engagementAnswer.totals() == null ? null : engagementAnswer.totals().engagedActors(),
                attributed == null ? null : attributed.convertingPeople(), attribution.join().ltv());
        AttributionRow unattributed = attribution.join().unattributed();
        String model = attribution.join().model() != null ? attribution.join().model() : params.model();
        return new RoiReport(period.from(), period.to(), request.timeZone(), request.currency(), dimension.param(),
                new AttributionParams(model, params.lookbackDays(), params.halfLifeDays(), params.touchTypes()),
                result.rows(), result.totals(), unattributed(unattributed, request.currency()),
                notes(result, rates));
    }

    private static RoiReport.Unattributed unattributed(AttributionRow row, String currency) {
        if (row == null) {
            return new RoiReport.Unattributed(0, Money.zero(currency), 0);
        }
        return new RoiReport.Unattributed(Ratios.count(row.conversionCount()).doubleValue(),
                Money.of(row.revenueAmount(), currency),
                Ratios.count(row.leadCount()).doubleValue());
    }

    private static List<String> notes(RoiCalculator.Result result, SettingsView rates) {
        List<String> notes = new ArrayList<>();
        notes.add("Revenue is attributed revenue; conversions without a touchpoint are under 'unattributed' and in "
                + "no row.");
        if (result.totals().flaggedEngagements() > 0) {
            notes.add(result.totals().flaggedEngagements() + " engagements came from people flagged as bot or bought "
                    + "engagement: they are in rawEngagements and flaggedEngagements, never in engagements, "
                    + "engagement rate or cost per engagement.");
        }
        if (result.hasUnassigned()) {
            notes.add("The 'unassigned' row holds costs and engagement that are tied to no row of this grouping.");
        }
        if (rates.updatedAt() == null) {
            notes.add("No hourly rate is set: handled comments and DMs cost nothing in this report.");
        }
        return notes;
    }
}
