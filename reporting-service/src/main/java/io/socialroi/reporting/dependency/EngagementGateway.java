package io.socialroi.reporting.dependency;

import io.socialroi.common.workspace.ServiceTokens;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Engagement rollups for reports, through an {@link AnswerCache} per parameter set (see application.properties):
 * a dashboard asks the same question several times a minute, and rollups move slowly.
 */
@ApplicationScoped
public class EngagementGateway {

    public static final String SERVICE = "engagement-service";

    private final EngagementClient client;
    private final ServiceTokens tokens;
    private final AnswerCache<SummaryQuery, EngagementSummary> answers;

    public EngagementGateway(@RestClient EngagementClient client, ServiceTokens tokens,
            ReportCacheSettings settings) {
        this.client = client;
        this.tokens = tokens;
        this.answers = new AnswerCache<>(SERVICE, q -> DependencyCall.guard(SERVICE, tokens, () -> fetch(q)),
                settings.dependencyWait(), settings.cacheFresh(), settings.cacheMaxAge(), settings.cacheEntries());
    }

    /** The answer, from the cache or a call; see {@link AnswerCache} for waiting, freshness and failures. */
    public EngagementSummary summary(SummaryQuery query) {
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
    EngagementSummary fetch(SummaryQuery q) {
        return client.summary(tokens.authorization(), q.workspaceId(), q.from().toString(), q.to().toString(),
                q.groupBy(), q.campaignId() == null ? null : q.campaignId().toString());
    }
}
