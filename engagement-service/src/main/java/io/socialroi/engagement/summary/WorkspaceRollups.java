package io.socialroi.engagement.summary;

import io.socialroi.engagement.actor.FlaggedActors;
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
 * dictionaries of its dimensions (what the events said: post, platform, own campaign), the post directory (the
 * current campaign, platform and stage of each post, resolved at summary time as {@link SummaryQuery} joins it) and
 * what {@link FlaggedActors} needs (burst minutes, actors that posted a farm text); and the summary computed from it
 * exactly as {@link SummaryQuery} computes it from the tables.
 */
final class WorkspaceRollups {

    /** Event types in the order of the actor counts of {@link ActorRows}: every type, by ordinal. */
    static final EventType[] TYPES = EventType.values();
    /** The engagement_rollup type index of redirect bot hits; the others are EventType ordinals. */
    static final int BOT_CLICK = EventType.values().length;
    static final String NIL = "00000000-0000-0000-0000-000000000000";
    private static final int ETYPES = BOT_CLICK + 1;
    private static final boolean[] ENGAGEMENT = new boolean[TYPES.length];

    static {
        for (EventType t : TYPES) {
            ENGAGEMENT[t.ordinal()] = t.isEngagement();
        }
    }

    /**
     * What {@link FlaggedActors} reads, at the thresholds {@code burst} and {@code identical}: per actor id its burst
     * minutes (epoch minutes, ascending, {@code minutes[off[a]] .. minutes[off[a + 1] - 1]}) and whether it posted a
     * farm text (a bitset).
     */
    record Flags(int[] off, int[] minutes, long[] farmText, int burst, int identical) {
        static final Flags NONE = new Flags(new int[1], new int[0], new long[0], -1, -1);

        boolean burstWithin(int a, long fromMinute, long toMinute) {
            if (a + 1 >= off.length) {
                return false;
            }
            int lo = off[a];
            int hi = off[a + 1];
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (minutes[mid] < fromMinute) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo < off[a + 1] && minutes[lo] < toMinute;
        }

        boolean farmText(int a) {
            return (a >>> 6) < farmText.length && (farmText[a >>> 6] & 1L << a) != 0;
        }

        long bytes() {
            return off.length * 4L + minutes.length * 4L + farmText.length * 8L;
        }
    }

    /** The post directory: post key (text) -> {platform, campaign key (text, nil without), stage}; and its fingerprint. */
    record Directory(Map<String, String[]> posts, String fingerprint) {
        static final Directory NONE = new Directory(Map.of(), null);
    }

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
    final Flags flags;
    final Directory directory;
    final long entries;
    final long bytes;
    private final long dictionaryBytes;

    WorkspaceRollups(int firstDay, DayChunk[] days, ActorRows base, ActorRows delta, long[] replaced,
            String[] dimPost, String[] dimPlatform, String[] dimCampaign, String[] dimStage, int actorCount,
            Flags flags, Directory directory, long dictionaryBytes) {
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
        this.flags = flags;
        this.directory = directory;
        this.dictionaryBytes = dictionaryBytes;
        long n = base.size() + delta.size();
        long b = dictionaryBytes + days.length * 8L + flags.bytes() + dimPost.length * 200L + base.bytes()
                + delta.bytes() + replaced.length * 8L + directory.posts().size() * 250L;
        for (DayChunk d : days) {
            if (d != null) {
                n += d.entries();
                b += d.bytes();
            }
        }
        this.entries = n;
        this.bytes = b;
    }

    WorkspaceRollups withFlags(Flags newFlags) {
        return new WorkspaceRollups(firstDay, days, base, delta, replaced, dimPost, dimPlatform, dimCampaign, dimStage,
                actorCount, newFlags, directory, dictionaryBytes);
    }

    WorkspaceRollups withDirectory(Directory newDirectory) {
        return new WorkspaceRollups(firstDay, days, base, delta, replaced, dimPost, dimPlatform, dimCampaign, dimStage,
                actorCount, flags, newDirectory, dictionaryBytes);
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
        // Each dimension as the reports group it now: the post's current directory entry, the event's own campaign
        // first (SummaryQuery's join).
        String[] platform = new String[dims];
        String[] campaign = new String[dims];
        String[] stage = new String[dims];
        for (int d = 0; d < dims; d++) {
            String[] entry = directory.posts().get(dimPost[d]);
            platform[d] = entry == null ? dimPlatform[d] : entry[0];
            campaign[d] = !NIL.equals(dimCampaign[d]) ? dimCampaign[d] : entry == null ? NIL : entry[1];
            stage[d] = entry == null ? "" : entry[2];
        }
        boolean[] dimOk = new boolean[dims];
        int[] dimGroup = new int[dims];
        List<String> keys = new ArrayList<>();
        int[] hourGroup = null;
        if (groupBy == GroupBy.DAY) {
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
                    case PLATFORM -> platform[d];
                    case FUNNELSTAGE -> stage[d];
                    default -> campaign[d];
                };
                dimGroup[d] = index.computeIfAbsent(key, k -> {
                    keys.add(k);
                    return keys.size() - 1;
                });
            }
        }
        for (int d = 0; d < dims; d++) {
            dimOk[d] = campaignKey == null || campaignKey.equals(campaign[d]);
        }
        int groups = keys.size();
        boolean day = groupBy == GroupBy.DAY;
        boolean[] present = new boolean[groups];
        long[] counts = new long[groups * ETYPES];
        String[] groupPlatform = new String[groups];
        boolean[] dimSeen = new boolean[dims];
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
                    if (!dimSeen[d]) {
                        dimSeen[d] = true;
                        if (!day && (groupPlatform[g] == null || platform[d].compareTo(groupPlatform[g]) > 0)) {
                            groupPlatform[g] = platform[d];
                        }
                    }
                }
            }
        }
        // actor_rollup rows, one actor after the other (ActorWalk), in slices of actors on the summary pool's threads:
        // an actor's rows are all in one slice, so each slice's distinct actors per group add up exactly.
        ActorWalk walk = new ActorWalk(this, lo, hi, fromHour, toHour, day ? hourGroup : null, dimGroup, dimOk, groups,
                onlyLikesMin);
        ActorWalk.Part actors = walk.run();
        SummaryQuery.Acc total = new SummaryQuery.Acc();
        total.uniqueActors = actors.totalUnique;
        total.reachedActors = actors.totalReached;
        total.engagedActors = actors.totalEngaged;
        total.clickedActors = actors.totalClicked;
        boolean[] actorRows = actors.actorRows;
        long[] unique = actors.unique;
        long[] reached = actors.reached;
        long[] engagedActors = actors.engagedActors;
        long[] clicked = actors.clicked;
        long[] actorEng = actors.actorEng;
        long[] suspicious = actors.suspicious;
        long[] flaggedEng = actors.flaggedEng;
        long[] genuine = actors.genuine;
        Map<String, SummaryQuery.Acc> rows = new LinkedHashMap<>();
        rows.put(SummaryQuery.TOTAL, total);
        long[] totalCounts = new long[ETYPES];
        long[] totalGenuine = new long[ActorRows.TYPES];
        EventType[] types = EventType.values();
        for (int g = 0; g < groups; g++) {
            if (!present[g] && !actorRows[g]) {
                continue;
            }
            SummaryQuery.Acc acc = new SummaryQuery.Acc();
            acc.platform = groupPlatform[g];
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
                acc.uniqueActors = unique[g];
                acc.reachedActors = reached[g];
                acc.engagedActors = engagedActors[g];
                acc.clickedActors = clicked[g];
                acc.actorEngagements = actorEng[g];
                acc.suspiciousEngagements = suspicious[g];
                acc.flaggedEngagements = flaggedEng[g];
                total.actorEngagements += actorEng[g];
                total.suspiciousEngagements += suspicious[g];
                total.flaggedEngagements += flaggedEng[g];
                for (int t = 0; t < ActorRows.TYPES; t++) {
                    if (ENGAGEMENT[t]) {
                        acc.genuine.put(TYPES[t], genuine[g * ActorRows.TYPES + t]);
                        totalGenuine[t] += genuine[g * ActorRows.TYPES + t];
                    }
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
            if (ENGAGEMENT[t]) {
                total.genuine.put(TYPES[t], totalGenuine[t]);
            }
        }
        return rows;
    }
}
