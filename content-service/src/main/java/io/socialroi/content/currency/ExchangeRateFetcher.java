package io.socialroi.content.currency;

import io.socialroi.common.auth.Scopes;
import io.socialroi.content.auth.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The guarded call to conversion-service (a bean of its own so the fault-tolerance interceptors apply):
 * a GET, so retried once on a connect failure or 5xx by the suite's one policy ({@link ExchangeRates}); a 2 s
 * timeout and the policy's circuit breaker keep a campaign write from hanging on a service that is down. 404 is an
 * answer (no rate), not a failure.
 */
@ApplicationScoped
public class ExchangeRateFetcher {

    private final ConversionClient client;
    private final TokenIssuer tokens;

    public ExchangeRateFetcher(@RestClient ConversionClient client, TokenIssuer tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    public Optional<ConversionClient.ExchangeRate> fetch(UUID workspaceId, String currency, LocalDate day) {
        String token = tokens.forWorkspace("content-service", List.of(Scopes.CONVERSIONS_READ), workspaceId).token();
        try {
            return Optional.of(client.rate("Bearer " + token, workspaceId, currency, day));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
