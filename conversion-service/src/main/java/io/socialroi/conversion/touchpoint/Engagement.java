package io.socialroi.conversion.touchpoint;

import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.remote.RemoteFailures;
import io.socialroi.common.remote.RemotePolicy;
import io.socialroi.conversion.audience.ActorPage;
import io.socialroi.conversion.audience.ActorQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The engagement-service calls, with every failure turned into a 503 problem naming engagement-service.
 * A touchpoint search over any number of identifiers is split into requests of at most 1,000 ids (the
 * contract's limit), merged and ordered.
 */
@ApplicationScoped
public class Engagement {

    static final int MAX_IDS = 1000;

    private final EngagementGateway gateway;

    public Engagement(EngagementGateway gateway) {
        this.gateway = gateway;
    }

    public List<Touchpoint> touchpoints(UUID workspaceId, Collection<String> actorIds,
            Collection<String> clickIds, OffsetDateTime after, OffsetDateTime before) {
        List<String> actors = List.copyOf(actorIds);
        List<String> clicks = List.copyOf(clickIds);
        Map<String, Touchpoint> merged = new LinkedHashMap<>();
        int total = actors.size() + clicks.size();
        for (int start = 0; start < total; start += MAX_IDS) {
            int end = Math.min(total, start + MAX_IDS);
            List<String> actorPart = actors.subList(Math.min(start, actors.size()), Math.min(end, actors.size()));
            List<String> clickPart = clicks.subList(Math.max(0, start - actors.size()),
                    Math.max(0, end - actors.size()));
            TouchpointQuery query = new TouchpointQuery(actorPart, clickPart, before, after, null);
            for (Touchpoint t : call(workspaceId, query)) {
                merged.putIfAbsent(t.eventId(), t);
            }
        }
        List<Touchpoint> all = new ArrayList<>(merged.values());
        all.sort(Comparator.comparing(Touchpoint::occurredAt).thenComparing(Touchpoint::eventId));
        return all;
    }

    /** One page of engaged actors for an audience. */
    public ActorPage actors(UUID workspaceId, ActorQuery query) {
        return guarded(() -> gateway.actors(workspaceId, query));
    }

    /** The aggregated journeys of the actors engaged in a period except the ones named (a POST: never retried). */
    public JourneyPaths journeys(UUID workspaceId, JourneySearch search) {
        return guarded(EngagementGateway.JOURNEYS, () -> gateway.journeys(workspaceId, search));
    }

    private List<Touchpoint> call(UUID workspaceId, TouchpointQuery query) {
        return guarded(() -> gateway.touchpoints(workspaceId, query));
    }

    /**
     * Under the suite's one policy and failure mapping ({@link RemotePolicy}, {@link RemoteFailures}): the searches
     * are POSTs, so never retried; a 503 names engagement-service, a remote 4xx passes through.
     */
    private <T> T guarded(Supplier<T> call) {
        return guarded(EngagementGateway.BREAKER, call);
    }

    private <T> T guarded(String policy, Supplier<T> call) {
        try {
            return RemotePolicy.of(policy).send(() -> {
                try {
                    return call.get();
                } catch (WebApplicationException e) {
                    if (e.getResponse() != null && e.getResponse().getStatus() == 401) {
                        gateway.forgetToken();
                    }
                    throw e;
                }
            });
        } catch (ProblemException e) {
            Problem p = e.problem();
            if (p.status() != 503) {
                throw e;
            }
            throw new ProblemException(new Problem(p.type(), p.title(), p.status(),
                    p.detail() + "; nothing was computed from partial data", p.errors()), e.headers());
        }
    }
}
