package io.socialroi.engagement.summary;

import io.socialroi.engagement.event.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of one workspace's rollups in memory: engagement_rollup as UTC days of {@link DayChunk}s,
 * actor_rollup as {@link ActorRows} ordered by actor ({@code base} as loaded, plus {@code delta}: the rows of the
 * hours read again since, which replace the base rows of those hours, marked in {@code replaced}), with the
 * dictionaries of its dimensions and the actors flagged by all-time behaviour; and the summary computed from it
 * exactly as {@link SummaryQuery} computes it from the tables.
 */
final class WorkspaceRollups {

    /** Engagement types in the order of the actor counts of a {@link DayChunk} (LIKE first). */
    static final EventType[] ENGAGEMENTS = EventType.engagements().toArray(EventType[]::new);
    /** The engagement_rollup type index of redirect bot hits; the others are EventType ordinals. */
    static final int BOT_CLICK = EventType.values().length;
    private static final int ETYPES = BOT_CLICK + 1;
    private static final int LIKE = 0;

    final int firstDay;
    final DayChunk[] days;
    /** Dimension id -> post key, platform, campaign key, funnel stage (as the tables spell them, as text). */
    final String[] dimPost;
    final String[] dimPlatform;
    final String[] dimCampaign;
    final String[] dimStage;
    final int actorCount;
    final ActorRows base;
    final ActorRows delta;
    /** Bitset over the hours from {@code base.minHour} on whose base rows {@code delta} replaces. */
    final long[] replaced;
    /** Bitset over actor ids: flagged by bursts or identical comments, at the thresholds below. */
    final long[] flagged;
    final int flaggedBurst;
    final int flaggedIdentical;
    final long entries;
    final long bytes;
    private final long dictionaryBytes;

    WorkspaceRollups(int firstDay, DayChunk[] days, ActorRows base, ActorRows delta, long[] replaced,
            String[] dimPost, String[] dimPlatform, String[] dimCampaign, String[] dimStage, int actorCount,
            long[] flagged, int flaggedBurst, int flaggedIdentical, long dictionaryBytes) {
        this.firstDay = firstDay;
        this.days = days;
        this.base = base;
        this.delta = delta;
        this.replaced = replaced;
        this.dimPost = dimPost;
        this.dimPlatform = dimPlatform;
        this.dimCampaign = dimCampaign;
        this.dimStage = dimStage;
        this.actorCount = actorCount;
        this.flagged = flagged;
        this.flaggedBurst = flaggedBurst;
        this.flaggedIdentical = flaggedIdentical;
        this.dictionaryBytes = dictionaryBytes;
        long n = base.size() + delta.size();
        long b = dictionaryBytes + days.length * 8L + flagged.length * 8L + dimPost.length * 200L + base.bytes()
                + delta.bytes() + replaced.length * 8L;
        for (DayChunk d : days) {
            if (d != null) {
                n += d.entries();
                b += d.bytes();
            }
        }
        this.entries = n;
        this.bytes = b;
    }

    WorkspaceRollups withFlagged(long[] newFlagged, int burst, int identical) {
        return new WorkspaceRollups(firstDay, days, base, delta, replaced, dimPost, dimPlatform, dimCampaign, dimStage,
                actorCount, newFlagged, burst, identical, dictionaryBytes);
    }

    private DayChunk day(int day) {
        int i = day - firstDay;
        return i < 0 || i >= days.length ? null : days[i];
    }

    /**
     * The summary over the UTC hours [fromHour, toHour) (epoch hours), as {@link SummaryQuery#run}: rows by key plus
     * the totals under {@link SummaryQuery#TOTAL}.
     */
    Map<String, SummaryQuery.Acc> summary(long fromHour, long toHour, ZoneId zone, GroupBy groupBy, String campaignKey,
            int onlyLikesMin) {
        long first = Math.min(days.length == 0 ? Long.MAX_VALUE : firstDay * 24L,
                Math.min(base.minHour, delta.minHour));
        long last = Math.max(days.length == 0 ? Long.MIN_VALUE : (firstDay + (long) days.length) * 24L,
                Math.max(base.maxHour + 1L, delta.maxHour + 1L));
        long lo = Math.max(fromHour, first);
        long hi = Math.min(toHour, last);
        int dims = dimPost.length;
        boolean[] dimOk = new boolean[dims];
        int[] dimGroup = new int[dims];
        List<String> keys = new ArrayList<>();
        int[] hourGroup = null;
        if (groupBy == GroupBy.DAY) {
            Arrays.fill(dimOk, true);
            hourGroup = new int[(int) Math.max(0, hi - lo)];
            long nextDay = Long.MIN_VALUE;
            for (long h = lo; h < hi; h++) {
                if (h >= nextDay) {
                    LocalDate date = Instant.ofEpochSecond(h * 3600).atZone(zone).toLocalDate();
                    keys.add(date.toString());
                    nextDay = Math.floorDiv(date.plusDays(1).atStartOfDay(zone).toEpochSecond() + 3599, 3600);
                }
                hourGroup[(int) (h - lo)] = keys.size() - 1;
            }
        } else {
            Map<String, Integer> index = new HashMap<>();
            for (int d = 0; d < dims; d++) {
                String key = switch (groupBy) {
                    case POST -> dimPost[d];
                    case PLATFORM -> dimPlatform[d];
                    case FUNNELSTAGE -> dimStage[d];
                    default -> dimCampaign[d];
                };
                dimGroup[d] = index.computeIfAbsent(key, k -> {
                    keys.add(k);
                    return keys.size() - 1;
                });
            }
        }
        if (campaignKey != null) {
            for (int d = 0; d < dims; d++) {
                dimOk[d] = campaignKey.equals(dimCampaign[d]);
            }
        } else {
            Arrays.fill(dimOk, true);
        }
        int groups = keys.size();
        boolean day = groupBy == GroupBy.DAY;
        boolean[] present = new boolean[groups];
        boolean[] actorRows = new boolean[groups];
        long[] counts = new long[groups * ETYPES];
        // Counts from engagement_rollup rows.
        for (long h = lo; h < hi; h++) {
            DayChunk c = day(Math.toIntExact(Math.floorDiv(h, 24)));
            if (c == null) {
                h = Math.floorDiv(h, 24) * 24 + 23;
                continue;
            }
            int j = (int) (h - c.day * 24L);
            int hg = day ? hourGroup[(int) (h - lo)] : 0;
            for (int r = c.eOff[j], end = c.eOff[j + 1]; r < end; r++) {
                int d = c.eDim[r];
                if (dimOk[d]) {
                    int g = day ? hg : dimGroup[d];
                    counts[g * ETYPES + c.eType[r]] += c.eEvents[r];
                    present[g] = true;
                }
            }
        }
        // actor_rollup rows, one actor after the other: first its likes and engagement within the period (the
        // "only likes" rule needs the whole period), then its groups: suspicious or genuine, and distinct actors
        // (lastActor[g] is the last actor counted in group g).
        int[] lastActor = new int[groups];
        Arrays.fill(lastActor, -1);
        long uniqueTotal = 0;
        long[] unique = new long[groups];
        long[] actorEng = new long[groups];
        long[] suspicious = new long[groups];
        long[] genuine = new long[groups * ActorRows.TYPES];
        ActorRows[] sets = {base, delta};
        int lo32 = (int) Math.max(Integer.MIN_VALUE, lo);
        int hi32 = (int) Math.min(Integer.MAX_VALUE, hi);
        int replacedFrom = base.minHour;
        for (int a = 0; a < actorCount; a++) {
            long likes = 0;
            long engaged = 0;
            boolean any = false;
            for (int set = 0; set < 2; set++) {
                ActorRows rows = sets[set];
                if (a >= rows.actors()) {
                    continue;
                }
                for (int r = rows.off[a], end2 = rows.off[a + 1]; r < end2; r++) {
                    int h = rows.hour[r];
                    if (h < lo32 || h >= hi32 || !dimOk[rows.dim[r]]
                            || set == 0 && (replaced[(h - replacedFrom) >>> 6] & 1L << (h - replacedFrom)) != 0) {
                        continue;
                    }
                    any = true;
                    int p = rows.packed[r];
                    if (p >= 0) {
                        int n = p & 0xFFFFFF;
                        engaged += n;
                        if (p >>> 24 == LIKE) {
                            likes += n;
                        }
                    } else {
                        int w = (-p - 1) * ActorRows.TYPES;
                        likes += rows.wide[w + LIKE];
                        for (int t = 0; t < ActorRows.TYPES; t++) {
                            engaged += rows.wide[w + t];
                        }
                    }
                }
            }
            if (!any) {
                continue;
            }
            uniqueTotal++;
            boolean sus = (flagged[a >>> 6] & 1L << a) != 0 || likes >= onlyLikesMin && likes == engaged;
            for (int set = 0; set < 2; set++) {
                ActorRows rows = sets[set];
                if (a >= rows.actors()) {
                    continue;
                }
                for (int r = rows.off[a], end2 = rows.off[a + 1]; r < end2; r++) {
                    int h = rows.hour[r];
                    int d = rows.dim[r];
                    if (h < lo32 || h >= hi32 || !dimOk[d]
                            || set == 0 && (replaced[(h - replacedFrom) >>> 6] & 1L << (h - replacedFrom)) != 0) {
                        continue;
                    }
                    int g = day ? hourGroup[h - lo32] : dimGroup[d];
                    int p = rows.packed[r];
                    long eng;
                    if (p >= 0) {
                        eng = p & 0xFFFFFF;
                        if (!sus) {
                            genuine[g * ActorRows.TYPES + (p >>> 24)] += eng;
                        }
                    } else {
                        int w = (-p - 1) * ActorRows.TYPES;
                        eng = 0;
                        for (int t = 0; t < ActorRows.TYPES; t++) {
                            int n = rows.wide[w + t];
                            eng += n;
                            if (!sus) {
                                genuine[g * ActorRows.TYPES + t] += n;
                            }
                        }
                    }
                    actorEng[g] += eng;
                    if (sus) {
                        suspicious[g] += eng;
                    }
                    actorRows[g] = true;
                    if (lastActor[g] != a) {
                        lastActor[g] = a;
                        unique[g]++;
                    }
                }
            }
        }
        Map<String, SummaryQuery.Acc> rows = new LinkedHashMap<>();
        SummaryQuery.Acc total = new SummaryQuery.Acc();
        rows.put(SummaryQuery.TOTAL, total);
        total.uniqueActors = uniqueTotal;
        boolean anyActors = false;
        long[] totalCounts = new long[ETYPES];
        long[] totalGenuine = new long[ActorRows.TYPES];
        EventType[] types = EventType.values();
        for (int g = 0; g < groups; g++) {
            if (!present[g] && !actorRows[g]) {
                continue;
            }
            SummaryQuery.Acc acc = new SummaryQuery.Acc();
            for (int t = 0; t < ETYPES; t++) {
                long n = counts[g * ETYPES + t];
                if (n != 0) {
                    if (t == BOT_CLICK) {
                        acc.botClicks = n;
                    } else {
                        acc.counts.put(types[t], n);
                    }
                    totalCounts[t] += n;
                }
            }
            if (actorRows[g]) {
                anyActors = true;
                acc.uniqueActors = unique[g];
                acc.actorEngagements = actorEng[g];
                acc.suspiciousEngagements = suspicious[g];
                total.actorEngagements += actorEng[g];
                total.suspiciousEngagements += suspicious[g];
                for (int t = 0; t < ActorRows.TYPES; t++) {
                    acc.genuine.put(ENGAGEMENTS[t], genuine[g * ActorRows.TYPES + t]);
                    totalGenuine[t] += genuine[g * ActorRows.TYPES + t];
                }
            }
            rows.put(keys.get(g), acc);
        }
        for (int t = 0; t < ETYPES; t++) {
            if (totalCounts[t] != 0) {
                if (t == BOT_CLICK) {
                    total.botClicks = totalCounts[t];
                } else {
                    total.counts.put(types[t], totalCounts[t]);
                }
            }
        }
        for (int t = 0; t < ActorRows.TYPES; t++) {
            total.genuine.put(ENGAGEMENTS[t], anyActors ? totalGenuine[t] : 0L);
        }
        return rows;
    }
}
