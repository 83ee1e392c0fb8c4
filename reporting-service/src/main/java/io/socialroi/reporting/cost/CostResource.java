package io.socialroi.reporting.cost;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.idempotency.Idempotent;
import io.socialroi.common.paging.Page;
import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.workspace.WorkspaceDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Costs of a workspace: ad spend, production, tools, agency fees and community management. */
@Path("/workspaces/{workspaceId}/costs")
@Tag(name = "Costs")
@RunOnVirtualThread
@APIResponse(responseCode = "401", description = "No valid token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Missing scope",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown workspace, or another workspace's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "content-service (workspace settings) or, for another currency, "
        + "conversion-service (exchange rates) unreachable: the title names it; nothing is stored",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CostResource {

    private final WorkspaceAccess access;
    private final WorkspaceDirectory workspaces;
    private final CostRepository costs;
    private final WorkspaceMoney money;

    public CostResource(WorkspaceAccess access, WorkspaceDirectory workspaces, CostRepository costs,
            WorkspaceMoney money) {
        this.access = access;
        this.workspaces = workspaces;
        this.costs = costs;
        this.money = money;
    }

    @POST
    @RolesAllowed(Scopes.COSTS_WRITE)
    @Idempotent
    @Transactional
    @Operation(summary = "Record a cost", description = "The amount is in the workspace's currency, or in another "
            + "currency for which the workspace has an exchange rate on incurredOn (set on conversion-service, "
            + "which owns the rates): it is then converted exactly as conversion-service converts a conversion's "
            + "value (amount x rate, rounded half-even to the workspace currency's minor unit), and the amount as "
            + "sent and the rate are kept as originalAmount and exchangeRate.")
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CostView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, wrong type or unknown enum value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid field, e.g. a negative amount, or another currency "
            + "without an exchange rate for that day (errors name amount.currency)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("workspaceId") UUID workspaceId, @Valid @NotNull CostRequest request) {
        access.require(workspaceId);
        Cost cost = new Cost();
        cost.id = UUID.randomUUID();
        cost.workspaceId = workspaceId;
        cost.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        apply(cost, request);
        cost.persist();
        return Response.created(URI.create("/workspaces/" + workspaceId + "/costs/" + cost.id))
                .entity(CostView.of(cost)).build();
    }

    @GET
    @Path("/{costId}")
    @RolesAllowed(Scopes.REPORTS_READ)
    @Operation(summary = "Read one cost")
    @APIResponse(responseCode = "200", description = "The cost")
    public CostView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("costId") UUID costId) {
        access.require(workspaceId);
        return CostView.of(find(workspaceId, costId));
    }

    @PUT
    @Path("/{costId}")
    @RolesAllowed(Scopes.COSTS_WRITE)
    @Transactional
    @Operation(summary = "Correct a cost", description = "Replaces every field of the cost (its id and createdAt "
            + "stay), with the same rules as recording one, another currency included: converted with the rate of "
            + "the new incurredOn.")
    @APIResponse(responseCode = "200", description = "The stored cost")
    @APIResponse(responseCode = "400", description = "Malformed JSON, wrong type or unknown enum value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid field, e.g. a negative amount, or another currency "
            + "without an exchange rate for that day (errors name amount.currency); nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CostView replace(@PathParam("workspaceId") UUID workspaceId, @PathParam("costId") UUID costId,
            @Valid @NotNull CostRequest request) {
        access.require(workspaceId);
        Cost cost = find(workspaceId, costId);
        apply(cost, request);
        return CostView.of(cost);
    }

    private static Cost find(UUID workspaceId, UUID costId) {
        Cost cost = Cost.find("workspaceId = ?1 and id = ?2", workspaceId, costId).firstResult();
        if (cost == null) {
            throw ProblemException.notFound("Cost " + costId);
        }
        return cost;
    }

    /**
     * Sets a cost's fields from a request; the exchange rate is read before any field changes, so a 422 or a 503
     * (conversion-service down) leaves the cost as it was and nothing is written.
     */
    private void apply(Cost cost, CostRequest request) {
        Params.day("incurredOn", request.incurredOn());
        WorkspaceMoney.Converted amount = money.require("amount", request.amount(), cost.workspaceId,
                workspaces.get(cost.workspaceId).currency(), request.incurredOn());
        cost.category = request.category().name();
        cost.amount = amount.amount().amount();
        cost.currency = amount.amount().currency();
        cost.originalAmount = amount.original() == null ? null : amount.original().amount();
        cost.originalCurrency = amount.original() == null ? null : amount.original().currency();
        cost.exchangeRate = amount.rate();
        cost.incurredOn = request.incurredOn();
        cost.campaignId = request.campaignId();
        cost.postId = request.postId();
        cost.platform = request.platform() == null ? null : request.platform().name();
        cost.note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
    }

    @GET
    @RolesAllowed(Scopes.REPORTS_READ)
    @Operation(summary = "List costs", description = "In (incurredOn, id) order; from/to are inclusive local dates.")
    @APIResponse(responseCode = "200", description = "One page of costs")
    @APIResponse(responseCode = "422", description = "Bad filter value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<CostView> list(@PathParam("workspaceId") UUID workspaceId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("category") String category,
            @QueryParam("campaignId") String campaignId, @QueryParam("postId") String postId,
            @QueryParam("platform") String platform, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        access.require(workspaceId);
        CostRepository.Filter filter = new CostRepository.Filter(Params.localDate("from", from), Params.localDate("to", to),
                Params.enumValue("category", category, CostCategory.class, null),
                Params.uuid("campaignId", campaignId), Params.uuid("postId", postId),
                Params.enumValue("platform", platform, Platform.class, null));
        Params.period(filter.from(), filter.to());
        int size = Params.limitParam(limit);
        return Page.of(costs.list(workspaceId, filter, CostRepository.Cursor.parse(cursor), size + 1)
                .stream().map(CostView::of).toList(), size, v -> CostRepository.Cursor.of(v).encode());
    }
}
