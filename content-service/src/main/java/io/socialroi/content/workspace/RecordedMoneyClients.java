package io.socialroi.content.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The public list endpoints content-service reads to learn whether a workspace already holds money in its
 * currency (conversion values at conversion-service, costs and the hourly rate at reporting-service) before it
 * lets the currency change.
 */
public final class RecordedMoneyClients {

    private RecordedMoneyClients() {
    }

    /** conversion-service: {@code GET /workspaces/{ws}/conversions?limit=1}. */
    @RegisterRestClient(configKey = "conversion-service")
    @Path("/workspaces/{workspaceId}")
    public interface Conversions {

        @GET
        @Path("/conversions")
        @Produces(MediaType.APPLICATION_JSON)
        JsonNode conversions(@HeaderParam("Authorization") String authorization,
                @PathParam("workspaceId") UUID workspaceId, @QueryParam("limit") int limit);
    }

    /** reporting-service: {@code GET /workspaces/{ws}/costs?limit=1} and {@code GET /workspaces/{ws}/settings}. */
    @RegisterRestClient(configKey = "reporting-service")
    @Path("/workspaces/{workspaceId}")
    public interface Reporting {

        @GET
        @Path("/costs")
        @Produces(MediaType.APPLICATION_JSON)
        JsonNode costs(@HeaderParam("Authorization") String authorization, @PathParam("workspaceId") UUID workspaceId,
                @QueryParam("limit") int limit);

        @GET
        @Path("/settings")
        @Produces(MediaType.APPLICATION_JSON)
        JsonNode settings(@HeaderParam("Authorization") String authorization,
                @PathParam("workspaceId") UUID workspaceId);
    }
}
