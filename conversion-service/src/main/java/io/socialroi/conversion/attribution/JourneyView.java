package io.socialroi.conversion.attribution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An immutable snapshot of one workspace's journeys in {@link JourneyStore}: conversions sorted by time
 * (found by binary search), each with its captured touchpoints in the order SQL gives them (time, then
 * event id), ids interned; per conversion whether it is its customer's first purchase; customers sorted
 * by first purchase with running sums of their lifetime revenue. Reports read it without locks.
 */
public final class JourneyView {

    private static final long[] NO_TIMES = new long[0];
    private static final byte[] NO_TYPES = new byte[0];
    private static final short[] NO_SHORTS = new short[0];
    private static final int[] NO_INTS = new int[0];
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    /** One conversion with its touchpoints (every type, the whole capture window). */
    static final class Entry {

        final UUID id;
        final String eventId;
        final boolean purchase;
        final BigDecimal amount;
        final long at;
        final String customer;
        final boolean pending;
        long[] touchAt = NO_TIMES;
        byte[] touchType = NO_TYPES;
        short[] touchPlatform = NO_SHORTS;
        int[] touchPost = NO_INTS;
        int[] touchCampaign = NO_INTS;
        short[] touchStage = NO_SHORTS;

        Entry(UUID id, String eventId, boolean purchase, BigDecimal amount, long at, String customer, boolean pending) {
            this.id = id;
            this.eventId = eventId;
            this.purchase = purchase;
            this.amount = amount;
            this.at = at;
            this.customer = customer;
            this.pending = pending;
        }

        void touches(long[] times, byte[] types, short[] platforms, int[] posts, int[] campaigns, short[] stages) {
            touchAt = times;
            touchType = types;
            touchPlatform = platforms;
            touchPost = posts;
            touchCampaign = campaigns;
            touchStage = stages;
        }

        boolean sameAs(Entry o) {
            return eventId.equals(o.eventId) && purchase == o.purchase && amount.compareTo(o.amount) == 0
                    && amount.scale() == o.amount.scale() && at == o.at && java.util.Objects.equals(customer, o.customer)
                    && pending == o.pending && Arrays.equals(touchAt, o.touchAt) && Arrays.equals(touchType, o.touchType)
                    && Arrays.equals(touchPlatform, o.touchPlatform) && Arrays.equals(touchPost, o.touchPost)
                    && Arrays.equals(touchCampaign, o.touchCampaign) && Arrays.equals(touchStage, o.touchStage);
        }
    }

    private final Entry[] entries;
    private final long[] at;
    private final boolean[] newCustomer;
    /** Per entry: its person (customer, or the conversion itself) as a small id. */
    private final int[] person;
    /** Per entry: the customer's lifetime revenue when the entry is their first purchase, else null. */
    private final BigDecimal[] lifetimeOf;
    private final boolean anyPending;
    private final String[] posts;
    private final String[] campaigns;
    private final String[] platforms;
    private final String[] stages;
    private final long[] firstPurchaseAt;
    /** lifetimePrefix[i]: lifetime revenue of the customers before position i in firstPurchaseAt order. */
    private final BigDecimal[] lifetimePrefix;
    private final ZoneId zone;
    private final boolean fixedOffset;
    private final long touchpoints;

    private JourneyView(Entry[] entries, boolean[] newCustomer, int[] person, BigDecimal[] lifetimeOf, String[] posts, String[] campaigns, String[] platforms,
            String[] stages, long[] firstPurchaseAt, BigDecimal[] lifetimePrefix, ZoneId zone) {
        this.entries = entries;
        this.at = new long[entries.length];
        long count = 0;
        boolean pending = false;
        for (int i = 0; i < entries.length; i++) {
            at[i] = entries[i].at;
            count += entries[i].touchAt.length;
            pending |= entries[i].pending;
        }
        this.touchpoints = count;
        this.anyPending = pending;
        this.newCustomer = newCustomer;
        this.person = person;
        this.lifetimeOf = lifetimeOf;
        this.posts = posts;
        this.campaigns = campaigns;
        this.platforms = platforms;
        this.stages = stages;
        this.firstPurchaseAt = firstPurchaseAt;
        this.lifetimePrefix = lifetimePrefix;
        this.zone = zone;
        this.fixedOffset = zone.getRules().isFixedOffset();
    }

    static JourneyView build(JourneyStore.Workspace w, ZoneId zone) {
        Entry[] entries = w.entries.values().toArray(new Entry[0]);
        Arrays.sort(entries, Comparator.<Entry>comparingLong(e -> e.at).thenComparing(e -> e.id,
                JourneyView::compareUuids));
        // A customer's first purchase: earliest, then lowest event id (as SQL orders them, byte order).
        Map<String, Entry> firsts = new HashMap<>();
        Map<String, long[]> firstAt = new HashMap<>();
        Map<String, BigDecimal> lifetime = new HashMap<>();
        for (Entry e : entries) {
            if (!e.purchase || e.customer == null) {
                continue;
            }
            Entry first = firsts.get(e.customer);
            if (first == null || e.at < first.at || (e.at == first.at && compareCodePoints(e.eventId, first.eventId) < 0)) {
                firsts.put(e.customer, e);
            }
            firstAt.putIfAbsent(e.customer, new long[] {e.at}); // entries are in time order
            lifetime.merge(e.customer, e.amount, BigDecimal::add);
        }
        boolean[] newCustomer = new boolean[entries.length];
        int[] person = new int[entries.length];
        BigDecimal[] lifetimeOf = new BigDecimal[entries.length];
        Map<String, Integer> people = new HashMap<>();
        for (int i = 0; i < entries.length; i++) {
            Entry e = entries[i];
            newCustomer[i] = e.purchase && e.customer != null && firsts.get(e.customer) == e;
            lifetimeOf[i] = newCustomer[i] ? lifetime.get(e.customer) : null;
            // A conversion without a customer is a person of its own: ids past every customer's.
            person[i] = e.customer == null ? -1 - i : people.computeIfAbsent(e.customer, c -> people.size());
        }
        List<String> customers = new ArrayList<>(firstAt.keySet());
        customers.sort(Comparator.comparingLong(c -> firstAt.get(c)[0]));
        long[] firstPurchaseAt = new long[customers.size()];
        BigDecimal[] prefix = new BigDecimal[customers.size() + 1];
        prefix[0] = BigDecimal.ZERO;
        for (int i = 0; i < customers.size(); i++) {
            firstPurchaseAt[i] = firstAt.get(customers.get(i))[0];
            prefix[i + 1] = prefix[i].add(lifetime.get(customers.get(i)));
        }
        return new JourneyView(entries, newCustomer, person, lifetimeOf, strings(w.posts), strings(w.campaigns), strings(w.platforms),
                strings(w.stages), firstPurchaseAt, prefix, zone);
    }

    private static String[] strings(JourneyStore.Dictionary<?> dictionary) {
        String[] values = new String[dictionary.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = dictionary.get(i).toString();
        }
        return values;
    }

    static short[] small(int[] ids, int size) {
        short[] values = new short[size];
        for (int i = 0; i < size; i++) {
            if (ids[i] > Short.MAX_VALUE) {
                throw new IllegalStateException("more than " + Short.MAX_VALUE + " platforms or funnel stages");
            }
            values[i] = (short) ids[i];
        }
        return values;
    }

    /** PostgreSQL's uuid order: unsigned, byte by byte. */
    static int compareUuids(UUID a, UUID b) {
        return io.socialroi.conversion.conversion.Ordered.UUID_ORDER.compare(a, b);
    }

    /** Code point order, which is UTF-8 byte order (the C and C.UTF-8 collations). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    long touchpoints() {
        return touchpoints;
    }

    public int conversions() {
        return entries.length;
    }

    ZoneId zone() {
        return zone;
    }

    /** Whether a conversion occurring in [from, to) waits for its capture. */
    public boolean pending(long from, long to) {
        if (!anyPending) {
            return false;
        }
        for (int i = lowerBound(from), end = lowerBound(to); i < end; i++) {
            if (entries[i].pending) {
                return true;
            }
        }
        return false;
    }

    /**
     * The conversions occurring in [from, to) with the touches that count for them (of these types, in the
     * lookback window before each: {@code occurred_at - lookbackDays days} in the database session's time
     * zone, as the SQL computes it), keyed by {@code groupBy}.
     */
    public Batch batch(long from, long to, List<String> types, int lookbackDays, GroupBy groupBy) {
        int lo = lowerBound(from);
        int hi = lowerBound(to);
        String[] dimension = switch (groupBy) {
            case POST -> posts;
            case CAMPAIGN -> campaigns;
            case PLATFORM -> platforms;
            case FUNNEL_STAGE -> stages;
        };
        String[] keys = Arrays.copyOf(dimension, dimension.length + 1);
        keys[dimension.length] = GroupBy.NONE;
        int none = dimension.length;
        for (int k = 0; k < dimension.length; k++) {
            if (GroupBy.NONE.equals(dimension[k])) {
                none = k; // a real value spelled "none" shares the row, as the SQL path's string keys do
            }
        }
        int mask = JourneyStore.EventTypes.mask(types);
        Batch batch = new Batch(hi - lo, 0, keys);
        boolean attributes = groupBy == GroupBy.POST;
        if (attributes) {
            batch.keepAttributes();
        }
        for (int j = lo; j < hi; j++) {
            Entry e = entries[j];
            byte flags = (byte) ((e.purchase ? Batch.PURCHASE : Batch.LEAD) | (newCustomer[j] ? Batch.NEW_CUSTOMER : 0));
            batch.journey(flags, e.amount, e.at, person[j], lifetimeOf[j]);
            long start = windowStart(e.at, lookbackDays);
            long[] times = e.touchAt;
            byte[] typeOf = e.touchType;
            for (int i = 0; i < times.length; i++) {
                long t = times[i];
                byte type = typeOf[i];
                if (t > e.at || t < start || type < 0 || (mask & (1 << type)) == 0) {
                    continue;
                }
                int id = switch (groupBy) {
                    case POST -> e.touchPost[i];
                    case CAMPAIGN -> e.touchCampaign[i];
                    case PLATFORM -> e.touchPlatform[i];
                    case FUNNEL_STAGE -> e.touchStage[i];
                };
                if (attributes) {
                    batch.touch(t, id < 0 ? none : id, name(platforms, e.touchPlatform[i]),
                            name(campaigns, e.touchCampaign[i]), name(stages, e.touchStage[i]));
                } else {
                    batch.touch(t, id < 0 ? none : id);
                }
            }
        }
        return batch;
    }

    /**
     * The non-converting journeys of [from, to) ({@link NonConverting}): people with no conversion in the period,
     * with their captured touches of these types inside it, captured for their conversions in [to, until) (until:
     * the capture window after the period, beyond which no conversion's touchpoints reach back into it).
     */
    List<String[]> nonConverting(long from, long to, long until, List<String> types, GroupBy groupBy) {
        int lo = lowerBound(from);
        int hi = lowerBound(to);
        int last = lowerBound(until);
        java.util.Set<Integer> converted = new java.util.HashSet<>();
        for (int j = lo; j < hi; j++) {
            converted.add(person[j]);
        }
        int mask = JourneyStore.EventTypes.mask(types);
        EventType[] typeNames = EventType.values();
        NonConverting paths = new NonConverting(groupBy);
        for (int j = hi; j < last; j++) {
            if (converted.contains(person[j])) {
                continue;
            }
            Entry e = entries[j];
            String who = Journey.personOf(e.customer, e.id);
            long[] times = e.touchAt;
            for (int i = 0; i < times.length; i++) {
                long t = times[i];
                byte type = e.touchType[i];
                if (t < from || t >= to || type < 0 || (mask & (1 << type)) == 0) {
                    continue;
                }
                paths.add(who, t, typeNames[type].name(), name(platforms, e.touchPlatform[i]),
                        name(posts, e.touchPost[i]), name(campaigns, e.touchCampaign[i]), name(stages, e.touchStage[i]));
            }
        }
        return paths.paths();
    }

    private static String name(String[] values, int id) {
        return id < 0 ? null : values[id];
    }

    /** Customers whose first purchase is in [from, to), and their lifetime revenue together. */
    public AttributionData.Customers customers(long from, long to) {
        int lo = lowerBound(firstPurchaseAt, from);
        int hi = lowerBound(firstPurchaseAt, to);
        if (hi <= lo) {
            return new AttributionData.Customers(0, BigDecimal.ZERO);
        }
        return new AttributionData.Customers(hi - lo, lifetimePrefix[hi].subtract(lifetimePrefix[lo]));
    }

    private long windowStart(long conversionAt, int days) {
        if (fixedOffset) {
            return conversionAt - days * MICROS_PER_DAY;
        }
        Instant instant = Instant.EPOCH.plus(conversionAt, ChronoUnit.MICROS);
        return Batch.micros(ZonedDateTime.ofInstant(instant, zone).minusDays(days).toOffsetDateTime());
    }

    private int lowerBound(long time) {
        return lowerBound(at, time);
    }

    /** The first index whose value is at or after {@code time}. */
    private static int lowerBound(long[] sorted, long time) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Roughly the bytes this view and its entries hold (object headers and array lengths included). */
    public long estimatedBytes() {
        long bytes = 16L * 7 + entries.length * (8L + 8 + 1 + 4 + 4);
        for (Entry e : entries) {
            bytes += 72 + 6 * 16 + 16 + e.eventId.length() + 40; // entry, its arrays, id, event id, amount
            bytes += e.touchAt.length * (8L + 1 + 2 + 4 + 4 + 2);
        }
        bytes += firstPurchaseAt.length * (8L + 8 + 40);
        bytes += (posts.length + campaigns.length) * 100L;
        return bytes;
    }
}
