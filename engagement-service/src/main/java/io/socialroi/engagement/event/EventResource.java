package io.socialroi.engagement.event;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.http.RateLimited;
import io.socialroi.common.idempotency.Idempotent;
import io.socialroi.common.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Batch ingestion of engagement events. Every event carries its own id, so a resent batch stores nothing twice
 * (its events are answered as duplicates); a client that also sends {@code Idempotency-Key} (API.md: every
 * creating POST accepts it) gets the first answer again on a retry, and a 422 when the key comes with another
 * body. Limited per credential ({@code suite.rate-limit.ingest.*}). {@link IngestGate} checks the token and
 * reserves memory before the body is read, which is then parsed as it streams in.
 */
@Path("/workspaces/{workspaceId}/events")
@Tag(name = "Engagement events")
@RunOnVirtualThread
public class EventResource {

    public static final String NDJSON = "application/x-ndjson";

    private static final String EXAMPLE = "[{\"eventId\":\"ig-like-8812\",\"type\":\"LIKE\",\"platform\":\"INSTAGRAM\","
            + "\"postId\":\"5f0c2a8e-1b7d-4c3e-9f6a-2d4b8e1c7a90\",\"actorId\":\"ig:123\","
            + "\"occurredAt\":\"2026-11-22T09:00:00+01:00\",\"retargeting\":false,\"attributes\":{}}]";
    /** Shown in the OpenAPI document (set by NdjsonOpenApi: an annotation would parse it as one JSON object). */
    public static final String NDJSON_EXAMPLE = "{\"eventId\":\"ig-like-8812\",\"type\":\"LIKE\","
            + "\"platform\":\"INSTAGRAM\",\"postId\":\"5f0c2a8e-1b7d-4c3e-9f6a-2d4b8e1c7a90\",\"actorId\":\"ig:123\","
            + "\"occurredAt\":\"2026-11-22T09:00:00+01:00\"}\n{\"eventId\":\"ig-dm-8813\",\"type\":\"DM\","
            + "\"platform\":\"INSTAGRAM\",\"actorId\":\"ig:123\",\"occurredAt\":\"2026-11-22T09:05:00+01:00\"}\n";

    private final EventParser parser;
    private final Ingestion ingestion;
    private final WorkspaceAccess access;

    public EventResource(EventParser parser, Ingestion ingestion, WorkspaceAccess access) {
        this.parser = parser;
        this.ingestion = ingestion;
        this.access = access;
    }

    @POST
    @RolesAllowed(Scopes.ENGAGEMENT_WRITE)
    @RateLimited
    @Idempotent
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Operation(summary = "Ingest up to 10,000 events: a JSON array, {\"events\":[...]} or NDJSON",
            description = "Valid events are stored even when others are rejected; a known eventId is a duplicate "
                    + "and changes nothing. The answer comes after the commit: every accepted event is durable.")
    @RequestBody(content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                implementation = EngagementEvent.class, maxItems = EventParser.MAX_EVENTS, example = EXAMPLE,
                description = "Up to 10,000 events; the envelope {\"events\":[...]} is accepted too")),
        @Content(mediaType = NDJSON)})
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = false,
            description = "Optional: a retry with the same key and body gets the first answer again (24 hours)")
    @APIResponse(responseCode = "200", description = "Accepted, duplicate and rejected events",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestResult.class)))
    @APIResponse(responseCode = "400", description = "Malformed body", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown workspace", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still running",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "More than 10,000 events or too large a body",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Neither JSON nor NDJSON", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No events array in the envelope, or an Idempotency-Key reused "
            + "with another body", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Rate limit of this credential exceeded, or (type "
            + "ingest-concurrency) its ingestions in flight hold engagement.ingest.credential-budget (32 MB) of "
            + "body bytes; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE), headers = {
                @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
                @Header(name = "RateLimit", description = "limit, remaining and reset of this credential"),
                @Header(name = "RateLimit-Policy", description = "Requests a minute, window and burst, e.g. 1200;w=60;burst=200")})
    @APIResponse(responseCode = "503", description = "Database unreachable, or (type ingest-busy) the bodies in "
            + "flight on this replica fill engagement.ingest.memory-budget (64 MB); nothing read or stored, retry "
            + "after the delay",
            content = @Content(mediaType = Problem.MEDIA_TYPE), headers = @Header(name = "Retry-After",
                    description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)))
    public IngestResult ingest(@PathParam("workspaceId") UUID workspaceId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) throws IOException {
        access.require(workspaceId);
        boolean ndjson = contentType != null && contentType.toLowerCase().startsWith(NDJSON);
        return ingestion.ingest(workspaceId, parser.parse(body, ndjson));
    }
}
