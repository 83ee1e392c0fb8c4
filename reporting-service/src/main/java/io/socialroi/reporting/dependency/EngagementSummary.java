package io.socialroi.reporting.dependency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** engagement-service's {@code GET /workspaces/{ws}/engagement/summary} answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EngagementSummary(List<EngagementRow> rows, EngagementRow totals) {

    public List<EngagementRow> rowsOrEmpty() {
        return rows == null ? List.of() : rows;
    }
}
