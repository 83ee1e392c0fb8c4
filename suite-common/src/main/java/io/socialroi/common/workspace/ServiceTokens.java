package io.socialroi.common.workspace;

import io.socialroi.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * This service's own bearer token for calls to other suite services, obtained from content-service with
 * the service's client credentials and reused until shortly before it expires.
 */
@ApplicationScoped
public class ServiceTokens {

    private final ContentServiceClient content;
    private final String clientId;
    private final Optional<String> clientSecret;
    private volatile String token;
    private volatile Instant renewAt = Instant.EPOCH;

    public ServiceTokens(@RestClient ContentServiceClient content,
            @ConfigProperty(name = "suite.service-auth.client-id") String clientId,
            @ConfigProperty(name = "suite.service-auth.client-secret") Optional<String> clientSecret) {
        this.content = content;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** {@code "Bearer <jwt>"}, fetched anew when missing or within a minute of expiry. */
    public String authorization() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            synchronized (this) {
                if (token == null || Instant.now().isAfter(renewAt)) {
                    TokenResponse answer = fetch();
                    token = answer.accessToken();
                    renewAt = Instant.now().plusSeconds(Math.max(0, answer.expiresIn() - 60));
                }
            }
        }
        return "Bearer " + token;
    }

    /** Forgets the token, e.g. after a 401 from a service that rotated keys. */
    public void invalidate() {
        token = null;
    }

    private TokenResponse fetch() {
        String secret = clientSecret.orElseThrow(() -> ProblemException.unavailable("content-service",
                "suite.service-auth.client-secret is not configured"));
        try {
            return content.token("client_credentials", clientId, secret);
        } catch (RuntimeException e) {
            throw ProblemException.unavailable("content-service", "Could not obtain a service token: " + e.getMessage());
        }
    }
}
