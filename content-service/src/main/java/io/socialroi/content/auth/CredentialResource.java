package io.socialroi.content.auth;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.socialroi.common.problem.Problem;

import io.socialroi.common.auth.Scopes;
import io.socialroi.common.idempotency.Idempotent;
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
@APIResponse(responseCode = "403", description = "Not the agency admin")
@APIResponse(responseCode = "404", description = "No such workspace, or no such credential in it")
public class CredentialResource {

    private final RevocationStore revocations;

    public CredentialResource(RevocationStore revocations) {
        this.revocations = revocations;
    }

    /** The answer to a creation: the only time the secret is shown. */
    public record CreatedCredential(String clientId, String clientSecret, String name, List<String> scopes,
            UUID workspaceId) {
    }

    @POST
    @Idempotent
    @Transactional
    @Operation(summary = "Create a client credential (agency admin)", description = "The secret is in this answer "
            + "only and stored as a hash; exchange both at POST /auth/token for a token bound to this workspace. "
            + "A retry with the same Idempotency-Key and body answers the same credential again (24 hours); the kept "
            + "answer is encrypted with a key derived from the Idempotency-Key, which is itself stored only as a hash.")
    @APIResponse(responseCode = "201", description = "Created; the secret is shown this once",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreatedCredential.class)))
    @APIResponse(responseCode = "422", description = "Blank name, no scopes or an unknown scope; errors lists each one")
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
    @Operation(summary = "Revoke a client credential (agency admin)", description = "Its secret stops working at once, "
            + "and the tokens already issued to it stop working on every service within the revocation refresh "
            + "interval (suite.revocation.refresh-every, 15 s; at once on this replica).")
    @APIResponse(responseCode = "204", description = "Revoked (also when it already was)")
    public Response revoke(@PathParam("workspaceId") UUID workspaceId, @PathParam("clientId") String clientId) {
        requireWorkspace(workspaceId);
        Credential credential = Credential.findById(clientId);
        if (credential == null || !credential.workspaceId.equals(workspaceId)) {
            throw ProblemException.notFound("Credential " + clientId);
        }
        if (credential.revokedAt == null) {
            credential.revokedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        revocations.revokeSubject(credential.clientId);
        return Response.noContent().build();
    }

    private static void requireWorkspace(UUID workspaceId) {
        if (Workspace.findById(workspaceId) == null) {
            throw ProblemException.notFound("Workspace " + workspaceId);
        }
    }
}
