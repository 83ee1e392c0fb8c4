package io.socialroi.conversion.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The statistics of the holdout lift against figures worked out by hand and against published ones. */
class LiftStatisticsTest {

    static final double Z = LiftStatistics.Z_95;

    /**
     * 30 of 100 exposed members converted, 15 of 100 held out. Worked by hand, z = 1.959964, z^2 = 3.841459:
     * <pre>
     * Wilson, 30/100: centre = 0.30 + 3.841459/200 = 0.3192073; spread = z * sqrt(0.21/100 + 3.841459/40000)
     *   = 1.959964 * sqrt(0.0021960365) = 0.0918476; denominator 1.0384146
     *   -> (0.2273597 / 1.0384146, 0.4110549 / 1.0384146) = (0.2189489, 0.3958485)
     * Wilson, 15/100: centre = 0.1692073; spread = 1.959964 * sqrt(0.1275/100 + 0.0000960365) = 0.0725726
     *   -> (0.0966347 / 1.0384146, 0.2417799 / 1.0384146) = (0.0930599, 0.2328356)
     * Newcombe: d = 0.15; lower = 0.15 - sqrt((0.30 - 0.2189489)^2 + (0.2328356 - 0.15)^2)
     *   = 0.15 - sqrt(0.0065693 + 0.0068617) = 0.15 - 0.1158923 = 0.0341077
     *   upper = 0.15 + sqrt((0.3958485 - 0.30)^2 + (0.15 - 0.0930599)^2) = 0.15 + sqrt(0.0091869 + 0.0032422)
     *   = 0.15 + 0.1114859 = 0.2614859
     * z-test: pooled p = 45/200 = 0.225; se = sqrt(0.225 * 0.775 * (2/100)) = sqrt(0.0034875) = 0.0590551;
     *   z = 0.15 / 0.0590551 = 2.5400025; two-sided p = 2 * (1 - Phi(2.5400025)) = 2 * 0.0055426 = 0.0110852
     * </pre>
     */
    @Test
    void intervalAndPValueOfKnownCountsMatchTheHandComputation() {
        LiftStatistics.Interval exposed = LiftStatistics.wilson(30, 100, Z);
        assertEquals(0.2189489, exposed.lower(), 1e-6);
        assertEquals(0.3958485, exposed.upper(), 1e-6);
        LiftStatistics.Interval holdout = LiftStatistics.wilson(15, 100, Z);
        assertEquals(0.0930599, holdout.lower(), 1e-6);
        assertEquals(0.2328356, holdout.upper(), 1e-6);
        LiftStatistics.Interval difference = LiftStatistics.newcombe(30, 100, 15, 100);
        assertEquals(0.0341077, difference.lower(), 1e-6);
        assertEquals(0.2614859, difference.upper(), 1e-6);
        double z = LiftStatistics.zScore(30, 100, 15, 100);
        assertEquals(2.5400025, z, 1e-6);
        assertEquals(0.0110852, LiftStatistics.twoSidedP(z), 1e-6);
    }

    /** Newcombe (1998), Statistics in Medicine 17:873, table II, method 10, to the four decimals published. */
    @Test
    void newcombeIntervalMatchesThePublishedExamples() {
        long[][] cases = {{56, 70, 48, 80}, {9, 10, 3, 10}, {6, 7, 2, 7}, {5, 56, 0, 29}, {0, 10, 0, 20},
            {10, 10, 0, 20}};
        double[][] published = {{0.0524, 0.3339}, {0.1705, 0.8090}, {0.0582, 0.8062}, {-0.0381, 0.1926},
            {-0.1611, 0.2775}, {0.6791, 1.0000}};
        for (int i = 0; i < cases.length; i++) {
            long[] c = cases[i];
            LiftStatistics.Interval ci = LiftStatistics.newcombe(c[0], c[1], c[2], c[3]);
            assertEquals(published[i][0], ci.lower(), 0.00005, "lower of case " + i);
            assertEquals(published[i][1], ci.upper(), 0.00005, "upper of case " + i);
        }
    }

    /** Standard normal tail areas from the tables: 1.96 -> 0.05, 2.5758 -> 0.01, 3.2905 -> 0.001, 0 -> 1. */
    @Test
    void twoSidedPValuesOfTheNormalTable() {
        assertEquals(0.0499958, LiftStatistics.twoSidedP(1.96), 1e-7);
        assertEquals(0.0499958, LiftStatistics.twoSidedP(-1.96), 1e-7);
        assertEquals(0.0100000, LiftStatistics.twoSidedP(2.5758293), 1e-7);
        assertEquals(0.0010000, LiftStatistics.twoSidedP(3.2905267), 1e-8);
        assertEquals(1.0, LiftStatistics.twoSidedP(0), 1e-15);
        // erfc(1) = 0.157299207050285, erfc(3) = 2.20904969985854e-5, erfc(6) = 2.15197367124989e-17.
        assertEquals(0.157299207050285, LiftStatistics.erfc(1), 1e-14);
        assertEquals(2.20904969985854e-5, LiftStatistics.erfc(3), 1e-18);
        assertEquals(2.15197367124989e-17, LiftStatistics.erfc(6), 1e-29);
        assertEquals(2.0, LiftStatistics.erfc(-10), 1e-15);
    }

    @Test
    void nobodyConvertingIsNoDifferenceNotAnError() {
        assertEquals(0, LiftStatistics.zScore(0, 10, 0, 20));
        assertEquals(1.0, LiftStatistics.twoSidedP(LiftStatistics.zScore(0, 10, 0, 20)));
        assertEquals(0, LiftStatistics.zScore(10, 10, 20, 20));
        assertNull(LiftStatistics.membersNeeded(0.2, 0.2, 1));
    }

    /**
     * 0.30 against 0.15, equal groups: pooled 0.225; (1.959964 * sqrt(2 * 0.225 * 0.775) + 0.841621 * sqrt(0.21 +
     * 0.1275))^2 / 0.15^2 = (1.959964 * 0.5905506 + 0.841621 * 0.5809475)^2 / 0.0225 = (1.1574579 + 0.4889376)^2
     * / 0.0225 = 2.7106185 / 0.0225 = 120.47 -> 121 each. With a holdout half the exposed group (ratio 0.5): pooled
     * (0.30 + 0.075) / 1.5 = 0.25; (1.959964 * sqrt(0.1875 * 3) + 0.841621 * sqrt(0.21 + 0.255))^2 / 0.0225 =
     * (1.4699730 + 0.5739100)^2 / 0.0225 = 185.66 -> 186 exposed and 93 held out.
     */
    @Test
    void membersNeededForTheObservedDifference() {
        long[] equal = LiftStatistics.membersNeeded(0.30, 0.15, 1);
        assertEquals(121, equal[0]);
        assertEquals(121, equal[1]);
        long[] half = LiftStatistics.membersNeeded(0.30, 0.15, 0.5);
        assertEquals(186, half[0]);
        assertEquals(93, half[1]);
    }

    static final UUID AUDIENCE = UUID.fromString("6c0f3e1a-2b4d-4e5f-8a9b-0c1d2e3f4a5b");
    static final OffsetDateTime T = OffsetDateTime.parse("2026-11-20T09:00:00Z");

    static Lift holdout(long x1, long n1, long x2, long n2) {
        return Lift.holdout(AUDIENCE, T, Lift.Group.of(n1, x1), Lift.Group.of(n2, x2), new BigDecimal("20"), T, T,
                Lift.Group.of(n1, x1), Lift.Group.of(n2, x2), 0, 0);
    }

    @Test
    void verdictsFollowSignificanceAndDirection() {
        Lift lift = holdout(30, 100, 15, 100);
        assertEquals(Lift.Verdict.LIFT, lift.verdict());
        assertEquals(new BigDecimal("0.1500"), lift.absoluteLift());
        assertEquals(new BigDecimal("1.0000"), lift.relativeLift());
        assertEquals(new BigDecimal("0.0341"), lift.confidenceInterval().lower());
        assertEquals(new BigDecimal("0.2615"), lift.confidenceInterval().upper());
        assertEquals("NEWCOMBE_WILSON", lift.confidenceInterval().method());
        assertEquals(new BigDecimal("0.01109"), lift.pValue());
        assertEquals("Retargeting raised conversion: 30.0% of the 100 exposed members converted after their first "
                + "exposure, against 15.0% of the 100 held-out members (+15.0 points, 95% CI +3.4 points to +26.1 "
                + "points; p = 0.01109).", lift.verdictText());
        assertNull(lift.membersNeeded());

        assertEquals(Lift.Verdict.NEGATIVE, holdout(15, 100, 30, 100).verdict());

        // 12/50 against 9/50: +6 points, CI -10.1 to +21.7, p = 0.4614: not yet; members needed per group from
        // the formula above with 0.24 and 0.18 (pooled 0.21): about 723 each.
        Lift notYet = holdout(12, 50, 9, 50);
        assertEquals(Lift.Verdict.NOT_YET_SIGNIFICANT, notYet.verdict());
        assertEquals(new BigDecimal("0.4614"), notYet.pValue());
        assertEquals(new BigDecimal("-0.1006"), notYet.confidenceInterval().lower());
        assertEquals(new BigDecimal("0.2174"), notYet.confidenceInterval().upper());
        assertEquals(723, notYet.membersNeeded().exposed());
        assertEquals(723, notYet.membersNeeded().holdout());
        assertTrue(notYet.verdictText().startsWith("Not yet significant: 24.0% of the 50 exposed"), notYet.verdictText());
        assertTrue(notYet.verdictText().endsWith("About 723 exposed and 723 held-out members would show it (80% power)."),
                notYet.verdictText());

        assertEquals(Lift.Verdict.NO_LIFT, holdout(9, 50, 12, 50).verdict());
        assertEquals(Lift.Verdict.NO_LIFT, holdout(0, 50, 0, 50).verdict());
        // 3 of 3 against 0 of 3: p = 0.014 by the z-test, but expected counts of 1.5 cannot carry it.
        Lift tiny = holdout(3, 3, 0, 3);
        assertTrue(tiny.pValue().doubleValue() < 0.05);
        assertEquals(Lift.Verdict.NOT_YET_SIGNIFICANT, tiny.verdict());
        assertTrue(tiny.verdictText().contains("too few conversions for the test to be trusted"), tiny.verdictText());
        assertEquals(Lift.Verdict.INSUFFICIENT_DATA, holdout(0, 0, 3, 10).verdict());
    }

    @Test
    void theHoldoutIsDecidedByMemberAndGrowsMonotonically() {
        UUID audience = UUID.randomUUID();
        for (int i = 0; i < 2000; i++) {
            String actor = "ig:" + i;
            int bucket = Holdout.bucket(audience, actor);
            assertTrue(bucket >= 0 && bucket < Holdout.BUCKETS);
            assertEquals(bucket, Holdout.bucket(audience, actor));
            if (Holdout.heldOut(audience, actor, new BigDecimal("10"))) {
                assertTrue(Holdout.heldOut(audience, actor, new BigDecimal("20")), actor);
            }
        }
        assertEquals(1250, Holdout.threshold(new BigDecimal("12.5")));
        assertEquals(0, Holdout.threshold(BigDecimal.ZERO));
    }
}
