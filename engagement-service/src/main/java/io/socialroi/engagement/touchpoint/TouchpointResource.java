package io.socialroi.engagement.touchpoint;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's touchpoints: one person by actor or click id, or many at once for attribution. */
@Path("/workspaces/{workspaceId}/touchpoints")
@Tag(name = "Touchpoints")
@RunOnVirtualThread
public class TouchpointResource {

    /** {@code {"items": [...]}}, in time order. */
    public record Items(List<Touchpoint> items) {
    }

    private final TouchpointQuery query;
    private final WorkspaceAccess access;

    public TouchpointResource(TouchpointQuery query, WorkspaceAccess access) {
        this.query = query;
        this.access = access;
    }

    @GET
    @RolesAllowed(Scopes.ENGAGEMENT_READ)
    @Operation(summary = "One person's touchpoints before an instant, in order (by actorId or clickId)")
    @APIResponse(responseCode = "200", description = "The touchpoints")
    @APIResponse(responseCode = "404", description = "Unknown workspace", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Invalid parameters", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Items person(@PathParam("workspaceId") UUID workspaceId, @QueryParam("actorId") String actorId,
            @QueryParam("clickId") String clickId, @QueryParam("before") String before) throws SQLException {
        access.require(workspaceId);
        if ((actorId == null || actorId.isBlank()) == (clickId == null || clickId.isBlank())) {
            throw ProblemException.invalid("actorId", "give exactly one of actorId and clickId");
        }
        UUID click = Params.uuid("clickId", clickId);
        TouchpointSearch search = new TouchpointSearch(actorId == null || actorId.isBlank() ? List.of() : List.of(actorId),
                click == null ? List.of() : List.of(click), Params.instant("before", before), null, null);
        return new Items(query.search(workspaceId, search));
    }

    @POST
    @Path("/search")
    @RolesAllowed(Scopes.SERVICE)
    @Operation(summary = "Touchpoints of up to 1,000 people (actor and click ids), in order (service tokens only)",
            description = "For conversion-service (CONTRACTS.md): a token with group service and engagement:read. "
                    + "Integrations read one person's touchpoints with GET /touchpoints.")
    @APIResponse(responseCode = "200", description = "The touchpoints")
    @APIResponse(responseCode = "400", description = "Malformed body", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not a suite service's token with engagement:read",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown workspace", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Items search(@PathParam("workspaceId") UUID workspaceId, @NotNull TouchpointSearch search)
            throws SQLException {
        access.requireService(Scopes.ENGAGEMENT_READ);
        access.require(workspaceId);
        return new Items(query.search(workspaceId, search));
    }
}
