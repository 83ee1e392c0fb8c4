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
        return report(request, dimension, params, null);
    }

    /**
     * The report; with a campaign (grouped by post only) the campaign's posts: attribution and costs are kept
     * when they belong to the campaign, engagement is asked for the campaign, and the totals' people and LTV are
     * the campaign's own row of the attribution grouped by campaign (people are distinct, not a sum of rows).
     */
    public RoiReport report(ReportRequest request, Dimension dimension, AttributionParams params, UUID campaign) {
        UUID ws = request.workspaceId();
        Period period = request.period();
        List<CostLine> costLines = costs.sumByTies(ws, period.from(), period.to());
        SettingsView rates = settings.find(ws, request.currency());
        boolean needPosts = dimension == Dimension.POST || costLines.stream().anyMatch(c -> c.postId() != null);

        CompletableFuture<Attribution> attribution = fetcher.start(() -> conversions.attribution(new AttributionQuery(
                ws, period.from(), period.to(), dimension.param(), params.model(), params.lookbackDays(),
                params.halfLifeDays(), params.touchTypes(), params.method())));
        CompletableFuture<Attribution> byCampaign = campaign == null ? CompletableFuture.completedFuture(null)
                : fetcher.start(() -> conversions.attribution(new AttributionQuery(ws, period.from(), period.to(),
                        Dimension.CAMPAIGN.param(), params.model(), params.lookbackDays(), params.halfLifeDays(),
                        params.touchTypes(), params.method())));
        CompletableFuture<EngagementSummary> summary = fetcher.start(() -> engagement.summary(
                new SummaryQuery(ws, period.from(), period.to(), dimension.param(), campaign)));
        CompletableFuture<Map<UUID, CatalogPage.Campaign>> campaigns = dimension == Dimension.CAMPAIGN
                ? fetcher.start(() -> catalog.campaigns(ws)) : CompletableFuture.completedFuture(Collections.emptyMap());
        CompletableFuture<Map<UUID, CatalogPage.Post>> posts = needPosts
                ? fetcher.start(() -> catalog.posts(ws)) : CompletableFuture.completedFuture(Collections.emptyMap());
        fetcher.await(attribution, byCampaign, summary, campaigns, posts);

        Labels labels = new Labels(dimension, campaigns.join(), posts.join());
        RoiCalculator calculator = new RoiCalculator(dimension, request.currency(), labels);
        Attribution answer = attribution.join();
        AttributionRow attributed = answer.attributed();
        Money ltv = answer.ltv();
        if (campaign != null) {
            answer = ofCampaign(answer, campaign, posts.join());
            attributed = campaignRow(byCampaign.join(), campaign);
            ltv = attributed == null ? null : attributed.ltv();
            costLines = costLines.stream().filter(c -> inCampaign(c, campaign, posts.join())).toList();
        }
        calculator.addAttribution(answer);
        calculator.addEngagement(summary.join());
        calculator.addCosts(costLines);
        calculator.priceCommunityManagement(rates);
        EngagementSummary engagementAnswer = summary.join();
        RoiCalculator.Result result = calculator.result(
                engagementAnswer.totals() == null ? null : engagementAnswer.totals().engagedActors(),
                attributed == null ? (campaign == null ? null : 0L) : attributed.convertingPeople(), ltv);
        // Conversions without a touchpoint belong to no campaign, so none of them is a campaign's.
        AttributionRow unattributed = campaign == null ? answer.unattributed() : null;
        String model = answer.model() != null ? answer.model() : params.model();
        List<String> notes = notes(result, rates);
        Attribution.DataDriven learned = attribution.join().dataDriven();
        if (learned != null) {
            notes.add("Data-driven credit (" + learned.method() + "), learned from " + learned.convertingJourneys()
                    + " converting and " + learned.nonConvertingJourneys() + " non-converting journeys over "
                    + learned.channels() + " channels." + (learned.note() == null ? "" : " " + learned.note()));
        }
        if (campaign != null) {
            notes.add("The posts of one campaign: costs tied to the campaign but to none of its posts are in the "
                    + "'unassigned' row; conversions without a touchpoint belong to no campaign.");
        }
        return new RoiReport(period.from(), period.to(), request.timeZone(), request.currency(), dimension.param(),
                new AttributionParams(model, params.lookbackDays(), params.halfLifeDays(), params.touchTypes(),
                        params.method()),
                result.rows(), result.totals(), unattributed(unattributed, request.currency()), notes, campaign);
    }

    /** The attribution rows (grouped by post) of the campaign's posts. */
    private static Attribution ofCampaign(Attribution answer, UUID campaign, Map<UUID, CatalogPage.Post> posts) {
        List<AttributionRow> rows = answer.rowsOrEmpty().stream().filter(r -> campaign.toString().equalsIgnoreCase(
                r.campaignId() != null ? r.campaignId() : campaignOfPost(r.key(), posts))).toList();
        return new Attribution(answer.model(), rows, null, null, null, null);
    }

    private static String campaignOfPost(String key, Map<UUID, CatalogPage.Post> posts) {
        try {
            CatalogPage.Post post = key == null ? null : posts.get(UUID.fromString(key.trim()));
            return post == null || post.campaignId() == null ? null : post.campaignId().toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AttributionRow campaignRow(Attribution byCampaign, UUID campaign) {
        return byCampaign == null ? null : byCampaign.rowsOrEmpty().stream()
                .filter(r -> campaign.toString().equalsIgnoreCase(r.key())).findFirst().orElse(null);
    }

    /** A cost's campaign as the report grouped by campaign sees it: its own tie, else its post's campaign. */
    private static boolean inCampaign(CostLine cost, UUID campaign, Map<UUID, CatalogPage.Post> posts) {
        if (cost.campaignId() != null) {
            return campaign.equals(cost.campaignId());
        }
        CatalogPage.Post post = cost.postId() == null ? null : posts.get(cost.postId());
        return post != null && campaign.equals(post.campaignId());
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
