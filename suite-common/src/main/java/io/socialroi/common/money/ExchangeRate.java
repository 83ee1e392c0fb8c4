package io.socialroi.common.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The suite's one rule for money in another currency than the workspace's. conversion-service owns the rates
 * (CONTRACTS.md: one unit of a currency in the workspace currency, per local day of the workspace); every service
 * that converts money (conversion values, campaign budgets, costs, the hourly rate) converts it here, the same way:
 * the amount times the rate exactly ({@link BigDecimal}, no intermediate rounding), then rounded once, half-even,
 * to the workspace currency's minor unit ({@link Money#of}).
 */
public final class ExchangeRate {

    private ExchangeRate() {
    }

    /**
     * Whether an answered rate can convert into {@code workspaceCurrency}: positive, and stated for that
     * workspace currency (a rate of another workspace currency, e.g. after the workspace's currency changed, is
     * not one).
     */
    public static boolean usable(BigDecimal rate, String rateWorkspaceCurrency, String workspaceCurrency) {
        return rate != null && rate.signum() > 0 && workspaceCurrency != null
                && workspaceCurrency.equals(rateWorkspaceCurrency);
    }

    /**
     * {@code money} in {@code workspaceCurrency}: rounded to its minor unit when it is already in it (the rate is
     * not used), else {@code amount x rate} rounded half-even to the workspace currency's minor unit.
     *
     * @param rate one unit of {@code money}'s currency in the workspace currency; must be positive when the
     *     currencies differ
     * @throws IllegalArgumentException when the currencies differ and the rate is missing or not positive
     */
    public static Money convert(Money money, BigDecimal rate, String workspaceCurrency) {
        Objects.requireNonNull(money, "money");
        Objects.requireNonNull(workspaceCurrency, "workspaceCurrency");
        if (workspaceCurrency.equals(money.currency())) {
            return Money.of(money.amount(), workspaceCurrency);
        }
        if (rate == null || rate.signum() <= 0) {
            throw new IllegalArgumentException("No usable rate from " + money.currency() + " to " + workspaceCurrency
                    + ": " + rate);
        }
        return Money.of(money.amount().multiply(rate), workspaceCurrency);
    }
}
