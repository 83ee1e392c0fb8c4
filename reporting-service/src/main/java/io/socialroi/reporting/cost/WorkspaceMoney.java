package io.socialroi.reporting.cost;

import io.socialroi.common.money.Money;
import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.reporting.dependency.ExchangeRate;
import io.socialroi.reporting.dependency.ExchangeRateGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks money that is about to be stored for a workspace and brings it into the workspace's currency: present,
 * non-negative, no finer than its currency's minor unit (rounding silently would change what the client sent),
 * in a known ISO 4217 currency; in another currency than the workspace's only when conversion-service has the
 * workspace's exchange rate for that currency and day. Converted by the suite's one rule (suite-common
 * {@code ExchangeRate}, as conversion-service converts a conversion's value); the original is kept beside.
 */
@ApplicationScoped
public class WorkspaceMoney {

    private static final BigDecimal MAX = new BigDecimal("1000000000000");

    /**
     * Money in the workspace's currency, and what was sent when that was another currency.
     *
     * @param amount in the workspace's currency: what reports count
     * @param original as sent, or null when it was in the workspace's currency
     * @param rate one unit of the original currency in the workspace's, or null
     * @param rateDate the local day of that rate, or null
     */
    public record Converted(Money amount, Money original, BigDecimal rate, LocalDate rateDate) {
    }

    private final ExchangeRateGateway rates;

    public WorkspaceMoney(ExchangeRateGateway rates) {
        this.rates = rates;
    }

    /** {@code money} in the workspace's currency, converted with the rate of {@code day} when it is in another. */
    public Converted require(String field, Money money, UUID workspaceId, String workspaceCurrency, LocalDate day) {
        check(field, money);
        if (money.currency().equals(workspaceCurrency)) {
            return new Converted(io.socialroi.common.money.ExchangeRate.convert(money, null, workspaceCurrency), null,
                    null, null);
        }
        Optional<ExchangeRate> rate = rates.find(workspaceId, money.currency(), day);
        if (rate.isEmpty() || !io.socialroi.common.money.ExchangeRate.usable(rate.get().rate(),
                rate.get().workspaceCurrency(), workspaceCurrency)) {
            throw ProblemException.invalid(field + ".currency", "is not the workspace currency " + workspaceCurrency
                    + " and the workspace has no exchange rate for " + money.currency() + " on " + day
                    + " (set it on conversion-service: PUT /workspaces/" + workspaceId + "/exchange-rates/"
                    + money.currency() + "/" + day + ")");
        }
        Money converted = io.socialroi.common.money.ExchangeRate.convert(money, rate.get().rate(), workspaceCurrency);
        if (converted.amount().compareTo(MAX) >= 0) {
            throw ProblemException.invalid(field + ".amount", "must be less than " + MAX.toPlainString() + " "
                    + workspaceCurrency + " once converted");
        }
        return new Converted(converted, Money.of(money.amount(), money.currency()),
                rate.get().rate().stripTrailingZeros(), day);
    }

    /** The checks that need no rate; a 422 naming every failing part (amount first, as before). */
    static void check(String field, Money money) {
        List<FieldError> errors = new ArrayList<>();
        boolean code = money.currency() != null && money.currency().matches("[A-Z]{3}");
        Integer digits = code ? minorDigits(money.currency()) : null;
        if (money.amount() == null) {
            errors.add(new FieldError(field + ".amount", "is required"));
        } else if (money.amount().signum() < 0) {
            errors.add(new FieldError(field + ".amount", "must not be negative"));
        } else if (money.amount().compareTo(MAX) >= 0) {
            errors.add(new FieldError(field + ".amount", "must be less than " + MAX.toPlainString()));
        } else if (digits != null && money.amount().stripTrailingZeros().scale() > digits) {
            errors.add(new FieldError(field + ".amount", "must have at most " + digits + " decimals in "
                    + money.currency()));
        }
        if (money.currency() == null) {
            errors.add(new FieldError(field + ".currency", "is required"));
        } else if (!code) {
            errors.add(new FieldError(field + ".currency", "must be an ISO 4217 code like EUR"));
        } else if (digits == null) {
            errors.add(new FieldError(field + ".currency", "unknown ISO 4217 currency '" + money.currency() + "'"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static Integer minorDigits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
