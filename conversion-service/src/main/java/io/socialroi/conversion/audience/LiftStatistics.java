package io.socialroi.conversion.audience;

/**
 * The statistics of a holdout lift, in plain double arithmetic (counts are exact; only the derived figures are
 * approximations, reported rounded). The difference is always exposed rate minus holdout rate.
 *
 * <ul>
 * <li>Each group's rate gets a Wilson score interval; the difference gets Newcombe's hybrid score interval
 * (Newcombe 1998, "method 10"): {@code d - sqrt((p1-l1)^2 + (u2-p2)^2)} to {@code d + sqrt((u1-p1)^2 + (p2-l2)^2)}.
 * Unlike the Wald interval it stays inside [-1, 1] and behaves with rates near 0 and small groups.</li>
 * <li>The p-value is the two-proportion z-test's, two-sided, with the pooled rate:
 * {@code z = d / sqrt(p(1-p)(1/n1 + 1/n2))}, {@code p = erfc(|z| / sqrt 2)}. When nobody or everybody converted the
 * difference is 0 and the p-value 1.</li>
 * <li>The members needed to show a difference the size of the one observed: the normal-approximation sample size
 * for a two-sided test at 5% with 80% power, keeping the current ratio of holdout to exposed members.</li>
 * </ul>
 */
public final class LiftStatistics {

    /** The 97.5% quantile of the standard normal: a two-sided 95% interval. */
    public static final double Z_95 = 1.959963984540054;
    /** The 80% quantile of the standard normal: 80% power. */
    public static final double Z_POWER_80 = 0.8416212335729143;

    private LiftStatistics() {
    }

    /** A closed interval. */
    public record Interval(double lower, double upper) {
    }

    /** The Wilson score interval of {@code converted / members} at {@code z} (members > 0). */
    public static Interval wilson(long converted, long members, double z) {
        if (members <= 0 || converted < 0 || converted > members) {
            throw new IllegalArgumentException("need 0 <= converted <= members and members > 0");
        }
        double n = members;
        double p = converted / n;
        double z2 = z * z;
        double centre = p + z2 / (2 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double denominator = 1 + z2 / n;
        // At 0 and n the bounds are 0 and 1 exactly (the formula lands there up to rounding).
        double lower = converted == 0 ? 0 : (centre - spread) / denominator;
        double upper = converted == members ? 1 : (centre + spread) / denominator;
        return new Interval(lower, upper);
    }

    /** Newcombe's hybrid score interval for {@code x1/n1 - x2/n2} at 95%. */
    public static Interval newcombe(long x1, long n1, long x2, long n2) {
        Interval a = wilson(x1, n1, Z_95);
        Interval b = wilson(x2, n2, Z_95);
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double d = p1 - p2;
        double lower = d - Math.sqrt(square(p1 - a.lower()) + square(b.upper() - p2));
        double upper = d + Math.sqrt(square(a.upper() - p1) + square(p2 - b.lower()));
        return new Interval(Math.max(-1, lower), Math.min(1, upper));
    }

    /** The pooled two-proportion z statistic; 0 when the pooled rate is 0 or 1 (no difference to see). */
    public static double zScore(long x1, long n1, long x2, long n2) {
        double pooled = (double) (x1 + x2) / (n1 + n2);
        if (pooled <= 0 || pooled >= 1) {
            return 0;
        }
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return ((double) x1 / n1 - (double) x2 / n2) / se;
    }

    /** The two-sided p-value of a standard normal statistic: {@code P(|Z| >= |z|) = erfc(|z| / sqrt 2)}. */
    public static double twoSidedP(double z) {
        return Math.min(1, erfc(Math.abs(z) / Math.sqrt(2)));
    }

    /**
     * The smallest of the four expected counts (converted and not, in each group) under the pooled rate: the z-test
     * and the interval are trusted only when it is at least 5.
     */
    public static double smallestExpected(long x1, long n1, long x2, long n2) {
        double pooled = (double) (x1 + x2) / (n1 + n2);
        return Math.min(Math.min(n1, n2) * pooled, Math.min(n1, n2) * (1 - pooled));
    }

    /**
     * Members of each group (exposed, holdout) a two-sided 5% test needs to detect rates {@code p1} against {@code p2}
     * with 80% power when holdout members are {@code ratio} times the exposed ones; null when the rates are equal.
     */
    public static long[] membersNeeded(double p1, double p2, double ratio) {
        double d = p1 - p2;
        if (d == 0 || ratio <= 0) {
            return null;
        }
        double pooled = (p1 + ratio * p2) / (1 + ratio);
        double a = Z_95 * Math.sqrt(pooled * (1 - pooled) * (1 + 1 / ratio));
        double b = Z_POWER_80 * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2) / ratio);
        double n1 = Math.ceil(square(a + b) / square(d));
        return new long[] {(long) n1, (long) Math.ceil(n1 * ratio)};
    }

    /**
     * The complementary error function for x >= 0 (negative x by symmetry), relative error below 1e-10: below 3 from
     * the series {@code erf(x) = 2/sqrt(pi) e^(-x^2) sum (2x^2)^n x / (2n+1)!!} (positive terms only), from 3 from
     * Laplace's continued fraction {@code erfc(x) = e^(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))}.
     */
    static double erfc(double x) {
        if (x < 0) {
            return 2 - erfc(-x);
        }
        if (x < 3) {
            double term = x;
            double sum = x;
            for (int n = 1; n < 200 && term > 1e-17 * sum; n++) {
                term *= 2 * x * x / (2 * n + 1);
                sum += term;
            }
            return 1 - 2 / Math.sqrt(Math.PI) * Math.exp(-x * x) * sum;
        }
        double t = x;
        for (int k = 80; k >= 1; k--) {
            t = x + (k / 2.0) / t;
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / t;
    }

    private static double square(double v) {
        return v * v;
    }
}
