package io.socialroi.reporting.cost;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Deleting a cost recorded by mistake (issue 16, the agency app's Costs view). A class of its own beside
 * {@link CostResource}, with the same tenancy and scope: {@code costs:write}, which a client viewer never has.
 */
@Path("/workspaces/{workspaceId}/costs/{costId}")
@Tag(name = "Costs")
@RunOnVirtualThread
public class CostDeletionResource {

    private final WorkspaceAccess access;

    public CostDeletionResource(WorkspaceAccess access) {
        this.access = access;
    }

    @DELETE
    @RolesAllowed(Scopes.COSTS_WRITE)
    @Transactional
    @Operation(summary = "Delete a cost", description = "Removes a cost recorded by mistake; reports stop counting "
            + "it from the next request. Deleting it again is a 404.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Missing scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown workspace or cost, or another workspace's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("workspaceId") UUID workspaceId, @PathParam("costId") UUID costId) {
        access.require(workspaceId);
        if (Cost.delete("workspaceId = ?1 and id = ?2", workspaceId, costId) == 0) {
            throw ProblemException.notFound("Cost " + costId);
        }
        return Response.noContent().build();
    }
}
