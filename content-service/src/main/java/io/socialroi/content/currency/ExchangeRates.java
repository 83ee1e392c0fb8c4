package io.socialroi.content.currency;

import io.quarkus.logging.Log;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.auth.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads a workspace's exchange rate from conversion-service, which owns the rates (CONTRACTS.md), with a
 * token content-service mints itself, bound to the one workspace with scope {@code conversions:read}.
 * A read, so it is retried once; a timeout and a circuit breaker keep a write from hanging on a service
 * that is down, and every failure is a 503 problem naming conversion-service (nothing is stored).
 */
@ApplicationScoped
public class ExchangeRates {

    static final String SERVICE = "conversion-service";

    private final ConversionClient client;
    private final TokenIssuer tokens;

    public ExchangeRates(@RestClient ConversionClient client, TokenIssuer tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    /** One unit of {@code currency} in the workspace currency on that local day; empty when the workspace has none. */
    public Optional<BigDecimal> rate(UUID workspaceId, String workspaceCurrency, String currency, LocalDate day) {
        Optional<ConversionClient.ExchangeRate> answer;
        try {
            answer = fetch(workspaceId, currency, day);
        } catch (TimeoutException e) {
            throw unavailable(SERVICE + " did not answer in time");
        } catch (CircuitBreakerOpenException e) {
            throw unavailable(SERVICE + " is failing; calls are paused for a few seconds");
        } catch (WebApplicationException e) {
            throw unavailable(SERVICE + " answered HTTP " + e.getResponse().getStatus());
        } catch (RuntimeException e) {
            throw unavailable(SERVICE + " is unreachable");
        }
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        ConversionClient.ExchangeRate rate = answer.get();
        if (rate.rate() == null || rate.rate().signum() <= 0 || !workspaceCurrency.equals(rate.workspaceCurrency())) {
            throw unavailable(SERVICE + " answered a rate this service cannot use: " + rate);
        }
        return Optional.of(rate.rate());
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 100, abortOn = {CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    Optional<ConversionClient.ExchangeRate> fetch(UUID workspaceId, String currency, LocalDate day) {
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

    private static ProblemException unavailable(String detail) {
        Log.warnf("Exchange rate lookup failed: %s", detail);
        return ProblemException.unavailable(SERVICE, detail + "; nothing was stored");
    }
}
