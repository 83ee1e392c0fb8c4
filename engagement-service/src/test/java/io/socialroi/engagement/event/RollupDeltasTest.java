package io.socialroi.engagement.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The aggregation of a batch's rollup deltas on its own: every delta equals a plain recount of the events. */
class RollupDeltasTest {

    private static final UUID NIL = new UUID(0, 0);

    /** A batch with repeats on every key: few posts, actors, hours, minutes, comment texts; some nulls. */
    static List<IncomingEvent> batch(long seed, int n) {
        Random r = new Random(seed);
        List<UUID> posts = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<UUID> campaigns = List.of(UUID.randomUUID(), UUID.randomUUID());
        Instant start = Instant.parse("2026-10-25T22:30:00Z");
        List<IncomingEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            EventType type = EventType.values()[r.nextInt(EventType.values().length)];
            UUID post = r.nextInt(5) == 0 ? null : posts.get(r.nextInt(posts.size()));
            UUID campaign = r.nextInt(3) == 0 ? null : campaigns.get(r.nextInt(campaigns.size()));
            Instant at = start.plusMillis(r.nextInt(3 * 3_600_000)).plusNanos(r.nextInt(1000) * 1000L + 499);
            String hash = type == EventType.COMMENT ? "text" + r.nextInt(3) : null;
            events.add(new IncomingEvent("e" + i, type, r.nextBoolean() ? Platform.INSTAGRAM : Platform.TIKTOK, post,
                    campaign, "actor" + r.nextInt(6), null, at, r.nextInt(4) == 0, null, hash));
        }
        return events;
    }

    private static long micros(IncomingEvent e) {
        return EventWriter.Micros.of(e.occurredAt());
    }

    private static String dims(IncomingEvent e) {
        return Math.floorDiv(micros(e), 3_600_000_000L) * 3600 + "|" + (e.postId() == null ? NIL : e.postId()) + "|"
                + e.platform() + "|" + (e.campaignId() == null ? NIL : e.campaignId()) + "|";
    }

    private static String dims(RollupDeltas.Dims d) {
        return d.bucket() + "|" + d.post() + "|" + d.platform() + "|" + d.campaign() + "|" + d.stage();
    }

    @Test
    void everyDeltaEqualsAPlainRecount() {
        for (long seed = 1; seed <= 20; seed++) {
            List<IncomingEvent> events = batch(seed, 50 + (int) seed * 20);
            RollupDeltas deltas = RollupDeltas.of(events);

            Map<String, Long> types = new TreeMap<>();
            Map<String, long[]> actors = new TreeMap<>();
            Map<String, Long> minutes = new TreeMap<>();
            Set<String> comments = new HashSet<>();
            long minHour = Long.MAX_VALUE;
            long maxHour = Long.MIN_VALUE;
            int columns = EventType.values().length;
            for (IncomingEvent e : events) {
                types.merge(dims(e) + "|" + e.type(), 1L, Long::sum);
                long[] a = actors.computeIfAbsent(dims(e) + "|" + e.actorId(), k -> {
                    long[] fresh = new long[columns + 2];
                    fresh[columns + 1] = Long.MIN_VALUE;
                    return fresh;
                });
                a[e.type().ordinal()]++;
                a[columns] += e.retargeting() ? 1 : 0;
                a[columns + 1] = Math.max(a[columns + 1], micros(e));
                if (e.type().isEngagement()) {
                    minutes.merge(e.actorId() + "|" + Math.floorDiv(micros(e), 60_000_000L) * 60, 1L, Long::sum);
                    if (e.commentHash() != null) {
                        comments.add(e.commentHash() + "|" + e.actorId());
                    }
                }
                long hour = Math.floorDiv(micros(e), 3_600_000_000L) * 3600;
                minHour = Math.min(minHour, hour);
                maxHour = Math.max(maxHour, hour);
            }

            Map<String, Long> gotTypes = new TreeMap<>();
            deltas.engagement().forEach(en -> gotTypes.put(dims(en.getKey().dims()) + "|" + en.getKey().type(),
                    en.getValue()[0]));
            assertEquals(types, gotTypes, "engagement_rollup, seed " + seed);

            Map<String, List<Long>> gotActors = new TreeMap<>();
            deltas.actors().forEach(en -> {
                List<Long> v = new ArrayList<>();
                for (int c : en.getValue().counts) {
                    v.add((long) c);
                }
                v.add((long) en.getValue().retargeting);
                v.add(en.getValue().lastAt);
                gotActors.put(dims(en.getKey().dims()) + "|" + en.getKey().actor(), v);
            });
            Map<String, List<Long>> wantActors = new TreeMap<>();
            actors.forEach((k, v) -> wantActors.put(k, java.util.Arrays.stream(v).boxed().toList()));
            assertEquals(wantActors, gotActors, "actor_rollup, seed " + seed);

            Map<String, Long> gotMinutes = new TreeMap<>();
            deltas.minutes().forEach(en -> gotMinutes.put(en.getKey().actor() + "|" + en.getKey().minute(),
                    (long) en.getValue()[0]));
            assertEquals(minutes, gotMinutes, "actor_minute, seed " + seed);

            Set<String> gotComments = new HashSet<>();
            deltas.comments().forEach(k -> gotComments.add(k.hash() + "|" + k.actor()));
            assertEquals(comments, gotComments, "actor_comment, seed " + seed);
            assertEquals(deltas.comments().size(), gotComments.size(), "each pair once");

            assertEquals(minHour, deltas.minBucket());
            assertEquals(maxHour, deltas.maxBucket());
            assertEquals(events.size(), gotTypes.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    /** Concurrent batches lock shared rollup rows in one order: every list comes sorted by its key. */
    @Test
    void theDeltasComeInTheFixedKeyOrder() {
        RollupDeltas deltas = RollupDeltas.of(batch(99, 500));
        assertSorted(deltas.engagement().stream().map(Map.Entry::getKey).toList(), RollupDeltas.TypeKey.ORDER);
        assertSorted(deltas.actors().stream().map(Map.Entry::getKey).toList(), RollupDeltas.ActorKey.ORDER);
        assertSorted(deltas.minutes().stream().map(Map.Entry::getKey).toList(), RollupDeltas.MinuteKey.ORDER);
        assertSorted(deltas.comments(), RollupDeltas.CommentKey.ORDER);
    }

    /**
     * The deltas pending in rollup_pending: any split of the events into batches, each encoded and decoded in any
     * order into one, gives exactly the deltas of all the events at once (what applying them inline would write).
     */
    @Test
    void encodedBatchesMergeIntoTheDeltasOfAllTheirEvents() {
        for (long seed = 1; seed <= 20; seed++) {
            List<IncomingEvent> events = batch(seed, 100 + (int) seed * 37);
            Random r = new Random(seed);
            List<List<IncomingEvent>> batches = new ArrayList<>();
            for (int i = 0; i < events.size(); ) {
                int n = 1 + r.nextInt(60);
                batches.add(events.subList(i, Math.min(events.size(), i + n)));
                i += n;
            }
            java.util.Collections.shuffle(batches, r);
            RollupDeltas merged = RollupDeltas.empty();
            for (List<IncomingEvent> b : batches) {
                RollupDeltas.decodeInto(RollupDeltas.of(b).encode(), merged);
            }
            RollupDeltas all = RollupDeltas.of(events);
            assertEquals(render(all), render(merged), "seed " + seed + ", " + batches.size() + " batches");
            assertEquals(all.minBucket(), merged.minBucket());
            assertEquals(all.maxBucket(), merged.maxBucket());
            assertEquals(events.size(), merged.events());
        }
    }

    @Test
    void aPendingRowOfAnotherFormatIsRefusedNotMisread() {
        byte[] encoded = RollupDeltas.of(batch(3, 40)).encode();
        encoded[3] = 9;
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> RollupDeltas.decodeInto(encoded, RollupDeltas.empty()));
        assertTrue(e.getMessage().contains("format"), e.getMessage());
    }

    /** Every delta of every table, keys in their order, as text. */
    private static String render(RollupDeltas d) {
        StringBuilder s = new StringBuilder();
        d.engagement().forEach(en -> s.append(dims(en.getKey().dims())).append('|').append(en.getKey().type())
                .append('=').append(en.getValue()[0]).append('\n'));
        d.actors().forEach(en -> s.append(dims(en.getKey().dims())).append('|').append(en.getKey().actor())
                .append('=').append(java.util.Arrays.toString(en.getValue().counts)).append(',')
                .append(en.getValue().retargeting).append(',').append(en.getValue().lastAt).append('\n'));
        d.minutes().forEach(en -> s.append(en.getKey()).append('=').append(en.getValue()[0]).append('\n'));
        d.comments().forEach(k -> s.append(k).append('\n'));
        return s.toString();
    }

    @Test
    void anEmptyBatchHasNoDeltas() {
        RollupDeltas deltas = RollupDeltas.of(List.of());
        assertTrue(deltas.engagement().isEmpty() && deltas.actors().isEmpty() && deltas.minutes().isEmpty()
                && deltas.comments().isEmpty());
        assertEquals(Long.MAX_VALUE, deltas.minBucket());
    }

    private static <K> void assertSorted(List<K> keys, Comparator<K> order) {
        assertTrue(keys.size() > 1);
        for (int i = 1; i < keys.size(); i++) {
            assertTrue(order.compare(keys.get(i - 1), keys.get(i)) < 0, "strictly ascending at " + i);
        }
    }
}
