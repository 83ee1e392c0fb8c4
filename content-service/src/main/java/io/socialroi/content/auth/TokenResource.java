package io.socialroi.content.auth;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.socialroi.common.auth.Scopes;
import io.socialroi.common.http.ClientAddress;
import io.socialroi.common.http.RateLimited;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.user.LoginPolicy;
import io.socialroi.content.user.LoginThrottle;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /auth/token}: the OAuth 2 client-credentials grant for every caller of the suite. */
@Path("/auth/token")
@Tag(name = "Auth")
public class TokenResource {

    /** The suite's own services; they read any workspace but write nothing through their tokens. */
    static final Set<String> SERVICE_CLIENTS = Set.of("engagement-service", "conversion-service", "reporting-service");
    static final List<String> SERVICE_SCOPES = List.of(Scopes.SERVICE, Scopes.CONTENT_READ, Scopes.ENGAGEMENT_READ,
            Scopes.CONVERSIONS_READ, Scopes.REPORTS_READ);

    private final TokenIssuer issuer;
    private final LoginThrottle throttle;
    private final LoginPolicy policy;
    private final String adminClientId;
    private final String adminClientSecret;
    private final String serviceSecret;

    public TokenResource(TokenIssuer issuer, LoginThrottle throttle, LoginPolicy policy,
            @ConfigProperty(name = "suite.admin.client-id") Optional<String> adminClientId,
            @ConfigProperty(name = "suite.admin.client-secret") Optional<String> adminClientSecret,
            @ConfigProperty(name = "suite.auth.service-secret") Optional<String> serviceSecret) {
        // Optional: unset environment variables expand to nothing, which must mean "not configured", not a
        // start-up failure.
        this.issuer = issuer;
        this.throttle = throttle;
        this.policy = policy;
        this.adminClientId = adminClientId.orElse("");
        this.adminClientSecret = adminClientSecret.orElse("");
        this.serviceSecret = serviceSecret.orElse("");
    }

    @POST
    @PermitAll
    @RateLimited(RateLimited.By.ADDRESS)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    @Operation(summary = "Get a token (OAuth 2 client credentials)", description = "Form fields grant_type="
            + "client_credentials, client_id and client_secret. Rate limited per client address "
            + "(suite.rate-limit.token.per-minute / .burst, shared by every replica), never per client id: nobody "
            + "can spend a client's allowance without its secret. Repeated failures from one address lock that "
            + "address (suite.login.max-failures-per-address); a client with its right secret from another "
            + "address is not affected.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = TokenForm.class),
            example = "grant_type=client_credentials&client_id=ws_Xb3kQ9&client_secret=4f1c..."))
    @APIResponse(responseCode = "200", description = "The token",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "grant_type is not client_credentials")
    @APIResponse(responseCode = "401", description = "Unknown client, wrong secret or revoked credential (one answer for all)")
    @APIResponse(responseCode = "413", description = "The body is too large")
    @APIResponse(responseCode = "429", description = "Too many token requests, or too many failed ones, from this "
            + "address; see Retry-After, RateLimit and RateLimit-Policy")
    public TokenResponse token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret, @Context HttpServerRequest http) {
        String addressKey = LoginThrottle.key("token-address", ClientAddress.of(http));
        OptionalLong locked = throttle.lockedFor(List.of(addressKey));
        if (locked.isPresent()) {
            throw new ProblemException(Problem.of(429, "too-many-token-failures", "Too Many Requests",
                    "Too many failed token requests from this address; try again in " + locked.getAsLong()
                            + " seconds"), Map.of("Retry-After", Long.toString(locked.getAsLong())));
        }
        try {
            return authenticate(grantType, clientId, clientSecret);
        } catch (ProblemException e) {
            if (e.problem().status() == 401) {
                // Client secrets are 256 random bits: what is worth counting is an address that keeps failing,
                // not the client id it names, which would let anybody lock a victim out.
                throttle.failed(addressKey, policy.maxFailuresPerAddress());
            }
            throw e;
        }
    }

    private TokenResponse authenticate(String grantType, String clientId, String clientSecret) {
        if (!"client_credentials".equals(grantType)) {
            throw new ProblemException(Problem.of(400, "unsupported-grant-type", "Unsupported grant type",
                    "grant_type must be client_credentials"));
        }
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw invalidClient();
        }
        if (!adminClientId.isEmpty() && adminClientId.equals(clientId)) {
            if (!Secrets.equal(clientSecret, adminClientSecret)) {
                throw invalidClient();
            }
            List<String> scopes = new ArrayList<>();
            scopes.add(Scopes.ADMIN);
            scopes.addAll(Scopes.WORKSPACE_SCOPES);
            return TokenResponse.bearer(issuer.issue(clientId, scopes, null, null));
        }
        if (SERVICE_CLIENTS.contains(clientId)) {
            if (!Secrets.equal(clientSecret, serviceSecret)) {
                throw invalidClient();
            }
            return TokenResponse.bearer(issuer.issue(clientId, SERVICE_SCOPES, null, null));
        }
        Credential credential = Credential.findById(clientId);
        if (credential == null || credential.revokedAt != null || !Secrets.matches(clientSecret, credential.secretHash)) {
            throw invalidClient();
        }
        UUID workspace = credential.workspaceId;
        return TokenResponse.bearer(issuer.forWorkspace(clientId, credential.scopeList(), workspace));
    }

    /** The form of a token request, for the OpenAPI document. */
    @Schema(name = "TokenRequest")
    public record TokenForm(
            @Schema(required = true, enumeration = "client_credentials") String grant_type,
            @Schema(required = true, maxLength = 128) String client_id,
            @Schema(required = true, maxLength = 256) String client_secret) {
    }

    /** One answer for unknown client, wrong secret and revoked credential, so none can be told apart. */
    private static ProblemException invalidClient() {
        return new ProblemException(Problem.of(401, "invalid-client", "Invalid client",
                "Unknown client or wrong secret"), Map.of("WWW-Authenticate", "Basic"));
    }
}
