package io.socialroi.content.currency;

import io.quarkus.logging.Log;
import io.socialroi.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Reads a workspace's exchange rate from conversion-service, which owns the rates (CONTRACTS.md), with a
 * token content-service mints itself, bound to the one workspace with scope {@code conversions:read}.
 * Every failure of {@link ExchangeRateFetcher} (timeout, open circuit, error status, unreachable) is a 503
 * problem naming conversion-service, so the write that needed the rate stores nothing.
 */
@ApplicationScoped
public class ExchangeRates {

    static final String SERVICE = "conversion-service";

    private final ExchangeRateFetcher fetcher;

    public ExchangeRates(ExchangeRateFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** One unit of {@code currency} in the workspace currency on that local day; empty when the workspace has none. */
    public Optional<BigDecimal> rate(UUID workspaceId, String workspaceCurrency, String currency, LocalDate day) {
        Optional<ConversionClient.ExchangeRate> answer;
        try {
            answer = fetcher.fetch(workspaceId, currency, day);
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
        if (!io.socialroi.common.money.ExchangeRate.usable(rate.rate(), rate.workspaceCurrency(), workspaceCurrency)) {
            throw unavailable(SERVICE + " answered a rate this service cannot use: " + rate);
        }
        return Optional.of(rate.rate());
    }

    private static ProblemException unavailable(String detail) {
        Log.warnf("Exchange rate lookup failed: %s", detail);
        return ProblemException.unavailable(SERVICE, detail + "; nothing was stored");
    }
}
