package io.socialroi.reporting.dependency;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** engagement-service, read with this service's own token. */
@RegisterRestClient(configKey = "engagement-service")
@Path("/workspaces/{workspaceId}")
public interface EngagementClient {

    @GET
    @Path("/engagement/summary")
    EngagementSummary summary(@HeaderParam("Authorization") String authorization,
            @PathParam("workspaceId") UUID workspaceId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy, @QueryParam("campaignId") String campaignId);
}
