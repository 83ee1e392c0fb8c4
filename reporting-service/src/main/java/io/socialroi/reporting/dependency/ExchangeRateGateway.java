package io.socialroi.reporting.dependency;

import io.socialroi.common.workspace.ServiceTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Exchange rates, read from conversion-service, which owns them (one place, no copy here: a rate changed there
 * is the rate the next cost or setting is converted with). Asked while a write waits, so without a cache.
 */
@ApplicationScoped
public class ExchangeRateGateway {

    private final ConversionClient client;
    private final ServiceTokens tokens;

    public ExchangeRateGateway(@RestClient ConversionClient client, ServiceTokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    /**
     * The rate, or empty when the workspace has none for that currency and day (conversion-service's 404);
     * conversion-service down, slow or failing is a 503 naming it.
     */
    public Optional<ExchangeRate> find(UUID workspaceId, String currency, LocalDate day) {
        return DependencyCall.guard(ConversionGateway.SERVICE, tokens, () -> {
            try {
                return Optional.of(fetch(workspaceId, currency, day));
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 404) {
                    return Optional.<ExchangeRate>empty();
                }
                throw e;
            }
        });
    }

    /**
     * A short read on a write's path: 1.5 s; retries and the breaker as every dependency call
     * ({@link DependencyCall}: a 404 is an answer, neither retried nor counted against the circuit).
     */
    @Timeout(1500)
    @Bulkhead(32)
    ExchangeRate fetch(UUID workspaceId, String currency, LocalDate day) {
        return client.exchangeRate(tokens.authorization(), workspaceId, currency, day.toString());
    }
}
