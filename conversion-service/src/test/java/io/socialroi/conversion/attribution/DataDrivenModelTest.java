package io.socialroi.conversion.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link DataDriven} against references written here: the Markov removal effects against value iteration
 * (x = r + Q x iterated to a fixed point, once per removed channel, no matrix inverse and no N_Sc / N_cc identity),
 * the Shapley values against the average marginal contribution over every order of the channels, and the credit
 * against the per-journey shares computed in doubles; conservation of credit in every rounding case (cents, whole
 * yen, thousandths of a dinar); the threshold. DataDrivenTest runs the worked example through the endpoints.
 */
class DataDrivenModelTest {

    static final OffsetDateTime AT = OffsetDateTime.parse("2026-10-15T12:00:00Z");

    /** Random journeys over {@code channels} posts: converting ones as Journey objects, non-converting as paths. */
    record Data(List<Journey> converting, List<String[]> nonConverting, List<UUID> posts) {

        Batch batch() {
            return Batch.of(converting, GroupBy.POST);
        }

        DataDriven.Paths paths() {
            return DataDriven.Paths.of(batch(), nonConverting);
        }
    }

    static Data random(Random random, int converting, int nonConverting, int channels, int maxLength) {
        List<UUID> posts = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            posts.add(new UUID(random.nextLong(), random.nextLong()));
        }
        // Channels convert at different rates, so the effects differ.
        List<Journey> journeys = new ArrayList<>();
        for (int j = 0; j < converting; j++) {
            int n = 1 + random.nextInt(maxLength);
            List<Journey.Touch> touches = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int c = Math.min(channels - 1, (int) Math.floor(Math.pow(random.nextDouble(), 1.7) * channels));
                touches.add(new Journey.Touch(AT.minusHours(n - i), "INSTAGRAM", posts.get(c), null, "ACTION"));
            }
            boolean purchase = random.nextInt(4) > 0;
            journeys.add(new Journey(new UUID(random.nextLong(), random.nextLong()), !purchase, purchase,
                    purchase && random.nextBoolean(), purchase ? BigDecimal.valueOf(random.nextInt(1_000_000), 2)
                    : BigDecimal.ZERO, AT, touches));
        }
        List<String[]> others = new ArrayList<>();
        for (int j = 0; j < nonConverting; j++) {
            String[] path = new String[1 + random.nextInt(maxLength)];
            for (int i = 0; i < path.length; i++) {
                path[i] = posts.get(random.nextInt(channels)).toString();
            }
            others.add(path);
        }
        return new Data(journeys, others, posts);
    }

    /** Value iteration: P(conversion from START), every transition into {@code removed} sent to NULL. */
    static double reference(DataDriven.Paths paths, String removed) {
        Map<String, Map<String, Double>> counts = new HashMap<>();
        for (int pass = 0; pass < 2; pass++) {
            for (String[] path : pass == 0 ? paths.converting() : paths.nonConverting()) {
                String from = "(start)";
                for (String channel : path) {
                    counts.computeIfAbsent(from, k -> new HashMap<>()).merge(channel, 1.0, Double::sum);
                    from = channel;
                }
                counts.computeIfAbsent(from, k -> new HashMap<>()).merge(pass == 0 ? "(conversion)" : "(null)", 1.0,
                        Double::sum);
            }
        }
        Map<String, Double> x = new HashMap<>();
        for (int iteration = 0; iteration < 200_000; iteration++) {
            double change = 0;
            for (Map.Entry<String, Map<String, Double>> state : counts.entrySet()) {
                if (state.getKey().equals(removed)) {
                    continue;
                }
                double out = state.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
                double value = 0;
                for (Map.Entry<String, Double> to : state.getValue().entrySet()) {
                    double next = to.getKey().equals("(conversion)") ? 1
                            : to.getKey().equals("(null)") || to.getKey().equals(removed) ? 0
                            : x.getOrDefault(to.getKey(), 0.0);
                    value += to.getValue() / out * next;
                }
                change = Math.max(change, Math.abs(value - x.getOrDefault(state.getKey(), 0.0)));
                x.put(state.getKey(), value);
            }
            if (change < 1e-15) {
                break;
            }
        }
        return x.get("(start)");
    }

    @Test
    void theWorkedExampleExactly() {
        List<String[]> converting = new ArrayList<>();
        List<String[]> non = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            converting.add(new String[] {"A", "B"});
        }
        for (int i = 0; i < 10; i++) {
            converting.add(new String[] {"A", "C"});
            non.add(new String[] {"B"});
            non.add(new String[] {"C"});
            non.add(new String[] {"A", "B"});
        }
        DataDriven.Learned markov = DataDriven.learn(new DataDriven.Paths(converting, non), DataDriven.Method.MARKOV,
                GroupBy.PLATFORM);
        assertEquals(new BigDecimal("0.500000"), markov.summary().conversionProbability());
        assertEquals(2.0 / 3, markov.weights().get("A").doubleValue(), 1e-12);
        assertEquals(2.0 / 3, markov.weights().get("B").doubleValue(), 1e-12);
        assertEquals(1.0 / 3, markov.weights().get("C").doubleValue(), 1e-12);
        assertEquals(0, markov.weights().get("A").compareTo(markov.weights().get("B")), "equal effects split as equals");
        DataDriven.Learned shapley = DataDriven.learn(new DataDriven.Paths(converting, non), DataDriven.Method.SHAPLEY,
                GroupBy.PLATFORM);
        assertEquals(List.of("A:15", "B:10", "C:5"), shapley.summary().effects().stream()
                .map(e -> e.key() + ":" + e.shapleyValue().stripTrailingZeros().toPlainString()).toList());
    }

    @Test
    void markovRemovalEffectsMatchValueIterationOnRandomJourneys() {
        Random random = new Random(19);
        for (int round = 0; round < 40; round++) {
            Data data = random(random, 30 + random.nextInt(300), random.nextInt(400), 2 + random.nextInt(9),
                    1 + random.nextInt(6));
            DataDriven.Paths paths = data.paths();
            DataDriven.Learned learned = DataDriven.learn(paths, DataDriven.Method.MARKOV, GroupBy.POST);
            double conversion = reference(paths, null);
            assertEquals(conversion, learned.summary().conversionProbability().doubleValue(), 5e-7 + 1e-12,
                    "round " + round);
            for (DataDriven.Channel channel : learned.summary().effects()) {
                double expected = 1 - reference(paths, channel.key()) / conversion;
                assertEquals(expected, learned.weights().get(channel.key()).doubleValue(), 1e-9,
                        "round " + round + " " + channel.key());
                assertEquals(BigDecimal.valueOf(expected).setScale(6, RoundingMode.HALF_EVEN).doubleValue(),
                        channel.removalEffect().doubleValue(), 1.0000001e-6);
            }
            // The credit: each journey's conversion shared by the effects of its distinct channels.
            Map<String, Double> expected = new HashMap<>();
            for (String[] path : paths.converting()) {
                Set<String> channels = new LinkedHashSet<>(List.of(path));
                double sum = channels.stream().mapToDouble(c -> learned.weights().get(c).doubleValue()).sum();
                for (String c : channels) {
                    expected.merge(c, learned.weights().get(c).doubleValue() / sum, Double::sum);
                }
            }
            Attribution.Result result = Attribution.compute(data.batch(), AttributionModel.DATA_DRIVEN,
                    BigDecimal.valueOf(7), GroupBy.POST, "EUR", 2, learned);
            for (Attribution.Row row : result.rows()) {
                assertEquals(expected.get(row.key()), row.metrics().conversions().doubleValue(),
                        1e-6 * paths.converting().size() + 1e-9, row.key());
            }
            assertEquals(expected.size(), result.rows().size());
        }
    }

    @Test
    void shapleyValuesMatchTheAverageOverEveryOrder() {
        Random random = new Random(12);
        for (int round = 0; round < 25; round++) {
            int channels = 2 + random.nextInt(6);
            Data data = random(random, 30 + random.nextInt(200), random.nextInt(50), channels, 1 + random.nextInt(5));
            DataDriven.Paths paths = data.paths();
            DataDriven.Learned learned = DataDriven.learn(paths, DataDriven.Method.SHAPLEY, GroupBy.POST);
            assertEquals("SHAPLEY", learned.summary().method());
            List<String> names = new ArrayList<>(new TreeSet<>(paths.converting().stream()
                    .flatMap(p -> List.of(p).stream()).toList()));
            Map<String, BigDecimal> brute = shapleyByOrders(paths.converting(), names);
            BigDecimal total = BigDecimal.ZERO;
            for (DataDriven.Channel channel : learned.summary().effects()) {
                assertEquals(brute.get(channel.key()).setScale(6, RoundingMode.HALF_EVEN), channel.shapleyValue(),
                        channel.key());
                // The closed form of this game: sum over journeys with c of 1 / (distinct channels in the journey).
                BigDecimal closed = BigDecimal.ZERO;
                for (String[] path : paths.converting()) {
                    Set<String> set = new TreeSet<>(List.of(path));
                    if (set.contains(channel.key())) {
                        closed = closed.add(BigDecimal.ONE.divide(BigDecimal.valueOf(set.size()), MathContext.DECIMAL128));
                    }
                }
                assertEquals(closed.setScale(6, RoundingMode.HALF_EVEN), channel.shapleyValue());
                total = total.add(brute.get(channel.key()));
            }
            // Efficiency: the values add up to v(every channel) = the converting journeys.
            assertEquals(0, total.setScale(20, RoundingMode.HALF_EVEN)
                    .compareTo(BigDecimal.valueOf(paths.converting().size()).setScale(20)));
        }
    }

    /** (1/k!) sum over orders of v(before + c) - v(before), v(S) = journeys whose channel set lies in S. */
    static Map<String, BigDecimal> shapleyByOrders(List<String[]> journeys, List<String> names) {
        Map<String, BigDecimal> sums = new HashMap<>();
        List<Set<String>> sets = journeys.stream().map(p -> (Set<String>) new TreeSet<>(List.of(p))).toList();
        long[] orders = {0};
        permute(new ArrayList<>(names), 0, order -> {
            orders[0]++;
            Set<String> before = new TreeSet<>();
            long v = 0;
            for (String c : order) {
                before.add(c);
                long next = sets.stream().filter(before::containsAll).count();
                sums.merge(c, BigDecimal.valueOf(next - v), BigDecimal::add);
                v = next;
            }
        });
        Map<String, BigDecimal> values = new HashMap<>();
        sums.forEach((c, s) -> values.put(c, s.divide(BigDecimal.valueOf(orders[0]), MathContext.DECIMAL128)));
        return values;
    }

    static void permute(List<String> items, int k, java.util.function.Consumer<List<String>> each) {
        if (k == items.size()) {
            each.accept(items);
            return;
        }
        for (int i = k; i < items.size(); i++) {
            java.util.Collections.swap(items, k, i);
            permute(items, k + 1, each);
            java.util.Collections.swap(items, k, i);
        }
    }

    @Test
    void shapleyAboveTwelveChannelsAnswersMarkovAndSaysWhy() {
        Data data = random(new Random(3), 200, 50, 13, 3);
        DataDriven.Learned learned = DataDriven.learn(data.paths(), DataDriven.Method.SHAPLEY, GroupBy.POST);
        assertEquals("MARKOV", learned.summary().method());
        assertEquals("SHAPLEY", learned.summary().requestedMethod());
        assertTrue(learned.summary().note().contains("at most 12 channels"), learned.summary().note());
        assertTrue(learned.summary().effects().stream().allMatch(e -> e.removalEffect() != null));
    }

    @Test
    void aboveAThousandChannelsTheCreditIsLinearWithANote() {
        Data data = random(new Random(8), 40, 1100, 1001, 1);
        List<String[]> everyChannel = new ArrayList<>();
        for (UUID post : data.posts()) {
            everyChannel.add(new String[] {post.toString()});
        }
        DataDriven.Learned learned = DataDriven.learn(new DataDriven.Paths(data.paths().converting(), everyChannel),
                DataDriven.Method.MARKOV, GroupBy.POST);
        assertEquals("LINEAR", learned.summary().method());
        assertEquals(1001, learned.summary().channels());
        assertTrue(learned.summary().note().startsWith("More than 1000 channels (1001)"), learned.summary().note());
        assertNull(learned.weights());
    }

    /**
     * Why never-converting journeys may come with consecutive repeats collapsed (NeverConverting asks engagement-service
     * so): a state repeating itself changes neither the Markov chain's absorption probabilities (the removal effects)
     * nor a journey's set of channels (Shapley). Random journeys, their non-converting paths as they are and collapsed:
     * the same weights, to the last digit.
     */
    @Test
    void collapsingRepeatsOfNonConvertingPathsChangesNoWeight() {
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            Data data = random(random, 30 + random.nextInt(120), random.nextInt(300), 2 + random.nextInt(5), 6);
            List<String[]> repeated = data.nonConverting().stream().map(p -> {
                List<String> out = new java.util.ArrayList<>();
                for (String step : p) {
                    for (int k = 0; k <= random.nextInt(3); k++) {
                        out.add(step);
                    }
                }
                return out.toArray(String[]::new);
            }).toList();
            List<String[]> collapsed = repeated.stream().map(p -> {
                List<String> out = new java.util.ArrayList<>();
                for (String step : p) {
                    if (out.isEmpty() || !out.get(out.size() - 1).equals(step)) {
                        out.add(step);
                    }
                }
                return out.toArray(String[]::new);
            }).toList();
            for (DataDriven.Method method : DataDriven.Method.values()) {
                DataDriven.Learned a = DataDriven.learn(DataDriven.Paths.of(data.batch(), repeated), method, GroupBy.POST);
                DataDriven.Learned b = DataDriven.learn(DataDriven.Paths.of(data.batch(), collapsed), method,
                        GroupBy.POST);
                assertEquals(a.summary().method(), b.summary().method());
                assertEquals(a.weights(), b.weights(), "round " + round + " " + method);
            }
        }
    }

    @Test
    void thirtyConvertingJourneysAreNeeded() {
        Data data = random(new Random(5), 30, 10, 4, 3);
        DataDriven.Paths thirty = data.paths();
        assertEquals("MARKOV", DataDriven.learn(thirty, DataDriven.Method.MARKOV, GroupBy.POST).summary().method());
        DataDriven.Paths twentyNine = new DataDriven.Paths(thirty.converting().subList(0, 29), thirty.nonConverting());
        DataDriven.Learned fallback = DataDriven.learn(twentyNine, DataDriven.Method.SHAPLEY, GroupBy.POST);
        assertEquals("LINEAR", fallback.summary().method());
        assertEquals(29, fallback.summary().convertingJourneys());
        assertEquals(10, fallback.summary().nonConvertingJourneys());
        assertTrue(fallback.summary().note().startsWith("Fewer than 30 converting journeys"));
        assertNull(fallback.weights());
    }

    /** Rows add up to attributed exactly, as under the rule models, in every rounding case they handle. */
    @Test
    void creditIsConservedInEveryCurrencyScale() {
        Random random = new Random(42);
        for (int round = 0; round < 12; round++) {
            List<Journey> generated = AttributionEngineTest.journeys(random, 40 + random.nextInt(300),
                    1 + random.nextInt(12));
            for (String[] currency : new String[][] {{"EUR", "2"}, {"JPY", "0"}, {"BHD", "3"}}) {
                int scale = Integer.parseInt(currency[1]);
                // Amounts in the workspace currency have its minor digits (as ConversionParser stores them).
                List<Journey> journeys = generated.stream().map(j -> new Journey(j.conversionId(), j.lead(),
                        j.purchase(), j.newCustomer(), j.amount().movePointRight(scale == 3 ? 1 : 0)
                        .setScale(scale, RoundingMode.HALF_EVEN), j.occurredAt(), j.touches())).toList();
                for (GroupBy groupBy : GroupBy.values()) {
                    Batch batch = Batch.of(journeys, groupBy);
                    for (DataDriven.Method method : DataDriven.Method.values()) {
                        List<String[]> non = random(random, 0, random.nextInt(100), 1, 4).nonConverting().stream()
                                .map(p -> new String[] {batch.keys[random.nextInt(batch.keys.length)]}).toList();
                        DataDriven.Learned learned = DataDriven.learn(DataDriven.Paths.of(batch, non), method,
                                groupBy);
                        Attribution.Result result = Attribution.compute(batch, AttributionModel.DATA_DRIVEN,
                                BigDecimal.valueOf(7), groupBy, currency[0], scale, learned);
                        Metrics sum = result.rows().stream().map(Attribution.Row::metrics)
                                .reduce(AttributionModelTest::plus).orElseThrow();
                        String what = method + " " + groupBy + " " + currency[0] + " " + learned.summary().method();
                        assertEquals(0, sum.conversions().compareTo(result.attributed().conversions()), what);
                        assertEquals(result.attributed().revenue(), sum.revenue(), what);
                        assertEquals(0, sum.leads().compareTo(result.attributed().leads()), what);
                        assertEquals(0, sum.purchases().compareTo(result.attributed().purchases()), what);
                        assertEquals(0, sum.newCustomers().compareTo(result.attributed().newCustomers()), what);
                        assertEquals(result.totals().revenue(),
                                result.attributed().revenue().plus(result.unattributed().revenue()), what);
                        for (Attribution.Row row : result.rows()) {
                            assertEquals(scale, row.metrics().revenue().amount().scale(), what);
                        }
                    }
                }
            }
        }
    }
}
