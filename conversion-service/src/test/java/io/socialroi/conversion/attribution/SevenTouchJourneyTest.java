package io.socialroi.conversion.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * PRODUCT.md's models on one hand-computed journey of seven touches (the 7-10 a buyer typically needs),
 * and on the one- and two-touch edge cases, at the report's scales: credit to 6 decimals, revenue to cents,
 * rounding remainders by largest remainder (ties to the later touch), so every split adds up exactly.
 */
class SevenTouchJourneyTest {

    static final OffsetDateTime CONVERSION = OffsetDateTime.parse("2026-11-20T12:00:00Z");
    static final BigDecimal SEVEN = BigDecimal.valueOf(7);
    /** Touches 42, 35, 28, 21, 14, 7 and 0 days before the conversion: ages in whole half-lives of 7 days. */
    static final List<OffsetDateTime> JOURNEY = Stream.of(42, 35, 28, 21, 14, 7, 0).map(CONVERSION::minusDays).toList();

    static List<String> credit(AttributionModel model, List<OffsetDateTime> touches, BigDecimal halfLife) {
        return Allocation.split(BigDecimal.ONE, model.weights(touches, CONVERSION, halfLife), 6).stream()
                .map(BigDecimal::toPlainString).toList();
    }

    static List<String> revenue(AttributionModel model, List<OffsetDateTime> touches, BigDecimal halfLife,
            String amount) {
        return Allocation.split(new BigDecimal(amount), model.weights(touches, CONVERSION, halfLife), 2).stream()
                .map(BigDecimal::toPlainString).toList();
    }

    @Test
    void firstAndLastTouch() {
        assertEquals(List.of("1.000000", "0.000000", "0.000000", "0.000000", "0.000000", "0.000000", "0.000000"),
                credit(AttributionModel.FIRST_TOUCH, JOURNEY, SEVEN));
        assertEquals(List.of("0.000000", "0.000000", "0.000000", "0.000000", "0.000000", "0.000000", "1.000000"),
                credit(AttributionModel.LAST_TOUCH, JOURNEY, SEVEN));
        assertEquals(List.of("99.99", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"),
                revenue(AttributionModel.FIRST_TOUCH, JOURNEY, SEVEN, "99.99"));
    }

    @Test
    void linearIsOneSeventhEach() {
        // 1/7 = 0.142857 142857...: six units of 10^-6 floor to 0.142857, the leftover unit goes to the last.
        assertEquals(List.of("0.142857", "0.142857", "0.142857", "0.142857", "0.142857", "0.142857", "0.142858"),
                credit(AttributionModel.LINEAR, JOURNEY, SEVEN));
        // 100.00 / 7 = 14.2857...: 7 x 14.28 = 99.96, the 4 cents left go to the four latest touches.
        assertEquals(List.of("14.28", "14.28", "14.28", "14.29", "14.29", "14.29", "14.29"),
                revenue(AttributionModel.LINEAR, JOURNEY, SEVEN, "100.00"));
    }

    @Test
    void positionBasedIsFortyFourFourFourFourFourForty() {
        // 40% to t1 and t7, the middle 20% shared by five: 4% each.
        assertEquals(List.of("0.400000", "0.040000", "0.040000", "0.040000", "0.040000", "0.040000", "0.400000"),
                credit(AttributionModel.POSITION_BASED, JOURNEY, SEVEN));
        assertEquals(List.of("50.00", "5.00", "5.00", "5.00", "5.00", "5.00", "50.00"),
                revenue(AttributionModel.POSITION_BASED, JOURNEY, SEVEN, "125.00"));
    }

    @Test
    void timeDecayHalvesPerHalfLife() {
        // Half-life 7: weights 1/64, 1/32, ..., 1/2, 1 sum to 127/64, so shares are 1, 2, 4, ..., 64 over 127:
        // 0.0078740, 0.0157480, 0.0314960, 0.0629921, 0.1259842, 0.2519685, 0.5039370; floors sum to 0.999999
        // and the unit left goes to 32/127, whose remainder (0.504e-6) is the largest.
        assertEquals(List.of("0.007874", "0.015748", "0.031496", "0.062992", "0.125984", "0.251969", "0.503937"),
                credit(AttributionModel.TIME_DECAY, JOURNEY, SEVEN));
        assertEquals(List.of("1.00", "2.00", "4.00", "8.00", "16.00", "32.00", "64.00"),
                revenue(AttributionModel.TIME_DECAY, JOURNEY, SEVEN, "127.00"));
        // Half-life 3.5: every 7 days is two half-lives, shares 1, 4, 16, ..., 4096 over 5461.
        assertEquals(List.of("0.01", "0.04", "0.16", "0.64", "2.56", "10.24", "40.96"),
                revenue(AttributionModel.TIME_DECAY, JOURNEY, new BigDecimal("3.5"), "54.61"));
    }

    @Test
    void oneTouchGetsEverythingUnderEveryModel() {
        List<OffsetDateTime> one = List.of(CONVERSION.minusDays(20));
        for (AttributionModel model : AttributionModel.RULES) {
            assertEquals(List.of("1.000000"), credit(model, one, SEVEN), model.name());
            assertEquals(List.of("80.00"), revenue(model, one, SEVEN, "80.00"), model.name());
        }
    }

    @Test
    void twoTouches() {
        List<OffsetDateTime> two = List.of(CONVERSION.minusDays(7), CONVERSION);
        assertEquals(List.of("1.000000", "0.000000"), credit(AttributionModel.FIRST_TOUCH, two, SEVEN));
        assertEquals(List.of("0.000000", "1.000000"), credit(AttributionModel.LAST_TOUCH, two, SEVEN));
        assertEquals(List.of("0.500000", "0.500000"), credit(AttributionModel.LINEAR, two, SEVEN));
        assertEquals(List.of("0.500000", "0.500000"), credit(AttributionModel.POSITION_BASED, two, SEVEN));
        assertEquals(List.of("0.333333", "0.666667"), credit(AttributionModel.TIME_DECAY, two, SEVEN));
        // Half a cent each: the one cent goes to the later touch.
        assertEquals(List.of("0.00", "0.01"), revenue(AttributionModel.POSITION_BASED, two, SEVEN, "0.01"));
    }

    /**
     * A short half-life over old touches: 2^(-age/h) underflows to zero in floating point for every touch
     * (90 days at 0.05 days is 2^-1800), yet the shares are still defined, the youngest touch dominating.
     */
    @Test
    void timeDecayWithAShortHalfLifeOnOldTouchesStillSharesTheCredit() {
        List<OffsetDateTime> old = List.of(CONVERSION.minusDays(90), CONVERSION.minusDays(89).minusHours(23)
                .minusMinutes(12));
        // 48 minutes apart at a half-life of 72 minutes (0.05 days): 2^(-2/3) : 1.
        assertEquals(List.of("0.386488", "0.613512"), credit(AttributionModel.TIME_DECAY, old, new BigDecimal("0.05")));
        assertEquals(List.of("1.000000"), credit(AttributionModel.TIME_DECAY, old.subList(0, 1), new BigDecimal("0.01")));
    }
}
