package io.socialroi.content.auth;

import io.socialroi.common.auth.Scopes;
import io.socialroi.common.paging.Page;
import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.workspace.Workspace;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The credentials of a workspace, revoked ones included, without any secret (issue 16, the agency app's Team view).
 * A class of its own beside {@link CredentialResource}, agency admin only like it.
 */
@Path("/workspaces/{workspaceId}/credentials")
@Tag(name = "Credentials")
@RolesAllowed(Scopes.ADMIN)
public class CredentialListResource {

    /** A credential as listed: never its secret or hash. */
    public record CredentialView(String clientId, String name, List<String> scopes, OffsetDateTime createdAt,
            OffsetDateTime revokedAt, boolean active) {

        static CredentialView of(Credential c) {
            return new CredentialView(c.clientId, c.name, c.scopeList(), c.createdAt, c.revokedAt, c.revokedAt == null);
        }
    }

    @GET
    @Operation(summary = "List a workspace's client credentials (agency admin)", description = "In clientId order, "
            + "paged; revoked ones too (active=false). Secrets are shown only once, when a credential is created.")
    @APIResponse(responseCode = "200", description = "A page of credentials")
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the agency admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Bad limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<CredentialView> list(@PathParam("workspaceId") UUID workspaceId,
            @QueryParam("limit") @Parameter(description = "Page size, 1 to 500 (default 50)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) String limit,
            @QueryParam("cursor") String cursor) {
        if (Workspace.findById(workspaceId) == null) {
            throw ProblemException.notFound("Workspace " + workspaceId);
        }
        int size = Params.limitParam(limit);
        List<Credential> found = cursor == null || cursor.isBlank()
                ? Credential.<Credential>find("workspaceId = ?1 order by clientId", workspaceId).page(0, size + 1).list()
                : Credential.<Credential>find("workspaceId = ?1 and clientId > ?2 order by clientId", workspaceId, cursor)
                        .page(0, size + 1).list();
        return Page.of(found.stream().map(CredentialView::of).toList(), size, CredentialView::clientId);
    }
}
