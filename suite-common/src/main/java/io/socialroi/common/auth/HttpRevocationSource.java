package io.socialroi.common.auth;

import io.quarkus.arc.DefaultBean;
import io.socialroi.common.remote.RemotePolicy;
import io.socialroi.common.workspace.ContentServiceClient;
import io.socialroi.common.workspace.ServiceTokens;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads {@code GET /auth/revocations} from content-service with this service's own token, under the suite's one
 * policy ({@link RemotePolicy}: an idempotent GET, retried once on a connect failure or 5xx; content-service's
 * breaker). A failure is a 503 {@link io.socialroi.common.problem.ProblemException} naming content-service;
 * {@link Revocations} then keeps the last list read.
 */
@ApplicationScoped
@DefaultBean
public class HttpRevocationSource implements RevocationSource {

    static final String SERVICE = "content-service";

    private final ContentServiceClient content;
    private final ServiceTokens tokens;

    public HttpRevocationSource(@RestClient ContentServiceClient content, ServiceTokens tokens) {
        this.content = content;
        this.tokens = tokens;
    }

    @Override
    public RevocationList fetch() {
        String authorization = tokens.authorization();
        return RemotePolicy.of(SERVICE).get(() -> tokens.forgettingOn401(() -> content.revocations(authorization)));
    }
}
