package io.socialroi.content.workspace;

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
    public Page<WorkspaceView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Params.limit(limit);
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
    public WorkspaceView get(@PathParam("workspaceId") UUID workspaceId) {
        access.require(workspaceId);
        Workspace workspace = Workspace.findById(workspaceId);
        if (workspace == null) {
            throw ProblemException.notFound("Workspace " + workspaceId);
        }
        return WorkspaceView.of(workspace);
    }
}
