package io.socialroi.content.user;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.socialroi.common.http.ClientAddress;
import io.socialroi.common.http.RateLimited;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.auth.RevocationStore;
import io.socialroi.content.auth.TokenIssuer;
import io.socialroi.content.auth.TokenResponse;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
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
    private final RevocationStore revocations;
    private final JWTParser parser;

    public LoginResource(UserStore users, PasswordHasher hasher, LoginThrottle throttle, LoginPolicy policy,
            TokenIssuer issuer, RevocationStore revocations, JWTParser parser) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.policy = policy;
        this.issuer = issuer;
        this.revocations = revocations;
        this.parser = parser;
    }

    @POST
    @Path("/login")
    @PermitAll
    @RateLimited(RateLimited.By.ADDRESS)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in with email and password",
            description = "Answers a bearer token scoped by the user's role and workspaces, and sets it as an "
                    + "HttpOnly, SameSite=Strict cookie. Repeated failures for an account from one client address lock "
                    + "that account for that address only, repeated failures from one address (whatever the e-mails) "
                    + "lock that address, many failures for an account spread over addresses lock it for every address "
                    + "it has not signed in from lately, and sign-ins are rate limited per client address "
                    + "(suite.rate-limit.login.per-minute / .burst, shared by every replica). A deactivated user "
                    + "gets the same 401 as a wrong password.")
    @APIResponse(responseCode = "200", description = "Signed in",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(responseCode = "401", description = "Unknown email or wrong password")
    @APIResponse(responseCode = "422", description = "Missing email or password")
    @APIResponse(responseCode = "429", description = "Too many failed attempts from this address (for this account or "
            + "in all), or too many sign-ins from this address (rate limit, with RateLimit and RateLimit-Policy "
            + "headers); see Retry-After")
    public Response login(@Valid @NotNull LoginRequest request, @Context HttpServerRequest http) {
        String address = ClientAddress.of(http);
        String addressKey = LoginThrottle.key("login-address", address);
        Optional<User> found = users.byEmail(request.email());
        // Counted per account only for accounts that exist, and then only together with the address: failures
        // elsewhere never lock the owner out, and random e-mails add no rows.
        String accountKey = found.map(u -> LoginThrottle.key("login-account", u.id.toString(), address)).orElse(null);
        // The account's failures from every address: its lock holds for the addresses it never signed in from.
        String everywhereKey = found.map(u -> everywhereKey(u.id)).orElse(null);
        String knownKey = found.map(u -> LoginThrottle.key("login-known", u.id.toString(), address)).orElse(null);
        List<String> keys = new ArrayList<>(List.of(addressKey));
        if (accountKey != null) {
            keys.add(accountKey);
            if (!throttle.known(knownKey)) {
                keys.add(everywhereKey);
            }
        }
        OptionalLong locked = throttle.lockedFor(keys);
        if (locked.isPresent()) {
            throw new ProblemException(Problem.of(429, "too-many-login-attempts", "Too Many Requests",
                    "Too many failed sign-ins; try again in " + locked.getAsLong() + " seconds"),
                    Map.of("Retry-After", Long.toString(locked.getAsLong())));
        }
        boolean valid = found.isPresent() ? hasher.matches(request.password(), found.get().passwordHash)
                && found.get().deactivatedAt == null : burn(request);
        if (!valid) {
            throttle.failed(addressKey, policy.maxFailuresPerAddress());
            if (accountKey != null) {
                throttle.failed(accountKey, policy.maxFailuresPerAccount());
                throttle.failed(everywhereKey, policy.maxFailuresPerAccountEverywhere());
            }
            throw new ProblemException(Problem.of(401, "invalid-credentials", "Invalid credentials",
                    "Unknown email or wrong password"));
        }
        // Only the account's own count is cleared: signing in to one's own account must not wipe what an
        // address did against others.
        throttle.succeeded(accountKey);
        throttle.remember(knownKey);
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
    @Operation(summary = "Sign out", description = "Revokes the token of the sign-in cookie (and of the bearer header) "
            + "server-side, so it stops working on every service within the revocation refresh interval "
            + "(suite.revocation.refresh-every, 15 s; at once on this replica), and clears the cookie. Without a "
            + "valid token it only clears the cookie.")
    @APIResponse(responseCode = "204", description = "Token revoked (when one was sent) and cookie cleared")
    @APIResponse(responseCode = "413", description = "A body was sent and is too large (none is expected)")
    public Response logout(@CookieParam(COOKIE) String cookie, @HeaderParam("Authorization") String authorization) {
        revoke(cookie);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            revoke(authorization.substring(7).trim());
        }
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    /** Revokes a token this suite issued and that is still valid; anything else is ignored. */
    private void revoke(String token) {
        if (token == null || token.isBlank()) {
            return;
        }
        try {
            JsonWebToken verified = parser.parse(token);
            if (verified.getTokenID() != null) {
                revocations.revokeToken(verified.getTokenID(), Instant.ofEpochSecond(verified.getExpirationTime()));
            }
        } catch (ParseException e) {
            // Not a valid token of ours (expired, forged, garbage): nothing to revoke.
        }
    }

    private boolean burn(LoginRequest request) {
        hasher.burn(request.password());
        return false;
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").httpOnly(true).secure(policy.secureCookie())
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }

    /** The key of an account's failed sign-ins from every address (cleared by a password reset). */
    static String everywhereKey(java.util.UUID userId) {
        return LoginThrottle.key("login-account-everywhere", userId.toString());
    }
}
