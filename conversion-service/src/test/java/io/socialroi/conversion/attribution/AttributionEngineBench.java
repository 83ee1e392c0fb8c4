package io.socialroi.conversion.attribution;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * A benchmark, not a test (run by {@code conversion-service/bench/engine-bench}, never by {@code ./mvnw verify}):
 * the compact engine ({@link Attribution}) against the per-touch BigDecimal computation ({@link ReferenceAttribution})
 * on 4,000 journeys of 12 touches (some touches sharing a time), per model, best of 15 runs, as a table.
 */
public final class AttributionEngineBench {

    private AttributionEngineBench() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        List<Journey> journeys = AttributionEngineTest.journeys(new Random(7), count, -12);
        Batch batch = Batch.of(journeys, GroupBy.POST);
        System.out.printf("%d journeys, %d touches, groupBy=post, best of 15%n%n", batch.size(), batch.touches);
        System.out.printf("| %-15s | %10s | %22s | %7s |%n", "model", "engine", "per-touch BigDecimal", "ratio");
        System.out.printf("| %-15s | %10s | %22s | %7s |%n", "---", "---:", "---:", "---:");
        for (AttributionModel model : AttributionModel.RULES) {
            long best = Long.MAX_VALUE;
            long bestReference = Long.MAX_VALUE;
            for (int i = 0; i < 15; i++) {
                long t0 = System.nanoTime();
                Attribution.compute(batch, model, BigDecimal.valueOf(7), GroupBy.POST, "EUR", 2);
                long t1 = System.nanoTime();
                ReferenceAttribution.compute(journeys, model, BigDecimal.valueOf(7), GroupBy.POST, "EUR", 2);
                long t2 = System.nanoTime();
                best = Math.min(best, t1 - t0);
                bestReference = Math.min(bestReference, t2 - t1);
            }
            System.out.printf("| %-15s | %7.2f ms | %19.2f ms | %6.1fx |%n", model, best / 1e6, bestReference / 1e6,
                    (double) bestReference / best);
        }
    }
}
