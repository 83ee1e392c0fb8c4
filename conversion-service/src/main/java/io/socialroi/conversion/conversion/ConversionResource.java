package io.socialroi.conversion.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.idempotency.Idempotent;
import io.socialroi.common.paging.Page;
import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.workspace.WorkspaceDirectory;
import io.socialroi.common.workspace.WorkspaceInfo;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Conversions sent by the client's CRM, shop or booking tool. One object answers 201 with the stored
 * conversion (200 with the stored one when its eventId was seen before); an array answers 200 with
 * {@code {accepted, duplicates, rejected}} like engagement ingestion. Touchpoints are captured after the
 * commit, never on this path.
 */
@Path("/workspaces/{workspaceId}/conversions")
@Tag(name = "Conversions")
@RunOnVirtualThread
public class ConversionResource {

    static final int MAX_BATCH = 1000;
    static final String SINGLE_EXAMPLE = "{\"eventId\":\"order-1001\",\"type\":\"PURCHASE\",\"value\":{\"amount\":"
            + "\"120.00\",\"currency\":\"EUR\"},\"occurredAt\":\"2026-11-22T09:00:00+01:00\",\"customerId\":\"cust-42\","
            + "\"clickId\":\"5b0c7d1e-9a0e-4d1b-8f3e-2f6a7c1d9e10\",\"actorIds\":[\"ig:123\"],"
            + "\"email\":\"ana@example.com\"}";

    private final WorkspaceAccess access;
    private final WorkspaceDirectory workspaces;
    private final ConversionParser parser;
    private final ConversionStore store;

    public ConversionResource(WorkspaceAccess access, WorkspaceDirectory workspaces, ConversionParser parser,
            ConversionStore store) {
        this.access = access;
        this.workspaces = workspaces;
        this.parser = parser;
        this.store = store;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Idempotent
    @RolesAllowed(Scopes.CONVERSIONS_WRITE)
    @Operation(summary = "Record one conversion",
            description = "Answers 201 with the stored conversion, or 200 with the stored one when its eventId was "
                    + "seen before (nothing changes). A value in another currency than the workspace's needs an "
                    + "exchange rate for that currency and the conversion's local day, else 422. Emails are stored "
                    + "only as SHA-256. For compatibility this operation also takes a JSON array and then answers as "
                    + "recordConversionBatch does; generated clients call that operation for batches.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ConversionRequest.class),
            examples = @ExampleObject(name = "single", summary = "One purchase", value = SINGLE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConversionView.class)))
    @APIResponse(responseCode = "200", description = "A duplicate: the conversion stored before, unchanged",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConversionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or not an object or array")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "422", description = "Invalid fields, or a currency without exchange rate")
    @APIResponse(responseCode = "503", description = "content-service (workspace settings) unreachable")
    public Response record(@PathParam("workspaceId") UUID workspaceId, JsonNode body) throws SQLException {
        access.require(workspaceId);
        if (body == null || !(body.isObject() || body.isArray())) {
            throw ProblemException.badRequest("The body must be a conversion object or an array of them");
        }
        if (body.isArray() && body.size() > MAX_BATCH) {
            throw ProblemException.invalid("body", "at most " + MAX_BATCH + " conversions per request");
        }
        WorkspaceInfo workspace = workspaces.get(workspaceId);
        Response response = body.isObject() ? single(workspaceId, workspace, body) : batch(workspaceId, workspace, body);
        return response;
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Idempotent
    @RolesAllowed(Scopes.CONVERSIONS_WRITE)
    @Operation(summary = "Record up to 1,000 conversions",
            description = "Answers 200 with accepted, duplicates and rejected items (by index, with field errors); "
                    + "valid items are stored even when others are rejected, a known eventId is a duplicate and "
                    + "changes nothing. The same as sending the array to recordConversion.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ConversionRequest.class, maxItems = MAX_BATCH),
            examples = @ExampleObject(name = "batch", summary = "A purchase and a lead", value = "["
                    + SINGLE_EXAMPLE + ",{\"eventId\":\"lead-77\",\"type\":\"LEAD\",\"occurredAt\":"
                    + "\"2026-11-21T18:30:00+01:00\",\"customerId\":\"cust-43\",\"actorIds\":[\"tt:abc\"]}]")))
    @APIResponse(responseCode = "200", description = "Accepted, duplicate and rejected conversions",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or not an array")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "422", description = "More than 1,000 conversions")
    @APIResponse(responseCode = "503", description = "content-service (workspace settings) unreachable")
    public Response recordBatch(@PathParam("workspaceId") UUID workspaceId, JsonNode body) throws SQLException {
        access.require(workspaceId);
        if (body == null || !body.isArray()) {
            throw ProblemException.badRequest("The body must be an array of conversions");
        }
        if (body.size() > MAX_BATCH) {
            throw ProblemException.invalid("body", "at most " + MAX_BATCH + " conversions per request");
        }
        return batch(workspaceId, workspaces.get(workspaceId), body);
    }

    private Response single(UUID workspaceId, WorkspaceInfo workspace, JsonNode body) throws SQLException {
        ConversionParser.Parsed parsed = parser.parse(body, workspaceId, workspace);
        if (!parsed.errors().isEmpty()) {
            throw ProblemException.invalid(parsed.errors());
        }
        boolean created = store.insert(workspaceId, List.of(parsed.conversion()))[0];
        ConversionView stored = store.byEventId(workspaceId, parsed.conversion().eventId()).orElseThrow();
        if (!created) {
            return Response.ok(stored).build();
        }
        return Response.created(URI.create("/workspaces/" + workspaceId + "/conversions/" + stored.id()))
                .entity(stored).build();
    }

    private Response batch(UUID workspaceId, WorkspaceInfo workspace, JsonNode body) throws SQLException {
        List<NewConversion> valid = new ArrayList<>();
        List<BatchResult.Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            ConversionParser.Parsed parsed = parser.parse(body.get(i), workspaceId, workspace);
            if (parsed.errors().isEmpty()) {
                valid.add(parsed.conversion());
            } else {
                rejected.add(new BatchResult.Rejected(i, parsed.errors()));
            }
        }
        int accepted = 0;
        for (boolean inserted : store.insert(workspaceId, valid)) {
            accepted += inserted ? 1 : 0;
        }
        return Response.ok(new BatchResult(accepted, valid.size() - accepted, rejected)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.CONVERSIONS_READ)
    @Operation(summary = "List conversions, newest first")
    @APIResponse(responseCode = "200", description = "One page of conversions")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "422", description = "Bad limit, cursor or type")
    public Page<ConversionView> list(@PathParam("workspaceId") UUID workspaceId,
            @QueryParam("customerId") String customerId, @QueryParam("type") String type,
            @Parameter(description = "Page size, 1..500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) throws SQLException {
        access.require(workspaceId);
        int size = Params.limitParam(limit);
        ConversionType kind = Params.enumValue("type", type, ConversionType.class, null);
        ConversionStore.Cursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = ConversionStore.Cursor.parse(cursor);
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "is not a cursor of this list");
            }
        }
        List<ConversionView> rows = store.list(workspaceId, blankToNull(customerId), kind, after, size);
        return Page.of(rows, size, ConversionStore.Cursor::of);
    }

    @GET
    @Path("/{conversionId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.CONVERSIONS_READ)
    @Operation(summary = "Read one conversion")
    @APIResponse(responseCode = "200", description = "The conversion")
    @APIResponse(responseCode = "404", description = "No such workspace or conversion")
    public ConversionView get(@PathParam("workspaceId") UUID workspaceId,
            @PathParam("conversionId") String conversionId) throws SQLException {
        access.require(workspaceId);
        UUID id = Params.uuid("conversionId", conversionId);
        return store.byId(workspaceId, id).orElseThrow(() -> ProblemException.notFound("Conversion " + conversionId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
