package io.socialroi.content.workspace;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.socialroi.common.problem.Problem;

import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.idempotency.Idempotent;
import io.socialroi.common.paging.Page;
import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Workspaces: the agency admin creates them; a workspace credential sees only its own. */
@Path("/workspaces")
@Tag(name = "Workspaces")
public class WorkspaceResource {

    private final WorkspaceAccess access;

    public WorkspaceResource(WorkspaceAccess access) {
        this.access = access;
    }

    @POST
    @RolesAllowed(Scopes.ADMIN)
    @Idempotent
    @Transactional
    @Operation(summary = "Create a workspace (agency admin)", description = "A client of the agency, with the IANA time "
            + "zone its calendar and reports use and the ISO 4217 currency of its money. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkspaceView.class)))
    @APIResponse(responseCode = "403", description = "Not the agency admin")
    @APIResponse(responseCode = "422", description = "A field is invalid (unknown time zone or currency, blank name); errors lists each one")
    public Response create(@Valid @NotNull WorkspaceRequest request) {
        Params.zone("timeZone", request.timeZone());
        Params.currency("currency", request.currency());
        Workspace workspace = new Workspace();
        workspace.id = UUID.randomUUID();
        workspace.name = request.name().trim();
        workspace.timeZone = request.timeZone();
        workspace.currency = request.currency();
        workspace.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        workspace.persist();
        return Response.created(URI.create("/workspaces/" + workspace.id)).entity(WorkspaceView.of(workspace)).build();
    }

    /** Admins and services see every workspace; anyone else the workspaces their token is bound to. */
    @GET
    @RolesAllowed({Scopes.ADMIN, Scopes.SERVICE, Scopes.CONTENT_READ, Scopes.REPORTS_READ, Scopes.ENGAGEMENT_READ,
        Scopes.CONVERSIONS_READ})
    @Operation(summary = "List workspaces", description = "The admin and the suite's services see all; any other "
            + "token the workspaces it is bound to. In id order, paged.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "403", description = "The token has no read scope")
    @APIResponse(responseCode = "422", description = "Bad limit or cursor")
    public Page<WorkspaceView> list(@QueryParam("limit") @Parameter(description = "Page size, 1 to 500 (default 50)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) String limit,
            @QueryParam("cursor") String cursor) {
        int size = Params.limitParam(limit);
        UUID after = Params.uuid("cursor", cursor);
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!access.isAdmin() && !access.isService()) {
            query.append(" and id in :ids");
            params.put("ids", access.boundWorkspaces().stream().map(UUID::fromString).toList());
        }
        if (after != null) {
            query.append(" and id > :after");
            params.put("after", after);
        }
        List<Workspace> page = Workspace.<Workspace>find(query + " order by id", params).page(0, size + 1).list();
        return Page.of(page.stream().map(WorkspaceView::of).toList(), size, v -> v.id().toString());
    }

    @GET
    @Path("/{workspaceId}")
    @RolesAllowed({Scopes.ADMIN, Scopes.SERVICE, Scopes.CONTENT_READ, Scopes.REPORTS_READ, Scopes.ENGAGEMENT_READ,
        Scopes.CONVERSIONS_READ})
    @Operation(summary = "One workspace", description = "Readable with any read scope of a token bound to it.")
    @APIResponse(responseCode = "200", description = "The workspace")
    @APIResponse(responseCode = "403", description = "The token has no read scope")
    @APIResponse(responseCode = "404", description = "No such workspace, or not this token's")
    public WorkspaceView get(@PathParam("workspaceId") UUID workspaceId) {
        access.require(workspaceId);
        Workspace workspace = Workspace.findById(workspaceId);
        if (workspace == null) {
            throw ProblemException.notFound("Workspace " + workspaceId);
        }
        return WorkspaceView.of(workspace);
    }
}
