package io.socialroi.conversion.attribution;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.conversion.CsvNegotiation;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Multi-touch attribution over the conversions of a period (local dates in the workspace time zone,
 * {@code to} inclusive, either end open), read from captured touchpoints.
 */
@Path("/workspaces/{workspaceId}/attribution")
@Tag(name = "Attribution")
@RunOnVirtualThread
public class AttributionResource {

    private final WorkspaceAccess access;
    private final AttributionService service;

    public AttributionResource(WorkspaceAccess access, AttributionService service) {
        this.access = access;
        this.service = service;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed(Scopes.CONVERSIONS_READ)
    @Operation(summary = "Credit for conversions per post, platform, campaign or funnel stage under one model",
            description = "model FIRST_TOUCH|LAST_TOUCH|LINEAR|TIME_DECAY|POSITION_BASED|DATA_DRIVEN (default "
                    + "LAST_TOUCH), method MARKOV|SHAPLEY (DATA_DRIVEN only, default MARKOV), "
                    + "lookbackDays (default 30, at most the capture window, 90), halfLifeDays (TIME_DECAY, default "
                    + "7), touchTypes (comma list; default every type except IMPRESSION), from/to (local dates), "
                    + "groupBy post|platform|campaign|funnelStage (default post). Rows add up to attributed. "
                    + "With Accept: text/csv the rows, then the attributed and unattributed lines, as CSV. DATA_DRIVEN "
                    + "learns from the workspace's journeys of the period (Markov removal effects, or exact Shapley "
                    + "values up to 12 channels) and answers what it learned under dataDriven; below 30 converting "
                    + "journeys it gives LINEAR credit and says so.")
    @APIResponse(responseCode = "200", description = "The report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttributionReport.class)),
        @Content(mediaType = "text/csv")})
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "422", description = "A parameter is invalid (named in errors)")
    @APIResponse(responseCode = "503", description = "engagement-service (touchpoints of new conversions) or "
            + "content-service (workspace settings) unavailable, or (type learning-busy, DATA_DRIVEN and paths) this "
            + "replica is already learning from another new period; Retry-After says when to ask again")
    public Response report(@PathParam("workspaceId") UUID workspaceId, @QueryParam("model") String model,
            @QueryParam("lookbackDays") String lookbackDays, @QueryParam("halfLifeDays") String halfLifeDays,
            @QueryParam("touchTypes") String touchTypes, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy, @QueryParam("method") String method, @Context HttpHeaders headers)
            throws SQLException {
        access.require(workspaceId);
        if (model != null && model.contains(",")) {
            throw ProblemException.invalid("model", "takes one model; use attribution/compare for several");
        }
        AttributionReport report = service.report(workspaceId, ReportQuery.parse(model, "model", lookbackDays,
                halfLifeDays, touchTypes, from, to, groupBy, method, service.maxLookbackDays()));
        if (CsvNegotiation.wanted(headers)) {
            return Response.ok(ReportCsv.write(report), "text/csv").header("Content-Disposition",
                    "attachment; filename=\"attribution.csv\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/compare")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed(Scopes.CONVERSIONS_READ)
    @Operation(summary = "The same rows under several models side by side",
            description = "models: comma list (default the five rule models; DATA_DRIVEN when named); the other "
                    + "parameters as for attribution, method too. "
                    + "With Accept: text/csv one line per row and model, then the attributed and unattributed lines.")
    @APIResponse(responseCode = "200", description = "The comparison", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttributionComparison.class)),
        @Content(mediaType = "text/csv")})
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "422", description = "A parameter is invalid (named in errors)")
    @APIResponse(responseCode = "503", description = "engagement-service or content-service unavailable, or (type "
            + "learning-busy, when DATA_DRIVEN is named) this replica is already learning from another new period; "
            + "Retry-After says when to ask again")
    public Response compare(@PathParam("workspaceId") UUID workspaceId,
            @QueryParam("models") String models, @QueryParam("lookbackDays") String lookbackDays,
            @QueryParam("halfLifeDays") String halfLifeDays, @QueryParam("touchTypes") String touchTypes,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("groupBy") String groupBy,
            @QueryParam("method") String method, @Context HttpHeaders headers) throws SQLException {
        access.require(workspaceId);
        String all = "FIRST_TOUCH,LAST_TOUCH,LINEAR,TIME_DECAY,POSITION_BASED";
        AttributionComparison comparison = service.compare(workspaceId, ReportQuery.parse(
                models == null || models.isBlank() ? all : models, "models", lookbackDays, halfLifeDays, touchTypes,
                from, to, groupBy, method, service.maxLookbackDays()));
        if (CsvNegotiation.wanted(headers)) {
            return Response.ok(ReportCsv.write(comparison), "text/csv").header("Content-Disposition",
                    "attachment; filename=\"attribution-compare.csv\"").build();
        }
        return Response.ok(comparison, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/paths")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed(Scopes.CONVERSIONS_READ)
    @Operation(operationId = "getAttributionPaths",
            summary = "The most common ordered paths of platforms or funnel stages before a first purchase",
            description = "For each first purchase of the period (a customer's earliest PURCHASE ever): its counted "
                    + "touches (touchTypes, inside lookbackDays) in time order as platforms (by=platform, default) or "
                    + "funnel stages (by=funnelStage), consecutive repeats collapsed (INSTAGRAM > INSTAGRAM > EMAIL is "
                    + "INSTAGRAM > EMAIL); a path longer than maxLength (3..20, default 6) keeps its first maxLength - 2 "
                    + "steps, \"…\" and its last step. Rows by conversions descending, then path; limit 1..100 "
                    + "(default 20). conversionRate = first purchases with the path / (those + non-converting journeys "
                    + "with the path); non-converting journeys are people with touches in the period and no conversion "
                    + "in it who converted later (see note): people who never convert are not known. Time to convert: "
                    + "first counted touch to the purchase, in whole seconds. First purchases without a counted touch "
                    + "are unattributed. With Accept: text/csv the rows, then the attributed and unattributed lines.")
    @APIResponse(responseCode = "200", description = "The paths", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PathReport.class)),
        @Content(mediaType = "text/csv")})
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "422", description = "A parameter is invalid (named in errors)")
    @APIResponse(responseCode = "503", description = "engagement-service (touchpoints of new conversions) or "
            + "content-service (workspace settings) unavailable, or (type learning-busy, DATA_DRIVEN and paths) this "
            + "replica is already learning from another new period; Retry-After says when to ask again")
    public Response paths(@PathParam("workspaceId") UUID workspaceId, @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("by") @Parameter(description = "What a step is", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"platform", "funnelStage"}, defaultValue = "platform")) String by,
            @QueryParam("lookbackDays") String lookbackDays, @QueryParam("touchTypes") String touchTypes,
            @QueryParam("limit") @Parameter(description = "Rows, 1..100", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("maxLength") @Parameter(description = "Steps a path keeps, 3..20: a longer one keeps its first "
                    + "maxLength - 2, \"…\" and its last", schema = @Schema(type = SchemaType.INTEGER, minimum = "3",
                    maximum = "20", defaultValue = "6")) String maxLength,
            @Context HttpHeaders headers) throws SQLException {
        access.require(workspaceId);
        PathReport report = service.paths(workspaceId, PathQuery.parse(from, to, by, lookbackDays, touchTypes, limit,
                maxLength, service.maxLookbackDays()));
        if (CsvNegotiation.wanted(headers)) {
            // The elision step is not ASCII: the charset is named so that no client reads the file as Latin-1.
            return Response.ok(ReportCsv.write(report), "text/csv; charset=UTF-8").header("Content-Disposition",
                    "attachment; filename=\"attribution-paths.csv\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }
}
