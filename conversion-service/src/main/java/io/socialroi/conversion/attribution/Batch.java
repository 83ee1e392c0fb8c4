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
    BigDecimal[] amounts;
    long[] at;
    /** Touches of journey j are [start[j], start[j + 1]). */
    int[] start;
    int touches;
    long[] touchAt;
    int[] touchKey;
    /** Group key of each key id ("none" included where used). */
    final String[] keys;

    Batch(int journeys, int touches, String[] keys) {
        this.flags = new byte[journeys];
        this.amounts = new BigDecimal[journeys];
        this.at = new long[journeys];
        this.start = new int[journeys + 1];
        this.touchAt = new long[Math.max(touches, 16)];
        this.touchKey = new int[touchAt.length];
        this.keys = keys;
    }

    /** Starts the next journey; its touches follow with {@link #touch}. */
    void journey(byte flag, BigDecimal amount, long atMicros) {
        if (size == flags.length) {
            int grown = Math.max(16, size * 2);
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

    public int size() {
        return size;
    }

    static long micros(OffsetDateTime time) {
        return Math.addExact(Math.multiplyExact(time.toEpochSecond(), 1_000_000L), time.getNano() / 1_000);
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
        k = 0;
        for (Journey journey : journeys) {
            byte flag = (byte) ((journey.lead() ? LEAD : 0) | (journey.purchase() ? PURCHASE : 0)
                    | (journey.newCustomer() ? NEW_CUSTOMER : 0));
            batch.journey(flag, journey.amount(), micros(journey.occurredAt()));
            for (Journey.Touch touch : journey.touches()) {
                batch.touch(micros(touch.occurredAt()), keyOf[k++]);
            }
        }
        return batch;
    }
}
