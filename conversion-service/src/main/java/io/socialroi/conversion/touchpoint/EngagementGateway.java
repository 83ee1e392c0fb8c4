package io.socialroi.conversion.touchpoint;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.workspace.ServiceTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import io.socialroi.conversion.audience.ActorPage;
import io.socialroi.conversion.audience.ActorQuery;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * One guarded call to engagement-service. The search is a read, so one retry is safe; the circuit breaker
 * makes an engagement-service outage fail fast instead of tying up a thread per request for the timeout.
 */
@ApplicationScoped
public class EngagementGateway {

    public static final String BREAKER = "engagement-service";

    private final EngagementClient client;
    private final ServiceTokens tokens;

    public EngagementGateway(@RestClient EngagementClient client, ServiceTokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    @Timeout(6000)
    @Retry(maxRetries = 1, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10000, skipOn = ProblemException.class)
    @CircuitBreakerName(BREAKER)
    public List<Touchpoint> touchpoints(UUID workspaceId, TouchpointQuery query) {
        TouchpointItems answer = client.touchpoints(tokens.authorization(), workspaceId, query);
        return answer == null || answer.items() == null ? List.of() : answer.items();
    }

    @Timeout(6000)
    @Retry(maxRetries = 1, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10000, skipOn = ProblemException.class)
    @CircuitBreakerName(BREAKER + "-actors")
    public ActorPage actors(UUID workspaceId, ActorQuery query) {
        ActorPage page;
        try {
            page = client.actors(tokens.authorization(), workspaceId, query);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (query.cursor() != null && (status == 400 || status == 422)) {
                throw ProblemException.invalid("cursor", "is not a cursor of this audience's members");
            }
            throw e;
        }
        return page == null ? new ActorPage(List.of(), null) : page;
    }

    /** Drops the cached service token, e.g. after engagement-service answered 401. */
    void forgetToken() {
        tokens.invalidate();
    }
}
