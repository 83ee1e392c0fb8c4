package io.socialroi.content.currency;

import io.quarkus.logging.Log;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.remote.RemotePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a workspace's exchange rate from conversion-service, which owns the rates (CONTRACTS.md), with a
 * token content-service mints itself, bound to the one workspace with scope {@code conversions:read}.
 * Calls go through the suite's one policy and failure mapping ({@link RemotePolicy}): a timeout, open circuit,
 * 5xx or unreachable service is a 503 problem naming conversion-service, so the write that needed the rate stores
 * nothing; a remote 4xx other than 404 (no rate) passes through.
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
            answer = RemotePolicy.of(SERVICE).get(() -> fetcher.fetch(workspaceId, currency, day));
        } catch (ProblemException e) {
            if (e.problem().status() != 503) {
                throw e;
            }
            throw unavailable(e.problem().detail());
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
