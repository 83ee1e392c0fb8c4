package io.socialroi.conversion.changes;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** engagement-service's change feed (CONTRACTS.md), read with this service's own token. */
@RegisterRestClient(configKey = "engagement-service")
@Path("/changes")
@Produces(MediaType.APPLICATION_JSON)
public interface ChangeFeedClient {

    @GET
    ChangePage changes(@HeaderParam("Authorization") String authorization, @QueryParam("after") String after,
            @QueryParam("limit") int limit);
}
