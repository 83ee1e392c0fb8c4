package io.socialroi.conversion.audience;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.socialroi.conversion.attribution.Metrics;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What retargeting did for an audience's members. The first five fields are the observational comparison this
 * answer always had (kept for the clients that read it): members reached by retargeting (engagement with
 * retargeting=true in the window) versus those not reached, members ignoring excludeConverted, converted meaning a
 * conversion of theirs or of their customer since {@code since}. With a holdout ({@code method} HOLDOUT) the fields
 * after them compare exposed members after their first exposure with the randomised holdout over a matching window,
 * with a 95% interval, a p-value and a verdict (see the conversion-service README, "Lift with a holdout").
 */
@Schema(description = "Observational reached/notReached comparison (always), and with a holdout the randomised "
        + "comparison of exposed members after their first exposure against the holdout, with its statistics and verdict")
public record Lift(UUID audienceId, OffsetDateTime since, Group reached, Group notReached,
        @Schema(description = "reached rate / notReached rate - 1; null when no member who was not reached converted")
        BigDecimal lift,
        @Schema(description = "HOLDOUT: exposed against the randomised holdout; OBSERVATIONAL: the audience keeps no "
                + "holdout, only the reached/notReached comparison, which cannot show what retargeting caused")
        Method method,
        @JsonSerialize(using = Metrics.Plain.class) @Schema(type = SchemaType.NUMBER,
                description = "The audience's holdout share, 0..50") BigDecimal holdoutPercent,
        @Schema(description = "HOLDOUT: exposures count from here (the audience's creation); null otherwise")
        OffsetDateTime exposedFrom,
        @Schema(description = "HOLDOUT: the holdout's conversions count from here: the median first exposure of the "
                + "exposed members (the audience's creation when none was exposed); null otherwise")
        OffsetDateTime holdoutFrom,
        @Schema(description = "HOLDOUT: members outside the holdout with a retargeting engagement since exposedFrom; "
                + "converted: a conversion at or after their own first such engagement")
        Group exposed,
        @Schema(description = "HOLDOUT: the held-out members; converted: a conversion at or after holdoutFrom")
        Group holdout,
        @Schema(description = "HOLDOUT: held-out members with a retargeting engagement since exposedFrom anyway "
                + "(another audience, or exported before the share was raised); they stay in the holdout")
        Long holdoutReached,
        @Schema(description = "HOLDOUT: members outside the holdout not reached by retargeting yet; in neither group")
        Long notExposed,
        @Schema(description = "HOLDOUT: exposed rate - holdout rate (0.05 = 5 percentage points)") BigDecimal absoluteLift,
        @Schema(description = "HOLDOUT: exposed rate / holdout rate - 1; null when no held-out member converted")
        BigDecimal relativeLift,
        @Schema(description = "HOLDOUT: 95% interval of absoluteLift (Newcombe's hybrid score interval)")
        Interval confidenceInterval,
        @Schema(description = "HOLDOUT: two-sided p-value of the pooled two-proportion z-test (4 significant digits)")
        BigDecimal pValue,
        @Schema(description = "HOLDOUT: the z statistic") BigDecimal zScore,
        Verdict verdict,
        @Schema(description = "The verdict as a sentence for the client, with the figures")
        String verdictText,
        @Schema(description = "NOT_YET_SIGNIFICANT: members each group would need to show a difference the size of "
                + "the one observed (5% two-sided, 80% power, the current holdout ratio); null otherwise")
        Needed membersNeeded) {

    /** Members, how many converted, and the ratio. */
    public record Group(long members, long converted, BigDecimal conversionRate) {

        static Group of(long members, long converted) {
            return new Group(members, converted, rate(converted, members));
        }
    }

    /** An interval of the difference of rates. */
    @Schema(name = "LiftInterval")
    public record Interval(@Schema(description = "0.95") BigDecimal level,
            @Schema(description = "NEWCOMBE_WILSON: Newcombe's hybrid score interval from two Wilson intervals")
            String method, BigDecimal lower, BigDecimal upper) {
    }

    /** Group sizes for 80% power. */
    @Schema(name = "LiftMembersNeeded")
    public record Needed(long exposed, long holdout) {
    }

    @Schema(name = "LiftMethod")
    public enum Method {
        HOLDOUT, OBSERVATIONAL
    }

    /**
     * LIFT / NEGATIVE: significant (p < 0.05, the interval excludes 0, every expected count at least 5) and the
     * exposed converted more / less. NOT_YET_SIGNIFICANT: the exposed converted more, but not significantly.
     * NO_LIFT: they converted no more than the holdout, not significantly less. INSUFFICIENT_DATA: a group is empty.
     * NO_HOLDOUT: the audience keeps no holdout (observational comparison only).
     */
    @Schema(name = "LiftVerdict")
    public enum Verdict {
        LIFT, NEGATIVE, NOT_YET_SIGNIFICANT, NO_LIFT, INSUFFICIENT_DATA, NO_HOLDOUT
    }

    /** Significance level of the verdict. */
    static final double ALPHA = 0.05;
    /** Smallest expected count (converted or not, per group) for the normal approximation to be trusted. */
    static final double MIN_EXPECTED = 5;

    /** The answer of an audience without a holdout: the observational comparison, labelled as such. */
    static Lift observational(UUID audienceId, OffsetDateTime since, Group reached, Group notReached) {
        String text = "No holdout: this audience keeps no members back, so " + percent(reached.conversionRate())
                + " of the " + reached.members() + " members reached by retargeting converted against "
                + percent(notReached.conversionRate()) + " of the " + notReached.members() + " others, an "
                + "observational comparison that cannot tell what retargeting caused (the people it reaches are not "
                + "like the others). Give the audience a holdout share to measure lift.";
        return new Lift(audienceId, since, reached, notReached, relative(reached, notReached), Method.OBSERVATIONAL,
                BigDecimal.ZERO, null, null, null, null, null, null, null, null, null, null, null, Verdict.NO_HOLDOUT,
                text, null);
    }

    /** The answer of an audience with a holdout: exposed against holdout, with the statistics and the verdict. */
    static Lift holdout(UUID audienceId, OffsetDateTime since, Group reached, Group notReached, BigDecimal percent,
            OffsetDateTime exposedFrom, OffsetDateTime holdoutFrom, Group exposed, Group holdout, long holdoutReached,
            long notExposed) {
        BigDecimal observational = relative(reached, notReached);
        if (exposed.members() == 0 || holdout.members() == 0) {
            String text = exposed.members() == 0
                    ? "Not enough data: no member outside the holdout has been reached by retargeting since the "
                            + "audience was created, so there is nothing to compare with the " + holdout.members()
                            + " held-out members yet."
                    : "Not enough data: the holdout is empty (" + percent.stripTrailingZeros().toPlainString() + "% of " + (exposed.members() + notExposed)
                            + " members rounds to none); give the audience more members or a larger share.";
            return new Lift(audienceId, since, reached, notReached, observational, Method.HOLDOUT, percent, exposedFrom,
                    holdoutFrom, exposed, holdout, holdoutReached, notExposed, null, null, null, null, null,
                    Verdict.INSUFFICIENT_DATA, text, null);
        }
        long x1 = exposed.converted();
        long n1 = exposed.members();
        long x2 = holdout.converted();
        long n2 = holdout.members();
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double d = p1 - p2;
        LiftStatistics.Interval ci = LiftStatistics.newcombe(x1, n1, x2, n2);
        double z = LiftStatistics.zScore(x1, n1, x2, n2);
        double p = LiftStatistics.twoSidedP(z);
        boolean significant = p < ALPHA && (ci.lower() > 0 || ci.upper() < 0)
                && LiftStatistics.smallestExpected(x1, n1, x2, n2) >= MIN_EXPECTED;
        Verdict verdict = significant ? (d > 0 ? Verdict.LIFT : Verdict.NEGATIVE)
                : d > 0 ? Verdict.NOT_YET_SIGNIFICANT : Verdict.NO_LIFT;
        Needed needed = null;
        if (verdict == Verdict.NOT_YET_SIGNIFICANT) {
            long[] n = LiftStatistics.membersNeeded(p1, p2, (double) n2 / n1);
            needed = n == null ? null : new Needed(Math.max(n[0], n1), Math.max(n[1], n2));
        }
        String figures = percent(exposed.conversionRate()) + " of the " + n1 + " exposed members converted after "
                + "their first exposure, against " + percent(holdout.conversionRate()) + " of the " + n2
                + " held-out members (" + points(d) + ", 95% CI " + points(ci.lower()) + " to " + points(ci.upper())
                + "; p = " + significantDigits(p).toPlainString() + ")";
        String text = switch (verdict) {
            case LIFT -> "Retargeting raised conversion: " + figures + ".";
            case NEGATIVE -> "Retargeting lowered conversion: " + figures + ".";
            case NOT_YET_SIGNIFICANT -> "Not yet significant: " + figures + "; a difference this size could still be "
                    + "chance" + (p < ALPHA ? " (too few conversions for the test to be trusted)" : "")
                    + (needed == null ? "." : ". About " + needed.exposed() + " exposed and " + needed.holdout()
                            + " held-out members would show it (80% power).");
            default -> "No lift: " + figures + "; the exposed members converted no more than the holdout.";
        };
        return new Lift(audienceId, since, reached, notReached, observational, Method.HOLDOUT, percent, exposedFrom,
                holdoutFrom, exposed, holdout, holdoutReached, notExposed, decimal(d),
                relative(exposed, holdout), new Interval(new BigDecimal("0.95"), "NEWCOMBE_WILSON", decimal(ci.lower()),
                        decimal(ci.upper())), significantDigits(p),
                BigDecimal.valueOf(z).setScale(4, RoundingMode.HALF_EVEN), verdict, text, needed);
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
    }

    /** a's rate / b's rate - 1, from the rounded rates as this answer always did; null when b's rate is 0. */
    private static BigDecimal relative(Group a, Group b) {
        return b.conversionRate().signum() == 0 ? null
                : a.conversionRate().divide(b.conversionRate(), 4, RoundingMode.HALF_EVEN).subtract(BigDecimal.ONE);
    }

    private static BigDecimal decimal(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal significantDigits(double v) {
        return v == 0 ? BigDecimal.ZERO : new BigDecimal(v).round(new MathContext(4, RoundingMode.HALF_EVEN));
    }

    /** 0.3 -> "30.0%". */
    private static String percent(BigDecimal rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate.doubleValue() * 100);
    }

    /** 0.15 -> "+15.0 points". */
    private static String points(double difference) {
        return String.format(Locale.ROOT, "%+.1f points", difference * 100);
    }
}
