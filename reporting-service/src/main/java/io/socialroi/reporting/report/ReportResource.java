package io.socialroi.reporting.report;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.workspace.WorkspaceDirectory;
import io.socialroi.common.workspace.WorkspaceInfo;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The reports, as JSON or (with {@code Accept: text/csv}) CSV. Periods are local dates in the workspace's time
 * zone, {@code to} inclusive; by default the 30 days up to today.
 */
@Path("/workspaces/{workspaceId}/reports")
@Tag(name = "Reports")
@RunOnVirtualThread
@RolesAllowed(Scopes.REPORTS_READ)
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
@APIResponse(responseCode = "401", description = "No valid token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Missing scope reports:read",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown workspace, or another workspace's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = "Bad from, to, groupBy, model or other parameter",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "A service the report needs (content-service, engagement-service or "
        + "conversion-service) is down or slow, or the database is: the title names it. Nothing partial is shown.",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ReportResource {

    private final WorkspaceAccess access;
    private final WorkspaceDirectory workspaces;
    private final RoiService roi;
    private final FunnelService funnel;
    private final EngagementVsRevenueService engagementVsRevenue;

    public ReportResource(WorkspaceAccess access, WorkspaceDirectory workspaces, RoiService roi, FunnelService funnel,
            EngagementVsRevenueService engagementVsRevenue) {
        this.access = access;
        this.workspaces = workspaces;
        this.roi = roi;
        this.funnel = funnel;
        this.engagementVsRevenue = engagementVsRevenue;
    }

    @GET
    @Path("/roi")
    @Operation(summary = "ROI by campaign, platform, post or funnel stage",
            description = "Spend, attributed revenue, profit, ROI, ROAS, leads, customers, CAC, CPL, conversion rate, "
                    + "engagements, engagement rate, cost per engagement and LTV per row, with totals whose additive "
                    + "figures are the sum of the rows. Engagement figures count real engagement: engagement of "
                    + "people flagged as bot or bought engagement is reported beside it (flaggedEngagements, and "
                    + "rawEngagements with it), never mixed in. The conversion rate is the share of the people who "
                    + "engaged for real that converted, never above 1. LTV on a row is the lifetime value of the "
                    + "customers whose first purchase was credited to it. Rows grouped by post carry the post's "
                    + "current funnelStage. model, lookbackDays, halfLifeDays, touchTypes and method (DATA_DRIVEN) are "
                    + "passed to attribution; with model=DATA_DRIVEN a note says what the model learned from (and when "
                    + "it fell back to LINEAR). campaignId narrows a report grouped by post (the default grouping when it is "
                    + "given) to that campaign's posts: the drill-down from a campaign row. Its rows are the "
                    + "campaign's posts plus an unassigned row for the campaign's costs tied to no post, so its "
                    + "totals are the campaign's row of the report grouped by campaign; a campaign unknown to the "
                    + "workspace has no rows. campaignId with another groupBy is a 422.")
    @APIResponse(responseCode = "200", description = "The report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoiReport.class)),
        @Content(mediaType = CsvWriter.TEXT_CSV)})
    public RoiReport roi(@PathParam("workspaceId") UUID workspaceId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("groupBy") String groupBy, @QueryParam("model") String model,
            @QueryParam("lookbackDays") String lookbackDays, @QueryParam("halfLifeDays") String halfLifeDays,
            @QueryParam("touchTypes") String touchTypes, @QueryParam("campaignId") String campaignId,
            @QueryParam("method") String method) {
        access.require(workspaceId);
        Period.Requested period = Period.parse(from, to);
        UUID campaign = Params.uuid("campaignId", campaignId);
        Dimension dimension = campaign != null && (groupBy == null || groupBy.isBlank()) ? Dimension.POST
                : Dimension.parse(groupBy);
        if (campaign != null && dimension != Dimension.POST) {
            throw ProblemException.invalid("campaignId", "narrows a report grouped by post: use groupBy=post "
                    + "(or leave groupBy out) with campaignId");
        }
        AttributionParams params = AttributionParams.parse(model, lookbackDays, halfLifeDays, touchTypes, method);
        return roi.report(open(workspaceId, period), dimension, params, campaign);
    }

    @GET
    @Path("/funnel")
    @Operation(summary = "Funnel with drop-off, for a campaign or the whole workspace",
            description = "Every stage counts people: IMPRESSIONS the people reached, ENGAGED the people who engaged "
                    + "for real (anything but an impression; views count), CLICKS the people who clicked a tracked "
                    + "link, LEADS the people with a lead or first purchase credited to social, CUSTOMERS the people "
                    + "whose first purchase in the period was credited. People flagged as bot or bought engagement "
                    + "are in none. Each stage's count is the people who got at least this far (its own people or "
                    + "a later stage's), so every rate from the previous stage is within 0..1 and every drop-off "
                    + ">= 0; stageCount keeps the stage's own count.")
    @APIResponse(responseCode = "200", description = "The funnel", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FunnelReport.class)),
        @Content(mediaType = CsvWriter.TEXT_CSV)})
    public FunnelReport funnel(@PathParam("workspaceId") UUID workspaceId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("campaignId") String campaignId,
            @QueryParam("model") String model, @QueryParam("lookbackDays") String lookbackDays,
            @QueryParam("halfLifeDays") String halfLifeDays, @QueryParam("touchTypes") String touchTypes,
            @QueryParam("method") String method) {
        access.require(workspaceId);
        Period.Requested period = Period.parse(from, to);
        UUID campaign = Params.uuid("campaignId", campaignId);
        AttributionParams params = AttributionParams.parse(model, lookbackDays, halfLifeDays, touchTypes, method);
        return funnel.report(open(workspaceId, period), campaign, params);
    }

    @GET
    @Path("/engagement-vs-revenue")
    @Operation(summary = "Engagement against revenue per post, with verdicts",
            description = "VANITY (high engagement, low revenue), QUIET_CONVERTER (low engagement, high revenue), "
                    + "PERFORMER, UNDERPERFORMER; high and low are judged against the medians of the workspace's "
                    + "posts in the period, given in thresholds. Engagement is real engagement (bought and bot "
                    + "engagement shown beside as flaggedEngagements), so bought likes never make a post a "
                    + "PERFORMER; the conversion rate is the share of the people who engaged for real with the post "
                    + "that converted, never above 1.")
    @APIResponse(responseCode = "200", description = "The posts", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = EngagementVsRevenueReport.class)),
        @Content(mediaType = CsvWriter.TEXT_CSV)})
    public EngagementVsRevenueReport engagementVsRevenue(@PathParam("workspaceId") UUID workspaceId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("model") String model,
            @QueryParam("lookbackDays") String lookbackDays, @QueryParam("halfLifeDays") String halfLifeDays,
            @QueryParam("touchTypes") String touchTypes, @QueryParam("method") String method) {
        access.require(workspaceId);
        Period.Requested period = Period.parse(from, to);
        AttributionParams params = AttributionParams.parse(model, lookbackDays, halfLifeDays, touchTypes, method);
        return engagementVsRevenue.report(open(workspaceId, period), params);
    }

    private ReportRequest open(UUID workspaceId, Period.Requested period) {
        WorkspaceInfo workspace = workspaces.get(workspaceId);
        return new ReportRequest(workspaceId, workspace, period.resolve(workspace.zone()));
    }
}
