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

    /**
     * The workspace, when it takes new campaigns and posts: an archived one is a 409 problem (unarchive it
     * first); a missing one the usual 404.
     */
    public static Workspace requireActive(UUID workspaceId) {
        Workspace workspace = require(workspaceId);
        if (workspace.archivedAt != null) {
            throw ProblemException.conflict("Workspace " + workspaceId + " is archived and takes no new campaigns "
                    + "or posts; unarchive it first (POST /workspaces/" + workspaceId + "/unarchive)");
        }
        return workspace;
    }

    public static ZoneId zone(Workspace workspace) {
        return ZoneId.of(workspace.timeZone);
    }
}
