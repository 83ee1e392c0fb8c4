package io.socialroi.common.workspace;

import io.socialroi.common.auth.RevocationList;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The content-service calls other services make: a service token, a workspace's settings, and the token
 * revocations in force.
 */
@RegisterRestClient(configKey = "content-service")
public interface ContentServiceClient {

    @POST
    @Path("/auth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    TokenResponse token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret);

    @GET
    @Path("/workspaces/{id}")
    WorkspaceInfo workspace(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

    @GET
    @Path("/auth/revocations")
    RevocationList revocations(@HeaderParam("Authorization") String authorization);
}
