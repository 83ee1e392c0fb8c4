package io.socialroi.reporting.dependency;

import io.socialroi.common.workspace.ServiceTokens;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Attributed revenue and conversions for reports, through an {@link AnswerCache} per parameter set. */
@ApplicationScoped
public class ConversionGateway {

    public static final String SERVICE = "conversion-service";

    private final ConversionClient client;
    private final ServiceTokens tokens;
    private final AnswerCache<AttributionQuery, Attribution> answers;

    public ConversionGateway(@RestClient ConversionClient client, ServiceTokens tokens,
            ReportCacheSettings settings) {
        this.client = client;
        this.tokens = tokens;
        this.answers = new AnswerCache<>(SERVICE, q -> DependencyCall.guard(SERVICE, tokens, () -> fetch(q)),
                settings.dependencyWait(), settings.cacheFresh(), settings.cacheMaxAge(), settings.cacheEntries());
    }

    /** The answer, from the cache or a call; see {@link AnswerCache} for waiting, freshness and failures. */
    public Attribution attribution(AttributionQuery query) {
        return answers.get(query);
    }

    @PreDestroy
    void stop() {
        answers.close();
    }

    /**
     * Retries and the breaker are the suite's one policy ({@link DependencyCall}); the timeout bounds the
     * background call; a request waits for it only {@code suite.report.dependency-wait}.
     */
    @Timeout(30000)
    @Bulkhead(32)
    Attribution fetch(AttributionQuery q) {
        return client.attribution(tokens.authorization(), q.workspaceId(), q.model(), q.lookbackDays(),
                q.halfLifeDays(), q.touchTypes(), q.from().toString(), q.to().toString(), q.groupBy(), q.method());
    }
}
