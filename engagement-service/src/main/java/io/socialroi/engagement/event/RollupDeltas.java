package io.socialroi.engagement.event;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every rollup delta of a batch's fresh events, aggregated in memory to one row per distinct key, and the keys in the
 * fixed order in which {@link EventWriter} upserts them (concurrent batches then lock shared rows in the same order):
 * <ul>
 * <li>{@code engagement_rollup}: events per hour, post, platform, the event's campaign, stage ('') and type;</li>
 * <li>{@code actor_rollup}: per the same dimensions and actor, a count per type, retargeted events, the latest
 * time;</li>
 * <li>{@code actor_minute}: engagements (not impressions or views) per actor and minute;</li>
 * <li>{@code actor_comment}: the distinct (comment hash, actor) pairs of engagements with a comment;</li>
 * <li>the span of hours touched, for the change log {@code rollup_change}.</li>
 * </ul>
 * Pure computation: no database, so it is tested on its own against a plain recount.
 *
 * <p>Deltas travel through {@code rollup_pending} ({@link RollupQueue}) between the acknowledgement of a batch and
 * their application: {@link #encode()} writes them in a compact binary form (each distinct dimension once, the
 * type names of the actor counts in a header so that a pending row written by another version decodes by name),
 * {@link #decodeInto} adds such a form to the deltas of other batches. Merging is order-free: counts add up, the
 * latest time is the greater, comment pairs are a set; so applying batches together or one by one, in any order,
 * writes the same rollups.
 */
final class RollupDeltas {

    static final UUID NIL = new UUID(0, 0);
    /** Event types in the order of their {@code actor_rollup} columns (every type since V6). */
    static final List<EventType> ENGAGEMENTS = EventType.actorTypes();
    /** Index into {@link #ENGAGEMENTS} by type ordinal. */
    private static final int[] COLUMN = Arrays.stream(EventType.values()).mapToInt(ENGAGEMENTS::indexOf).toArray();
    static final long MICROS_PER_HOUR = 3_600_000_000L;
    static final long MICROS_PER_MINUTE = 60_000_000L;

    /** The dimensions of a rollup row: UTC hour (epoch seconds), post, platform, the event's campaign, stage (''). */
    record Dims(long bucket, UUID post, String platform, UUID campaign, String stage) {
        static final Comparator<Dims> ORDER = Dims::compare;

        static int compare(Dims a, Dims b) {
            if (a == b) {
                return 0;
            }
            int c = Long.compare(a.bucket, b.bucket);
            if (c == 0) {
                c = a.post.compareTo(b.post);
            }
            if (c == 0) {
                c = a.platform.compareTo(b.platform);
            }
            if (c == 0) {
                c = a.campaign.compareTo(b.campaign);
            }
            return c != 0 ? c : a.stage.compareTo(b.stage);
        }
    }

    record TypeKey(Dims dims, String type) {
        static final Comparator<TypeKey> ORDER = (a, b) -> {
            int c = Dims.compare(a.dims, b.dims);
            return c != 0 ? c : a.type.compareTo(b.type);
        };
    }

    record ActorKey(Dims dims, String actor) {
        static final Comparator<ActorKey> ORDER = (a, b) -> {
            int c = Dims.compare(a.dims, b.dims);
            return c != 0 ? c : a.actor.compareTo(b.actor);
        };
    }

    record MinuteKey(String actor, long minute) {
        static final Comparator<MinuteKey> ORDER = Comparator.comparing(MinuteKey::actor)
                .thenComparingLong(MinuteKey::minute);
    }

    record CommentKey(String hash, String actor) {
        static final Comparator<CommentKey> ORDER = Comparator.comparing(CommentKey::hash)
                .thenComparing(CommentKey::actor);
    }

    /** One actor_rollup delta: a count per type ({@link #ENGAGEMENTS} order), retargeted events, latest time (us). */
    static final class ActorDelta {
        final int[] counts = new int[ENGAGEMENTS.size()];
        int retargeting;
        long lastAt = Long.MIN_VALUE;
    }

    private final Map<TypeKey, long[]> counts = new HashMap<>();
    private final Map<ActorKey, ActorDelta> actors;
    private final Map<MinuteKey, int[]> minutes = new HashMap<>();
    private final Set<CommentKey> comments = new HashSet<>();
    private final Map<Dims, Dims> dims = new HashMap<>();
    private long minBucket = Long.MAX_VALUE;
    private long maxBucket = Long.MIN_VALUE;

    private RollupDeltas(int events) {
        actors = new HashMap<>(events * 2);
    }

    /** No delta yet: the batches of {@code rollup_pending} are decoded into it. */
    static RollupDeltas empty() {
        return new RollupDeltas(16);
    }

    /** The deltas of the events (each counted once: the caller passes only the fresh ones). */
    static RollupDeltas of(List<IncomingEvent> events) {
        RollupDeltas d = new RollupDeltas(events.size());
        for (IncomingEvent e : events) {
            d.add(e);
        }
        return d;
    }

    private void add(IncomingEvent e) {
        long micros = EventWriter.Micros.of(e.occurredAt());
        Dims key = new Dims(Math.floorDiv(micros, MICROS_PER_HOUR) * 3600, e.postId() == null ? NIL : e.postId(),
                e.platform().name(), e.campaignId() == null ? NIL : e.campaignId(), "");
        Dims known = dims.putIfAbsent(key, key);
        if (known == null) {
            minBucket = Math.min(minBucket, key.bucket());
            maxBucket = Math.max(maxBucket, key.bucket());
        } else {
            key = known;
        }
        counts.computeIfAbsent(new TypeKey(key, e.type().name()), k -> new long[1])[0]++;
        // Every type per actor (reached and engaged actors, views in audiences); minutes and comments judge
        // engagement only.
        ActorDelta delta = actors.computeIfAbsent(new ActorKey(key, e.actorId()), k -> new ActorDelta());
        delta.counts[COLUMN[e.type().ordinal()]]++;
        if (e.retargeting()) {
            delta.retargeting++;
        }
        delta.lastAt = Math.max(delta.lastAt, micros);
        if (!e.type().isEngagement()) {
            return;
        }
        minutes.computeIfAbsent(new MinuteKey(e.actorId(), Math.floorDiv(micros, MICROS_PER_MINUTE) * 60),
                k -> new int[1])[0]++;
        if (e.commentHash() != null) {
            comments.add(new CommentKey(e.commentHash(), e.actorId()));
        }
    }

    /** How many events these deltas count (engagement_rollup's sum): the weight of a pending batch. */
    long events() {
        long n = 0;
        for (long[] c : counts.values()) {
            n += c[0];
        }
        return n;
    }

    private static final int FORMAT = 1;

    /** The compact binary form of these deltas, read back by {@link #decodeInto}. */
    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + actors.size() * 48);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(ENGAGEMENTS.size());
            for (EventType t : ENGAGEMENTS) {
                string(out, t.name());
            }
            Map<Dims, Integer> index = new HashMap<>(dims.size() * 2);
            out.writeInt(dims.size());
            for (Dims d : dims.keySet()) {
                index.put(d, index.size());
                out.writeLong(d.bucket());
                uuid(out, d.post());
                string(out, d.platform());
                uuid(out, d.campaign());
                string(out, d.stage());
            }
            out.writeInt(counts.size());
            for (Map.Entry<TypeKey, long[]> e : counts.entrySet()) {
                out.writeInt(index.get(e.getKey().dims()));
                string(out, e.getKey().type());
                out.writeLong(e.getValue()[0]);
            }
            out.writeInt(actors.size());
            for (Map.Entry<ActorKey, ActorDelta> e : actors.entrySet()) {
                out.writeInt(index.get(e.getKey().dims()));
                string(out, e.getKey().actor());
                ActorDelta a = e.getValue();
                for (int count : a.counts) {
                    out.writeInt(count);
                }
                out.writeInt(a.retargeting);
                out.writeLong(a.lastAt);
            }
            out.writeInt(minutes.size());
            for (Map.Entry<MinuteKey, int[]> e : minutes.entrySet()) {
                string(out, e.getKey().actor());
                out.writeLong(e.getKey().minute());
                out.writeInt(e.getValue()[0]);
            }
            out.writeInt(comments.size());
            for (CommentKey k : comments) {
                string(out, k.hash());
                string(out, k.actor());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Adds the deltas of one encoded batch to {@code into}. */
    static void decodeInto(byte[] encoded, RollupDeltas into) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalStateException("rollup_pending row of unknown format " + format);
            }
            int[] column = new int[in.readInt()];
            for (int i = 0; i < column.length; i++) {
                column[i] = COLUMN[EventType.valueOf(string(in)).ordinal()];
            }
            Dims[] dims = new Dims[in.readInt()];
            for (int i = 0; i < dims.length; i++) {
                Dims d = new Dims(in.readLong(), uuid(in), string(in), uuid(in), string(in));
                Dims known = into.dims.putIfAbsent(d, d);
                dims[i] = known == null ? d : known;
                into.minBucket = Math.min(into.minBucket, d.bucket());
                into.maxBucket = Math.max(into.maxBucket, d.bucket());
            }
            for (int i = in.readInt(); i > 0; i--) {
                Dims d = dims[in.readInt()];
                into.counts.computeIfAbsent(new TypeKey(d, string(in)), k -> new long[1])[0] += in.readLong();
            }
            for (int i = in.readInt(); i > 0; i--) {
                Dims d = dims[in.readInt()];
                ActorDelta a = into.actors.computeIfAbsent(new ActorKey(d, string(in)), k -> new ActorDelta());
                for (int c : column) {
                    a.counts[c] += in.readInt();
                }
                a.retargeting += in.readInt();
                a.lastAt = Math.max(a.lastAt, in.readLong());
            }
            for (int i = in.readInt(); i > 0; i--) {
                into.minutes.computeIfAbsent(new MinuteKey(string(in), in.readLong()), k -> new int[1])[0] += in.readInt();
            }
            for (int i = in.readInt(); i > 0; i--) {
                into.comments.add(new CommentKey(string(in), string(in)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rollup_pending row cannot be read", e);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void uuid(DataOutputStream out, UUID u) throws IOException {
        out.writeLong(u.getMostSignificantBits());
        out.writeLong(u.getLeastSignificantBits());
    }

    private static UUID uuid(DataInputStream in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }

    /** engagement_rollup deltas (events), in key order. */
    List<Map.Entry<TypeKey, long[]>> engagement() {
        return sorted(counts, TypeKey.ORDER);
    }

    /** actor_rollup deltas, in key order. */
    List<Map.Entry<ActorKey, ActorDelta>> actors() {
        return sorted(actors, ActorKey.ORDER);
    }

    /** actor_minute deltas (engagements), in key order. */
    List<Map.Entry<MinuteKey, int[]>> minutes() {
        return sorted(minutes, MinuteKey.ORDER);
    }

    /** The distinct (comment hash, actor) pairs, in key order. */
    List<CommentKey> comments() {
        return comments.stream().sorted(CommentKey.ORDER).toList();
    }

    /** The first and last hour bucket touched (epoch seconds); MAX_VALUE and MIN_VALUE when there was no event. */
    long minBucket() {
        return minBucket;
    }

    long maxBucket() {
        return maxBucket;
    }

    /** The entries in key order: every batch takes the row locks of a rollup table in the same order. */
    private static <K, V> List<Map.Entry<K, V>> sorted(Map<K, V> map, Comparator<K> order) {
        List<Map.Entry<K, V>> entries = new ArrayList<>(map.entrySet());
        entries.sort(Map.Entry.comparingByKey(order));
        return entries;
    }
}
