package io.socialroi.engagement.summary;

import io.socialroi.engagement.event.EventType;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary as RFC 4180 CSV ({@code Accept: text/csv}), a download named after the grouping and period, in the
 * style of reporting-service's reports: a header line, one line per row, then the totals (key {@code total}).
 * Labels are guarded against spreadsheet formula injection.
 */
@Provider
@Produces(SummaryCsvWriter.TEXT_CSV)
public class SummaryCsvWriter implements MessageBodyWriter<Summary> {

    public static final String TEXT_CSV = "text/csv";
    static final List<String> HEADER = header();

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Summary.class.isAssignableFrom(type) && mediaType.isCompatible(MediaType.valueOf(TEXT_CSV));
    }

    @Override
    public void writeTo(Summary summary, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle("Content-Type", TEXT_CSV + "; charset=UTF-8");
        headers.putSingle("Content-Disposition", "attachment; filename=\"engagement-summary-" + summary.groupBy()
                + "-" + summary.from() + "-" + summary.to() + ".csv\"");
        out.write(csv(summary).getBytes(StandardCharsets.UTF_8));
    }

    static String csv(Summary summary) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (SummaryRow row : summary.rows()) {
            SummaryRow.Post p = row.post();
            line(csv, cells(row.key(), row.label(), p == null || p.postId() == null ? null : p.postId().toString(),
                    p == null || p.campaignId() == null ? null : p.campaignId().toString(),
                    p == null ? null : p.platform(), p == null ? null : p.funnelStage(), row.figures()));
        }
        line(csv, cells("total", "Total", null, null, null, null, summary.totals()));
        return csv.toString();
    }

    private static List<String> header() {
        List<String> h = new ArrayList<>(List.of("key", "label", "postId", "campaignId", "platform", "funnelStage",
                "impressions", "engagements", "realEngagements", "flaggedEngagements", "uniqueActors", "reachedActors",
                "engagedActors", "clickedActors", "botClicks", "engagementRate", "suspiciousShare", "qualityScore",
                "intentScore"));
        for (EventType t : EventType.values()) {
            h.add(t.name());
        }
        return List.copyOf(h);
    }

    private static List<String> cells(String key, String label, String postId, String campaignId, String platform,
            String stage, Figures f) {
        List<String> c = new ArrayList<>(List.of(key, text(label)));
        c.add(postId);
        c.add(campaignId);
        c.add(platform);
        c.add(stage);
        for (Object v : new Object[] {f.impressions(), f.engagements(), f.realEngagements(), f.flaggedEngagements(),
            f.uniqueActors(), f.reachedActors(), f.engagedActors(), f.clickedActors(), f.botClicks(),
            f.engagementRate(), f.suspiciousShare(), f.qualityScore(), f.intentScore()}) {
            c.add(v == null ? null : v.toString());
        }
        for (EventType t : EventType.values()) {
            c.add(String.valueOf(f.counts().getOrDefault(t.name(), 0L)));
        }
        return c;
    }

    /** A text cell starting like a formula gets a leading apostrophe. */
    private static String text(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String v = cells.get(i);
            if (v != null) {
                csv.append(v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                        ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
            }
        }
        csv.append("\r\n");
    }
}
