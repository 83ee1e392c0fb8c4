package io.socialroi.engagement.summary;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the summary store loads the recently written workspaces at start (at most
 * {@code suite.snapshot.rollups.warm-limit}): a restarted replica then answers their first summaries from memory
 * instead of the seconds-long SQL. Past the limit it is ready anyway (SQL answers what is not loaded yet).
 */
@Readiness
@ApplicationScoped
public class SummaryStoreReadiness implements HealthCheck {

    private final RollupStore store;
    private final Duration limit;

    public SummaryStoreReadiness(RollupStore store,
            @ConfigProperty(name = "suite.snapshot.rollups.warm-limit", defaultValue = "60S") Duration limit) {
        this.store = store;
        this.limit = limit;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("summary-store").status(!store.warming(limit)).build();
    }
}
