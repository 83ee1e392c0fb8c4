package io.socialroi.content.auth;

import io.socialroi.common.auth.Scopes;
import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.workspace.Workspace;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Client credentials of a workspace, for integrations; created and revoked by the agency admin. */
@Path("/workspaces/{workspaceId}/credentials")
@Tag(name = "Credentials")
@RolesAllowed(Scopes.ADMIN)
public class CredentialResource {

    /** The answer to a creation: the only time the secret is shown. */
    public record CreatedCredential(String clientId, String clientSecret, String name, List<String> scopes,
            UUID workspaceId) {
    }

    @POST
    @Transactional
    public Response create(@PathParam("workspaceId") UUID workspaceId, @Valid @NotNull CredentialRequest request) {
        requireWorkspace(workspaceId);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.scopes().size(); i++) {
            if (!Scopes.WORKSPACE_SCOPES.contains(request.scopes().get(i))) {
                errors.add(new FieldError("scopes[" + i + "]", "unknown scope '" + request.scopes().get(i)
                        + "', expected one of " + Scopes.WORKSPACE_SCOPES));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String secret = Secrets.random(32);
        Credential credential = new Credential();
        credential.clientId = "ws_" + Secrets.random(12);
        credential.workspaceId = workspaceId;
        credential.name = request.name().trim();
        credential.secretHash = Secrets.hash(secret);
        List<String> scopes = List.copyOf(new LinkedHashSet<>(request.scopes()));
        credential.scopes = String.join(" ", scopes);
        credential.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        credential.persist();
        return Response.created(URI.create("/workspaces/" + workspaceId + "/credentials/" + credential.clientId))
                .entity(new CreatedCredential(credential.clientId, secret, credential.name, scopes, workspaceId)).build();
    }

    @DELETE
    @Path("/{clientId}")
    @Transactional
    public Response revoke(@PathParam("workspaceId") UUID workspaceId, @PathParam("clientId") String clientId) {
        requireWorkspace(workspaceId);
        Credential credential = Credential.findById(clientId);
        if (credential == null || !credential.workspaceId.equals(workspaceId)) {
            throw ProblemException.notFound("Credential " + clientId);
        }
        if (credential.revokedAt == null) {
            credential.revokedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        return Response.noContent().build();
    }

    private static void requireWorkspace(UUID workspaceId) {
        if (Workspace.findById(workspaceId) == null) {
            throw ProblemException.notFound("Workspace " + workspaceId);
        }
    }
}
