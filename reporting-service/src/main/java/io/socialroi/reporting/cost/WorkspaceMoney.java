package io.socialroi.reporting.cost;

import io.socialroi.common.money.Money;
import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Checks money that is about to be stored for a workspace: present, non-negative, no finer than the
 * currency's minor unit (rounding silently would change what the client sent), and in the workspace's own
 * currency. This service keeps no exchange rates, so any other currency is a 422.
 */
public final class WorkspaceMoney {

    private static final BigDecimal MAX = new BigDecimal("1000000000000");

    private WorkspaceMoney() {
    }

    public static Money require(String field, Money money, String workspaceCurrency) {
        List<FieldError> errors = new ArrayList<>();
        if (money.amount() == null) {
            errors.add(new FieldError(field + ".amount", "is required"));
        } else if (money.amount().signum() < 0) {
            errors.add(new FieldError(field + ".amount", "must not be negative"));
        } else if (money.amount().compareTo(MAX) >= 0) {
            errors.add(new FieldError(field + ".amount", "must be less than " + MAX.toPlainString()));
        } else if (money.amount().stripTrailingZeros().scale() > minorDigits(workspaceCurrency)) {
            errors.add(new FieldError(field + ".amount", "must have at most " + minorDigits(workspaceCurrency)
                    + " decimals in " + workspaceCurrency));
        }
        if (money.currency() == null) {
            errors.add(new FieldError(field + ".currency", "is required"));
        } else if (!money.currency().equals(workspaceCurrency)) {
            errors.add(new FieldError(field + ".currency", "must be the workspace currency " + workspaceCurrency
                    + "; no exchange rate is known for " + money.currency()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return Money.of(money.amount(), workspaceCurrency);
    }

    private static int minorDigits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }
}
