package io.socialroi.engagement.actor;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.paging.Page;
import io.socialroi.common.problem.Problem;
import io.socialroi.engagement.settings.SettingsStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Engaged actors for retargeting audiences (conversion-service removes the converted ones itself). */
@Path("/workspaces/{workspaceId}/actors/search")
@Tag(name = "Touchpoints")
@RunOnVirtualThread
public class ActorResource {

    private final ActorQuery query;
    private final SettingsStore settings;
    private final WorkspaceAccess access;

    public ActorResource(ActorQuery query, SettingsStore settings, WorkspaceAccess access) {
        this.query = query;
        this.settings = settings;
        this.access = access;
    }

    @POST
    @RolesAllowed(Scopes.SERVICE)
    @Operation(summary = "Actors engaged since an instant, by campaign and funnel stage, with their intent "
            + "(service tokens only)", description = "For conversion-service's audiences (CONTRACTS.md): a token with "
            + "group service and engagement:read.")
    @APIResponse(responseCode = "200", description = "A page of actors, by actorId")
    @APIResponse(responseCode = "400", description = "Malformed body", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not a suite service's token with engagement:read",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown workspace", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Page<EngagedActor> search(@PathParam("workspaceId") UUID workspaceId, @Valid @NotNull ActorSearch search)
            throws SQLException {
        access.requireService(Scopes.ENGAGEMENT_READ);
        access.require(workspaceId);
        return query.search(workspaceId, search, settings.get(workspaceId));
    }
}
