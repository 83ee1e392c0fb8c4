package io.socialroi.content.registration;

import io.socialroi.common.auth.Scopes;
import io.socialroi.content.auth.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Registers posts with engagement-service using a token content-service mints itself: a service token
 * (group {@code service}, the only kind the post directory accepts) bound to the one workspace with scope
 * {@code engagement:write}. No retry here: the outbox retries with backoff, and the
 * circuit breaker stops it from queueing calls behind a service that is down.
 */
@ApplicationScoped
public class EngagementDirectory {

    private final EngagementClient client;
    private final TokenIssuer tokens;

    public EngagementDirectory(@RestClient EngagementClient client, TokenIssuer tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public void register(UUID workspaceId, UUID postId, PostRegistration registration) {
        String token = tokens.forService(List.of(Scopes.ENGAGEMENT_WRITE), workspaceId).token();
        client.register("Bearer " + token, workspaceId, postId, registration);
    }
}
