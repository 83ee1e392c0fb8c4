package io.socialroi.content.user;

import io.socialroi.common.http.RateLimited;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.auth.TokenIssuer;
import io.socialroi.content.auth.TokenResponse;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sign-in of team members. The answer is the same token JSON as {@code /auth/token} (the dashboard keeps it
 * in memory and sends it as a bearer token to every service) plus an HttpOnly, SameSite=Strict cookie
 * holding the same token, which content-service accepts in place of the header.
 */
@Path("/auth")
@Tag(name = "Auth")
public class LoginResource {

    /** Name of the sign-in cookie; content-service reads tokens from it (mp.jwt.token.cookie). */
    public static final String COOKIE = "suite_token";

    private final UserStore users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final LoginPolicy policy;
    private final TokenIssuer issuer;

    public LoginResource(UserStore users, PasswordHasher hasher, LoginThrottle throttle, LoginPolicy policy,
            TokenIssuer issuer) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.policy = policy;
        this.issuer = issuer;
    }

    @POST
    @Path("/login")
    @PermitAll
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in with email and password",
            description = "Answers a bearer token scoped by the user's role and workspaces, and sets it as an "
                    + "HttpOnly, SameSite=Strict cookie. Repeated failures lock the email or address for a while, and "
                    + "sign-ins per email are rate limited (suite.rate-limit.login.per-minute / .burst).")
    @APIResponse(responseCode = "200", description = "Signed in",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Unknown email or wrong password",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Missing email or password",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many failed attempts, or too many sign-ins for this email "
            + "(rate limit, with RateLimit and RateLimit-Policy headers); see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response login(@Valid @NotNull LoginRequest request, @Context HttpServerRequest http) {
        String emailKey = "email:" + request.email().trim().toLowerCase(Locale.ROOT);
        String addressKey = "address:" + address(http);
        OptionalLong locked = throttle.lockedFor(List.of(emailKey, addressKey));
        if (locked.isPresent()) {
            throw new ProblemException(Problem.of(429, "too-many-login-attempts", "Too Many Requests",
                    "Too many failed sign-ins; try again in " + locked.getAsLong() + " seconds"),
                    Map.of("Retry-After", Long.toString(locked.getAsLong())));
        }
        Optional<User> found = users.byEmail(request.email());
        boolean valid = found.isPresent() ? hasher.matches(request.password(), found.get().passwordHash) : burn(request);
        if (!valid) {
            throttle.failed(emailKey, policy.maxFailuresPerEmail());
            throttle.failed(addressKey, policy.maxFailuresPerAddress());
            throw new ProblemException(Problem.of(401, "invalid-credentials", "Invalid credentials",
                    "Unknown email or wrong password"));
        }
        throttle.succeeded(emailKey);
        User user = found.get();
        TokenIssuer.IssuedToken token = issuer.issue(user.id.toString(), user.role.scopes(),
                user.role.boundToWorkspaces() ? user.workspaceIds : null, user.role.name());
        return Response.ok(new TokenResponse(token.token(), "Bearer", token.expiresIn()))
                .header("Cache-Control", "no-store")
                .cookie(cookie(token.token(), (int) token.expiresIn())).build();
    }

    @POST
    @Path("/logout")
    @PermitAll
    @Operation(summary = "Sign out", description = "Clears the sign-in cookie. Tokens already handed out stay "
            + "valid until they expire.")
    @APIResponse(responseCode = "204", description = "Cookie cleared")
    @APIResponse(responseCode = "413", description = "A body was sent and is too large (none is expected)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response logout() {
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    private boolean burn(LoginRequest request) {
        hasher.burn(request.password());
        return false;
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").httpOnly(true).secure(policy.secureCookie())
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }

    private static String address(HttpServerRequest http) {
        if (http == null || http.remoteAddress() == null) {
            return "unknown";
        }
        return http.remoteAddress().hostAddress();
    }
}
