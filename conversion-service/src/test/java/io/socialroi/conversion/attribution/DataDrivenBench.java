package io.socialroi.conversion.attribution;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * A benchmark, not a test (never run by {@code ./mvnw verify}): DATA_DRIVEN's first computation, what a report pays
 * before the model is kept for its snapshot, on synthetic journeys (5,000 converting journeys of 1-12 touches and
 * 20,000 non-converting ones by default) for a growing number of channels; learning (transition counts and the one
 * (I - Q)^-1, or the 2^k coalitions) and the credit split, best of 5 runs, as a table.
 *
 * <pre>
 * java -cp conversion-service/target/test-classes:conversion-service/target/classes:suite-common/target/classes:$CP \
 *     io.socialroi.conversion.attribution.DataDrivenBench [converting] [nonConverting]
 * </pre>
 */
public final class DataDrivenBench {

    private DataDrivenBench() {
    }

    public static void main(String[] args) {
        int converting = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int nonConverting = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        System.out.printf("%d converting journeys (1-12 touches), %d non-converting (1-12 touches), best of 5%n%n",
                converting, nonConverting);
        System.out.printf("| %-8s | %8s | %11s | %12s | %10s | %14s |%n", "method", "channels", "learn",
                "credit split", "total", "LINEAR (same)");
        System.out.printf("| %-8s | %8s | %11s | %12s | %10s | %14s |%n", "---", "---:", "---:", "---:", "---:",
                "---:");
        Object[][] cases = {{"MARKOV", 5}, {"MARKOV", 12}, {"SHAPLEY", 5}, {"SHAPLEY", 12}, {"MARKOV", 50},
            {"MARKOV", 200}, {"MARKOV", 500}, {"MARKOV", 1000}, {"MARKOV", 2000}};
        for (Object[] c : cases) {
            DataDriven.Method method = DataDriven.Method.valueOf((String) c[0]);
            int channels = (Integer) c[1];
            DataDrivenModelTest.Data data = DataDrivenModelTest.random(new Random(channels), converting, nonConverting,
                    channels, 12);
            Batch batch = data.batch();
            List<String[]> non = data.nonConverting();
            long bestLearn = Long.MAX_VALUE;
            long bestSplit = Long.MAX_VALUE;
            long bestLinear = Long.MAX_VALUE;
            int runs = channels >= 1000 ? 2 : 5;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                DataDriven.Learned learned = DataDriven.learn(DataDriven.Paths.of(batch, non), method, GroupBy.POST);
                long t1 = System.nanoTime();
                Attribution.compute(batch, AttributionModel.DATA_DRIVEN, BigDecimal.valueOf(7), GroupBy.POST, "EUR", 2,
                        learned);
                long t2 = System.nanoTime();
                bestLearn = Math.min(bestLearn, t1 - t0);
                bestSplit = Math.min(bestSplit, t2 - t1);
                Attribution.compute(batch, AttributionModel.LINEAR, BigDecimal.valueOf(7), GroupBy.POST, "EUR", 2);
                bestLinear = Math.min(bestLinear, System.nanoTime() - t2);
            }
            System.out.printf("| %-8s | %8d | %8.1f ms | %9.1f ms | %7.1f ms | %11.1f ms |%n", method, channels,
                    bestLearn / 1e6, bestSplit / 1e6, (bestLearn + bestSplit) / 1e6, bestLinear / 1e6);
        }
    }
}
