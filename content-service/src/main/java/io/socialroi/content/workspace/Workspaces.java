package io.socialroi.content.workspace;

import io.socialroi.common.problem.ProblemException;
import java.time.ZoneId;
import java.util.UUID;

/** Lookups of a workspace by the features that live inside one (campaigns, posts, publishing). */
public final class Workspaces {

    private Workspaces() {
    }

    /** The workspace, or the same 404 problem the tenancy check gives. */
    public static Workspace require(UUID workspaceId) {
        Workspace workspace = Workspace.findById(workspaceId);
        if (workspace == null) {
            throw ProblemException.notFound("Workspace " + workspaceId);
        }
        return workspace;
    }

    public static ZoneId zone(Workspace workspace) {
        return ZoneId.of(workspace.timeZone);
    }
}
