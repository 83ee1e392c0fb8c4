package io.socialroi.content.user;

import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.auth.RevocationStore;
import io.socialroi.content.workspace.Workspace;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Changing a user's role and workspaces (issue 16, the agency app's Team view). A class of its own beside
 * {@link UserResource}, admin only like it. The user's tokens are revoked, so the old role stops working on every
 * service within the revocation refresh and the user signs in again with the new one.
 */
@Path("/users/{userId}/access")
@Tag(name = "Users")
@RolesAllowed(Scopes.ADMIN)
public class UserAccessResource {

    private final RevocationStore revocations;
    private final WorkspaceAccess access;

    public UserAccessResource(RevocationStore revocations, WorkspaceAccess access) {
        this.revocations = revocations;
        this.access = access;
    }

    @PUT
    @Transactional
    @Operation(summary = "Change a user's role and workspaces", description = "Replaces the role and the workspaces "
            + "the user may see (a MANAGER or CLIENT_VIEWER needs at least one; an ADMIN sees all). Every token the "
            + "user holds is revoked (as on deactivate), so the new access applies from their next sign-in. An admin "
            + "cannot change their own access.")
    @APIResponse(responseCode = "200", description = "The user with the new access",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, wrong type or unknown role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an agency admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The caller's own user, or a deactivated one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No workspace for a MANAGER or CLIENT_VIEWER, or unknown "
            + "workspaces", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public UserView change(@PathParam("userId") UUID userId, @Valid @NotNull UserAccessRequest request) {
        if (userId.toString().equals(access.subject())) {
            throw ProblemException.conflict("You cannot change your own access");
        }
        User user = User.<User>findByIdOptional(userId).orElseThrow(() -> ProblemException.notFound("User " + userId));
        if (user.deactivatedAt != null) {
            throw ProblemException.conflict("User " + userId + " is deactivated");
        }
        List<UUID> workspaces = request.workspaceIds() == null ? List.of() : request.workspaceIds();
        List<FieldError> errors = new ArrayList<>();
        if (request.role() != Role.ADMIN && workspaces.isEmpty()) {
            errors.add(new FieldError("workspaceIds", "a " + request.role() + " needs at least one workspace"));
        }
        for (int i = 0; i < workspaces.size(); i++) {
            if (Workspace.findById(workspaces.get(i)) == null) {
                errors.add(new FieldError("workspaceIds[" + i + "]", "no workspace " + workspaces.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        user.role = request.role();
        user.workspaceIds = request.role() == Role.ADMIN ? new LinkedHashSet<>() : new LinkedHashSet<>(workspaces);
        user.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        revocations.revokeSubject(user.id.toString());
        return UserView.of(user);
    }
}
