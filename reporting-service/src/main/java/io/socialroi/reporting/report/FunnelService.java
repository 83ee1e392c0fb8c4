package io.socialroi.reporting.report;

import io.socialroi.reporting.dependency.Attribution;
import io.socialroi.reporting.dependency.AttributionQuery;
import io.socialroi.reporting.dependency.AttributionRow;
import io.socialroi.reporting.dependency.ConversionGateway;
import io.socialroi.reporting.dependency.EngagementGateway;
import io.socialroi.reporting.dependency.EngagementRow;
import io.socialroi.reporting.dependency.EngagementSummary;
import io.socialroi.reporting.dependency.SummaryQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The funnel in people: reached, engaged and clicking people (not flagged as bot or bought engagement) from
 * engagement-service, people with a credited lead or first purchase and new customers from conversion-service
 * (the conversions social touchpoints explain; unattributed ones never passed through this funnel). Both are
 * read grouped by campaign, the same answers the ROI report by campaign uses.
 */
@ApplicationScoped
public class FunnelService {

    private final ConversionGateway conversions;
    private final EngagementGateway engagement;
    private final Fetcher fetcher;

    public FunnelService(ConversionGateway conversions, EngagementGateway engagement, Fetcher fetcher) {
        this.conversions = conversions;
        this.engagement = engagement;
        this.fetcher = fetcher;
    }

    public FunnelReport report(ReportRequest request, UUID campaignId, AttributionParams params) {
        Period period = request.period();
        String group = Dimension.CAMPAIGN.param();
        CompletableFuture<Attribution> attribution = fetcher.start(() -> conversions.attribution(new AttributionQuery(
                request.workspaceId(), period.from(), period.to(), group, params.model(), params.lookbackDays(),
                params.halfLifeDays(), params.touchTypes(), params.method())));
        CompletableFuture<EngagementSummary> summary = fetcher.start(() -> engagement.summary(
                new SummaryQuery(request.workspaceId(), period.from(), period.to(), group, campaignId)));
        fetcher.await(attribution, summary);

        EngagementRow people = campaignId == null ? summary.join().totals()
                : find(summary.join().rowsOrEmpty().stream().filter(r -> matches(r.key(), campaignId)).toList());
        AttributionRow credit = campaignId == null ? attribution.join().attributed()
                : find(attribution.join().rowsOrEmpty().stream().filter(r -> matches(r.key(), campaignId)).toList());
        Map<FunnelReport.StageName, Long> counts = new LinkedHashMap<>();
        counts.put(FunnelReport.StageName.IMPRESSIONS, people(people == null ? null : people.reachedActors()));
        counts.put(FunnelReport.StageName.ENGAGED, people(people == null ? null : people.engagedActors()));
        counts.put(FunnelReport.StageName.CLICKS, people(people == null ? null : people.clickedActors()));
        counts.put(FunnelReport.StageName.LEADS, people(credit == null ? null : credit.leadOrCustomerPeople()));
        counts.put(FunnelReport.StageName.CUSTOMERS, people(credit == null ? null : credit.newCustomerPeople()));
        return new FunnelReport(period.from(), period.to(), request.timeZone(), campaignId, params, stages(counts),
                List.of("Every stage counts people who got at least this far (the stage's own people or any later "
                        + "stage's), so each rate is within 0..1: reached, engaged for real, clicked, with a lead or "
                        + "first purchase credited to the campaign, new customers. People flagged as bot or bought "
                        + "engagement are left out."));
    }

    /**
     * "At least this far": each stage's count is the max of its own people and the next stage's count, from the
     * last stage up, so the counts never grow down the funnel; a rate is then count / previous count.
     */
    static List<FunnelReport.Stage> stages(Map<FunnelReport.StageName, Long> own) {
        List<Map.Entry<FunnelReport.StageName, Long>> entries = new ArrayList<>(own.entrySet());
        long[] atLeast = new long[entries.size()];
        long below = 0;
        for (int i = entries.size() - 1; i >= 0; i--) {
            below = Math.max(below, entries.get(i).getValue());
            atLeast[i] = below;
        }
        List<FunnelReport.Stage> stages = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Double rate = i == 0 ? null : Ratios.ratio(atLeast[i], atLeast[i - 1]);
            Double dropOff = rate == null ? null
                    : BigDecimal.ONE.subtract(BigDecimal.valueOf(rate)).doubleValue();
            Long lost = i == 0 ? null : atLeast[i - 1] - atLeast[i];
            stages.add(new FunnelReport.Stage(entries.get(i).getKey(), atLeast[i], entries.get(i).getValue(), rate,
                    dropOff, lost));
        }
        return stages;
    }

    private static long people(Long count) {
        return count == null ? 0 : Math.max(0, count);
    }

    private static boolean matches(String key, UUID campaignId) {
        return key != null && key.trim().equalsIgnoreCase(campaignId.toString());
    }

    private static <T> T find(List<T> matching) {
        return matching.isEmpty() ? null : matching.get(0);
    }
}
