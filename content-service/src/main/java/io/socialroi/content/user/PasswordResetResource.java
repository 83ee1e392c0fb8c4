package io.socialroi.content.user;

import io.socialroi.common.http.ClientAddress;
import io.socialroi.common.http.RateLimited;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.auth.RevocationStore;
import io.socialroi.content.auth.Secrets;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The user sets a new password with the token of a reset link an admin made ({@link UserPasswordResetResource}).
 * Open without a token, like {@code /auth/login}, and guarded like it: limited per client address
 * ({@code suite.rate-limit.reset.*}), and refused tokens count against the address in the same
 * {@link LoginThrottle} as failed sign-ins, so nobody can guess their way through tokens.
 */
@Path("/auth/password-reset")
@Tag(name = "Auth")
public class PasswordResetResource {

    /** What the reset page needs to offer the sign-in: whose password it was. */
    @Schema(example = "{\"userId\":\"4f0c8a4e-8d0b-4a54-9f6e-0f1c2b3a4d5e\",\"email\":\"giulia@rossi.example\"}")
    public record ResetDone(UUID userId, String email) {
    }

    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final LoginPolicy policy;
    private final RevocationStore revocations;

    public PasswordResetResource(PasswordHasher hasher, LoginThrottle throttle, LoginPolicy policy,
            RevocationStore revocations) {
        this.hasher = hasher;
        this.throttle = throttle;
        this.policy = policy;
        this.revocations = revocations;
    }

    @POST
    @PermitAll
    @RateLimited(RateLimited.By.ADDRESS)
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new password with a reset link's token", description = "The token of a link from "
            + "POST /users/{userId}/password-reset and a new password (the rules of POST /auth/password: at least 10 "
            + "characters). The link is used up, and every token the user holds is revoked (as on deactivate or a "
            + "password change: at once on this replica, within the revocation refresh everywhere), so the user signs "
            + "in again with the new password. Limited per client address like /auth/login (suite.rate-limit.reset.*); "
            + "refused tokens count like failed sign-ins from that address and lock it for a while (429). A new "
            + "password that breaks the rules (422) leaves the link usable.")
    @APIResponse(responseCode = "200", description = "Password set; the user's sessions are ended",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResetDone.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or a token that no link has",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The link was used already, has expired, was replaced by a "
            + "newer one, or its user was deactivated", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Missing token, or a new password too short or too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many refused tokens or requests from this address; see "
            + "Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public Response reset(@Valid @NotNull PasswordResetRequest request, @Context HttpServerRequest http) {
        String addressKey = LoginThrottle.key("reset-address", ClientAddress.of(http));
        OptionalLong locked = throttle.lockedFor(List.of(addressKey));
        if (locked.isPresent()) {
            throw new ProblemException(Problem.of(429, "too-many-reset-attempts", "Too Many Requests",
                    "Too many refused reset links; try again in " + locked.getAsLong() + " seconds"),
                    Map.of("Retry-After", Long.toString(locked.getAsLong())));
        }
        PasswordReset reset = PasswordReset.byTokenHash(Secrets.hash(request.token().trim()));
        if (reset == null) {
            throttle.failed(addressKey, policy.maxFailuresPerAddress());
            throw new ProblemException(Problem.of(400, "invalid-reset-link", "Invalid reset link",
                    "This is not a password reset link of this suite; ask an admin for a new one"));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        User user = User.findById(reset.userId);
        String gone = user == null || user.deactivatedAt != null ? "The user of this reset link is deactivated"
                : reset.unusableBecause(now);
        if (gone != null) {
            throttle.failed(addressKey, policy.maxFailuresPerAddress());
            throw new ProblemException(Problem.of(410, "reset-link-gone", "Reset link no longer valid",
                    gone + "; ask an admin for a new one"));
        }
        reset.usedAt = now;
        PasswordReset.supersedeOpen(user.id, now);
        user.passwordHash = hasher.hash(request.newPassword());
        user.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        revocations.revokeSubject(user.id.toString());
        // The owner proved themselves through the admin: a lock from guesses spread over many addresses ends.
        throttle.succeeded(LoginResource.everywhereKey(user.id));
        return Response.ok(new ResetDone(user.id, user.email)).header("Cache-Control", "no-store").build();
    }
}
