package io.socialroi.conversion.audience;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.conversion.CsvNegotiation;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.idempotency.Idempotent;
import io.socialroi.common.paging.Page;
import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.workspace.WorkspaceDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Retargeting audiences: rules stored here, members read from engagement-service when asked. */
@Path("/workspaces/{workspaceId}/audiences")
@Tag(name = "Audiences")
@RunOnVirtualThread
public class AudienceResource {

    static final String CSV = "text/csv";
    /** Rows of the CSV export. */
    static final String MEMBERS_HEADER = "Audience-Members";
    /** Rows with a hashed e-mail, which an ad platform can match (the others carry the actor id only). */
    static final String MATCHABLE_HEADER = "Audience-Matchable-Members";
    /** Members the holdout kept out of this answer (the CSV file, or the JSON page). */
    static final String HOLDOUT_HEADER = "Audience-Holdout-Members";
    static final int MAX_CURSOR = 1000;

    private final WorkspaceAccess access;
    private final WorkspaceDirectory workspaces;
    private final AudienceStore store;
    private final AudienceMembers members;
    private final MemberLinks links;
    private final ObjectMapper mapper;
    private final Validator validator;

    public AudienceResource(WorkspaceAccess access, WorkspaceDirectory workspaces, AudienceStore store,
            AudienceMembers members, MemberLinks links, ObjectMapper mapper, Validator validator) {
        this.access = access;
        this.workspaces = workspaces;
        this.store = store;
        this.members = members;
        this.links = links;
        this.mapper = mapper;
        this.validator = validator;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Idempotent
    @RolesAllowed(Scopes.CONVERSIONS_WRITE)
    @Operation(summary = "Create an audience from engagement rules")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AudienceRequest.class), examples = @ExampleObject(name = "warm",
                    summary = "Warm TRUST/ACTION engagers of a campaign in the last 14 days, not converted",
                    value = "{\"name\":\"Spring sale, warm, not bought\",\"engagedWithinDays\":14,\"campaignId\":"
                            + "\"3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b\",\"funnelStages\":[\"TRUST\",\"ACTION\"],"
                            + "\"minIntent\":40,\"excludeConverted\":true,\"holdoutPercent\":10}")))
    @APIResponse(responseCode = "201", description = "The audience",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AudienceView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or wrong types")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "422", description = "Invalid fields")
    public Response create(@PathParam("workspaceId") UUID workspaceId, @Valid @NotNull AudienceRequest request)
            throws SQLException {
        access.require(workspaceId);
        workspaces.get(workspaceId);
        AudienceView view = store.create(workspaceId, request);
        return Response.created(URI.create("/workspaces/" + workspaceId + "/audiences/" + view.id())).entity(view)
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.CONVERSIONS_READ)
    @Operation(summary = "List audiences")
    @APIResponse(responseCode = "200", description = "One page of audiences")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "422", description = "Bad limit or cursor")
    public Page<AudienceView> list(@PathParam("workspaceId") UUID workspaceId,
            @Parameter(description = "Page size, 1..500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) throws SQLException {
        access.require(workspaceId);
        int size = Params.limitParam(limit);
        return Page.of(store.list(workspaceId, Params.uuid("cursor", cursor), size), size, a -> a.id().toString());
    }

    @GET
    @Path("/{audienceId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.CONVERSIONS_READ)
    @Operation(summary = "Read an audience")
    @APIResponse(responseCode = "200", description = "The audience")
    @APIResponse(responseCode = "404", description = "No such workspace or audience")
    public AudienceView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("audienceId") String audienceId)
            throws SQLException {
        access.require(workspaceId);
        return audience(workspaceId, audienceId);
    }

    @PATCH
    @Path("/{audienceId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.CONVERSIONS_WRITE)
    @Operation(operationId = "updateAudience", summary = "Change an audience's name and rules",
            description = "JSON merge patch of the create fields: the fields sent replace the stored ones (null clears "
                    + "an optional rule; eventTypes null means the default set again), the rest stay. The result is "
                    + "validated exactly as a create; on any error nothing changes. Members are computed on read, so "
                    + "the next members, CSV or lift answer follows the new rules.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AudienceRequest.class), examples = @ExampleObject(name = "warmer",
                    summary = "Narrow to ACTION engagers of the last 7 days with intent 60 or more",
                    value = "{\"engagedWithinDays\":7,\"funnelStages\":[\"ACTION\"],\"minIntent\":60}")))
    @APIResponse(responseCode = "200", description = "The changed audience")
    @APIResponse(responseCode = "400", description = "Malformed JSON, not an object, or wrong types")
    @APIResponse(responseCode = "404", description = "No such workspace or audience")
    @APIResponse(responseCode = "422", description = "Invalid fields; nothing was changed")
    public AudienceView update(@PathParam("workspaceId") UUID workspaceId, @PathParam("audienceId") String audienceId,
            JsonNode patch) throws SQLException, JsonProcessingException {
        access.require(workspaceId);
        workspaces.get(workspaceId);
        AudienceView current = audience(workspaceId, audienceId);
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("A PATCH body must be a JSON object of the fields to change");
        }
        ObjectNode merged = mapper.valueToTree(new AudienceRequest(current.name(), current.engagedWithinDays(),
                current.campaignId(), current.funnelStages(), current.minIntent(), current.excludeConverted(),
                current.eventTypes(), current.holdoutPercent()));
        patch.properties().forEach(field -> merged.set(field.getKey(), field.getValue()));
        AudienceRequest request = mapper.treeToValue(merged, AudienceRequest.class);
        Set<ConstraintViolation<AudienceRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return store.update(workspaceId, current.id(), request, patch.has("eventTypes"))
                .orElseThrow(() -> ProblemException.notFound("Audience " + audienceId));
    }

    @DELETE
    @Path("/{audienceId}")
    @RolesAllowed(Scopes.CONVERSIONS_WRITE)
    @Operation(summary = "Delete an audience", description = "Removes its rules; a second delete is a 404.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such workspace or audience")
    public Response delete(@PathParam("workspaceId") UUID workspaceId, @PathParam("audienceId") String audienceId)
            throws SQLException {
        access.require(workspaceId);
        UUID id = audience(workspaceId, audienceId).id();
        if (!store.delete(workspaceId, id)) {
            throw ProblemException.notFound("Audience " + audienceId);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{audienceId}/members")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed(Scopes.CONVERSIONS_READ)
    @Operation(summary = "Members of an audience, paged; or every member as a CSV customer list",
            description = "JSON: a page may hold fewer members than limit when converted members were excluded "
                    + "or members are in the audience's holdout; follow nextCursor until it is null. With Accept: "
                    + "text/csv: without layout every member, header email,extern_id, both SHA-256 hashed; with "
                    + "layout=META|GOOGLE|TIKTOK|LINKEDIN that platform's customer-list layout, one row per "
                    + "identified customer it can match, e-mail and phone hashed by its rules (see AudienceCsv). "
                    + "Audience-Members says how many members the file was written from, Audience-Matchable-Members "
                    + "how many rows a platform can match (with a hashed e-mail, or every row of a platform layout), "
                    + "so a low match is visible before the upload. Members in the holdout (holdoutPercent: chosen by "
                    + "member, the same on every export and page size) are never exported, in any layout; "
                    + "Audience-Holdout-Members says how many were kept out of the file or the page. An audience of "
                    + "more than 100,000 members is a 422, never a file cut short.")
    @APIResponse(responseCode = "200", description = "One page of members, or the CSV file", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberPage.class)),
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, maxLength = 20_000_000))},
            headers = {
                @Header(name = MEMBERS_HEADER, description = "CSV: members the file was written from (the rows without "
                        + "layout)",
                        schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0",
                                maximum = "100000")),
                @Header(name = MATCHABLE_HEADER, description = "CSV: rows a platform can match: with a hashed "
                        + "e-mail without layout, every row with one",
                        schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0",
                                maximum = "100000")),
                @Header(name = HOLDOUT_HEADER, description = "Members of the holdout left out of the file (CSV) or "
                        + "of this page (JSON)", schema = @Schema(type = SchemaType.INTEGER, format = "int64",
                                minimum = "0", maximum = "100000"))})
    @APIResponse(responseCode = "404", description = "No such workspace or audience")
    @APIResponse(responseCode = "422", description = "Bad limit or layout, or (CSV) an audience of more than "
            + "100,000 members")
    @APIResponse(responseCode = "503", description = "engagement-service unavailable")
    public Response members(@PathParam("workspaceId") UUID workspaceId, @PathParam("audienceId") String audienceId,
            @Parameter(description = "Page size, 1..500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "CSV: the file layout: an ad platform's customer list (META, GOOGLE, TIKTOK, "
                    + "LINKEDIN: one row per identified customer it can match), or the suite's own email,extern_id "
                    + "per member when absent (see AudienceCsv)", schema = @Schema(enumeration = {"META", "GOOGLE",
                    "TIKTOK", "LINKEDIN"})) @QueryParam("layout") String layout,
            @Context HttpHeaders headers)
            throws SQLException {
        access.require(workspaceId);
        AudienceCsv.Layout fileLayout = layout == null ? AudienceCsv.Layout.SUITE : AudienceCsv.Layout.of(layout)
                .filter(l -> l != AudienceCsv.Layout.SUITE)
                .orElseThrow(() -> ProblemException.invalid("layout", "must be one of META, GOOGLE, TIKTOK, LINKEDIN"));
        AudienceView audience = audience(workspaceId, audienceId);
        if (!CsvNegotiation.wanted(headers)) {
            AudienceMembers.Exported page = members.page(workspaceId, audience, Params.limitParam(limit),
                    cursor(cursor), audience.excludeConverted());
            return Response.ok(page.page(), MediaType.APPLICATION_JSON).header(HOLDOUT_HEADER, page.heldOut()).build();
        }
        AudienceMembers.Exported exported = members.all(workspaceId, audience, audience.excludeConverted());
        List<Member> all = exported.page().items();
        List<String> customers = all.stream().map(Member::customerId).filter(Objects::nonNull).distinct().toList();
        AudienceCsv.File file = AudienceCsv.write(fileLayout, all, links.contacts(workspaceId, customers));
        String suffix = fileLayout == AudienceCsv.Layout.SUITE ? "" : "-" + fileLayout.name().toLowerCase(Locale.ROOT);
        return Response.ok(file.body(), CSV).header("Content-Disposition",
                "attachment; filename=\"audience-" + audience.id() + suffix + ".csv\"")
                .header(MEMBERS_HEADER, file.members()).header(MATCHABLE_HEADER, file.matchable())
                .header(HOLDOUT_HEADER, exported.heldOut()).build();
    }

    @GET
    @Path("/{audienceId}/lift")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.CONVERSIONS_READ)
    @Operation(summary = "Lift: exposed members against the holdout, or reached versus not reached without one",
            description = "Always: members reached by retargeting versus the others (reached, notReached, lift), an "
                    + "observational comparison. With a holdout (holdoutPercent > 0): exposed members (outside the "
                    + "holdout, with a retargeting engagement since the audience was created), their conversions "
                    + "counted from their own first exposure, against the holdout measured from the median first "
                    + "exposure; absoluteLift and relativeLift, a 95% Newcombe (Wilson score) interval of the "
                    + "difference, the two-sided p-value of the pooled two-proportion z-test, and a verdict (LIFT, "
                    + "NEGATIVE, NOT_YET_SIGNIFICANT, NO_LIFT, INSUFFICIENT_DATA; NO_HOLDOUT without a holdout) with "
                    + "a sentence. The method is in the conversion-service README, \"Lift with a holdout\".")
    @APIResponse(responseCode = "200", description = "The groups, the lift and the verdict",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Lift.class),
                    examples = @ExampleObject(name = "lift", summary = "A significant lift over a 20% holdout",
                            value = LIFT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such workspace or audience")
    @APIResponse(responseCode = "422", description = "An audience of more than 100,000 members (audience-too-large)")
    @APIResponse(responseCode = "503", description = "engagement-service unavailable")
    public Lift lift(@PathParam("workspaceId") UUID workspaceId, @PathParam("audienceId") String audienceId)
            throws SQLException {
        access.require(workspaceId);
        return members.lift(workspaceId, audience(workspaceId, audienceId));
    }

    static final String LIFT_EXAMPLE = "{\"audienceId\":\"6c0f3e1a-2b4d-4e5f-8a9b-0c1d2e3f4a5b\","
            + "\"since\":\"2026-11-20T09:00:00Z\",\"reached\":{\"members\":120,\"converted\":30,"
            + "\"conversionRate\":0.25},\"notReached\":{\"members\":130,\"converted\":18,\"conversionRate\":0.1385},"
            + "\"lift\":0.8051,\"method\":\"HOLDOUT\",\"holdoutPercent\":20,\"exposedFrom\":\"2026-11-20T09:00:00Z\","
            + "\"holdoutFrom\":\"2026-11-23T14:00:00Z\",\"exposed\":{\"members\":100,\"converted\":30,"
            + "\"conversionRate\":0.3},\"holdout\":{\"members\":100,\"converted\":15,\"conversionRate\":0.15},"
            + "\"holdoutReached\":0,\"notExposed\":50,\"absoluteLift\":0.15,\"relativeLift\":1.0,"
            + "\"confidenceInterval\":{\"level\":0.95,\"method\":\"NEWCOMBE_WILSON\",\"lower\":0.0341,"
            + "\"upper\":0.2615},\"pValue\":0.01109,\"zScore\":2.54,\"verdict\":\"LIFT\",\"verdictText\":"
            + "\"Retargeting raised conversion: 30.0% of the 100 exposed members converted after their first exposure, "
            + "against 15.0% of the 100 held-out members (+15.0 points, 95% CI +3.4 points to +26.1 points; "
            + "p = 0.01109).\"}";

    /** engagement-service's cursors are short base64url text; anything else is refused here. */
    private static String cursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        if (cursor.length() > MAX_CURSOR || !cursor.matches("[A-Za-z0-9_=-]+")) {
            throw ProblemException.invalid("cursor", "is not a cursor of this audience's members");
        }
        return cursor;
    }

    private AudienceView audience(UUID workspaceId, String audienceId) throws SQLException {
        UUID id;
        try {
            id = UUID.fromString(audienceId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Audience " + audienceId);
        }
        return store.find(workspaceId, id).orElseThrow(() -> ProblemException.notFound("Audience " + audienceId));
    }

    /** What a JSON page of members carries (documentation only: the answer is a {@code Page<Member>}). */
    @Schema(name = "PageMember")
    record MemberPage(List<Member> items,
            @Schema(description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
    }
}
