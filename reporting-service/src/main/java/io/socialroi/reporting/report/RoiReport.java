package io.socialroi.reporting.report;

import io.socialroi.common.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The ROI report: rows and totals (the totals' additive fields are the sum of the rows'), plus what was left
 * out of the rows on purpose: conversions no touchpoint explains are shown as {@code unattributed}, never
 * added to revenue.
 */
public record RoiReport(LocalDate from, LocalDate to, String timeZone, String currency, String groupBy,
        AttributionParams attribution, List<RoiRow> rows, RoiRow totals, Unattributed unattributed,
        List<String> notes, UUID campaignId) implements CsvExportable {

    /** Conversions in the period that had no touchpoint: not social's doing, so not in revenue or ROI. */
    public record Unattributed(double conversions, Money revenue, double leads) {
    }

    private static final List<String> HEADER = List.of("key", "label", "currency", "spend", "adSpend",
            "communityManagement", "revenue", "profit", "roi", "roas", "conversions", "leads", "customers", "cac",
            "cpl", "conversionRate", "engagements", "impressions", "engagementRate", "costPerEngagement", "ltv", "rawEngagements",
            "flaggedEngagements", "funnelStage");

    @Override
    public CsvTable toCsv() {
        List<List<String>> lines = new ArrayList<>();
        Stream.concat(rows.stream(), Stream.of(totals)).forEach(r -> lines.add(List.of(r.key(), r.label(), currency,
                amount(r.spend()), amount(r.adSpend()), amount(r.communityManagement()), amount(r.revenue()),
                amount(r.profit()), num(r.roi()), num(r.roas()), num(r.conversions()), num(r.leads()),
                num(r.customers()), amount(r.cac()), amount(r.cpl()), num(r.conversionRate()),
                String.valueOf(r.engagements()), String.valueOf(r.impressions()), num(r.engagementRate()),
                amount(r.costPerEngagement()), amount(r.ltv()), String.valueOf(r.rawEngagements()),
                String.valueOf(r.flaggedEngagements()), Objects.toString(r.funnelStage(), ""))));
        return new CsvTable("roi-" + groupBy + (campaignId == null ? "" : "-campaign-" + campaignId) + "-" + from + "-" + to + ".csv", HEADER,
                lines.stream().map(l -> l.stream().map(c -> Objects.toString(c, "")).toList()).toList(), List.of(1));
    }

    static String amount(Money money) {
        return money == null ? "" : money.amount().toPlainString();
    }

    static String num(Double value) {
        return value == null ? "" : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
