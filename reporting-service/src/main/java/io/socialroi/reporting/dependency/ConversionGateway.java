package io.socialroi.reporting.dependency;

import io.quarkus.cache.CacheResult;
import io.socialroi.common.workspace.ServiceTokens;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Attributed revenue and conversions for reports, cached for a few seconds per parameter set. */
@ApplicationScoped
public class ConversionGateway {

    public static final String SERVICE = "conversion-service";

    private final ConversionClient client;
    private final ServiceTokens tokens;

    public ConversionGateway(@RestClient ConversionClient client, ServiceTokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    @CacheResult(cacheName = "attribution")
    public Attribution attribution(AttributionQuery query) {
        return DependencyCall.guard(SERVICE, tokens, () -> fetch(query));
    }

    /** A read, so one quick retry; a timeout is not retried, since a slow service only gets slower. */
    @Timeout(1500)
    @Retry(maxRetries = 1, delay = 50, abortOn = TimeoutException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    @Bulkhead(32)
    Attribution fetch(AttributionQuery q) {
        return client.attribution(tokens.authorization(), q.workspaceId(), q.model(), q.lookbackDays(),
                q.halfLifeDays(), q.touchTypes(), q.from().toString(), q.to().toString(), q.groupBy());
    }
}
