package io.socialroi.content.registration;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** engagement-service's post directory, as content-service calls it. */
@RegisterRestClient(configKey = "engagement-service")
@Path("/workspaces/{workspaceId}/posts")
public interface EngagementClient {

    /** Idempotent: the same registration sent twice leaves one entry. Error statuses throw. */
    @PUT
    @Path("/{postId}")
    @Consumes(MediaType.APPLICATION_JSON)
    void register(@HeaderParam("Authorization") String authorization, @PathParam("workspaceId") UUID workspaceId,
            @PathParam("postId") UUID postId, PostRegistration registration);
}
