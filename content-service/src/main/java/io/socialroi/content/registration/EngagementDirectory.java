package io.socialroi.content.registration;

import io.socialroi.common.auth.Scopes;
import io.socialroi.common.remote.RemotePolicy;
import io.socialroi.content.auth.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Registers posts with engagement-service using a token content-service mints itself: a service token
 * (group {@code service}, the only kind the post directory accepts) bound to the one workspace with scope
 * {@code engagement:write}. Under the suite's one policy ({@link RemotePolicy}): the PUT is sent once (the outbox
 * retries with backoff), and engagement-service's circuit breaker, which a 4xx does not trip, stops the outbox
 * from queueing calls behind a service that is down. A failure is a 503 problem naming engagement-service (a
 * remote 400/404/409/422 its own status); the timeouts are the REST client's
 * ({@code quarkus.rest-client.engagement-service.*-timeout}).
 */
@ApplicationScoped
public class EngagementDirectory {

    static final String SERVICE = "engagement-service";

    private final EngagementClient client;
    private final TokenIssuer tokens;

    public EngagementDirectory(@RestClient EngagementClient client, TokenIssuer tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    public void register(UUID workspaceId, UUID postId, PostRegistration registration) {
        String token = tokens.forService(List.of(Scopes.ENGAGEMENT_WRITE), workspaceId).token();
        RemotePolicy.of(SERVICE).send(() -> {
            client.register("Bearer " + token, workspaceId, postId, registration);
            return null;
        });
    }
}
