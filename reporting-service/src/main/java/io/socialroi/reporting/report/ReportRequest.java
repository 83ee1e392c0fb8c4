package io.socialroi.reporting.report;

import io.socialroi.common.workspace.WorkspaceInfo;
import java.util.UUID;

/** A report's workspace (with its zone and currency) and resolved period. */
public record ReportRequest(UUID workspaceId, WorkspaceInfo workspace, Period period) {

    public String currency() {
        return workspace.currency();
    }

    public String timeZone() {
        return workspace.timeZone();
    }
}
