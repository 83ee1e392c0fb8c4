package io.socialroi.conversion.attribution;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the journey store loads the workspaces with recent conversions at start (at most
 * {@code suite.snapshot.journeys.warm-limit}): a restarted replica then answers their first reports from memory
 * instead of the SQL. Past the limit it is ready anyway (SQL answers what is not loaded yet).
 */
@Readiness
@ApplicationScoped
public class JourneyStoreReadiness implements HealthCheck {

    private final JourneyStore store;
    private final Duration limit;

    public JourneyStoreReadiness(JourneyStore store,
            @ConfigProperty(name = "suite.snapshot.journeys.warm-limit", defaultValue = "60S") Duration limit) {
        this.store = store;
        this.limit = limit;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("journey-store").status(!store.warming(limit)).build();
    }
}
