package io.socialroi.engagement.summary;

import java.time.LocalDate;
import java.util.List;

/** {@code GET .../engagement/summary}: rows and totals over the local dates from..to of the workspace. */
public record Summary(LocalDate from, LocalDate to, String timeZone, String groupBy, List<SummaryRow> rows,
        Figures totals) {
}
