package io.socialroi.content.campaign;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.idempotency.Idempotent;
import io.socialroi.common.paging.Page;
import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.common.Cursor;
import io.socialroi.content.common.JsonMerge;
import io.socialroi.content.workspace.Workspace;
import io.socialroi.content.workspace.Workspaces;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import io.socialroi.content.workspace.WorkspaceResource;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Campaigns of a workspace: create, list, read, update. */
@Path("/workspaces/{workspaceId}/campaigns")
@Tag(name = "Campaigns")
public class CampaignResource {

    private static final String UNAVAILABLE = "The budget needs an exchange rate and conversion-service is "
            + "unavailable (named in the problem); nothing was stored";

    private final WorkspaceAccess access;
    private final CampaignService campaigns;
    private final JsonMerge merge;

    public CampaignResource(WorkspaceAccess access, CampaignService campaigns, JsonMerge merge) {
        this.access = access;
        this.campaigns = campaigns;
        this.merge = merge;
    }

    @POST
    @RolesAllowed(Scopes.CONTENT_WRITE)
    @Idempotent
    @Transactional
    @Operation(summary = "Create a campaign", description = "The slug (utm_campaign) is derived from the name unless given. "
            + "A budget in another currency than the workspace's needs the workspace's exchange rate for that currency "
            + "on startDate at conversion-service (422 on budget without one); it is kept as given and converted into "
            + "budgetInWorkspaceCurrency (half-even to the minor unit).")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "409", description = "The workspace is archived")
    @APIResponse(responseCode = "503", description = UNAVAILABLE)
    public Response create(@PathParam("workspaceId") UUID workspaceId, @Valid @NotNull CampaignRequest request) {
        access.require(workspaceId);
        Campaign campaign = campaigns.create(Workspaces.requireActive(workspaceId), request);
        return Response.created(URI.create("/workspaces/" + workspaceId + "/campaigns/" + campaign.id))
                .entity(CampaignView.of(campaign)).build();
    }

    @GET
    @RolesAllowed(Scopes.CONTENT_READ)
    @Operation(summary = "List campaigns", description = "Oldest first, paged with limit and cursor. Active campaigns "
            + "only, unless archived=true, which lists the archived ones instead.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "422", description = "Bad limit, cursor or archived")
    public Page<CampaignView> list(@PathParam("workspaceId") UUID workspaceId, @QueryParam("limit") @Parameter(description = "Page size, 1 to 500 (default 50)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("archived") @Parameter(description = "true: the archived campaigns; false (default): the "
                    + "active ones", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) String archived) {
        access.require(workspaceId);
        int size = Params.limitParam(limit);
        Cursor after = Cursor.decode(cursor);
        String which = WorkspaceResource.flag("archived", archived) ? " and archivedAt is not null" : " and archivedAt is null";
        Workspaces.require(workspaceId);
        List<Campaign> fetched = after == null
                ? Campaign.<Campaign>find("workspaceId = ?1" + which + " order by createdAt, id", workspaceId)
                        .page(0, size + 1).list()
                : Campaign.<Campaign>find("workspaceId = ?1" + which + " and (createdAt > ?2 or (createdAt = ?2 and id > ?3))"
                        + " order by createdAt, id", workspaceId, after.createdAt(), after.id()).page(0, size + 1).list();
        return Page.of(fetched.stream().map(CampaignView::of).toList(), size,
                v -> new Cursor(v.createdAt(), v.id()).encode());
    }

    @GET
    @Path("/{campaignId}")
    @RolesAllowed(Scopes.CONTENT_READ)
    @Operation(summary = "Read a campaign")
    @APIResponse(responseCode = "200", description = "The campaign")
    public CampaignView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("campaignId") UUID campaignId) {
        access.require(workspaceId);
        return CampaignView.of(require(workspaceId, campaignId));
    }

    @PATCH
    @Path("/{campaignId}")
    @RolesAllowed(Scopes.CONTENT_WRITE)
    @Transactional
    @Operation(summary = "Change a campaign",
            description = "JSON merge patch of the create fields; null clears an optional field. The slug cannot change. "
                    + "A budget in another currency is converted again (rate of startDate) when the budget or "
                    + "startDate changes.")
    @APIResponse(responseCode = "200", description = "The changed campaign")
    @APIResponse(responseCode = "503", description = UNAVAILABLE)
    public CampaignView update(@PathParam("workspaceId") UUID workspaceId, @PathParam("campaignId") UUID campaignId,
            @Schema(implementation = CampaignRequest.class) JsonNode patch) throws JsonProcessingException {
        access.require(workspaceId);
        Workspace workspace = Workspaces.require(workspaceId);
        Campaign campaign = require(workspaceId, campaignId);
        Campaign.getEntityManager().lock(campaign, LockModeType.PESSIMISTIC_WRITE);
        CampaignRequest merged = merge.apply(CampaignView.of(campaign).asRequest(), patch, CampaignRequest.class);
        campaigns.update(workspace, campaign, merged);
        return CampaignView.of(campaign);
    }

    @POST
    @Path("/{campaignId}/archive")
    @RolesAllowed(Scopes.CONTENT_WRITE)
    @Transactional
    @Operation(operationId = "archiveCampaign", summary = "Archive a campaign",
            description = "The campaign is left out of the default list (archived=true lists it) and no post can be "
                    + "put into it (422 on campaignId); the posts already in it keep it, and reports keep grouping "
                    + "by it. Archiving an archived campaign changes nothing.")
    @APIResponse(responseCode = "200", description = "The archived campaign",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignView.class)))
    public CampaignView archive(@PathParam("workspaceId") UUID workspaceId, @PathParam("campaignId") UUID campaignId) {
        access.require(workspaceId);
        Campaign campaign = require(workspaceId, campaignId);
        Campaign.getEntityManager().lock(campaign, LockModeType.PESSIMISTIC_WRITE);
        if (campaign.archivedAt == null) {
            campaign.archivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        return CampaignView.of(campaign);
    }

    @POST
    @Path("/{campaignId}/unarchive")
    @RolesAllowed(Scopes.CONTENT_WRITE)
    @Transactional
    @Operation(operationId = "unarchiveCampaign", summary = "Bring an archived campaign back",
            description = "It is listed again by default and takes posts. Unarchiving an active campaign changes "
                    + "nothing.")
    @APIResponse(responseCode = "200", description = "The active campaign",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignView.class)))
    public CampaignView unarchive(@PathParam("workspaceId") UUID workspaceId, @PathParam("campaignId") UUID campaignId) {
        access.require(workspaceId);
        Campaign campaign = require(workspaceId, campaignId);
        Campaign.getEntityManager().lock(campaign, LockModeType.PESSIMISTIC_WRITE);
        campaign.archivedAt = null;
        return CampaignView.of(campaign);
    }

    private static Campaign require(UUID workspaceId, UUID campaignId) {
        Campaign campaign = Campaign.inWorkspace(workspaceId, campaignId);
        if (campaign == null) {
            throw ProblemException.notFound("Campaign " + campaignId);
        }
        return campaign;
    }
}
