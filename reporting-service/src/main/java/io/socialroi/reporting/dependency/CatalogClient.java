package io.socialroi.reporting.dependency;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** content-service's campaign and post lists, for the labels of report rows and the ties of costs. */
@RegisterRestClient(configKey = "content-service")
@Path("/workspaces/{workspaceId}")
public interface CatalogClient {

    @GET
    @Path("/campaigns")
    CatalogPage<CatalogPage.Campaign> campaigns(@HeaderParam("Authorization") String authorization,
            @PathParam("workspaceId") UUID workspaceId, @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor);

    @GET
    @Path("/posts")
    CatalogPage<CatalogPage.Post> posts(@HeaderParam("Authorization") String authorization,
            @PathParam("workspaceId") UUID workspaceId, @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor);
}
