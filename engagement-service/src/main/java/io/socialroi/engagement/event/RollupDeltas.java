package io.socialroi.engagement.event;

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
