package io.socialroi.reporting.dependency;

import io.socialroi.common.remote.RemotePolicy;
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
    /**
     * The learned model: its calls take seconds for a new period (conversion-service learns from the period's
     * journeys, engagement-service's included) and go on after a report stopped waiting for them, so they have a
     * bulkhead and a breaker of their own: a run of them (a person moving the period of a DATA_DRIVEN report) can
     * neither take the slots of the rule models' calls nor open the breaker that every other report goes through.
     */
    static final String LEARNED = "DATA_DRIVEN";

    private final ConversionClient client;
    private final ServiceTokens tokens;
    private final AnswerCache<AttributionQuery, Attribution> answers;

    public ConversionGateway(@RestClient ConversionClient client, ServiceTokens tokens,
            ReportCacheSettings settings) {
        this.client = client;
        this.tokens = tokens;
        RemotePolicy rules = RemotePolicy.of(SERVICE);
        RemotePolicy learned = RemotePolicy.of(SERVICE, LEARNED);
        this.answers = new AnswerCache<>(SERVICE, q -> LEARNED.equalsIgnoreCase(q.model())
                ? DependencyCall.guard(learned, tokens, () -> fetchLearned(q))
                : DependencyCall.guard(rules, tokens, () -> fetch(q)),
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
        return call(q);
    }

    /** DATA_DRIVEN ({@link #LEARNED}): at most 2 at a time; beyond that a 503 at once, never a queue. */
    @Timeout(30000)
    @Bulkhead(2)
    Attribution fetchLearned(AttributionQuery q) {
        return call(q);
    }

    private Attribution call(AttributionQuery q) {
        return client.attribution(tokens.authorization(), q.workspaceId(), q.model(), q.lookbackDays(),
                q.halfLifeDays(), q.touchTypes(), q.from().toString(), q.to().toString(), q.groupBy(), q.method());
    }
}
