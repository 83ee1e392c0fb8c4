package io.socialroi.content.user;

import io.quarkus.security.Authenticated;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.auth.RevocationStore;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A signed-in user changes their own password (issue 16, the agency app's Team view). Only a user's token (one
 * from {@code POST /auth/login}) may; an API credential's token gets 403. Wrong current passwords count against
 * the account like failed sign-ins (LoginThrottle), so a stolen session cannot guess its way to the password.
 */
@Path("/auth/password")
@Tag(name = "Users")
public class PasswordChangeResource {

    private final WorkspaceAccess access;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final LoginPolicy policy;
    private final RevocationStore revocations;

    public PasswordChangeResource(WorkspaceAccess access, PasswordHasher hasher, LoginThrottle throttle,
            LoginPolicy policy, RevocationStore revocations) {
        this.access = access;
        this.hasher = hasher;
        this.throttle = throttle;
        this.policy = policy;
        this.revocations = revocations;
    }

    @POST
    @Authenticated
    @Transactional
    @Operation(summary = "Change one's own password", description = "For the signed-in user: the current password "
            + "and a new one of at least 10 characters. Every token of the user is revoked (as on sign-out, at once "
            + "on this replica and within 15 s everywhere), so other sessions end and the user signs in again. Wrong "
            + "current passwords count like failed sign-ins and lock the account for a while (429).")
    @APIResponse(responseCode = "204", description = "Changed; the user's tokens are revoked")
    @APIResponse(responseCode = "400", description = "Malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a user's token (an API credential has no password)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Wrong current password, or a new one too short",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many wrong current passwords; Retry-After says when",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response change(@Valid @NotNull PasswordChangeRequest request) {
        User user = currentUser().orElseThrow(() -> ProblemException.forbidden(
                "Only a signed-in user has a password to change"));
        String key = LoginThrottle.key("password-account", user.id.toString());
        OptionalLong locked = throttle.lockedFor(List.of(key));
        if (locked.isPresent()) {
            throw new ProblemException(Problem.of(429, "too-many-password-attempts", "Too Many Requests",
                    "Too many wrong passwords; try again in " + locked.getAsLong() + " seconds"),
                    Map.of("Retry-After", Long.toString(locked.getAsLong())));
        }
        if (!hasher.matches(request.currentPassword(), user.passwordHash)) {
            throttle.failed(key, policy.maxFailuresPerAccount());
            throw ProblemException.invalid("currentPassword", "is not your current password");
        }
        throttle.succeeded(key);
        user.passwordHash = hasher.hash(request.newPassword());
        user.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        revocations.revokeSubject(user.id.toString());
        return Response.noContent().build();
    }

    private Optional<User> currentUser() {
        String subject = access.subject();
        try {
            return User.<User>findByIdOptional(UUID.fromString(subject)).filter(u -> u.deactivatedAt == null);
        } catch (IllegalArgumentException | NullPointerException notAUser) {
            return Optional.empty();
        }
    }
}
