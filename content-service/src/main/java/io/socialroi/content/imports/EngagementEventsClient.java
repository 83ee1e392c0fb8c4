package io.socialroi.content.imports;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** engagement-service's ingestion ({@code POST /workspaces/{ws}/events}), as the importers write through it. */
@RegisterRestClient(configKey = "engagement-service")
@Path("/workspaces/{workspaceId}/events")
public interface EngagementEventsClient {

    /** The answer is engagement-service's IngestResult: accepted, duplicates, rejected. Error statuses throw. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode ingest(@HeaderParam("Authorization") String authorization, @PathParam("workspaceId") UUID workspaceId,
            List<Map<String, Object>> events);
}
