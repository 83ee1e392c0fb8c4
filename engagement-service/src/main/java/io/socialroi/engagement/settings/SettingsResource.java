package io.socialroi.engagement.settings;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A workspace's intent weights and bot-behaviour thresholds. */
@Path("/workspaces/{workspaceId}/engagement/settings")
@Tag(name = "Engagement summary")
@RunOnVirtualThread
public class SettingsResource {

    private final SettingsStore store;
    private final WorkspaceAccess access;

    public SettingsResource(SettingsStore store, WorkspaceAccess access) {
        this.store = store;
        this.access = access;
    }

    @GET
    @RolesAllowed(Scopes.ENGAGEMENT_READ)
    @Operation(summary = "The scoring settings in force (the defaults until changed)")
    @APIResponse(responseCode = "200", description = "The settings")
    @APIResponse(responseCode = "404", description = "Unknown workspace", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ScoringSettings get(@PathParam("workspaceId") UUID workspaceId) throws SQLException {
        access.require(workspaceId);
        return store.get(workspaceId);
    }

    @PUT
    @RolesAllowed(Scopes.ENGAGEMENT_WRITE)
    @Operation(summary = "Change weights or thresholds; fields left out keep their value")
    @APIResponse(responseCode = "200", description = "The settings now in force")
    @APIResponse(responseCode = "400", description = "Malformed body", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown workspace", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ScoringSettings put(@PathParam("workspaceId") UUID workspaceId, @Valid @NotNull SettingsRequest request)
            throws SQLException {
        access.require(workspaceId);
        return store.put(workspaceId, request);
    }
}
