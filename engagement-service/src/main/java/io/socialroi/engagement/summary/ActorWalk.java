package io.socialroi.engagement.summary;

import io.socialroi.engagement.actor.FlaggedActors;
import io.socialroi.engagement.event.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The actor half of a {@link WorkspaceRollups#summary}: its actor_rollup rows, one actor after the other. Per actor,
 * first whether it is flagged for the period ({@link FlaggedActors}: burst minutes and comment hours of the window,
 * any post) and its likes and engagement within the period (the "only likes" rule needs the whole period), then its
 * groups: flagged, suspicious or genuine, and whether it is a new distinct actor of the group.
 *
 * <p>Every actor's rows belong to one slice of actor ids, so the slices are walked apart (on {@link #POOL}, the
 * calling thread taking the first) and their figures added up: distinct actors per group too, since no actor is in
 * two slices. The answer is the same for any number of slices ({@code SummaryStoreEquivalenceTest} compares the
 * store with the SQL at several slice counts). Most rows hold a single type ({@link ActorRows}' packed form), which
 * the walk reads without unpacking.
 */
final class ActorWalk {

    /** The summaries' worker threads: one per processor (the common pool has one fewer, none on two cores). */
    private static final ForkJoinPool POOL = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
            pool -> {
                var thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                thread.setName("summary-walk-" + thread.getPoolIndex());
                thread.setDaemon(true);
                return thread;
            }, null, false);
    /** Below this many rows a summary is walked in one slice (splitting costs more than it saves). */
    static final int MIN_ROWS_PER_SLICE = 100_000;
    /** At most this many slices (set by tests to compare slice counts; 0: one per processor). */
    static volatile int maxSlices = 0;

    private static final int TYPES = ActorRows.TYPES;
    private static final int LIKE = EventType.LIKE.ordinal();
    private static final int IMPRESSION = EventType.IMPRESSION.ordinal();
    private static final int CLICK = EventType.CLICK.ordinal();
    private static final int COMMENT = EventType.COMMENT.ordinal();
    private static final int MAX_PACKED = 0xFFFFFF;
    private static final boolean[] ENGAGEMENT = new boolean[TYPES];

    static {
        for (EventType t : WorkspaceRollups.TYPES) {
            ENGAGEMENT[t.ordinal()] = t.isEngagement();
        }
    }

    /** The figures of one slice of actors, per group (and the totals' distinct actors). */
    static final class Part {
        final boolean[] actorRows;
        final long[] unique;
        final long[] reached;
        final long[] engagedActors;
        final long[] clicked;
        final long[] actorEng;
        final long[] suspicious;
        final long[] flaggedEng;
        final long[] genuine;
        long totalUnique;
        long totalReached;
        long totalEngaged;
        long totalClicked;

        Part(int groups) {
            actorRows = new boolean[groups];
            unique = new long[groups];
            reached = new long[groups];
            engagedActors = new long[groups];
            clicked = new long[groups];
            actorEng = new long[groups];
            suspicious = new long[groups];
            flaggedEng = new long[groups];
            genuine = new long[groups * TYPES];
        }

        void add(Part o) {
            for (int g = 0; g < actorRows.length; g++) {
                actorRows[g] |= o.actorRows[g];
                unique[g] += o.unique[g];
                reached[g] += o.reached[g];
                engagedActors[g] += o.engagedActors[g];
                clicked[g] += o.clicked[g];
                actorEng[g] += o.actorEng[g];
                suspicious[g] += o.suspicious[g];
                flaggedEng[g] += o.flaggedEng[g];
            }
            for (int i = 0; i < genuine.length; i++) {
                genuine[i] += o.genuine[i];
            }
            totalUnique += o.totalUnique;
            totalReached += o.totalReached;
            totalEngaged += o.totalEngaged;
            totalClicked += o.totalClicked;
        }
    }

    private final WorkspaceRollups w;
    private final ActorRows[] sets;
    private final int lo32;
    private final int hi32;
    private final long windowFrom;
    private final int windowLo32;
    private final int windowHi32;
    private final long toHour;
    /** Hour (minus lo32) -> group when grouping by day, else null. */
    private final int[] hourGroup;
    private final int[] dimGroup;
    private final boolean[] dimOk;
    private final int groups;
    private final int onlyLikesMin;

    ActorWalk(WorkspaceRollups w, long lo, long hi, long fromHour, long toHour, int[] hourGroup, int[] dimGroup,
            boolean[] dimOk, int groups, int onlyLikesMin) {
        this.w = w;
        this.sets = new ActorRows[] {w.base, w.delta};
        this.lo32 = (int) Math.max(Integer.MIN_VALUE, lo);
        this.hi32 = (int) Math.min(Integer.MAX_VALUE, hi);
        this.windowFrom = FlaggedActors.windowStartHour(fromHour);
        this.windowLo32 = (int) Math.max(Integer.MIN_VALUE, windowFrom);
        this.windowHi32 = (int) Math.min(Integer.MAX_VALUE, toHour);
        this.toHour = toHour;
        this.hourGroup = hourGroup;
        this.dimGroup = dimGroup;
        this.dimOk = dimOk;
        this.groups = groups;
        this.onlyLikesMin = onlyLikesMin;
    }

    /** Every actor, in as many slices as the rows and processors allow. */
    Part run() {
        long rows = (long) w.base.size() + w.delta.size();
        int slices = maxSlices > 0 ? Math.min(maxSlices, Math.max(1, w.actorCount))
                : (int) Math.max(1, Math.min(POOL.getParallelism(), rows / MIN_ROWS_PER_SLICE));
        if (slices <= 1) {
            return walk(0, w.actorCount);
        }
        int[] bounds = bounds(slices);
        List<ForkJoinTask<Part>> others = new ArrayList<>();
        for (int s = 1; s < slices; s++) {
            int from = bounds[s];
            int to = bounds[s + 1];
            others.add(POOL.submit(() -> walk(from, to)));
        }
        Part part = walk(bounds[0], bounds[1]);
        for (ForkJoinTask<Part> other : others) {
            part.add(other.join());
        }
        return part;
    }

    /** Slice boundaries over the actor ids, about as many base rows in each. */
    private int[] bounds(int slices) {
        int[] bounds = new int[slices + 1];
        int[] off = w.base.off;
        int baseActors = w.base.actors();
        long total = w.base.size();
        for (int s = 1; s < slices; s++) {
            int a;
            if (baseActors == 0 || total == 0) {
                a = (int) ((long) w.actorCount * s / slices);
            } else {
                long target = total * s / slices;
                int found = Arrays.binarySearch(off, 0, baseActors + 1, (int) target);
                a = found >= 0 ? found : -found - 1;
            }
            bounds[s] = Math.max(bounds[s - 1], Math.min(a, w.actorCount));
        }
        bounds[slices] = w.actorCount;
        return bounds;
    }

    /** Whether the base rows of hour {@code h} are replaced by the delta's (the hours read again since the load). */
    private boolean replacedInBase(int h) {
        int i = h - w.base.minHour;
        return i >= 0 && (w.replaced[i >>> 6] & 1L << i) != 0;
    }

    /** The actors [from, to). */
    Part walk(int from, int to) {
        Part p = new Part(groups);
        int[] lastUnique = new int[groups];
        int[] lastReached = new int[groups];
        int[] lastEngaged = new int[groups];
        int[] lastClicked = new int[groups];
        Arrays.fill(lastUnique, -1);
        Arrays.fill(lastReached, -1);
        Arrays.fill(lastEngaged, -1);
        Arrays.fill(lastClicked, -1);
        WorkspaceRollups.Flags flags = w.flags;
        boolean day = hourGroup != null;
        int[] counts = new int[TYPES];
        for (int a = from; a < to; a++) {
            long likes = 0;
            long engaged = 0;
            boolean any = false;
            boolean unq = false;
            boolean rch = false;
            boolean eng = false;
            boolean clk = false;
            boolean farm = flags.farmText(a);
            boolean commented = false;
            for (int set = 0; set < 2; set++) {
                ActorRows rows = sets[set];
                if (a >= rows.actors()) {
                    continue;
                }
                int[] hour = rows.hour;
                char[] dim = rows.dim;
                int[] packed = rows.packed;
                for (int r = rows.off[a], end = rows.off[a + 1]; r < end; r++) {
                    int h = hour[r];
                    if (set == 0 && replacedInBase(h)) {
                        continue;
                    }
                    if (farm && !commented && h >= windowLo32 && h < windowHi32 && rows.count(r, COMMENT) > 0) {
                        commented = true;
                    }
                    if (h < lo32 || h >= hi32 || !dimOk[dim[r]]) {
                        continue;
                    }
                    any = true;
                    int pk = packed[r];
                    if (pk >= 0) {
                        int n = pk & MAX_PACKED;
                        if (n != 0) {
                            int t = pk >>> 24;
                            rch = true;
                            eng |= t != IMPRESSION;
                            clk |= t == CLICK;
                            if (ENGAGEMENT[t]) {
                                unq = true;
                                engaged += n;
                                if (t == LIKE) {
                                    likes += n;
                                }
                            }
                        }
                        continue;
                    }
                    rows.counts(r, counts);
                    for (int t = 0; t < TYPES; t++) {
                        int n = counts[t];
                        if (n != 0) {
                            rch = true;
                            eng |= t != IMPRESSION;
                            clk |= t == CLICK;
                            if (ENGAGEMENT[t]) {
                                unq = true;
                                engaged += n;
                                if (t == LIKE) {
                                    likes += n;
                                }
                            }
                        }
                    }
                }
            }
            if (!any) {
                continue;
            }
            boolean flagged = commented || flags.burstWithin(a, windowFrom * 60, toHour * 60);
            if (unq) {
                p.totalUnique++;
            }
            if (!flagged) {
                p.totalReached += rch ? 1 : 0;
                p.totalEngaged += eng ? 1 : 0;
                p.totalClicked += clk ? 1 : 0;
            }
            boolean sus = flagged || likes >= onlyLikesMin && likes == engaged;
            for (int set = 0; set < 2; set++) {
                ActorRows rows = sets[set];
                if (a >= rows.actors()) {
                    continue;
                }
                int[] hour = rows.hour;
                char[] dim = rows.dim;
                int[] packed = rows.packed;
                for (int r = rows.off[a], end = rows.off[a + 1]; r < end; r++) {
                    int h = hour[r];
                    int d = dim[r];
                    if (h < lo32 || h >= hi32 || !dimOk[d] || set == 0 && replacedInBase(h)) {
                        continue;
                    }
                    int g = day ? hourGroup[h - lo32] : dimGroup[d];
                    long e = 0;
                    boolean seen;
                    boolean nonzero;
                    boolean click;
                    int pk = packed[r];
                    if (pk >= 0) {
                        int n = pk & MAX_PACKED;
                        int t = pk >>> 24;
                        nonzero = n != 0;
                        seen = nonzero && t != IMPRESSION;
                        click = nonzero && t == CLICK;
                        if (nonzero && ENGAGEMENT[t]) {
                            e = n;
                            if (!sus) {
                                p.genuine[g * TYPES + t] += n;
                            }
                        }
                    } else {
                        rows.counts(r, counts);
                        seen = false;
                        nonzero = false;
                        for (int t = 0; t < TYPES; t++) {
                            int n = counts[t];
                            if (n == 0) {
                                continue;
                            }
                            nonzero = true;
                            seen |= t != IMPRESSION;
                            if (ENGAGEMENT[t]) {
                                e += n;
                                if (!sus) {
                                    p.genuine[g * TYPES + t] += n;
                                }
                            }
                        }
                        click = counts[CLICK] > 0;
                    }
                    p.actorEng[g] += e;
                    if (sus) {
                        p.suspicious[g] += e;
                    }
                    if (flagged) {
                        p.flaggedEng[g] += e;
                    }
                    p.actorRows[g] = true;
                    if (e > 0 && lastUnique[g] != a) {
                        lastUnique[g] = a;
                        p.unique[g]++;
                    }
                    if (!flagged) {
                        if (nonzero && lastReached[g] != a) {
                            lastReached[g] = a;
                            p.reached[g]++;
                        }
                        if (seen && lastEngaged[g] != a) {
                            lastEngaged[g] = a;
                            p.engagedActors[g]++;
                        }
                        if (click && lastClicked[g] != a) {
                            lastClicked[g] = a;
                            p.clicked[g]++;
                        }
                    }
                }
            }
        }
        return p;
    }
}
