package io.socialroi.conversion.export;

import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.paging.Page;
import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.workspace.WorkspaceDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Per-workspace destinations of the conversion export (Meta, Google, TikTok, LinkedIn) and their delivery logs. The
 * access token is stored encrypted and never answered, only that it is set and its last four characters.
 */
@Path("/workspaces/{workspaceId}/exports")
@Tag(name = "Conversion exports")
public class ExportResource {

    private static final Set<String> STATUSES = Set.of("PENDING", "RETRYING", "SENT", "REJECTED", "FAILED",
            "SKIPPED");

    private final WorkspaceAccess access;
    private final WorkspaceDirectory workspaces;
    private final ExportStore store;
    private final ExportJob job;

    public ExportResource(WorkspaceAccess access, WorkspaceDirectory workspaces, ExportStore store, ExportJob job) {
        this.access = access;
        this.workspaces = workspaces;
        this.store = store;
        this.job = job;
    }

    /** The answer of {@code GET /workspaces/{ws}/exports}. */
    public record DestinationList(List<DestinationView> items) {
    }

    @PUT
    @Path("/{platform}")
    @RolesAllowed(Scopes.CONVERSIONS_WRITE)
    @Operation(operationId = "putExportDestination", summary = "Configure where attributed conversions are sent",
            description = "Stores the platform's ids and access token (encrypted at rest; never answered). From then "
                    + "on the delivery job sends the workspace's attributed conversions of the platform's window "
                    + "(Meta and TikTok 7 days, Google and LinkedIn 90) and every later one, each once. Replacing a "
                    + "destination makes it ACTIVE again (after NEEDS_RECONNECT) and its waiting deliveries due.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DestinationRequest.class), examples = {
                @ExampleObject(name = "meta", summary = "Meta dataset and Conversions API token",
                        value = "{\"datasetId\":\"123456789012345\",\"accessToken\":\"EAAGm0PX4ZCpsBAKZA2w9sZA0yExample\"}"),
                @ExampleObject(name = "google", summary = "Google Ads account and conversion action",
                        value = "{\"operatingAccountId\":\"123-456-7890\",\"conversionActionId\":\"555123456\","
                                + "\"accessToken\":\"ya29.a0AfB_byExampleToken\",\"conversionTypes\":[\"PURCHASE\"]}"),
                @ExampleObject(name = "tiktok", summary = "TikTok pixel",
                        value = "{\"pixelCode\":\"CQ5ABCDEFGHIJ1234567\",\"accessToken\":\"a1b2c3d4e5f6example\"}"),
                @ExampleObject(name = "linkedin", summary = "LinkedIn conversion rule",
                        value = "{\"conversionRuleUrn\":\"urn:lla:llaPartnerConversion:104012\","
                                + "\"accessToken\":\"AQVexampleLinkedInToken\"}")}))
    @APIResponse(responseCode = "200", description = "The destination, with a hint of its token",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DestinationView.class)))
    @APIResponse(responseCode = "404", description = "No such workspace or platform")
    @APIResponse(responseCode = "422", description = "A field missing, malformed, or not one of the platform's")
    public DestinationView put(@PathParam("workspaceId") UUID workspaceId, @PathParam("platform") @Parameter(
            schema = @Schema(type = SchemaType.STRING, enumeration = {"meta", "google", "tiktok", "linkedin"}))
            String platform, @NotNull DestinationRequest request) throws SQLException {
        access.require(workspaceId);
        ExportPlatform kind = kind(platform);
        DestinationRules.Checked checked = DestinationRules.check(kind, request);
        workspaces.get(workspaceId);
        store.put(workspaceId, kind, checked, request.accessToken());
        return store.view(workspaceId, kind, job.client(kind).api()).orElseThrow();
    }

    @GET
    @RolesAllowed(Scopes.CONVERSIONS_READ)
    @Operation(operationId = "listExportDestinations", summary = "List the workspace's export destinations")
    @APIResponse(responseCode = "200", description = "Every configured destination (without tokens)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DestinationList.class)))
    @APIResponse(responseCode = "404", description = "No such workspace")
    public DestinationList list(@PathParam("workspaceId") UUID workspaceId) throws SQLException {
        access.require(workspaceId);
        return new DestinationList(store.list(workspaceId, p -> job.client(p).api()));
    }

    @GET
    @Path("/{platform}")
    @RolesAllowed(Scopes.CONVERSIONS_READ)
    @Operation(operationId = "getExportDestination", summary = "Read an export destination (without its token)")
    @APIResponse(responseCode = "200", description = "The destination and its deliveries by status",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DestinationView.class)))
    @APIResponse(responseCode = "404", description = "No such workspace, or the platform is not configured")
    public DestinationView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("platform") @Parameter(
            schema = @Schema(type = SchemaType.STRING, enumeration = {"meta", "google", "tiktok", "linkedin"}))
            String platform) throws SQLException {
        access.require(workspaceId);
        ExportPlatform kind = kind(platform);
        return store.view(workspaceId, kind, job.client(kind).api())
                .orElseThrow(() -> ProblemException.notFound("Export destination " + platform));
    }

    @DELETE
    @Path("/{platform}")
    @RolesAllowed(Scopes.CONVERSIONS_WRITE)
    @Operation(operationId = "deleteExportDestination", summary = "Remove an export destination",
            description = "Its token is deleted and nothing more is sent. The delivery log stays: configured again, "
                    + "the destination sends nothing that was acknowledged before.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such workspace, or the platform is not configured")
    public Response delete(@PathParam("workspaceId") UUID workspaceId, @PathParam("platform") @Parameter(
            schema = @Schema(type = SchemaType.STRING, enumeration = {"meta", "google", "tiktok", "linkedin"}))
            String platform) throws SQLException {
        access.require(workspaceId);
        if (!store.delete(workspaceId, kind(platform))) {
            throw ProblemException.notFound("Export destination " + platform);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{platform}/deliveries")
    @RolesAllowed(Scopes.CONVERSIONS_READ)
    @Operation(operationId = "listExportDeliveries", summary = "The delivery log of an export destination",
            description = "One row per conversion queued for the platform, newest first, with its outcome: SENT, "
                    + "REJECTED (the platform's reason), RETRYING (when next), FAILED, SKIPPED (why) or PENDING.")
    @APIResponse(responseCode = "200", description = "One page of deliveries; follow nextCursor until null")
    @APIResponse(responseCode = "404", description = "No such workspace or platform")
    @APIResponse(responseCode = "422", description = "Bad status, limit or cursor")
    public Page<DeliveryView> deliveries(@PathParam("workspaceId") UUID workspaceId,
            @PathParam("platform") @Parameter(schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"meta", "google", "tiktok", "linkedin"})) String platform,
            @Parameter(description = "Only deliveries in this status", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"PENDING", "RETRYING", "SENT", "REJECTED", "FAILED", "SKIPPED"}))
            @QueryParam("status") String status,
            @Parameter(description = "Page size, 1..500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) throws SQLException {
        access.require(workspaceId);
        ExportPlatform kind = kind(platform);
        int size = Params.limitParam(limit);
        String wanted = status == null || status.isBlank() ? null : status;
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw ProblemException.invalid("status", "must be one of " + STATUSES.stream().sorted().toList());
        }
        ExportStore.Cursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = ExportStore.Cursor.parse(cursor);
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "is not a cursor of this list");
            }
        }
        return Page.of(store.deliveries(workspaceId, kind, wanted, after, size), size, ExportStore.Cursor::of);
    }

    private static ExportPlatform kind(String platform) {
        return ExportPlatform.of(platform).orElseThrow(() -> ProblemException.notFound("Export platform " + platform
                + " (expected one of " + Arrays.stream(ExportPlatform.values()).map(p -> p.name()
                        .toLowerCase(Locale.ROOT)).toList() + ")"));
    }
}
