package io.socialroi.reporting.report;

import io.socialroi.common.money.Money;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Each post's real engagement against what it brought, with a verdict and the thresholds that decided it; bought
 * and bot engagement is shown beside it and never makes a post look engaging.
 */
public record EngagementVsRevenueReport(LocalDate from, LocalDate to, String timeZone, String currency,
        AttributionParams attribution, Thresholds thresholds, List<PostRow> rows) implements CsvExportable {

    /** What a post's numbers say about it. */
    public enum Verdict {
        /** High engagement, low revenue: applause. */
        VANITY,
        /** Low engagement, high revenue: the quiet post that sells. */
        QUIET_CONVERTER,
        /** High engagement and high revenue. */
        PERFORMER,
        /** Low engagement and low revenue. */
        UNDERPERFORMER
    }

    /** The thresholds used: medians over the workspace's posts in the period. */
    public record Thresholds(
            @Schema(description = "Median engagement rate of the posts with impressions") Double engagementRate,
            @Schema(description = "Median attributed revenue per post") Money revenue,
            String rule) {
    }

    /** One post. */
    public record PostRow(String key, String label, String platform,
            @Schema(description = "The post's current funnel stage") String funnelStage, long impressions,
            @Schema(description = "Real engagement: every engagement except IMPRESSION and VIEW of the people not "
                    + "flagged as bot or bought engagement; the verdict is judged on it") long engagements,
            @Schema(description = "Every engagement, flagged people's included: engagements + flaggedEngagements")
            long rawEngagements,
            @Schema(description = "Engagement of people flagged as bot or bought engagement (bursts, identical "
                    + "comments), left out of engagements and engagementRate") long flaggedEngagements,
            @Schema(description = "Real engagement per impression: engagements / impressions") Double engagementRate,
            @Schema(description = "Credited conversions (fractional under shared-credit models)") double conversions,
            @Schema(description = "The share of the people who engaged for real with the post that converted: people "
                    + "with a conversion credited to it / max(people who engaged for real, those people), never above "
                    + "1") Double conversionRate,
            Money revenue,
            @Schema(description = "Share of all posts' attributed revenue") Double revenueShare, Verdict verdict) {
    }

    @Override
    public CsvTable toCsv() {
        List<List<String>> lines = rows.stream().map(r -> List.of(r.key(), r.label(), n(r.platform()),
                n(r.funnelStage()), String.valueOf(r.impressions()), String.valueOf(r.engagements()),
                RoiReport.num(r.engagementRate()), RoiReport.num(r.conversions()), RoiReport.num(r.conversionRate()),
                RoiReport.amount(r.revenue()), RoiReport.num(r.revenueShare()), r.verdict().name(),
                String.valueOf(r.rawEngagements()), String.valueOf(r.flaggedEngagements()))).toList();
        return new CsvTable("engagement-vs-revenue-" + from + "-" + to + ".csv", List.of("key", "label", "platform",
                "funnelStage", "impressions", "engagements", "engagementRate", "conversions", "conversionRate",
                "revenue", "revenueShare", "verdict", "rawEngagements", "flaggedEngagements"), lines, List.of(1));
    }

    private static String n(String value) {
        return value == null ? "" : value;
    }
}
