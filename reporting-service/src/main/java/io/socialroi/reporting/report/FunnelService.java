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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The funnel: impressions and unique engaged actors and clicks from engagement-service, credited leads and new
 * customers from conversion-service (the conversions social touchpoints explain; unattributed ones never passed
 * through this funnel). Both are read grouped by campaign, the same answers the ROI report by campaign uses.
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
                params.halfLifeDays(), params.touchTypes())));
        CompletableFuture<EngagementSummary> summary = fetcher.start(() -> engagement.summary(
                new SummaryQuery(request.workspaceId(), period.from(), period.to(), group, campaignId)));
        fetcher.await(attribution, summary);

        EngagementRow people = campaignId == null ? summary.join().totals()
                : find(summary.join().rowsOrEmpty().stream().filter(r -> matches(r.key(), campaignId)).toList());
        AttributionRow credit = campaignId == null ? attribution.join().attributed()
                : find(attribution.join().rowsOrEmpty().stream().filter(r -> matches(r.key(), campaignId)).toList());
        Map<FunnelReport.StageName, BigDecimal> counts = new java.util.LinkedHashMap<>();
        counts.put(FunnelReport.StageName.IMPRESSIONS, BigDecimal.valueOf(people == null ? 0 : people.impressionCount()));
        counts.put(FunnelReport.StageName.ENGAGED, BigDecimal.valueOf(people == null || people.uniqueActors() == null
                ? 0 : people.uniqueActors()));
        counts.put(FunnelReport.StageName.CLICKS, BigDecimal.valueOf(people == null ? 0 : people.count("CLICK")));
        counts.put(FunnelReport.StageName.LEADS, Ratios.count(credit == null ? null : credit.leadCount()));
        counts.put(FunnelReport.StageName.CUSTOMERS, Ratios.count(credit == null ? null : credit.newCustomerCount()));
        return new FunnelReport(period.from(), period.to(), request.timeZone(), campaignId, params, stages(counts),
                List.of("ENGAGED counts unique engaged actors; LEADS and CUSTOMERS are credited by the attribution "
                        + "model, so they may be fractional."));
    }

    static List<FunnelReport.Stage> stages(Map<FunnelReport.StageName, BigDecimal> counts) {
        List<FunnelReport.Stage> stages = new ArrayList<>();
        BigDecimal previous = null;
        for (Map.Entry<FunnelReport.StageName, BigDecimal> e : counts.entrySet()) {
            BigDecimal count = e.getValue();
            Double rate = previous == null ? null : Ratios.ratio(count, previous);
            Double dropOff = rate == null ? null : BigDecimal.ONE.subtract(BigDecimal.valueOf(rate)).doubleValue();
            Double lost = previous == null ? null : previous.subtract(count).max(BigDecimal.ZERO).doubleValue();
            stages.add(new FunnelReport.Stage(e.getKey(), count.doubleValue(), rate, dropOff, lost));
            previous = count;
        }
        return stages;
    }

    private static boolean matches(String key, UUID campaignId) {
        return key != null && key.trim().equalsIgnoreCase(campaignId.toString());
    }

    private static <T> T find(List<T> matching) {
        return matching.isEmpty() ? null : matching.get(0);
    }
}
