package io.socialroi.conversion.touchpoint;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.socialroi.conversion.audience.ActorPage;
import io.socialroi.conversion.audience.ActorQuery;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The engagement-service calls of CONTRACTS.md, made with this service's own token. */
@RegisterRestClient(configKey = "engagement-service")
@Path("/workspaces/{workspaceId}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface EngagementClient {

    @POST
    @Path("/touchpoints/search")
    TouchpointItems touchpoints(@HeaderParam("Authorization") String authorization,
            @PathParam("workspaceId") UUID workspaceId, TouchpointQuery query);

    /** Engaged actors for audiences; added to CONTRACTS.md by conversion-service. */
    @POST
    @Path("/actors/search")
    ActorPage actors(@HeaderParam("Authorization") String authorization, @PathParam("workspaceId") UUID workspaceId,
            ActorQuery query);

    /**
     * The aggregated journeys of actors engaged in a period (never-converting journeys); added by conversion-service.
     * A search that reads a whole period's events: its own client ({@code engagement-journeys}, the same service,
     * a longer read timeout), so its seconds never hold up the short calls above.
     */
    @RegisterRestClient(configKey = "engagement-journeys")
    @Path("/workspaces/{workspaceId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    interface Journeys {

        @POST
        @Path("/journeys/search")
        JourneyPaths journeys(@HeaderParam("Authorization") String authorization,
                @PathParam("workspaceId") UUID workspaceId, JourneySearch search);
    }
}
