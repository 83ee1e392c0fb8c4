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
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.socialroi.content.common.JsonMerge;
import io.socialroi.content.post.Post;
import io.socialroi.content.post.PostStatus;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Workspaces: the agency admin creates them; a workspace credential sees only its own. */
@Path("/workspaces")
@Tag(name = "Workspaces")
public class WorkspaceResource {

    private final WorkspaceAccess access;
    private final JsonMerge merge;
    private final RecordedMoney money;

    public WorkspaceResource(WorkspaceAccess access, JsonMerge merge, RecordedMoney money) {
        this.access = access;
        this.merge = merge;
        this.money = money;
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
            + "token the workspaces it is bound to. In id order, paged. Active workspaces only, unless "
            + "archived=true, which lists the archived ones instead.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "403", description = "The token has no read scope")
    @APIResponse(responseCode = "422", description = "Bad limit, cursor or archived")
    public Page<WorkspaceView> list(@QueryParam("limit") @Parameter(description = "Page size, 1 to 500 (default 50)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("archived") @Parameter(description = "true: the archived workspaces; false (default): the "
                    + "active ones", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) String archived) {
        int size = Params.limitParam(limit);
        UUID after = Params.uuid("cursor", cursor);
        StringBuilder query = new StringBuilder(flag("archived", archived) ? "archivedAt is not null" : "archivedAt is null");
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

    @PATCH
    @Path("/{workspaceId}")
    @RolesAllowed(Scopes.ADMIN)
    @Transactional
    @Operation(operationId = "updateWorkspace", summary = "Change a workspace (agency admin)",
            description = "JSON merge patch of name, timeZone and currency, validated as on create (a real IANA zone, "
                    + "an ISO 4217 code, a name of 1 to 200 characters). A new time zone applies to every local "
                    + "day from then on (calendar, report periods, schedules given as local times are resolved "
                    + "when written; instants already scheduled stay). The currency can change only while the "
                    + "workspace holds no money: every amount (campaign budgets here, conversion values at "
                    + "conversion-service, costs and the hourly rate at reporting-service) is stored in the workspace "
                    + "currency when written, and exchange rates convert what arrives, not what is stored; a change "
                    + "of currency once any exists is a 409 naming what holds it. The other services read the "
                    + "new settings within their cache time (five minutes).")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WorkspaceRequest.class),
            examples = @ExampleObject(name = "rename", value = "{\"name\":\"Bakery Rossi & Figli\"}")))
    @APIResponse(responseCode = "200", description = "The changed workspace",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkspaceView.class)))
    @APIResponse(responseCode = "403", description = "Not the agency admin")
    @APIResponse(responseCode = "409", description = "A new currency while the workspace already holds money in the "
            + "old one; nothing was changed")
    @APIResponse(responseCode = "422", description = "A field is invalid (unknown time zone or currency, blank or "
            + "too long name); errors lists each one, nothing was changed")
    @APIResponse(responseCode = "503", description = "A new currency, and conversion-service or reporting-service "
            + "(named) could not say whether the workspace holds money; nothing was changed")
    public WorkspaceView update(@PathParam("workspaceId") UUID workspaceId, JsonNode patch)
            throws JsonProcessingException {
        access.require(workspaceId);
        Workspace workspace = Workspaces.require(workspaceId);
        Workspace.getEntityManager().lock(workspace, LockModeType.PESSIMISTIC_WRITE);
        WorkspaceRequest merged = merge.apply(WorkspaceView.of(workspace).asRequest(), patch, WorkspaceRequest.class);
        Params.zone("timeZone", merged.timeZone());
        Params.currency("currency", merged.currency());
        String name = merged.name().trim();
        boolean changed = !name.equals(workspace.name) || !merged.timeZone().equals(workspace.timeZone)
                || !merged.currency().equals(workspace.currency);
        if (!changed) {
            return WorkspaceView.of(workspace);
        }
        if (!merged.currency().equals(workspace.currency)) {
            List<String> holders = money.holders(workspaceId);
            if (!holders.isEmpty()) {
                throw ProblemException.conflict("The currency cannot change from " + workspace.currency + " to "
                        + merged.currency() + ": the workspace already holds money in " + workspace.currency + " ("
                        + String.join(", ", holders) + "), stored in that currency; exchange rates convert new "
                        + "amounts, not stored ones. Nothing was changed.");
            }
        }
        workspace.name = name;
        workspace.timeZone = merged.timeZone();
        workspace.currency = merged.currency();
        workspace.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return WorkspaceView.of(workspace);
    }

    @POST
    @Path("/{workspaceId}/archive")
    @RolesAllowed(Scopes.ADMIN)
    @Transactional
    @Operation(operationId = "archiveWorkspace", summary = "Archive a workspace (agency admin)",
            description = "The client is left out of the default workspace list (archived=true lists it), takes no "
                    + "new campaigns or posts (409), and everything it holds stays readable: posts, campaigns, "
                    + "engagement, conversions, costs and reports. Refused (409) while posts of it are scheduled or "
                    + "publishing: unschedule them first, so nothing goes out for an archived client. Archiving an "
                    + "archived workspace changes nothing.")
    @APIResponse(responseCode = "200", description = "The archived workspace",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkspaceView.class)))
    @APIResponse(responseCode = "403", description = "Not the agency admin")
    @APIResponse(responseCode = "409", description = "Posts of the workspace are scheduled or publishing")
    public WorkspaceView archive(@PathParam("workspaceId") UUID workspaceId) {
        access.require(workspaceId);
        Workspace workspace = Workspaces.require(workspaceId);
        Workspace.getEntityManager().lock(workspace, LockModeType.PESSIMISTIC_WRITE);
        if (workspace.archivedAt == null) {
            long pending = Post.count("workspaceId = ?1 and status in ?2", workspaceId,
                    List.of(PostStatus.SCHEDULED, PostStatus.PUBLISHING));
            if (pending > 0) {
                throw ProblemException.conflict(pending + " post" + (pending == 1 ? " is" : "s are")
                        + " scheduled or publishing in this workspace; unschedule them before archiving it");
            }
            workspace.archivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        return WorkspaceView.of(workspace);
    }

    @POST
    @Path("/{workspaceId}/unarchive")
    @RolesAllowed(Scopes.ADMIN)
    @Transactional
    @Operation(operationId = "unarchiveWorkspace", summary = "Bring an archived workspace back (agency admin)",
            description = "It is listed again by default and takes new campaigns and posts. Unarchiving an active "
                    + "workspace changes nothing.")
    @APIResponse(responseCode = "200", description = "The active workspace",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkspaceView.class)))
    @APIResponse(responseCode = "403", description = "Not the agency admin")
    public WorkspaceView unarchive(@PathParam("workspaceId") UUID workspaceId) {
        access.require(workspaceId);
        Workspace workspace = Workspaces.require(workspaceId);
        Workspace.getEntityManager().lock(workspace, LockModeType.PESSIMISTIC_WRITE);
        workspace.archivedAt = null;
        return WorkspaceView.of(workspace);
    }

    /** A true/false query parameter; absent is false, anything else a 422. */
    public static boolean flag(String name, String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.invalid(name, "must be true or false");
    }
}
