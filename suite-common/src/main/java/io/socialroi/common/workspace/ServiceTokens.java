package io.socialroi.common.workspace;

import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.remote.RemotePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * This service's own bearer token for calls to other suite services, obtained from content-service with
 * the service's client credentials and reused until shortly before it expires. The token request is a POST under
 * the suite's one policy ({@link RemotePolicy}: never retried, content-service's circuit breaker, which a 4xx does
 * not trip); any failure, a refused credential (4xx) included, is a 503 naming content-service: the caller's
 * request is not at fault.
 */
@ApplicationScoped
public class ServiceTokens {

    static final String SERVICE = "content-service";

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

    /**
     * Runs a call made with this service's token: a 401 answer forgets the token (the callee may have rotated keys;
     * the next call fetches a new one) and goes on as it came, for the caller's {@link RemotePolicy} to map.
     */
    public <T> T forgettingOn401(Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 401) {
                invalidate();
            }
            throw e;
        }
    }

    private TokenResponse fetch() {
        String secret = clientSecret.orElseThrow(() -> ProblemException.unavailable(SERVICE,
                "suite.service-auth.client-secret is not configured"));
        try {
            return RemotePolicy.of(SERVICE).send(() -> content.token("client_credentials", clientId, secret));
        } catch (ProblemException e) {
            Problem p = e.problem();
            if (p.status() == 503) {
                throw new ProblemException(new Problem(p.type(), p.title(), 503,
                        "Could not obtain a service token: " + p.detail(), p.errors()), e.headers());
            }
            throw ProblemException.unavailable(SERVICE,
                    "Could not obtain a service token: " + SERVICE + " answered HTTP " + p.status());
        }
    }
}
