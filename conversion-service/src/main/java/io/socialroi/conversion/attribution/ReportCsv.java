package io.socialroi.conversion.attribution;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Attribution rows as CSV (reports answer CSV with {@code Accept: text/csv}): one line per row, then the
 * attributed and unattributed lines, amounts as plain decimals in the report currency.
 */
public final class ReportCsv {

    public static final String HEADER = "key,label,conversions,revenue,currency,leads,purchases,newCustomers,"
            + "convertingPeople,leadPeople,newCustomerPeople,leadOrCustomerPeople,ltv,funnelStage,platform,campaignId";

    /** Compare: one line per row and model, then attributed and unattributed (model left empty). */
    public static final String COMPARE_HEADER = "key,label,model,conversions,revenue,currency,leads,purchases,"
            + "newCustomers,convertingPeople,leadPeople,newCustomerPeople,leadOrCustomerPeople,ltv,funnelStage,"
            + "platform,campaignId";

    private ReportCsv() {
    }

    public static String write(AttributionReport report) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (AttributionReport.Row row : report.rows()) {
            line(csv, row.key(), row.label(), null, row.metrics(), row.funnelStage(), row.platform(), row.campaignId());
        }
        line(csv, "attributed", "Attributed", null, report.attributed(), null, null, null);
        line(csv, "unattributed", "Unattributed", null, report.unattributed(), null, null, null);
        return csv.toString();
    }

    public static String write(AttributionComparison comparison) {
        StringBuilder csv = new StringBuilder(COMPARE_HEADER).append('\n');
        for (AttributionComparison.Row row : comparison.rows()) {
            for (Map.Entry<String, Metrics> model : row.models().entrySet()) {
                line(csv, row.key(), row.label(), model.getKey(), model.getValue(), row.funnelStage(), row.platform(),
                        row.campaignId());
            }
        }
        line(csv, "attributed", "Attributed", "", comparison.attributed(), null, null, null);
        line(csv, "unattributed", "Unattributed", "", comparison.unattributed(), null, null, null);
        return csv.toString();
    }

    /** Paths: one line per row (the steps joined by " > "), then the attributed and unattributed lines. */
    public static final String PATHS_HEADER = "key,label,steps,elided,conversions,revenue,currency,share,"
            + "nonConvertingJourneys,journeys,conversionRate,medianSecondsToConvert,meanSecondsToConvert";

    public static String write(PathReport report) {
        StringBuilder csv = new StringBuilder(PATHS_HEADER).append('\n');
        for (PathReport.Row r : report.rows()) {
            csv.append(quote(r.key())).append(',').append(quote(r.label())).append(',').append(r.path().size())
                    .append(',').append(r.elided()).append(',').append(r.conversions()).append(',')
                    .append(r.revenue().amount().toPlainString()).append(',').append(r.revenue().currency()).append(',')
                    .append(plain(r.share())).append(',').append(r.nonConvertingJourneys()).append(',')
                    .append(r.journeys()).append(',').append(plain(r.conversionRate())).append(',')
                    .append(r.medianSecondsToConvert()).append(',').append(r.meanSecondsToConvert()).append('\n');
        }
        PathReport.Attributed a = report.attributed();
        csv.append("attributed,Attributed,,,").append(a.conversions()).append(',')
                .append(a.revenue().amount().toPlainString()).append(',').append(a.revenue().currency()).append(',')
                .append(plain(a.share())).append(',').append(a.nonConvertingJourneys()).append(',').append(a.journeys())
                .append(',').append(plain(a.conversionRate())).append(',')
                .append(a.medianSecondsToConvert() == null ? "" : a.medianSecondsToConvert()).append(',')
                .append(a.meanSecondsToConvert() == null ? "" : a.meanSecondsToConvert()).append('\n');
        PathReport.Count u = report.unattributed();
        csv.append("unattributed,Unattributed,,,").append(u.conversions()).append(',')
                .append(u.revenue().amount().toPlainString()).append(',').append(u.revenue().currency()).append(',')
                .append(plain(u.share())).append(",,,,,\n");
        return csv.toString();
    }

    private static void line(StringBuilder csv, String key, String label, String model, Metrics m, String stage,
            String platform, String campaign) {
        csv.append(quote(key)).append(',').append(quote(label)).append(',');
        if (model != null) {
            csv.append(quote(model)).append(',');
        }
        csv.append(plain(m.conversions())).append(',')
                .append(m.revenue().amount().toPlainString()).append(',').append(m.revenue().currency()).append(',')
                .append(plain(m.leads())).append(',').append(plain(m.purchases())).append(',')
                .append(plain(m.newCustomers())).append(',').append(m.convertingPeople()).append(',')
                .append(m.leadPeople()).append(',').append(m.newCustomerPeople()).append(',')
                .append(m.leadOrCustomerPeople()).append(',')
                .append(m.ltv() == null ? "" : m.ltv().amount().toPlainString()).append(',')
                .append(stage == null ? "" : quote(stage)).append(',').append(platform == null ? "" : quote(platform))
                .append(',').append(campaign == null ? "" : quote(campaign)).append('\n');
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not evaluate it. */
    static String quote(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
