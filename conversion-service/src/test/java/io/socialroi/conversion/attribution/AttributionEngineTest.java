package io.socialroi.conversion.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The compact engine ({@link Attribution}) gives exactly what the per-touch BigDecimal computation
 * ({@link ReferenceAttribution}) gives, on random journeys of every size, every model and grouping.
 */
class AttributionEngineTest {

    static final String[] PLATFORMS = {"INSTAGRAM", "TIKTOK", "FACEBOOK", null};
    static final String[] STAGES = {"ATTENTION", "INTEREST", "TRUST", "ACTION", null};

    /** Random journeys of 0..maxTouches touches (one in five without), or of exactly -maxTouches. */
    static List<Journey> journeys(Random random, int count, int maxTouches) {
        List<UUID> posts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            posts.add(new UUID(random.nextLong(), random.nextLong()));
        }
        OffsetDateTime base = OffsetDateTime.parse("2026-10-01T00:00:00Z");
        List<Journey> journeys = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            OffsetDateTime at = base.plusSeconds(random.nextInt(60 * 86_400)).plusNanos(random.nextInt(1_000_000) * 1000L);
            boolean purchase = random.nextInt(3) > 0;
            BigDecimal amount = purchase ? BigDecimal.valueOf(random.nextInt(random.nextBoolean() ? 100 : 10_000_000), 2)
                    : BigDecimal.ZERO;
            int n = maxTouches < 0 ? -maxTouches : random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(maxTouches);
            List<OffsetDateTime> times = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                times.add(random.nextInt(6) == 0 && !times.isEmpty() ? times.get(times.size() - 1)
                        : at.minusSeconds(random.nextInt(30 * 86_400)).minusNanos(random.nextInt(1_000) * 1000L));
            }
            times.sort(null);
            List<Journey.Touch> touches = new ArrayList<>();
            for (OffsetDateTime t : times) {
                UUID post = random.nextInt(10) == 0 ? null : posts.get(random.nextInt(posts.size()));
                touches.add(new Journey.Touch(t, PLATFORMS[random.nextInt(PLATFORMS.length)], post,
                        post == null ? null : posts.get(post.hashCode() & 7), STAGES[random.nextInt(STAGES.length)]));
            }
            journeys.add(new Journey(new UUID(random.nextLong(), random.nextLong()), !purchase, purchase,
                    purchase && random.nextBoolean(), amount, at, touches));
        }
        return journeys;
    }

    static String render(List<?> rows, Object attributed, Object unattributed, Object totals) {
        return rows + "\n" + attributed + "\n" + unattributed + "\n" + totals;
    }

    @Test
    void sameCreditAsThePerTouchComputation() {
        Random random = new Random(42);
        for (int round = 0; round < 30; round++) {
            List<Journey> journeys = journeys(random, 1 + random.nextInt(300), 1 + random.nextInt(25));
            BigDecimal halfLife = random.nextBoolean() ? BigDecimal.valueOf(7)
                    : BigDecimal.valueOf(1 + random.nextInt(36_500), 2);
            for (AttributionModel model : AttributionModel.RULES) {
                for (GroupBy groupBy : GroupBy.values()) {
                    for (int scale : new int[] {2, 0}) {
                        ReferenceAttribution.Result expected = ReferenceAttribution.compute(journeys, model, halfLife,
                                groupBy, scale == 2 ? "EUR" : "JPY", scale);
                        Attribution.Result actual = Attribution.compute(journeys, model, halfLife, groupBy,
                                scale == 2 ? "EUR" : "JPY", scale);
                        List<String> expectedRows = expected.rows().stream()
                                .map(r -> r.key() + "|" + r.label() + "|" + plain(r.metrics())).toList();
                        List<String> actualRows = actual.rows().stream()
                                .map(r -> r.key() + "|" + r.label() + "|" + plain(r.metrics())).toList();
                        assertEquals(render(expectedRows, plain(expected.attributed()), plain(expected.unattributed()),
                                plain(expected.totals())), render(actualRows, plain(actual.attributed()),
                                plain(actual.unattributed()), plain(actual.totals())), model + " " + groupBy);
                    }
                }
            }
        }
    }

    /** As the JSON shows a metric: credits without trailing zeros, money at its scale. */
    static String plain(Metrics m) {
        return m.conversions().stripTrailingZeros().toPlainString() + "," + m.revenue().amount().toPlainString() + ","
                + m.revenue().currency() + "," + m.leads().stripTrailingZeros().toPlainString() + ","
                + m.purchases().stripTrailingZeros().toPlainString() + ","
                + m.newCustomers().stripTrailingZeros().toPlainString();
    }
}
