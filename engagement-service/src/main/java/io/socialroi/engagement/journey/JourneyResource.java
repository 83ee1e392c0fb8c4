package io.socialroi.engagement.journey;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.problem.Problem;
import io.socialroi.engagement.settings.SettingsStore;
import jakarta.annotation.security.RolesAllowed;
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

/**
 * The aggregated journeys of the actors engaged in a period, except the ones named (conversion-service's
 * never-converting journeys for DATA_DRIVEN and path analysis, CONTRACTS.md). Service tokens only, as the
 * touchpoint search.
 */
@Path("/workspaces/{workspaceId}/journeys/search")
@Tag(name = "Touchpoints")
@RunOnVirtualThread
public class JourneyResource {

    private final JourneyQuery query;
    private final SettingsStore settings;
    private final WorkspaceAccess access;

    public JourneyResource(JourneyQuery query, SettingsStore settings, WorkspaceAccess access) {
        this.query = query;
        this.settings = settings;
        this.access = access;
    }

    @POST
    @RolesAllowed(Scopes.SERVICE)
    @Operation(summary = "Aggregated journeys of the actors engaged in a period, except the ones named "
            + "(service tokens only)", description = "For conversion-service's never-converting journeys "
            + "(CONTRACTS.md): a token with group service and engagement:read. Identical paths are one item.")
    @APIResponse(responseCode = "200", description = "The paths and how many actors took each")
    @APIResponse(responseCode = "400", description = "Malformed body", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not a suite service's token with engagement:read",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown workspace", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public JourneyPaths search(@PathParam("workspaceId") UUID workspaceId, @NotNull JourneySearch search)
            throws SQLException {
        access.requireService(Scopes.ENGAGEMENT_READ);
        access.require(workspaceId);
        return query.search(workspaceId, search, settings.get(workspaceId));
    }
}
