package io.socialroi.content.workspace;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A workspace as the API shows it. */
public record WorkspaceView(UUID id, String name, String timeZone, String currency, OffsetDateTime createdAt,
        @Schema(description = "Last change by PATCH; null until then") OffsetDateTime updatedAt,
        @Schema(description = "True once archived: left out of the default list, takes no new campaigns or posts, "
                + "its data and reports stay readable") boolean archived,
        @Schema(description = "When it was archived; null while active") OffsetDateTime archivedAt) {

    static WorkspaceView of(Workspace w) {
        return new WorkspaceView(w.id, w.name, w.timeZone, w.currency, w.createdAt, w.updatedAt, w.archivedAt != null,
                w.archivedAt);
    }

    WorkspaceRequest asRequest() {
        return new WorkspaceRequest(name, timeZone, currency);
    }
}
