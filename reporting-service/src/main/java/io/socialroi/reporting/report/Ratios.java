package io.socialroi.reporting.report;

import io.socialroi.common.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Divisions of reports. A zero (or unknown) denominator gives null, never an error or an infinity. Ratios
 * are rounded to 4 decimals and shown as plain JSON numbers; money per unit stays money.
 */
public final class Ratios {

    private Ratios() {
    }

    public static Double ratio(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }

    public static Double ratio(long numerator, long denominator) {
        return ratio(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    public static Money per(BigDecimal amount, BigDecimal units, String currency) {
        if (units == null || units.signum() == 0) {
            return null;
        }
        return Money.of(amount.divide(units, MathContext.DECIMAL64), currency);
    }

    /**
     * Converting people over engaged people, never above 1: a person who converted counts as engaged even when
     * engagement-service saw none of their engagement (a purchase through a shared link, a flagged actor), so the
     * denominator is {@code max(engagedActors, convertingPeople)}. Null when either is unknown or both are 0.
     */
    public static Double conversionRate(Long convertingPeople, Long engagedActors) {
        if (convertingPeople == null || engagedActors == null) {
            return null;
        }
        long converting = Math.max(0, convertingPeople);
        return ratio(converting, Math.max(Math.max(0, engagedActors), converting));
    }

    /** Fractional counts (shared credit) kept to 4 decimals. */
    public static BigDecimal count(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value.setScale(4, RoundingMode.HALF_EVEN);
    }
}
