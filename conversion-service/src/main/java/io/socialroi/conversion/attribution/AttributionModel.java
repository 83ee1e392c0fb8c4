package io.socialroi.conversion.attribution;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How one conversion's credit is shared among its touchpoints t1..tn (in time order), as PRODUCT.md
 * defines it. {@link #weights} gives relative weights; {@link Allocation} turns them into shares that add
 * up exactly.
 */
public enum AttributionModel {

    /** Everything to t1. */
    FIRST_TOUCH,
    /** Everything to tn. */
    LAST_TOUCH,
    /** 1/n each. */
    LINEAR,
    /** 2^(-age/halfLife), age = conversion time minus touch time, normalised. */
    TIME_DECAY,
    /** 40% t1, 40% tn, 20% shared by the middle ones; n=1: 100%; n=2: 50/50. */
    POSITION_BASED,
    /**
     * Learned from the workspace's own journeys ({@link DataDriven}): each conversion's credit shared among the
     * channels in it in proportion to their Markov removal effects (or Shapley values). Not a weight rule.
     */
    DATA_DRIVEN;

    /** The five rule models, in their order (what compare gives by default). */
    public static final List<AttributionModel> RULES = List.of(FIRST_TOUCH, LAST_TOUCH, LINEAR, TIME_DECAY,
            POSITION_BASED);

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    /**
     * Relative weights of the touchpoints (any positive scale), one per touch, in the touches' order; a rule model
     * only (DATA_DRIVEN's weights depend on every journey).
     */
    public List<BigDecimal> weights(List<OffsetDateTime> touches, OffsetDateTime conversionAt, BigDecimal halfLifeDays) {
        int n = touches.size();
        if (n == 0) {
            return List.of();
        }
        List<BigDecimal> weights = new ArrayList<>(Collections.nCopies(n, BigDecimal.ZERO));
        switch (this) {
            case FIRST_TOUCH -> weights.set(0, BigDecimal.ONE);
            case LAST_TOUCH -> weights.set(n - 1, BigDecimal.ONE);
            case LINEAR -> Collections.fill(weights, BigDecimal.ONE);
            case TIME_DECAY -> {
                // 2^(-age/h) scaled by 2^(youngest/h): the same shares once normalised, but the youngest touch
                // weighs 1, so a short half-life on old touches never underflows every weight to zero.
                double halfLifeSeconds = halfLifeDays.multiply(SECONDS_PER_DAY).doubleValue();
                double[] ages = new double[n];
                double youngest = Double.MAX_VALUE;
                for (int i = 0; i < n; i++) {
                    ages[i] = Math.max(0, Duration.between(touches.get(i), conversionAt).toMillis() / 1000.0);
                    youngest = Math.min(youngest, ages[i]);
                }
                for (int i = 0; i < n; i++) {
                    weights.set(i, BigDecimal.valueOf(Math.pow(2, -(ages[i] - youngest) / halfLifeSeconds)));
                }
            }
            case POSITION_BASED -> {
                if (n <= 2) {
                    Collections.fill(weights, BigDecimal.ONE);
                } else {
                    // 2(n-2) : 1 : ... : 1 : 2(n-2) sums to 5(n-2): ends get 40% each, the middle 20% together.
                    Collections.fill(weights, BigDecimal.ONE);
                    BigDecimal end = BigDecimal.valueOf(2L * (n - 2));
                    weights.set(0, end);
                    weights.set(n - 1, end);
                }
            }
            default -> throw new IllegalStateException(name());
        }
        return weights;
    }
}
