package io.socialroi.reporting.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The funnel of a campaign or of the whole workspace, stage by stage, in people. */
public record FunnelReport(LocalDate from, LocalDate to, String timeZone, UUID campaignId,
        AttributionParams attribution, List<Stage> stages, List<String> notes) implements CsvExportable {

    /** The stages, in funnel order. */
    public enum StageName {
        IMPRESSIONS, ENGAGED, CLICKS, LEADS, CUSTOMERS
    }

    /** One stage; rate and drop-off are null for the first stage and after an empty one. */
    public record Stage(StageName stage,
            @Schema(description = "People who got at least this far: the people counted at this stage or at any "
                    + "later one (max of stageCount and the next stage's count), so a stage never holds more people "
                    + "than the one before it. IMPRESSIONS: people reached (any event); ENGAGED: people who engaged "
                    + "for real (any event but an impression; views count); CLICKS: people who clicked a tracked "
                    + "link; LEADS: people with a credited lead or first purchase; CUSTOMERS: people whose first "
                    + "purchase in the period was credited. People flagged as bot or bought engagement are in none")
            long count,
            @Schema(description = "People counted by this stage's own rule (e.g. who clicked), before 'at least "
                    + "this far'; a lead who never clicked counts in LEADS' stageCount and so in CLICKS' count")
            long stageCount,
            @Schema(description = "count / previous stage's count: the share of the previous stage's people who got "
                    + "this far, within 0..1") Double rate,
            @Schema(description = "1 - rate: the share of the previous stage's people lost here, within 0..1")
            Double dropOff,
            @Schema(description = "previous stage's count - count: people lost here, never below 0") Long lost) {
    }

    @Override
    public CsvTable toCsv() {
        List<List<String>> rows = stages.stream().map(s -> List.of(s.stage().name(), String.valueOf(s.count()),
                RoiReport.num(s.rate()), RoiReport.num(s.dropOff()), s.lost() == null ? "" : String.valueOf(s.lost()),
                String.valueOf(s.stageCount()))).toList();
        return new CsvTable("funnel-" + (campaignId == null ? "workspace" : campaignId) + "-" + from + "-" + to
                + ".csv", List.of("stage", "count", "rate", "dropOff", "lost", "stageCount"), rows, List.of());
    }
}
