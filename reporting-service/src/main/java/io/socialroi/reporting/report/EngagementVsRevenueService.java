package io.socialroi.reporting.report;

import io.socialroi.common.money.Money;
import io.socialroi.reporting.dependency.Attribution;
import io.socialroi.reporting.dependency.AttributionQuery;
import io.socialroi.reporting.dependency.AttributionRow;
import io.socialroi.reporting.dependency.CatalogGateway;
import io.socialroi.reporting.dependency.CatalogPage;
import io.socialroi.reporting.dependency.ConversionGateway;
import io.socialroi.reporting.dependency.EngagementGateway;
import io.socialroi.reporting.dependency.EngagementRow;
import io.socialroi.reporting.dependency.EngagementSummary;
import io.socialroi.reporting.dependency.SummaryQuery;
import io.socialroi.reporting.report.EngagementVsRevenueReport.PostRow;
import io.socialroi.reporting.report.EngagementVsRevenueReport.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Real engagement against revenue per post: engagement of people flagged as bot or bought engagement is shown
 * beside the real one and left out of the rate, so a farm-liked post is never an engaging one (not PERFORMER,
 * not VANITY for its bought likes). A post's engagement is high when its engagement rate is above zero and
 * at least the median of the posts; its revenue is high when above zero and at least the median revenue. The
 * two answers give the verdict. Medians adapt to each workspace and period, so the verdicts say how a post
 * compares with its siblings, not with an industry number.
 */
@ApplicationScoped
public class EngagementVsRevenueService {

    static final String RULE = "engagementRate is real engagement (flagged people left out) per impression; "
            + "engagement is high when engagementRate > 0 and >= thresholds.engagementRate; "
            + "revenue is high when revenue > 0 and >= thresholds.revenue; high/high PERFORMER, high/low VANITY, "
            + "low/high QUIET_CONVERTER, low/low UNDERPERFORMER";

    private final ConversionGateway conversions;
    private final EngagementGateway engagement;
    private final CatalogGateway catalog;
    private final Fetcher fetcher;

    public EngagementVsRevenueService(ConversionGateway conversions, EngagementGateway engagement,
            CatalogGateway catalog, Fetcher fetcher) {
        this.conversions = conversions;
        this.engagement = engagement;
        this.catalog = catalog;
        this.fetcher = fetcher;
    }

    public EngagementVsRevenueReport report(ReportRequest request, AttributionParams params) {
        Period period = request.period();
        UUID ws = request.workspaceId();
        String group = Dimension.POST.param();
        CompletableFuture<Attribution> attribution = fetcher.start(() -> conversions.attribution(new AttributionQuery(
                ws, period.from(), period.to(), group, params.model(), params.lookbackDays(), params.halfLifeDays(),
                params.touchTypes(), params.method())));
        CompletableFuture<EngagementSummary> summary = fetcher.start(() -> engagement.summary(
                new SummaryQuery(ws, period.from(), period.to(), group, null)));
        CompletableFuture<Map<UUID, CatalogPage.Post>> posts = fetcher.start(() -> catalog.posts(ws));
        fetcher.await(attribution, summary, posts);

        Map<String, EngagementRow> engaged = new LinkedHashMap<>();
        summary.join().rowsOrEmpty().stream().filter(r -> key(r.key()) != null)
                .forEach(r -> engaged.put(key(r.key()), r));
        Map<String, AttributionRow> credited = new LinkedHashMap<>();
        attribution.join().rowsOrEmpty().stream().filter(r -> key(r.key()) != null)
                .forEach(r -> credited.put(key(r.key()), r));
        Set<String> keys = new LinkedHashSet<>(engaged.keySet());
        keys.addAll(credited.keySet());

        String currency = request.currency();
        BigDecimal allRevenue = credited.values().stream().map(r -> Money.of(r.revenueAmount(), currency).amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Labels labels = new Labels(Dimension.POST, Map.of(), posts.join());
        List<PostRow> rows = new ArrayList<>();
        for (String key : keys) {
            rows.add(row(key, engaged.get(key), credited.get(key), labels, currency, allRevenue));
        }
        Double medianRate = median(rows.stream().map(PostRow::engagementRate).filter(Objects::nonNull)
                .map(BigDecimal::valueOf).toList());
        BigDecimal medianRevenue = BigDecimal.valueOf(Objects.requireNonNullElse(
                median(rows.stream().map(r -> r.revenue().amount()).toList()), 0.0));
        List<PostRow> judged = rows.stream().map(r -> withVerdict(r, medianRate, medianRevenue))
                .sorted(Comparator.comparing((PostRow r) -> r.revenue().amount()).reversed()
                        .thenComparing(PostRow::engagements, Comparator.reverseOrder()).thenComparing(PostRow::key))
                .toList();
        return new EngagementVsRevenueReport(period.from(), period.to(), request.timeZone(), currency, params,
                new EngagementVsRevenueReport.Thresholds(medianRate, Money.of(medianRevenue, currency), RULE), judged);
    }

    private static PostRow row(String key, EngagementRow e, AttributionRow a, Labels labels, String currency,
            BigDecimal allRevenue) {
        long impressions = e == null ? 0 : e.impressionCount();
        long engagements = e == null ? 0 : e.realEngagementCount();
        long raw = e == null ? 0 : e.engagementCount();
        BigDecimal conversions = Ratios.count(a == null ? null : a.conversionCount());
        Money revenue = Money.of(a == null ? BigDecimal.ZERO : a.revenueAmount(), currency);
        CatalogPage.Post post = labels.posts().get(UUID.fromString(key));
        String platform = first(e == null ? null : e.platform(), a == null ? null : a.platform(),
                post == null ? null : post.platform());
        String stage = first(e == null ? null : e.funnelStage(), a == null ? null : a.funnelStage(),
                post == null ? null : post.funnelStage());
        Long converting = a == null ? Long.valueOf(0) : a.convertingPeople();
        return new PostRow(key, labels.of(key), platform, stage, impressions, engagements, raw, raw - engagements,
                Ratios.ratio(engagements, impressions), conversions.doubleValue(),
                Ratios.conversionRate(converting, e == null ? Long.valueOf(0) : e.engagedActors()), revenue,
                Ratios.ratio(revenue.amount(), allRevenue), null);
    }

    /** The current value: engagement-service's post directory first, then conversion-service's, then content's. */
    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static PostRow withVerdict(PostRow r, Double medianRate, BigDecimal medianRevenue) {
        boolean engaging = r.engagementRate() != null && r.engagementRate() > 0 && medianRate != null
                && r.engagementRate() >= medianRate;
        boolean earning = r.revenue().amount().signum() > 0 && r.revenue().amount().compareTo(medianRevenue) >= 0;
        Verdict verdict = engaging ? (earning ? Verdict.PERFORMER : Verdict.VANITY)
                : (earning ? Verdict.QUIET_CONVERTER : Verdict.UNDERPERFORMER);
        return new PostRow(r.key(), r.label(), r.platform(), r.funnelStage(), r.impressions(), r.engagements(),
                r.rawEngagements(), r.flaggedEngagements(), r.engagementRate(), r.conversions(), r.conversionRate(),
                r.revenue(), r.revenueShare(), verdict);
    }

    static Double median(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        BigDecimal median = sorted.size() % 2 == 1 ? sorted.get(mid)
                : sorted.get(mid - 1).add(sorted.get(mid)).divide(BigDecimal.valueOf(2), 8, RoundingMode.HALF_EVEN);
        return median.setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Post ids only; a row without a post (a DM) is not a post's engagement. */
    private static String key(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(key.trim()).toString().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
