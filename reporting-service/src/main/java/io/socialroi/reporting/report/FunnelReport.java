package io.socialroi.reporting.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The funnel of a campaign or of the whole workspace, stage by stage. */
public record FunnelReport(LocalDate from, LocalDate to, String timeZone, UUID campaignId,
        AttributionParams attribution, List<Stage> stages, List<String> notes) implements CsvExportable {

    /** The stages, in funnel order. */
    public enum StageName {
        IMPRESSIONS, ENGAGED, CLICKS, LEADS, CUSTOMERS
    }

    /** One stage; rate and drop-off are null for the first stage and after an empty one. */
    public record Stage(StageName stage,
            @Schema(description = "People or events at this stage (leads and customers: credited, fractional)")
            double count,
            @Schema(description = "count / previous stage's count") Double rate,
            @Schema(description = "1 - rate: the share of the previous stage lost here") Double dropOff,
            @Schema(description = "previous stage's count - count, never below 0") Double lost) {
    }

    @Override
    public CsvTable toCsv() {
        List<List<String>> rows = stages.stream().map(s -> List.of(s.stage().name(), RoiReport.num(s.count()),
                RoiReport.num(s.rate()), RoiReport.num(s.dropOff()), RoiReport.num(s.lost()))).toList();
        return new CsvTable("funnel-" + (campaignId == null ? "workspace" : campaignId) + "-" + from + "-" + to
                + ".csv", List.of("stage", "count", "rate", "dropOff", "lost"), rows, List.of());
    }
}
