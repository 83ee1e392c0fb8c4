package io.socialroi.content.user;

import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.idempotency.Idempotent;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.auth.Secrets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An agency admin makes a one-time password reset link for a user (issue 16, the agency app's Team view). No
 * e-mail server is assumed: the admin is shown the link once and hands it over. The user opens it in the web app
 * and sets a new password with {@code POST /auth/password-reset} ({@link PasswordResetResource}).
 */
@Path("/users/{userId}/password-reset")
@Tag(name = "Users")
@RolesAllowed(Scopes.ADMIN)
public class UserPasswordResetResource {

    /** The link made; {@code url} and {@code token} carry the secret and are shown only in this answer. */
    @Schema(example = "{\"id\":\"0b7e9c3a-52d4-4c4e-9a1f-3e2d1c0b9a87\",\"userId\":\"4f0c8a4e-8d0b-4a54-9f6e-0f1c2b3a4d5e\","
            + "\"email\":\"giulia@rossi.example\",\"url\":\"https://suite.example.com/app/#reset?token=kq3V0m1x2cJ4oZ6yH8pT5r"
            + "L7wN9eB0aD3fG5hJ7kM1s\",\"token\":\"kq3V0m1x2cJ4oZ6yH8pT5rL7wN9eB0aD3fG5hJ7kM1s\","
            + "\"expiresAt\":\"2026-11-23T09:00:00Z\"}")
    public record CreatedReset(UUID id, UUID userId, String email, String url, String token, Instant expiresAt) {
    }

    private final WorkspaceAccess access;
    private final Duration lifetime;
    private final String baseUrl;

    public UserPasswordResetResource(WorkspaceAccess access,
            @ConfigProperty(name = "suite.password-reset.lifetime", defaultValue = "PT24H") Duration lifetime,
            @ConfigProperty(name = "suite.password-reset.base-url", defaultValue = "http://127.0.0.1:8084/app/")
            String baseUrl) {
        this.access = access;
        this.lifetime = lifetime;
        this.baseUrl = baseUrl;
    }

    @POST
    @Idempotent
    @Transactional
    @Operation(summary = "Make a one-time password reset link for a user", description = "Answers a link to the web "
            + "app's reset page (suite.password-reset.base-url, the dashboard origin's /app/) carrying a random token, "
            + "shown only in this answer and stored as a SHA-256 hash. The link works once, until expiresAt "
            + "(suite.password-reset.lifetime, 24 h); a new link for the same user ends the previous one. Nothing "
            + "changes for the user until the link is used: the current password and sessions keep working.")
    @APIResponse(responseCode = "201", description = "The link, shown once",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreatedReset.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an agency admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The user is deactivated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "A body was sent and is too large (none is expected)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("userId") UUID userId) {
        User user = User.<User>findByIdOptional(userId).orElseThrow(() -> ProblemException.notFound("User " + userId));
        if (user.deactivatedAt != null) {
            throw ProblemException.conflict("User " + userId + " is deactivated; a reset link would not let them in");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        PasswordReset.supersedeOpen(user.id, now);
        String token = Secrets.random(32);
        PasswordReset reset = new PasswordReset();
        reset.id = UUID.randomUUID();
        reset.userId = user.id;
        reset.tokenHash = Secrets.hash(token);
        reset.createdBy = String.valueOf(access.subject());
        reset.createdAt = now;
        reset.expiresAt = now.plus(lifetime);
        reset.persist();
        String url = baseUrl + "#reset?token=" + token;
        return Response.status(201).header("Cache-Control", "no-store")
                .entity(new CreatedReset(reset.id, user.id, user.email, url, token, reset.expiresAt)).build();
    }
}
