package io.socialroi.conversion.attribution;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an amount by weights into shares at a fixed scale that add up to the amount exactly (largest
 * remainder method): each share is rounded down, and the units left over go to the shares that lost the
 * most by rounding, later touchpoints first on ties. Credit is never created or lost by rounding.
 */
public final class Allocation {

    private static final MathContext PRECISION = new MathContext(34, RoundingMode.HALF_EVEN);

    private Allocation() {
    }

    public static List<BigDecimal> split(BigDecimal total, List<BigDecimal> weights, int scale) {
        int n = weights.size();
        List<BigDecimal> shares = new ArrayList<>(n);
        if (n == 0) {
            return shares;
        }
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.signum() <= 0) {
            throw new IllegalArgumentException("weights must add up to more than zero");
        }
        BigDecimal amount = total.setScale(scale, RoundingMode.HALF_EVEN);
        List<BigDecimal> lost = new ArrayList<>(n);
        BigDecimal given = BigDecimal.ZERO;
        for (BigDecimal weight : weights) {
            BigDecimal exact = amount.multiply(weight).divide(sum, PRECISION);
            BigDecimal floor = exact.setScale(scale, RoundingMode.FLOOR);
            shares.add(floor);
            lost.add(exact.subtract(floor));
            given = given.add(floor);
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        long left = amount.subtract(given).divide(unit, 0, RoundingMode.UNNECESSARY).longValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigDecimal>comparing(lost::get).reversed()
                .thenComparing(Comparator.<Integer>reverseOrder()));
        for (int k = 0; k < left; k++) {
            int i = order.get(k % n);
            shares.set(i, shares.get(i).add(unit));
        }
        return shares;
    }
}
