package io.socialroi.content.workspace;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A workspace as the API shows it. */
public record WorkspaceView(UUID id, String name, String timeZone, String currency, OffsetDateTime createdAt) {

    static WorkspaceView of(Workspace w) {
        return new WorkspaceView(w.id, w.name, w.timeZone, w.currency, w.createdAt);
    }
}
