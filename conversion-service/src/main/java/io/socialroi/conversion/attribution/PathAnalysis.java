package io.socialroi.conversion.attribution;

import io.socialroi.common.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Path analysis: the ordered paths of platforms or funnel stages before each first purchase of the period.
 *
 * <p>A first purchase is a customer's earliest PURCHASE ever (ties on time: the lower event id), as for
 * {@code newCustomers}; a purchase without a customer is never one. Its path is its counted touches (the report's
 * types, inside its lookback window) in time order (ties by event id, as the store keeps them), each as its platform
 * or funnel stage ("none" when the touch has none), with consecutive repeats collapsed (INSTAGRAM > INSTAGRAM > EMAIL
 * is INSTAGRAM > EMAIL). A path longer than {@code maxLength} steps keeps its first {@code maxLength - 2} steps,
 * {@link #ELISION} and its last step, so it has exactly {@code maxLength} steps and still says where the person came
 * from and what closed the sale; paths that agree there are one row.
 *
 * <p>The conversion rate of a path is its first purchases over its first purchases plus the non-converting journeys
 * (as DATA_DRIVEN reads them: {@link NonConverting}, people who convert after the period, and
 * {@link NeverConverting}, people engaged in it who never converted) with the same path, collapsed and elided the same way. Time to
 * convert: from the first counted touch to the purchase. Rows: by conversions, descending, then by path (step by step
 * in code point order, a prefix first), so the answer depends on the data only, never on the order it arrived in.
 */
public final class PathAnalysis {

    /** The step that stands for the steps left out of a long path. */
    public static final String ELISION = "…";
    private static final int RATIO_SCALE = 6;

    private PathAnalysis() {
    }

    /** A path's rows in the making. */
    private static final class Tally {

        final List<String> path;
        long conversions;
        BigDecimal revenue = BigDecimal.ZERO;
        long[] micros = new long[4];

        Tally(List<String> path) {
            this.path = path;
        }

        void add(BigDecimal amount, long toConvert) {
            if (conversions == micros.length) {
                micros = Arrays.copyOf(micros, micros.length * 2);
            }
            micros[(int) conversions++] = toConvert;
            revenue = revenue.add(amount);
        }
    }

    /**
     * @param batch the conversions of the period keyed by platform or funnel stage
     * @param nonConverting the non-converting journeys' keys, or null when none is known (a period open at the end)
     * @param captureDays how many days after the period the non-converting journeys' conversions were read from
     * @param extraNote added to the note (the never-converting journeys are incomplete), or null
     */
    public static PathReport compute(Batch batch, List<String[]> nonConverting, PathQuery query, String currency,
            int captureDays, String extraNote) {
        Map<List<String>, Tally> byPath = new HashMap<>();
        long firstPurchases = 0;
        BigDecimal total = BigDecimal.ZERO;
        long unattributed = 0;
        BigDecimal unattributedRevenue = BigDecimal.ZERO;
        List<Long> allMicros = new ArrayList<>();
        for (int j = 0; j < batch.size; j++) {
            if ((batch.flags[j] & Batch.NEW_CUSTOMER) == 0) {
                continue;
            }
            firstPurchases++;
            BigDecimal amount = batch.amounts[j];
            total = total.add(amount);
            int s = batch.start[j];
            int n = batch.start[j + 1] - s;
            if (n == 0) {
                unattributed++;
                unattributedRevenue = unattributedRevenue.add(amount);
                continue;
            }
            String[] keys = new String[n];
            for (int i = 0; i < n; i++) {
                keys[i] = batch.keys[batch.touchKey[s + i]];
            }
            long toConvert = batch.at[j] - batch.touchAt[s];
            allMicros.add(toConvert);
            byPath.computeIfAbsent(path(keys, query.maxLength()), Tally::new).add(amount, toConvert);
        }
        Map<List<String>, Long> notConverted = new HashMap<>();
        if (nonConverting != null) {
            for (String[] keys : nonConverting) {
                notConverted.merge(path(keys, query.maxLength()), 1L, Long::sum);
            }
        }
        List<Tally> tallies = new ArrayList<>(byPath.values());
        tallies.sort((a, b) -> a.conversions != b.conversions ? Long.compare(b.conversions, a.conversions)
                : comparePaths(a.path, b.path));
        List<PathReport.Row> rows = new ArrayList<>();
        for (Tally t : tallies.subList(0, Math.min(query.limit(), tallies.size()))) {
            long others = notConverted.getOrDefault(t.path, 0L);
            long[] times = Arrays.copyOf(t.micros, (int) t.conversions);
            rows.add(new PathReport.Row(String.join(" > ", t.path), label(t.path, query.by()), t.path,
                    t.path.contains(ELISION), t.conversions, Money.of(t.revenue, currency), ratio(t.conversions,
                    firstPurchases), others, t.conversions + others,
                    nonConverting == null ? null : ratio(t.conversions, t.conversions + others), median(times),
                    mean(times)));
        }
        long attributed = firstPurchases - unattributed;
        long others = nonConverting == null ? 0 : nonConverting.size();
        long[] times = allMicros.stream().mapToLong(Long::longValue).toArray();
        PathReport.Attributed withPath = new PathReport.Attributed(attributed,
                Money.of(total.subtract(unattributedRevenue), currency), ratio(attributed, firstPurchases),
                tallies.size(), others, attributed + others,
                nonConverting == null ? null : ratio(attributed, attributed + others),
                times.length == 0 ? null : median(times), times.length == 0 ? null : mean(times));
        return new PathReport(query.from(), query.to(), query.by().wireName(), query.lookbackDays(), query.touchTypes(),
                query.maxLength(), query.limit(), currency, rows, withPath,
                new PathReport.Count(unattributed, Money.of(unattributedRevenue, currency),
                        ratio(unattributed, firstPurchases)),
                new PathReport.Count(firstPurchases, Money.of(total, currency), ratio(firstPurchases, firstPurchases)),
                nonConverting == null ? OPEN_END_NOTE
                        : extraNote == null ? note(captureDays) : note(captureDays) + " " + extraNote);
    }

    /** The limit of the non-converting journeys, in the answer. */
    static String note(int captureDays) {
        return "Non-converting journeys are the people with counted touches in the period and no conversion of any "
                + "type in it: those who converted in the " + captureDays + " days after the period (from the "
                + "touchpoints captured for those conversions), and the actors engaged in the period who belong to no "
                + "converting person (from engagement-service; flagged actors left out). People who converted only "
                + "before the period, or later than that, are in neither.";
    }

    static final String OPEN_END_NOTE = "The period is open at the end, so no non-converting journey is known and "
            + "conversionRate is null.";

    /** The keys as a path: consecutive repeats collapsed, then elided past {@code maxLength} steps. */
    static List<String> path(String[] keys, int maxLength) {
        List<String> steps = new ArrayList<>(keys.length);
        for (String key : keys) {
            if (steps.isEmpty() || !steps.get(steps.size() - 1).equals(key)) {
                steps.add(key);
            }
        }
        if (steps.size() > maxLength) {
            List<String> kept = new ArrayList<>(steps.subList(0, maxLength - 2));
            kept.add(ELISION);
            kept.add(steps.get(steps.size() - 1));
            steps = kept;
        }
        return List.copyOf(steps);
    }

    static int comparePaths(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = JourneyView.compareCodePoints(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static String label(List<String> path, GroupBy by) {
        List<String> labels = new ArrayList<>(path.size());
        for (String step : path) {
            labels.add(ELISION.equals(step) ? step : by.label(step));
        }
        return String.join(" > ", labels);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATIO_SCALE,
                RoundingMode.HALF_EVEN);
    }

    /** Whole seconds of the median of microsecond durations (the mean of the two middle ones for an even count). */
    static long median(long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        BigDecimal middle = n % 2 == 1 ? BigDecimal.valueOf(sorted[n / 2])
                : BigDecimal.valueOf(sorted[n / 2 - 1]).add(BigDecimal.valueOf(sorted[n / 2])).divide(BigDecimal.TWO);
        return seconds(middle);
    }

    static long mean(long[] micros) {
        BigDecimal sum = BigDecimal.ZERO;
        for (long m : micros) {
            sum = sum.add(BigDecimal.valueOf(m));
        }
        return sum.divide(BigDecimal.valueOf(micros.length).multiply(BigDecimal.valueOf(1_000_000L)), 0,
                RoundingMode.HALF_EVEN).longValueExact();
    }

    private static long seconds(BigDecimal micros) {
        return micros.divide(BigDecimal.valueOf(1_000_000L), 0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
