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
 * An immutable snapshot of one workspace's rollups in memory (UTC days of {@link DayChunk}s), with the
 * dictionaries of its dimensions and the actors flagged by all-time behaviour, and the summary computed from it
 * exactly as {@link SummaryQuery} computes it from the tables.
 */
final class WorkspaceRollups {

    /** Engagement types in the order of the actor counts of a {@link DayChunk} (LIKE first). */
    static final EventType[] ENGAGEMENTS = Arrays.stream(EventType.values()).filter(EventType::isEngagement)
            .toArray(EventType[]::new);
    /** The engagement_rollup type index of redirect bot hits; the others are EventType ordinals. */
    static final int BOT_CLICK = EventType.values().length;
    private static final int ETYPES = BOT_CLICK + 1;
    private static final int LIKE = 0;
    /** Above this many words of per-group actor bitsets a summary is left to SQL (64 MB). */
    private static final long MAX_BITSET_WORDS = 8L << 20;

    final int firstDay;
    final DayChunk[] days;
    /** Dimension id -> post key, platform, campaign key, funnel stage (as the tables spell them, as text). */
    final String[] dimPost;
    final String[] dimPlatform;
    final String[] dimCampaign;
    final String[] dimStage;
    final int actorCount;
    /** Bitset over actor ids: flagged by bursts or identical comments, at the thresholds below. */
    final long[] flagged;
    final int flaggedBurst;
    final int flaggedIdentical;
    final long entries;
    final long bytes;
    private final long dictionaryBytes;

    WorkspaceRollups(int firstDay, DayChunk[] days, String[] dimPost, String[] dimPlatform, String[] dimCampaign,
            String[] dimStage, int actorCount, long[] flagged, int flaggedBurst, int flaggedIdentical,
            long dictionaryBytes) {
        this.firstDay = firstDay;
        this.days = days;
        this.dimPost = dimPost;
        this.dimPlatform = dimPlatform;
        this.dimCampaign = dimCampaign;
        this.dimStage = dimStage;
        this.actorCount = actorCount;
        this.flagged = flagged;
        this.flaggedBurst = flaggedBurst;
        this.flaggedIdentical = flaggedIdentical;
        this.dictionaryBytes = dictionaryBytes;
        long n = 0;
        long b = dictionaryBytes + days.length * 8L + flagged.length * 8L + dimPost.length * 200L;
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
        return new WorkspaceRollups(firstDay, days, dimPost, dimPlatform, dimCampaign, dimStage, actorCount,
                newFlagged, burst, identical, dictionaryBytes);
    }

    private DayChunk day(int day) {
        int i = day - firstDay;
        return i < 0 || i >= days.length ? null : days[i];
    }

    /**
     * The summary over the UTC hours [fromHour, toHour) (epoch hours), as {@link SummaryQuery#run}: rows by key plus
     * the totals under {@link SummaryQuery#TOTAL}. Null when the per-group actor sets would not fit (SQL answers).
     */
    Map<String, SummaryQuery.Acc> summary(long fromHour, long toHour, ZoneId zone, GroupBy groupBy, String campaignKey,
            int onlyLikesMin) {
        long lo = Math.max(fromHour, firstDay * 24L);
        long hi = Math.min(toHour, (firstDay + (long) days.length) * 24L);
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
        int words = (actorCount + 63) >>> 6;
        if ((long) groups * words > MAX_BITSET_WORDS) {
            return null;
        }
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
        // Pass 1 over actor_rollup rows: each actor's likes and engagements within the period ("only likes").
        int[] likes = new int[actorCount];
        int[] engaged = new int[actorCount];
        long[] seen = new long[words];
        long uniqueTotal = 0;
        for (long h = lo; h < hi; h++) {
            DayChunk c = day(Math.toIntExact(Math.floorDiv(h, 24)));
            if (c == null) {
                h = Math.floorDiv(h, 24) * 24 + 23;
                continue;
            }
            int j = (int) (h - c.day * 24L);
            for (int r = c.aOff[j], end = c.aOff[j + 1]; r < end; r++) {
                if (!dimOk[c.aDim[r]]) {
                    continue;
                }
                int a = c.aActor[r];
                int p = c.aPacked[r];
                if (p >= 0) {
                    int n = p & 0xFFFFFF;
                    engaged[a] += n;
                    if (p >>> 24 == LIKE) {
                        likes[a] += n;
                    }
                } else {
                    int base = (-p - 1) * DayChunk.TYPES;
                    likes[a] += c.aWide[base + LIKE];
                    for (int t = 0; t < DayChunk.TYPES; t++) {
                        engaged[a] += c.aWide[base + t];
                    }
                }
                long bit = 1L << a;
                if ((seen[a >>> 6] & bit) == 0) {
                    seen[a >>> 6] |= bit;
                    uniqueTotal++;
                }
            }
        }
        // Pass 2: suspicious or genuine, distinct actors per group.
        long[] members = new long[groups * words];
        long[] unique = new long[groups];
        long[] actorEng = new long[groups];
        long[] suspicious = new long[groups];
        long[] genuine = new long[groups * DayChunk.TYPES];
        for (long h = lo; h < hi; h++) {
            DayChunk c = day(Math.toIntExact(Math.floorDiv(h, 24)));
            if (c == null) {
                h = Math.floorDiv(h, 24) * 24 + 23;
                continue;
            }
            int j = (int) (h - c.day * 24L);
            int hg = day ? hourGroup[(int) (h - lo)] : 0;
            for (int r = c.aOff[j], end = c.aOff[j + 1]; r < end; r++) {
                int d = c.aDim[r];
                if (!dimOk[d]) {
                    continue;
                }
                int a = c.aActor[r];
                int g = day ? hg : dimGroup[d];
                boolean sus = (flagged[a >>> 6] & 1L << a) != 0 || likes[a] >= onlyLikesMin && likes[a] == engaged[a];
                int p = c.aPacked[r];
                long eng;
                if (p >= 0) {
                    eng = p & 0xFFFFFF;
                    if (!sus) {
                        genuine[g * DayChunk.TYPES + (p >>> 24)] += eng;
                    }
                } else {
                    int base = (-p - 1) * DayChunk.TYPES;
                    eng = 0;
                    for (int t = 0; t < DayChunk.TYPES; t++) {
                        int n = c.aWide[base + t];
                        eng += n;
                        if (!sus) {
                            genuine[g * DayChunk.TYPES + t] += n;
                        }
                    }
                }
                actorEng[g] += eng;
                if (sus) {
                    suspicious[g] += eng;
                }
                actorRows[g] = true;
                int w = g * words + (a >>> 6);
                long bit = 1L << a;
                if ((members[w] & bit) == 0) {
                    members[w] |= bit;
                    unique[g]++;
                }
            }
        }
        Map<String, SummaryQuery.Acc> rows = new LinkedHashMap<>();
        SummaryQuery.Acc total = new SummaryQuery.Acc();
        rows.put(SummaryQuery.TOTAL, total);
        total.uniqueActors = uniqueTotal;
        boolean anyActors = false;
        long[] totalCounts = new long[ETYPES];
        long[] totalGenuine = new long[DayChunk.TYPES];
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
                for (int t = 0; t < DayChunk.TYPES; t++) {
                    acc.genuine.put(ENGAGEMENTS[t], genuine[g * DayChunk.TYPES + t]);
                    totalGenuine[t] += genuine[g * DayChunk.TYPES + t];
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
        for (int t = 0; t < DayChunk.TYPES; t++) {
            total.genuine.put(ENGAGEMENTS[t], anyActors ? totalGenuine[t] : 0L);
        }
        return rows;
    }
}
