package io.socialroi.conversion.touchpoint;

import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.workspace.ServiceTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import io.socialroi.conversion.audience.ActorPage;
import io.socialroi.conversion.audience.ActorQuery;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The calls to engagement-service, each bounded by a timeout. Retries and the circuit breaker (an outage fails
 * fast instead of tying up a thread per request for the timeout) are the suite's one policy, applied by
 * {@link Engagement} ({@link io.socialroi.common.remote.RemotePolicy}: these are POST searches, never retried).
 */
@ApplicationScoped
public class EngagementGateway {

    /** The dependency's name in problems and its {@link io.socialroi.common.remote.RemotePolicy}. */
    public static final String BREAKER = "engagement-service";

    /**
     * The journeys search's own {@link io.socialroi.common.remote.RemotePolicy} (still named after engagement-service
     * in problems): slow searches at scale must not open the breaker that guards touchpoint capture.
     */
    public static final String JOURNEYS = "engagement-service (journeys)";

    private final EngagementClient client;
    private final EngagementClient.Journeys journeysClient;
    private final ServiceTokens tokens;

    public EngagementGateway(@RestClient EngagementClient client, @RestClient EngagementClient.Journeys journeysClient,
            ServiceTokens tokens) {
        this.client = client;
        this.journeysClient = journeysClient;
        this.tokens = tokens;
    }

    @Timeout(6000)
    public List<Touchpoint> touchpoints(UUID workspaceId, TouchpointQuery query) {
        TouchpointItems answer = client.touchpoints(tokens.authorization(), workspaceId, query);
        return answer == null || answer.items() == null ? List.of() : answer.items();
    }

    @Timeout(6000)
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

    /**
     * The never-converting journeys of a period: bounded by the {@code engagement-journeys} client's read timeout
     * (30 s; a whole period's events at 2M events take seconds), this a little above it.
     */
    @Timeout(32000)
    public JourneyPaths journeys(UUID workspaceId, JourneySearch search) {
        JourneyPaths answer = journeysClient.journeys(tokens.authorization(), workspaceId, search);
        return answer == null || answer.items() == null ? new JourneyPaths(List.of(), 0, 0, false, 0) : answer;
    }

    /** Drops the cached service token, e.g. after engagement-service answered 401. */
    void forgetToken() {
        tokens.invalidate();
    }
}
