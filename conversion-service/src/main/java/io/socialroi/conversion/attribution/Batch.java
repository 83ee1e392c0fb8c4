package io.socialroi.conversion.attribution;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The journeys of one report in flat arrays, as {@link Attribution} reads them: per journey its flags,
 * amount and time, and its counted touches (in time order) as a time and a group key id. Built either
 * from {@link Journey} objects (the SQL path) or straight from the in-memory {@link JourneyStore}.
 */
public final class Batch {

    static final byte LEAD = 1;
    static final byte PURCHASE = 2;
    static final byte NEW_CUSTOMER = 4;

    int size;
    byte[] flags;
    /** Who converted (ids equal for the same person within the batch). */
    int[] person;
    /** A new customer's lifetime revenue (null for other journeys). */
    BigDecimal[] lifetime;
    BigDecimal[] amounts;
    long[] at;
    /** Touches of journey j are [start[j], start[j + 1]). */
    int[] start;
    int touches;
    long[] touchAt;
    int[] touchKey;
    /** Group key of each key id ("none" included where used). */
    final String[] keys;
    /**
     * With {@code groupBy=post}: per key id the platform, campaign and stage of the post's latest counted
     * touch (on equal times the greatest of them, so both paths choose the same); null otherwise.
     */
    String[] keyPlatform;
    String[] keyCampaign;
    String[] keyStage;
    private long[] keyAt;

    Batch(int journeys, int touches, String[] keys) {
        this.flags = new byte[journeys];
        this.person = new int[journeys];
        this.lifetime = new BigDecimal[journeys];
        this.amounts = new BigDecimal[journeys];
        this.at = new long[journeys];
        this.start = new int[journeys + 1];
        this.touchAt = new long[Math.max(touches, 16)];
        this.touchKey = new int[touchAt.length];
        this.keys = keys;
    }

    /** Keeps the attributes of each post key's latest touch ({@link #touch(long, int, String, String, String)}). */
    void keepAttributes() {
        keyPlatform = new String[keys.length];
        keyCampaign = new String[keys.length];
        keyStage = new String[keys.length];
        keyAt = new long[keys.length];
        Arrays.fill(keyAt, Long.MIN_VALUE);
    }

    /** Starts the next journey; its touches follow with {@link #touch}. */
    void journey(byte flag, BigDecimal amount, long atMicros, int personId, BigDecimal lifetimeRevenue) {
        journey(flag, amount, atMicros);
        person[size - 1] = personId;
        lifetime[size - 1] = lifetimeRevenue;
    }

    private void journey(byte flag, BigDecimal amount, long atMicros) {
        if (size == flags.length) {
            int grown = Math.max(16, size * 2);
            person = Arrays.copyOf(person, grown);
            lifetime = Arrays.copyOf(lifetime, grown);
            flags = Arrays.copyOf(flags, grown);
            amounts = Arrays.copyOf(amounts, grown);
            at = Arrays.copyOf(at, grown);
            start = Arrays.copyOf(start, grown + 1);
        }
        flags[size] = flag;
        amounts[size] = amount;
        at[size] = atMicros;
        size++;
        start[size] = touches;
    }

    void touch(long atMicros, int key) {
        if (touches == touchAt.length) {
            touchAt = Arrays.copyOf(touchAt, touches * 2);
            touchKey = Arrays.copyOf(touchKey, touches * 2);
        }
        touchAt[touches] = atMicros;
        touchKey[touches] = key;
        touches++;
        start[size] = touches;
    }

    /** A touch, and (with {@link #keepAttributes()}) its post's attributes for the row of its key. */
    void touch(long atMicros, int key, String platform, String campaign, String stage) {
        touch(atMicros, key);
        if (keyAt != null && !GroupBy.NONE.equals(keys[key])) {
            long latest = keyAt[key];
            if (atMicros > latest || (atMicros == latest && compare(platform, campaign, stage, key) > 0)) {
                keyAt[key] = atMicros;
                keyPlatform[key] = platform;
                keyCampaign[key] = campaign;
                keyStage[key] = stage;
            }
        }
    }

    private int compare(String platform, String campaign, String stage, int key) {
        int c = compare(platform, keyPlatform[key]);
        if (c == 0) {
            c = compare(campaign, keyCampaign[key]);
        }
        return c != 0 ? c : compare(stage, keyStage[key]);
    }

    private static int compare(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    public int size() {
        return size;
    }

    static long micros(OffsetDateTime time) {
        return Math.addExact(Math.multiplyExact(time.toEpochSecond(), 1_000_000L), time.getNano() / 1_000);
    }

    static OffsetDateTime instant(long micros) {
        return OffsetDateTime.ofInstant(java.time.Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS),
                java.time.ZoneOffset.UTC);
    }

    /** The journeys as a batch keyed by {@code groupBy}. */
    public static Batch of(List<Journey> journeys, GroupBy groupBy) {
        Map<String, Integer> ids = new HashMap<>();
        int touches = 0;
        for (Journey journey : journeys) {
            touches += journey.touches().size();
        }
        int[] keyOf = new int[touches];
        int k = 0;
        for (Journey journey : journeys) {
            for (Journey.Touch touch : journey.touches()) {
                keyOf[k++] = ids.computeIfAbsent(groupBy.key(touch), key -> ids.size());
            }
        }
        String[] keys = new String[ids.size()];
        ids.forEach((key, id) -> keys[id] = key);
        Batch batch = new Batch(journeys.size(), touches, keys);
        if (groupBy == GroupBy.POST) {
            batch.keepAttributes();
        }
        Map<String, Integer> people = new HashMap<>();
        k = 0;
        for (Journey journey : journeys) {
            byte flag = (byte) ((journey.lead() ? LEAD : 0) | (journey.purchase() ? PURCHASE : 0)
                    | (journey.newCustomer() ? NEW_CUSTOMER : 0));
            batch.journey(flag, journey.amount(), micros(journey.occurredAt()),
                    people.computeIfAbsent(journey.person(), p -> people.size()),
                    journey.newCustomer() ? journey.lifetime() : null);
            for (Journey.Touch touch : journey.touches()) {
                batch.touch(micros(touch.occurredAt()), keyOf[k++], touch.platform(),
                        touch.campaignId() == null ? null : touch.campaignId().toString(), touch.funnelStage());
            }
        }
        return batch;
    }
}
