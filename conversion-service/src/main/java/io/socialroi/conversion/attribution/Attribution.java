package io.socialroi.conversion.attribution;

import io.socialroi.common.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pure part of a report: shares each journey's credit among its touches under one model and sums the
 * shares per group key. Journeys without touches are unattributed. Every journey's shares add up exactly
 * to one conversion and to its revenue, so the rows add up to {@code attributed}.
 *
 * <p>Shares are counted in whole units of the scale (micro-conversions, cents) in {@code long}s. The
 * models with rational weights (first and last touch, linear, position-based) are split with integer
 * arithmetic that gives exactly what {@link Allocation} gives; time decay, whose weights are decimals of
 * powers of two, goes through the same BigDecimal steps as {@link Allocation#split}.
 */
public final class Attribution {

    /** Credit as conversions is kept to six decimals. */
    public static final int CREDIT_SCALE = 6;

    private static final long ONE_CREDIT = 1_000_000L;
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    /** The summed credit of one model. */
    public record Result(List<Row> rows, Metrics attributed, Metrics unattributed, Metrics totals) {
    }

    /**
     * One report row: a group key with its credit; by post also the post's platform, campaign and funnel
     * stage (those of its latest counted touch, null otherwise).
     */
    public record Row(String key, String label, Metrics metrics, String platform, String campaignId,
            String funnelStage) {
    }

    private Attribution() {
    }

    public static Result compute(List<Journey> journeys, AttributionModel model, BigDecimal halfLifeDays,
            GroupBy groupBy, String currency, int revenueScale) {
        return compute(Batch.of(journeys, groupBy), model, halfLifeDays, groupBy, currency, revenueScale);
    }

    public static Result compute(Batch batch, AttributionModel model, BigDecimal halfLifeDays, GroupBy groupBy,
            String currency, int revenueScale) {
        return compute(batch, model, halfLifeDays, groupBy, currency, revenueScale, null);
    }

    /**
     * As {@link #compute(Batch, AttributionModel, BigDecimal, GroupBy, String, int)}; DATA_DRIVEN takes what
     * {@link DataDriven#learn} learned (its weights per channel, or LINEAR when it fell back).
     */
    public static Result compute(Batch batch, AttributionModel model, BigDecimal halfLifeDays, GroupBy groupBy,
            String currency, int revenueScale, DataDriven.Learned learned) {
        if (model == AttributionModel.DATA_DRIVEN && learned == null) {
            throw new IllegalArgumentException("DATA_DRIVEN needs what DataDriven learned");
        }
        long[] learnedWeights = null;
        if (model == AttributionModel.DATA_DRIVEN && !learned.linear()) {
            learnedWeights = new long[batch.keys.length];
            for (int k = 0; k < batch.keys.length; k++) {
                BigDecimal weight = learned.weights().get(batch.keys[k]);
                learnedWeights[k] = weight == null ? 0 : weight.unscaledValue().longValueExact();
            }
        }
        long[] channelBuffer = new long[16];
        int[] seen = new int[batch.keys.length];
        java.util.Arrays.fill(seen, -1);
        Rows rows = new Rows(batch.keys.length);
        Totals attributed = new Totals();
        Totals unattributed = new Totals();
        Totals totals = new Totals();
        double halfLifeSeconds = halfLifeDays.multiply(SECONDS_PER_DAY).doubleValue();
        Splitter splitter = new Splitter();
        for (int j = 0; j < batch.size; j++) {
            byte flags = batch.flags[j];
            BigDecimal amount = batch.amounts[j];
            int person = batch.person[j];
            BigDecimal lifetime = batch.lifetime[j];
            totals.add(flags, amount, person, lifetime);
            int s = batch.start[j];
            int n = batch.start[j + 1] - s;
            if (n == 0) {
                unattributed.add(flags, amount, person, lifetime);
                continue;
            }
            attributed.add(flags, amount, person, lifetime);
            rows.journey(person, lifetime);
            long revenue = amount.signum() == 0 ? 0
                    : amount.setScale(revenueScale, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
            int[] keys = batch.touchKey;
            switch (model) {
                case FIRST_TOUCH -> rows.give(keys[s], flags, ONE_CREDIT, revenue);
                case LAST_TOUCH -> rows.give(keys[s + n - 1], flags, ONE_CREDIT, revenue);
                case LINEAR -> equal(rows, keys, s, n, flags, revenue);
                case POSITION_BASED -> {
                    if (n <= 2) {
                        equal(rows, keys, s, n, flags, revenue);
                    } else {
                        positionBased(rows, keys, s, n, flags, revenue);
                    }
                }
                case TIME_DECAY -> {
                    if (n == 1) {
                        rows.give(keys[s], flags, ONE_CREDIT, revenue);
                    } else {
                        splitter.timeDecay(batch, j, halfLifeSeconds);
                        long[] credit = splitter.split(ONE_CREDIT, CREDIT_SCALE, n);
                        long[] shares = splitter.split2(revenue, revenueScale, n);
                        for (int i = 0; i < n; i++) {
                            rows.give(keys[s + i], flags, credit[i], shares[i]);
                        }
                    }
                }
                case DATA_DRIVEN -> {
                    if (learnedWeights == null) {
                        equal(rows, keys, s, n, flags, revenue);
                    } else {
                        if (channelBuffer.length < n) {
                            channelBuffer = new long[n];
                        }
                        dataDriven(rows, keys, s, n, flags, revenue, learnedWeights, seen, j, channelBuffer);
                    }
                }
                default -> throw new IllegalStateException(model.name());
            }
        }
        List<Row> result = new ArrayList<>();
        rows.countPeople();
        for (int key : rows.sorted(batch.keys)) {
            result.add(new Row(batch.keys[key], groupBy.label(batch.keys[key]), rows.metrics(key, currency,
                    revenueScale), batch.keyPlatform == null ? null : batch.keyPlatform[key],
                    batch.keyCampaign == null ? null : batch.keyCampaign[key],
                    batch.keyStage == null ? null : batch.keyStage[key]));
        }
        return new Result(result, attributed.metrics(currency, revenueScale),
                unattributed.metrics(currency, revenueScale), totals.metrics(currency, revenueScale));
    }

    /**
     * Equal weights: each share is the amount divided by n rounded down, and the units left over (the
     * same loss for every touch) go to the latest touches, as {@link Allocation} orders ties.
     */
    private static void equal(Rows rows, int[] keys, int s, int n, byte flags, long revenue) {
        long credit = ONE_CREDIT / n;
        long creditLeft = ONE_CREDIT % n;
        long share = revenue / n;
        long revenueLeft = revenue % n;
        for (int i = 0; i < n; i++) {
            rows.give(keys[s + i], flags, credit + (i >= n - creditLeft ? 1 : 0), share + (i >= n - revenueLeft ? 1 : 0));
        }
    }

    /**
     * DATA_DRIVEN: the channels of the journey (distinct keys, in the order of their first touch) share one
     * conversion and its revenue in proportion to their learned weights (whole numbers: removal effects in units of
     * 10^-12, Shapley values times k!), by the largest remainder method with exact integer remainders (most lost
     * first, later channels first on ties), so the journey's shares add up exactly.
     */
    private static void dataDriven(Rows rows, int[] keys, int s, int n, byte flags, long revenue, long[] weights,
            int[] seen, int journey, long[] buffer) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            int key = keys[s + i];
            if (seen[key] != journey) {
                seen[key] = journey;
                buffer[m++] = key;
            }
        }
        if (m == 1) {
            rows.give((int) buffer[0], flags, ONE_CREDIT, revenue);
            return;
        }
        long[] w = new long[m];
        long total = 0;
        for (int i = 0; i < m; i++) {
            w[i] = weights[(int) buffer[i]];
            total = Math.addExact(total, w[i]);
        }
        if (total <= 0) {
            java.util.Arrays.fill(w, 1L); // cannot happen for a converting path; equal shares if it did
            total = m;
        }
        long[] credit = largestRemainder(ONE_CREDIT, w, total);
        long[] shares = revenue == 0 ? new long[m] : largestRemainder(revenue, w, total);
        for (int i = 0; i < m; i++) {
            rows.give((int) buffer[i], flags, credit[i], shares[i]);
        }
    }

    /** units x w_i / total rounded down, the units left over to the largest remainders (later ones on ties). */
    static long[] largestRemainder(long units, long[] w, long total) {
        int m = w.length;
        long[] shares = new long[m];
        long[] lost = new long[m];
        long given = 0;
        boolean exact = true;
        for (int i = 0; i < m && exact; i++) {
            long hi = Math.multiplyHigh(units, w[i]);
            long lo = units * w[i];
            exact = hi == 0 && lo >= 0;
            if (exact) {
                shares[i] = lo / total;
                lost[i] = lo % total;
                given += shares[i];
            }
        }
        if (!exact) {
            given = 0;
            java.math.BigInteger t = java.math.BigInteger.valueOf(total);
            for (int i = 0; i < m; i++) {
                java.math.BigInteger[] qr = java.math.BigInteger.valueOf(units).multiply(java.math.BigInteger.valueOf(w[i]))
                        .divideAndRemainder(t);
                shares[i] = qr[0].longValueExact();
                lost[i] = qr[1].longValueExact(); // below total, a long
                given += shares[i];
            }
        }
        long left = units - given;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> lost[a] != lost[b] ? Long.compare(lost[b], lost[a]) : Integer.compare(b, a));
        for (long u = 0; u < left; u++) {
            shares[order[(int) (u % m)]]++;
        }
        return shares;
    }

    private static void positionBased(Rows rows, int[] keys, int s, int n, byte flags, long revenue) {
        long[] credit = positionBased(ONE_CREDIT, n);
        long[] shares = positionBased(revenue, n);
        for (int i = 0; i < n; i++) {
            rows.give(keys[s + i], flags, credit[i], shares[i]);
        }
    }

    /**
     * Weights 2m : 1 : ... : 1 : 2m (m = n - 2, sum 5m) in integer arithmetic: the ends get floor(2u/5)
     * and lose (2u mod 5)/5 units, the middle ones floor(u/5m) and lose (u mod 5m)/5m; the units left over
     * go to the touches that lost most, later ones first on ties, as {@link Allocation} does.
     */
    static long[] positionBased(long units, int n) {
        long m = n - 2;
        long end = 2 * units / 5;
        long endLost = 2 * units % 5; // over 5
        long middle = units / (5 * m);
        long middleLost = units % (5 * m); // over 5m
        long[] shares = new long[n];
        for (int i = 0; i < n; i++) {
            shares[i] = i == 0 || i == n - 1 ? end : middle;
        }
        long left = units - 2 * end - m * middle;
        int cmp = Long.compare(endLost * m, middleLost);
        int[] order = new int[n];
        int k = 0;
        if (cmp > 0) {
            order[k++] = n - 1;
            order[k++] = 0;
            for (int i = n - 2; i >= 1; i--) {
                order[k++] = i;
            }
        } else if (cmp < 0) {
            for (int i = n - 2; i >= 1; i--) {
                order[k++] = i;
            }
            order[k++] = n - 1;
            order[k++] = 0;
        } else {
            for (int i = n - 1; i >= 0; i--) {
                order[k++] = i;
            }
        }
        for (long u = 0; u < left; u++) {
            shares[order[(int) (u % n)]]++;
        }
        return shares;
    }

    /**
     * Time-decay weights and the {@link Allocation} steps on them, with buffers reused across journeys.
     *
     * <p>A split is first done in doubles: each exact share u*w/sum (in units) is known to within a bound
     * on the rounding error of the doubles, which decides the floor and the order of the remainders unless
     * a share is within the bound of a whole unit or two remainders are within it of each other. Those
     * journeys (equal weights, for instance) are split again with BigDecimal exactly as {@link Allocation}
     * does, so the result is always Allocation's.
     */
    private static final class Splitter {

        private int n;
        private double[] weights = new double[16];
        private double sum;
        private boolean equalWeights;
        private List<BigDecimal> exactWeights;
        private double[] ages = new double[16];
        private double[] remainders = new double[16];
        private long[] first = new long[16];
        private long[] second = new long[16];
        private int[] order = new int[16];

        void timeDecay(Batch batch, int j, double halfLifeSeconds) {
            int s = batch.start[j];
            n = batch.start[j + 1] - s;
            if (weights.length < n) {
                int grown = Math.max(n, weights.length * 2);
                weights = new double[grown];
                ages = new double[grown];
                remainders = new double[grown];
                first = new long[grown];
                second = new long[grown];
                order = new int[grown];
            }
            // As AttributionModel.weights: ages in whole milliseconds, 2^(-(age - youngest)/h).
            double youngest = Double.MAX_VALUE;
            long at = batch.at[j];
            for (int i = 0; i < n; i++) {
                ages[i] = Math.max(0, Math.floorDiv(at - batch.touchAt[s + i], 1_000L) / 1000.0);
                youngest = Math.min(youngest, ages[i]);
            }
            double total = 0;
            for (int i = 0; i < n; i++) {
                weights[i] = Math.pow(2, -(ages[i] - youngest) / halfLifeSeconds);
                total += weights[i];
            }
            sum = total;
            exactWeights = null;
            equalWeights = true;
            for (int i = 1; i < n && equalWeights; i++) {
                equalWeights = weights[i] == weights[0];
            }
        }

        long[] split(long units, int scale, int n) {
            return split(units, scale, first);
        }

        long[] split2(long units, int scale, int n) {
            return split(units, scale, second);
        }

        private long[] split(long units, int scale, long[] shares) {
            if (units == 0) {
                java.util.Arrays.fill(shares, 0, n, 0L);
                return shares;
            }
            if (equalWeights) {
                // Identical weights are identical decimals: Allocation splits them as LINEAR does.
                long each = units / n;
                long left = units % n;
                for (int i = 0; i < n; i++) {
                    shares[i] = each + (i >= n - left ? 1 : 0);
                }
                return shares;
            }
            return quick(units, shares) ? shares : exact(units, scale, shares);
        }

        /** The split in doubles; false when the error bound leaves a floor or the remainders' order open. */
        private boolean quick(long units, long[] shares) {
            // Relative error of w (vs its decimal), of the sum of n and of the product and quotient: below
            // (n + 4) ulps; three times that, plus a floor, is the bound.
            double tolerance = units * (n + 4) * 3.5e-16 + 1e-9;
            long given = 0;
            for (int i = 0; i < n; i++) {
                double share = units * weights[i] / sum;
                double floor = Math.floor(share);
                double remainder = share - floor;
                if (remainder < tolerance || remainder > 1 - tolerance) {
                    return false;
                }
                shares[i] = (long) floor;
                remainders[i] = remainder;
                given += shares[i];
            }
            long left = units - given;
            if (left == 0) {
                return true;
            }
            if (left < 0 || left >= n) {
                return false;
            }
            // Most lost first, later touches first on ties (insertion sort: n is small). Equal weights lose
            // exactly the same (the same computation); different weights must be told apart by the bound.
            for (int i = 0; i < n; i++) {
                int p = i;
                while (p > 0 && (weights[order[p - 1]] == weights[i] || remainders[order[p - 1]] < remainders[i])) {
                    order[p] = order[p - 1];
                    p--;
                }
                order[p] = i;
            }
            for (int k = 1; k < n; k++) {
                int a = order[k - 1];
                int b = order[k];
                if (weights[a] != weights[b] && remainders[a] - remainders[b] < 2 * tolerance) {
                    return false;
                }
            }
            for (long u = 0; u < left; u++) {
                shares[order[(int) (u % n)]]++;
            }
            return true;
        }

        /** Allocation.split itself, on the BigDecimal weights, for the journeys the doubles cannot decide. */
        private long[] exact(long units, int scale, long[] shares) {
            if (exactWeights == null) {
                exactWeights = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    exactWeights.add(BigDecimal.valueOf(weights[i]));
                }
            }
            List<BigDecimal> split = Allocation.split(BigDecimal.valueOf(units, scale), exactWeights, scale);
            for (int i = 0; i < n; i++) {
                shares[i] = split.get(i).unscaledValue().longValueExact();
            }
            return shares;
        }
    }

    /** Credit per key id in whole units. */
    private static final class Rows {

        final long[] conversions;
        final long[] revenue;
        final long[] leads;
        final long[] purchases;
        final long[] newCustomers;
        final boolean[] used;
        /**
         * (key, person) pairs with credit above zero (converting, lead, first purchase, either), appended
         * unboxed and counted distinct once sorted: far cheaper than a hash set per touch.
         */
        final Pairs converting = new Pairs();
        final Pairs leading = new Pairs();
        final Pairs firstBuying = new Pairs();
        final Pairs leadOrFirst = new Pairs();
        final long[] convertingPeople;
        final long[] leadPeople;
        final long[] newCustomerPeople;
        final long[] leadOrCustomerPeople;
        /** Per key: the credit of first purchases and sum(credit x lifetime revenue) over them. */
        final long[] ltvCredit;
        final BigDecimal[] ltvWeighted;
        private int person;
        private BigDecimal lifetime;

        Rows(int keys) {
            conversions = new long[keys];
            revenue = new long[keys];
            leads = new long[keys];
            purchases = new long[keys];
            newCustomers = new long[keys];
            used = new boolean[keys];
            convertingPeople = new long[keys];
            leadPeople = new long[keys];
            newCustomerPeople = new long[keys];
            leadOrCustomerPeople = new long[keys];
            ltvCredit = new long[keys];
            ltvWeighted = new BigDecimal[keys];
        }

        /** The journey whose shares follow: its person and (a first purchase) the lifetime revenue. */
        void journey(int personId, BigDecimal lifetimeRevenue) {
            person = personId;
            lifetime = lifetimeRevenue;
        }

        void give(int key, byte flags, long credit, long share) {
            if (credit == 0 && share == 0) {
                return;
            }
            used[key] = true;
            conversions[key] += credit;
            revenue[key] = Math.addExact(revenue[key], share);
            if ((flags & Batch.LEAD) != 0) {
                leads[key] += credit;
            }
            if ((flags & Batch.PURCHASE) != 0) {
                purchases[key] += credit;
            }
            if ((flags & Batch.NEW_CUSTOMER) != 0) {
                newCustomers[key] += credit;
            }
            if (credit <= 0) {
                return;
            }
            long pair = ((long) key << 32) | (person & 0xffffffffL);
            converting.add(pair);
            if ((flags & Batch.LEAD) != 0) {
                leading.add(pair);
                leadOrFirst.add(pair);
            }
            if ((flags & Batch.NEW_CUSTOMER) != 0) {
                firstBuying.add(pair);
                leadOrFirst.add(pair);
                if (lifetime != null) {
                    ltvCredit[key] += credit;
                    BigDecimal weighted = lifetime.multiply(BigDecimal.valueOf(credit));
                    ltvWeighted[key] = ltvWeighted[key] == null ? weighted : ltvWeighted[key].add(weighted);
                }
            }
        }

        void countPeople() {
            count(converting, convertingPeople);
            count(leading, leadPeople);
            count(firstBuying, newCustomerPeople);
            count(leadOrFirst, leadOrCustomerPeople);
        }

        private static void count(Pairs pairs, long[] perKey) {
            long[] values = pairs.values;
            java.util.Arrays.sort(values, 0, pairs.size);
            for (int i = 0; i < pairs.size; i++) {
                if (i == 0 || values[i] != values[i - 1]) {
                    perKey[(int) (values[i] >>> 32)]++;
                }
            }
        }

        /** Used key ids by revenue, then conversions (both descending), then key. */
        List<Integer> sorted(String[] keys) {
            List<Integer> ids = new ArrayList<>();
            for (int k = 0; k < used.length; k++) {
                if (used[k]) {
                    ids.add(k);
                }
            }
            ids.sort((a, b) -> {
                int c = Long.compare(revenue[b], revenue[a]);
                if (c == 0) {
                    c = Long.compare(conversions[b], conversions[a]);
                }
                return c != 0 ? c : keys[a].compareTo(keys[b]);
            });
            return ids;
        }

        Metrics metrics(int key, String currency, int revenueScale) {
            Money ltv = ltvCredit[key] == 0 ? null : Money.of(ltvWeighted[key].divide(BigDecimal.valueOf(ltvCredit[key]),
                    revenueScale, RoundingMode.HALF_EVEN), currency);
            return new Metrics(BigDecimal.valueOf(conversions[key], CREDIT_SCALE),
                    Money.of(BigDecimal.valueOf(revenue[key], revenueScale), currency),
                    BigDecimal.valueOf(leads[key], CREDIT_SCALE), BigDecimal.valueOf(purchases[key], CREDIT_SCALE),
                    BigDecimal.valueOf(newCustomers[key], CREDIT_SCALE), convertingPeople[key], leadPeople[key],
                    newCustomerPeople[key], leadOrCustomerPeople[key], ltv);
        }
    }

    /** A growing list of longs. */
    private static final class Pairs {

        long[] values = new long[64];
        int size;

        void add(long value) {
            if (size > 0 && values[size - 1] == value) {
                return; // the same key and person again (touches of one post in one journey)
            }
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }

    /** Whole conversions and their revenue (attributed, unattributed, totals). */
    private static final class Totals {

        long conversions;
        long leads;
        long purchases;
        long newCustomers;
        BigDecimal revenue = BigDecimal.ZERO;
        final Set<Integer> converting = new HashSet<>();
        final Set<Integer> leading = new HashSet<>();
        final Set<Integer> firstBuying = new HashSet<>();
        final Set<Integer> leadOrFirst = new HashSet<>();
        long firsts;
        BigDecimal lifetimes = BigDecimal.ZERO;

        void add(byte flags, BigDecimal amount, int person, BigDecimal lifetime) {
            converting.add(person);
            if ((flags & Batch.LEAD) != 0) {
                leading.add(person);
                leadOrFirst.add(person);
            }
            if ((flags & Batch.NEW_CUSTOMER) != 0) {
                firstBuying.add(person);
                leadOrFirst.add(person);
                if (lifetime != null) {
                    firsts++;
                    lifetimes = lifetimes.add(lifetime);
                }
            }
            conversions++;
            revenue = revenue.add(amount);
            if ((flags & Batch.LEAD) != 0) {
                leads++;
            }
            if ((flags & Batch.PURCHASE) != 0) {
                purchases++;
            }
            if ((flags & Batch.NEW_CUSTOMER) != 0) {
                newCustomers++;
            }
        }

        /** Every conversion has its whole credit here, so ltv is the plain mean of the first purchases'. */
        Metrics metrics(String currency, int revenueScale) {
            Money ltv = firsts == 0 ? null : Money.of(lifetimes.divide(BigDecimal.valueOf(firsts), revenueScale,
                    RoundingMode.HALF_EVEN), currency);
            return new Metrics(BigDecimal.valueOf(conversions), Money.of(revenue, currency), BigDecimal.valueOf(leads),
                    BigDecimal.valueOf(purchases), BigDecimal.valueOf(newCustomers), converting.size(), leading.size(),
                    firstBuying.size(), leadOrFirst.size(), ltv);
        }
    }
}
