package io.socialroi.content.auth;

import io.socialroi.common.auth.Scopes;
import io.socialroi.common.http.RateLimited;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final String adminClientId;
    private final String adminClientSecret;
    private final String serviceSecret;

    public TokenResource(TokenIssuer issuer,
            @ConfigProperty(name = "suite.admin.client-id", defaultValue = "") String adminClientId,
            @ConfigProperty(name = "suite.admin.client-secret", defaultValue = "") String adminClientSecret,
            @ConfigProperty(name = "suite.auth.service-secret", defaultValue = "") String serviceSecret) {
        this.issuer = issuer;
        this.adminClientId = adminClientId;
        this.adminClientSecret = adminClientSecret;
        this.serviceSecret = serviceSecret;
    }

    @POST
    @PermitAll
    @RateLimited
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public TokenResponse token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret) {
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

    /** One answer for unknown client, wrong secret and revoked credential, so none can be told apart. */
    private static ProblemException invalidClient() {
        return new ProblemException(Problem.of(401, "invalid-client", "Invalid client",
                "Unknown client or wrong secret"), Map.of("WWW-Authenticate", "Basic"));
    }
}
