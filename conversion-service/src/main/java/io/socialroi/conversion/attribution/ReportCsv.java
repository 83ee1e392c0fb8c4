package io.socialroi.conversion.attribution;

import java.math.BigDecimal;
import java.util.List;

/**
 * Attribution rows as CSV (reports answer CSV with {@code Accept: text/csv}): one line per row, then the
 * attributed and unattributed lines, amounts as plain decimals in the report currency.
 */
public final class ReportCsv {

    public static final String HEADER = "key,label,conversions,revenue,currency,leads,purchases,newCustomers";

    private ReportCsv() {
    }

    public static String write(AttributionReport report) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (AttributionReport.Row row : report.rows()) {
            line(csv, row.key(), row.label(), new Metrics(row.conversions(), row.revenue(), row.leads(), row.purchases(),
                    row.newCustomers()));
        }
        line(csv, "attributed", "Attributed", report.attributed());
        line(csv, "unattributed", "Unattributed", report.unattributed());
        return csv.toString();
    }

    private static void line(StringBuilder csv, String key, String label, Metrics m) {
        csv.append(quote(key)).append(',').append(quote(label)).append(',').append(plain(m.conversions())).append(',')
                .append(m.revenue().amount().toPlainString()).append(',').append(m.revenue().currency()).append(',')
                .append(plain(m.leads())).append(',').append(plain(m.purchases())).append(',')
                .append(plain(m.newCustomers())).append('\n');
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
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
