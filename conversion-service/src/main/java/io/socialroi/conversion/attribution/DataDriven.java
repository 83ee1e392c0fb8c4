package io.socialroi.conversion.attribution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.socialroi.common.problem.Params;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The DATA_DRIVEN model: learns one weight per channel (a group key: post, platform, campaign or stage) from the
 * workspace's own journeys, then shares each converting journey's credit among the channels in it in proportion
 * to their weights ({@link Attribution}, with the largest-remainder split of the rule models, so credit is
 * conserved the same way).
 *
 * <p>{@link Method#MARKOV} (default): a first-order Markov chain with the states START, the channels, CONVERSION
 * and NULL, transition probabilities counted from the converting journeys (START, their counted touches,
 * CONVERSION) and the non-converting ones (START, touches, NULL). With Q the transient block (START and the
 * channels) and r the one-step probabilities into CONVERSION, N = (I - Q)^-1 is computed once (Gauss-Jordan in
 * place, no pivoting needed) and x = N r gives the probability to convert from each state; P(conversion) = x_START. The
 * removal effect of channel c is 1 - P(conversion without c) / P(conversion), where "without c" sends every
 * transition into c to NULL. By the strong Markov property P(conv without c) = x_S - h_Sc x_c, h_Sc = N_Sc / N_cc
 * the probability to ever reach c, so every removal effect comes from the one inverse: RE_c = N_Sc x_c / (N_cc x_S).
 *
 * <p>{@link Method#SHAPLEY}: exact Shapley values over the channels of the converting journeys (at most
 * {@link #SHAPLEY_MAX_CHANNELS}, else MARKOV with a note), characteristic function v(S) = the number of
 * converting journeys whose channel set is a subset of S. That game is a sum of one unanimity game per journey,
 * so the value equals the sum over journeys containing c of 1 / (channels in the journey); it is computed over the
 * coalitions anyway (2^k subsets, exact integers scaled by k!), which is what the tests check by brute force.
 *
 * <p>Fewer than {@link #MIN_CONVERTING} converting journeys (with at least one counted touch): LINEAR credit and a
 * note, since a few dozen paths make the transition estimates noise; LINEAR with a note too above
 * {@link #MARKOV_MAX_CHANNELS} channels (the dense inverse grows with their cube).
 */
public final class DataDriven {

    /** Converting journeys needed before anything is learned. */
    public static final int MIN_CONVERTING = 30;
    /** 2^12 = 4,096 coalitions; beyond that SHAPLEY answers with MARKOV and says so. */
    public static final int SHAPLEY_MAX_CHANNELS = 12;
    /**
     * Channels for which the dense (I - Q)^-1 stays within a report's first computation: 1,000 states are 8 MB and
     * about a second (DataDrivenBench); 2,000 took 15 s on the shared machine.
     */
    public static final int MARKOV_MAX_CHANNELS = 1000;

    private static final MathContext PRECISION = new MathContext(34, RoundingMode.HALF_EVEN);

    public enum Method {
        MARKOV, SHAPLEY;

        public static Method parse(String value) {
            return Params.enumValue("method", value, Method.class, MARKOV);
        }
    }

    /** The journeys learned from: each journey's channels (group keys) in time order. */
    public record Paths(List<String[]> converting, List<String[]> nonConverting) {

        /** The converting journeys of a batch that have a counted touch, and the non-converting ones given. */
        static Paths of(Batch batch, List<String[]> nonConverting) {
            List<String[]> converting = new ArrayList<>();
            for (int j = 0; j < batch.size; j++) {
                int s = batch.start[j];
                int n = batch.start[j + 1] - s;
                if (n > 0) {
                    String[] path = new String[n];
                    for (int i = 0; i < n; i++) {
                        path[i] = batch.keys[batch.touchKey[s + i]];
                    }
                    converting.add(path);
                }
            }
            return new Paths(converting, nonConverting);
        }
    }

    /** One channel of the model: its removal effect (MARKOV) or Shapley value (SHAPLEY). */
    @Schema(name = "DataDrivenChannel")
    public record Channel(String key, String label,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonSerialize(using = Metrics.Plain.class)
            @Schema(type = SchemaType.NUMBER, description = "1 - P(conversion without the channel) / P(conversion)")
            BigDecimal removalEffect,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonSerialize(using = Metrics.Plain.class)
            @Schema(type = SchemaType.NUMBER, description = "Shapley value in conversions") BigDecimal shapleyValue) {
    }

    /**
     * What the model learned, as the answer shows it: the method that gave the credit (MARKOV, SHAPLEY, or LINEAR
     * when it fell back), the one asked for, the journeys learned from, the channels and their effects, and a note
     * whenever the method used is not the one asked for.
     */
    @Schema(name = "DataDriven")
    public record Summary(
            @Schema(enumeration = {"MARKOV", "SHAPLEY", "LINEAR"}, description = "The method that gave the credit")
            String method,
            @Schema(enumeration = {"MARKOV", "SHAPLEY"}, description = "The method asked for") String requestedMethod,
            @Schema(minimum = "0", description = "Converting journeys of the period with a counted touch")
            long convertingJourneys,
            @Schema(minimum = "0", description = "People with touches in the period and no conversion in it: those "
                    + "who convert after it (their later conversions' captured touchpoints) and the actors engaged in "
                    + "it who belong to no converting person (engagement-service)") long nonConvertingJourneys,
            @Schema(minimum = "0", description = "Channels (group keys) the model learned") int channels,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonSerialize(using = Metrics.Plain.class)
            @Schema(type = SchemaType.NUMBER, description = "MARKOV: P(conversion) from START") BigDecimal conversionProbability,
            List<Channel> effects,
            @JsonInclude(JsonInclude.Include.NON_NULL) String note) {
    }

    /**
     * The summary and the weight per channel key (null weights: LINEAR credit); the weights of one model share one
     * scale (12 decimals for removal effects, whole numbers for Shapley values times k!), so their unscaled values
     * are the proportions.
     */
    public record Learned(Summary summary, Map<String, BigDecimal> weights) {

        boolean linear() {
            return weights == null;
        }
    }

    private DataDriven() {
    }

    public static Learned learn(Paths paths, Method method, GroupBy groupBy) {
        long converting = paths.converting().size();
        long nonConverting = paths.nonConverting().size();
        TreeSet<String> all = new TreeSet<>();
        TreeSet<String> inConverting = new TreeSet<>();
        for (String[] path : paths.converting()) {
            inConverting.addAll(Arrays.asList(path));
        }
        all.addAll(inConverting);
        for (String[] path : paths.nonConverting()) {
            all.addAll(Arrays.asList(path));
        }
        if (converting < MIN_CONVERTING) {
            return new Learned(new Summary("LINEAR", method.name(), converting, nonConverting, all.size(), null,
                    List.of(), "Fewer than " + MIN_CONVERTING + " converting journeys with a counted touch in the period ("
                    + converting + "): with so few paths the transition estimates would be noise, so the credit is "
                    + "LINEAR."), null);
        }
        if (method == Method.SHAPLEY && inConverting.size() <= SHAPLEY_MAX_CHANNELS) {
            return shapley(paths, inConverting, groupBy);
        }
        String note = method == Method.SHAPLEY ? "SHAPLEY needs at most " + SHAPLEY_MAX_CHANNELS + " channels in the "
                + "converting journeys (2^n coalitions); there are " + inConverting.size() + ", so the credit is MARKOV."
                : null;
        if (all.size() > MARKOV_MAX_CHANNELS) {
            return new Learned(new Summary("LINEAR", method.name(), converting, nonConverting, all.size(), null,
                    List.of(), "More than " + MARKOV_MAX_CHANNELS + " channels (" + all.size() + "): too many for the "
                    + "exact Markov computation in memory, so the credit is LINEAR; group by campaign, platform or "
                    + "stage."), null);
        }
        return markov(paths, all, method, note, groupBy);
    }

    private static Learned markov(Paths paths, TreeSet<String> channels, Method requested, String note,
            GroupBy groupBy) {
        List<String> names = new ArrayList<>(channels);
        Map<String, Integer> state = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            state.put(names.get(i), i + 1);
        }
        int n = names.size() + 1;
        double[][] counts = new double[n][n];
        double[] toConversion = new double[n];
        double[] out = new double[n];
        count(paths.converting(), state, counts, toConversion, out, true);
        count(paths.nonConverting(), state, counts, toConversion, out, false);
        // A = I - Q, then N = A^-1.
        double[][] a = new double[n][n];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = (i == j ? 1 : 0) - (out[i] == 0 ? 0 : counts[i][j] / out[i]);
            }
            r[i] = out[i] == 0 ? 0 : toConversion[i] / out[i];
        }
        double[][] inverse = invert(a);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += inverse[i][j] * r[j];
            }
            x[i] = sum;
        }
        double conversion = x[0];
        Map<String, BigDecimal> weights = new HashMap<>();
        List<Channel> effects = new ArrayList<>();
        for (int c = 1; c < n; c++) {
            double effect = conversion <= 0 || inverse[c][c] <= 0 ? 0
                    : inverse[0][c] * x[c] / (inverse[c][c] * conversion);
            effect = Math.max(0, Math.min(1, effect));
            // Twelve decimals for the weights: equal effects computed along different float paths split as equals.
            BigDecimal weight = BigDecimal.valueOf(effect).setScale(12, RoundingMode.HALF_EVEN);
            weights.put(names.get(c - 1), weight);
            effects.add(new Channel(names.get(c - 1), groupBy.label(names.get(c - 1)),
                    weight.setScale(6, RoundingMode.HALF_EVEN), null));
        }
        effects.sort((p, q) -> {
            int cmp = q.removalEffect().compareTo(p.removalEffect());
            return cmp != 0 ? cmp : p.key().compareTo(q.key());
        });
        return new Learned(new Summary("MARKOV", requested.name(), paths.converting().size(),
                paths.nonConverting().size(), names.size(),
                BigDecimal.valueOf(conversion).setScale(6, RoundingMode.HALF_EVEN), effects, note), weights);
    }

    private static void count(List<String[]> paths, Map<String, Integer> state, double[][] counts,
            double[] toConversion, double[] out, boolean converted) {
        for (String[] path : paths) {
            if (path.length == 0) {
                continue;
            }
            int from = 0;
            for (String channel : path) {
                int to = state.get(channel);
                counts[from][to]++;
                out[from]++;
                from = to;
            }
            out[from]++;
            if (converted) {
                toConversion[from]++;
            }
        }
    }

    /**
     * In-place Gauss-Jordan without pivoting (n^3 operations). I - Q of an absorbing chain is a non-singular
     * M-matrix, weakly diagonally dominant by rows (each row of Q adds up to at most 1), so every pivot is positive
     * and elimination without pivoting is stable; a pivot that is not positive means the chain is not absorbing.
     */
    static double[][] invert(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        for (int k = 0; k < n; k++) {
            double[] ak = a[k];
            double pivot = ak[k];
            if (!(pivot > 1e-300)) {
                throw new IllegalStateException("transition matrix is not that of an absorbing chain");
            }
            double inverse = 1 / pivot;
            ak[k] = 1;
            for (int j = 0; j < n; j++) {
                ak[j] *= inverse;
            }
            for (int i = 0; i < n; i++) {
                if (i == k) {
                    continue;
                }
                double[] ai = a[i];
                double f = ai[k];
                if (f == 0) {
                    continue;
                }
                ai[k] = 0;
                for (int j = 0; j < n; j++) {
                    ai[j] -= f * ak[j];
                }
            }
        }
        return a;
    }

    private static Learned shapley(Paths paths, TreeSet<String> channels, GroupBy groupBy) {
        List<String> names = new ArrayList<>(channels);
        int k = names.size();
        Map<String, Integer> bit = new HashMap<>();
        for (int i = 0; i < k; i++) {
            bit.put(names.get(i), i);
        }
        // v(S) = converting journeys whose channel set is within S: counts per exact set, then summed over subsets.
        long[] v = new long[1 << k];
        for (String[] path : paths.converting()) {
            int mask = 0;
            for (String channel : path) {
                mask |= 1 << bit.get(channel);
            }
            v[mask]++;
        }
        for (int i = 0; i < k; i++) {
            for (int s = 0; s < 1 << k; s++) {
                if ((s & (1 << i)) != 0) {
                    v[s] += v[s ^ (1 << i)];
                }
            }
        }
        // phi_c * k! = sum over S without c of |S|! (k - |S| - 1)! (v(S + c) - v(S)): whole numbers.
        long[] factorial = new long[k + 1];
        factorial[0] = 1;
        for (int i = 1; i <= k; i++) {
            factorial[i] = factorial[i - 1] * i;
        }
        long[] scaled = new long[k];
        for (int c = 0; c < k; c++) {
            long sum = 0;
            for (int s = 0; s < 1 << k; s++) {
                if ((s & (1 << c)) == 0) {
                    int size = Integer.bitCount(s);
                    sum = Math.addExact(sum, Math.multiplyExact(factorial[size] * factorial[k - size - 1],
                            v[s | (1 << c)] - v[s]));
                }
            }
            scaled[c] = sum;
        }
        BigDecimal denominator = new BigDecimal(BigInteger.valueOf(factorial[k]));
        Map<String, BigDecimal> weights = new HashMap<>();
        List<Channel> effects = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            weights.put(names.get(c), BigDecimal.valueOf(scaled[c])); // same denominator: the proportions exactly
            effects.add(new Channel(names.get(c), groupBy.label(names.get(c)), null,
                    BigDecimal.valueOf(scaled[c]).divide(denominator, PRECISION).setScale(6, RoundingMode.HALF_EVEN)));
        }
        effects.sort((p, q) -> {
            int cmp = q.shapleyValue().compareTo(p.shapleyValue());
            return cmp != 0 ? cmp : p.key().compareTo(q.key());
        });
        return new Learned(new Summary("SHAPLEY", "SHAPLEY", paths.converting().size(), paths.nonConverting().size(),
                k, null, effects, null), weights);
    }
}
