package io.socialroi.conversion.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each model's credit on hand-computed journeys, at the report's scales (6 decimals, cents). */
class AttributionModelTest {

    static final OffsetDateTime CONVERSION = OffsetDateTime.parse("2026-11-20T12:00:00Z");
    static final BigDecimal SEVEN = BigDecimal.valueOf(7);
    /** Four touches 10, 7, 3 and 1 days before the conversion. */
    static final List<OffsetDateTime> FOUR = Stream.of(10, 7, 3, 1).map(CONVERSION::minusDays).toList();

    static List<String> credit(AttributionModel model, List<OffsetDateTime> touches) {
        return Allocation.split(BigDecimal.ONE, model.weights(touches, CONVERSION, SEVEN), 6).stream()
                .map(BigDecimal::toPlainString).toList();
    }

    static List<String> revenue(AttributionModel model, List<OffsetDateTime> touches, String amount) {
        return Allocation.split(new BigDecimal(amount), model.weights(touches, CONVERSION, SEVEN), 2).stream()
                .map(BigDecimal::toPlainString).toList();
    }

    @Test
    void firstAndLastTouchGiveEverythingToOneEnd() {
        assertEquals(List.of("1.000000", "0.000000", "0.000000", "0.000000"), credit(AttributionModel.FIRST_TOUCH, FOUR));
        assertEquals(List.of("0.000000", "0.000000", "0.000000", "1.000000"), credit(AttributionModel.LAST_TOUCH, FOUR));
        assertEquals(List.of("0.00", "0.00", "0.00", "100.00"), revenue(AttributionModel.LAST_TOUCH, FOUR, "100.00"));
    }

    @Test
    void linearSharesEquallyAndKeepsTheRoundingRemainder() {
        assertEquals(List.of("0.250000", "0.250000", "0.250000", "0.250000"), credit(AttributionModel.LINEAR, FOUR));
        List<OffsetDateTime> three = FOUR.subList(1, 4);
        // 1/3 each: the one unit lost by rounding goes to the latest touch.
        assertEquals(List.of("0.333333", "0.333333", "0.333334"), credit(AttributionModel.LINEAR, three));
        assertEquals(List.of("33.33", "33.33", "33.34"), revenue(AttributionModel.LINEAR, three, "100.00"));
    }

    @Test
    void positionBasedIsFortyTwentyForty() {
        assertEquals(List.of("0.400000", "0.100000", "0.100000", "0.400000"),
                credit(AttributionModel.POSITION_BASED, FOUR));
        assertEquals(List.of("40.00", "10.00", "10.00", "40.00"), revenue(AttributionModel.POSITION_BASED, FOUR, "100.00"));
        List<OffsetDateTime> five = Stream.of(20, 10, 7, 3, 1).map(CONVERSION::minusDays).toList();
        assertEquals(List.of("0.400000", "0.066666", "0.066667", "0.066667", "0.400000"),
                credit(AttributionModel.POSITION_BASED, five));
        assertEquals(List.of("0.500000", "0.500000"), credit(AttributionModel.POSITION_BASED, FOUR.subList(2, 4)));
        assertEquals(List.of("1.000000"), credit(AttributionModel.POSITION_BASED, FOUR.subList(3, 4)));
    }

    @Test
    void timeDecayHalvesTheWeightEveryHalfLife() {
        // Ages 10, 7, 3, 1 days, half-life 7: weights 2^(-10/7), 1/2, 2^(-3/7), 2^(-1/7), normalised
        // = 0.14740724, 0.19839543, 0.29481447, 0.35938287.
        assertEquals(List.of("0.147407", "0.198395", "0.294815", "0.359383"), credit(AttributionModel.TIME_DECAY, FOUR));
        assertEquals(List.of("14.74", "19.84", "29.48", "35.94"), revenue(AttributionModel.TIME_DECAY, FOUR, "100.00"));
        // A touch at the conversion and one a half-life earlier: 1 : 1/2, so 2/3 and 1/3.
        List<OffsetDateTime> two = List.of(CONVERSION.minusDays(7), CONVERSION);
        assertEquals(List.of("0.333333", "0.666667"), credit(AttributionModel.TIME_DECAY, two));
        List<BigDecimal> halfDay = AttributionModel.TIME_DECAY.weights(two, CONVERSION, new BigDecimal("3.5"));
        assertEquals(List.of("0.200000", "0.800000"), Allocation.split(BigDecimal.ONE, halfDay, 6).stream()
                .map(BigDecimal::toPlainString).toList());
    }

    @Test
    void creditIsConservedOverManyJourneys() {
        java.util.Random random = new java.util.Random(42);
        for (AttributionModel model : AttributionModel.RULES) {
            List<Journey> journeys = new java.util.ArrayList<>();
            for (int j = 0; j < 300; j++) {
                int n = random.nextInt(12);
                List<Journey.Touch> touches = new java.util.ArrayList<>();
                for (int i = 0; i < n; i++) {
                    touches.add(new Journey.Touch(CONVERSION.minusMinutes(random.nextInt(40_000)),
                            List.of("INSTAGRAM", "TIKTOK", "FACEBOOK").get(random.nextInt(3)), UUID.randomUUID(), null,
                            "TRUST"));
                }
                touches.sort(java.util.Comparator.comparing(Journey.Touch::occurredAt));
                boolean purchase = random.nextBoolean();
                journeys.add(new Journey(UUID.randomUUID(), !purchase, purchase, purchase && random.nextBoolean(),
                        purchase ? BigDecimal.valueOf(random.nextInt(100_000), 2) : BigDecimal.ZERO, CONVERSION,
                        touches));
            }
            for (GroupBy groupBy : GroupBy.values()) {
                Attribution.Result result = Attribution.compute(journeys, model, SEVEN, groupBy, "EUR", 2);
                Metrics sum = result.rows().stream().map(Attribution.Row::metrics).reduce(AttributionModelTest::plus)
                        .orElseThrow();
                assertEquals(0, sum.conversions().compareTo(result.attributed().conversions()), model + " " + groupBy);
                assertEquals(result.attributed().revenue(), sum.revenue(), model + " " + groupBy);
                assertEquals(0, sum.leads().compareTo(result.attributed().leads()));
                assertEquals(0, sum.purchases().compareTo(result.attributed().purchases()));
                assertEquals(0, sum.newCustomers().compareTo(result.attributed().newCustomers()));
                assertEquals(result.totals().revenue(), result.attributed().revenue().plus(result.unattributed().revenue()));
                assertEquals(0, result.totals().conversions().compareTo(BigDecimal.valueOf(300)));
            }
        }
    }

    @Test
    void conversionsWithoutTouchesAreUnattributedNotLost() {
        Journey touched = new Journey(UUID.randomUUID(), false, true, true, new BigDecimal("90.00"), CONVERSION,
                List.of(new Journey.Touch(CONVERSION.minusDays(2), "INSTAGRAM", null, null, "ACTION"),
                        new Journey.Touch(CONVERSION.minusDays(1), "TIKTOK", null, null, "TRUST")));
        Journey lonely = new Journey(UUID.randomUUID(), true, false, false, BigDecimal.ZERO, CONVERSION, List.of());
        Attribution.Result result = Attribution.compute(List.of(touched, lonely), AttributionModel.LINEAR, SEVEN,
                GroupBy.PLATFORM, "EUR", 2);
        assertEquals(List.of("INSTAGRAM", "TIKTOK"), result.rows().stream().map(Attribution.Row::key).toList());
        assertEquals("Instagram", result.rows().get(0).label());
        assertEquals("45.00", result.rows().get(0).metrics().revenue().amount().toPlainString());
        assertEquals(0, new BigDecimal("0.5").compareTo(result.rows().get(1).metrics().newCustomers()));
        assertEquals(0, BigDecimal.ONE.compareTo(result.unattributed().conversions()));
        assertEquals(0, BigDecimal.ONE.compareTo(result.unattributed().leads()));
        assertEquals(0, BigDecimal.ONE.compareTo(result.attributed().purchases()));
        assertEquals(0, new BigDecimal(2).compareTo(result.totals().conversions()));
        Attribution.Result byPost = Attribution.compute(List.of(touched), AttributionModel.FIRST_TOUCH, SEVEN,
                GroupBy.POST, "EUR", 2);
        assertEquals(List.of("none"), byPost.rows().stream().map(Attribution.Row::key).toList());
    }

    static Metrics plus(Metrics a, Metrics b) {
        return new Metrics(a.conversions().add(b.conversions()), a.revenue().plus(b.revenue()), a.leads().add(b.leads()),
                a.purchases().add(b.purchases()), a.newCustomers().add(b.newCustomers()));
    }
}
