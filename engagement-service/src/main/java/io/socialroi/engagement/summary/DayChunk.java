package io.socialroi.engagement.summary;

import java.util.Arrays;

/**
 * One UTC day of a workspace's rollups in primitive arrays, rows ordered by hour ({@code eOff}/{@code aOff}: the
 * first row of each hour, 25 entries). Immutable once built; a reload of some hours builds a new chunk.
 * <ul>
 * <li>engagement_rollup rows: dimension id ({@code eDim}), type ({@code eType}: {@link WorkspaceRollups#BOT_CLICK}
 * or an EventType ordinal) and events;</li>
 * <li>actor_rollup rows: actor id, dimension id and the counts per engagement type, packed: a row with a single
 * engagement type (nearly all) is {@code type << 24 | count}; any other is {@code -(k + 1)}, its counts at
 * {@code aWide[k * 8 ..]}.</li>
 * </ul>
 */
final class DayChunk {

    static final int TYPES = 8;
    private static final int MAX_PACKED = 0xFFFFFF;

    final int day;
    final int[] eOff;
    final char[] eDim;
    final byte[] eType;
    final int[] eEvents;
    final int[] aOff;
    final int[] aActor;
    final char[] aDim;
    final int[] aPacked;
    final int[] aWide;

    private DayChunk(int day, int[] eOff, char[] eDim, byte[] eType, int[] eEvents, int[] aOff, int[] aActor,
            char[] aDim, int[] aPacked, int[] aWide) {
        this.day = day;
        this.eOff = eOff;
        this.eDim = eDim;
        this.eType = eType;
        this.eEvents = eEvents;
        this.aOff = aOff;
        this.aActor = aActor;
        this.aDim = aDim;
        this.aPacked = aPacked;
        this.aWide = aWide;
    }

    int entries() {
        return eDim.length + aActor.length;
    }

    long bytes() {
        return 64 + 2L * 25 * 4 + eDim.length * 7L + aActor.length * 10L + aWide.length * 4L;
    }

    /** Collects rows in any order; {@link #build()} sorts them by hour. */
    static final class Builder {
        final int day;
        private int eSize;
        private byte[] eHour = new byte[16];
        private char[] eDim = new char[16];
        private byte[] eType = new byte[16];
        private int[] eEvents = new int[16];
        private int aSize;
        private byte[] aHour = new byte[16];
        private int[] aActor = new int[16];
        private char[] aDim = new char[16];
        private int[] aPacked = new int[16];
        private int wideSize;
        private int[] aWide = new int[0];

        Builder(int day) {
            this.day = day;
        }

        /** The rows of {@code old} of the hours not marked in {@code skip}. */
        Builder keep(DayChunk old, boolean[] skip) {
            for (int h = 0; h < 24; h++) {
                if (skip[h]) {
                    continue;
                }
                for (int r = old.eOff[h]; r < old.eOff[h + 1]; r++) {
                    engagement(h, old.eDim[r], old.eType[r], old.eEvents[r]);
                }
                for (int r = old.aOff[h]; r < old.aOff[h + 1]; r++) {
                    int p = old.aPacked[r];
                    if (p >= 0) {
                        addActor(h, old.aActor[r], old.aDim[r], p);
                    } else {
                        actor(h, old.aActor[r], old.aDim[r], Arrays.copyOfRange(old.aWide, (-p - 1) * TYPES,
                                (-p - 1) * TYPES + TYPES));
                    }
                }
            }
            return this;
        }

        void engagement(int hour, char dim, byte type, int events) {
            if (eSize == eDim.length) {
                int n = eSize * 2;
                eHour = Arrays.copyOf(eHour, n);
                eDim = Arrays.copyOf(eDim, n);
                eType = Arrays.copyOf(eType, n);
                eEvents = Arrays.copyOf(eEvents, n);
            }
            eHour[eSize] = (byte) hour;
            eDim[eSize] = dim;
            eType[eSize] = type;
            eEvents[eSize++] = events;
        }

        /** {@code counts} per engagement type in {@link WorkspaceRollups#ENGAGEMENTS} order. */
        void actor(int hour, int actor, char dim, int[] counts) {
            int single = -1;
            boolean packable = true;
            for (int t = 0; t < TYPES; t++) {
                if (counts[t] != 0) {
                    if (single >= 0 || counts[t] > MAX_PACKED || counts[t] < 0) {
                        packable = false;
                    }
                    single = t;
                }
            }
            if (packable) {
                addActor(hour, actor, dim, single < 0 ? 0 : single << 24 | counts[single]);
                return;
            }
            if (wideSize + TYPES > aWide.length) {
                aWide = Arrays.copyOf(aWide, Math.max(64, aWide.length * 2));
            }
            System.arraycopy(counts, 0, aWide, wideSize, TYPES);
            addActor(hour, actor, dim, -(wideSize / TYPES) - 1);
            wideSize += TYPES;
        }

        private void addActor(int hour, int actor, char dim, int packed) {
            if (aSize == aActor.length) {
                int n = aSize * 2;
                aHour = Arrays.copyOf(aHour, n);
                aActor = Arrays.copyOf(aActor, n);
                aDim = Arrays.copyOf(aDim, n);
                aPacked = Arrays.copyOf(aPacked, n);
            }
            aHour[aSize] = (byte) hour;
            aActor[aSize] = actor;
            aDim[aSize] = dim;
            aPacked[aSize++] = packed;
        }

        int entries() {
            return eSize + aSize;
        }

        /** The chunk, rows ordered by hour (a counting sort), or null without rows. */
        DayChunk build() {
            if (eSize == 0 && aSize == 0) {
                return null;
            }
            int[] eOff = offsets(eHour, eSize);
            int[] at = Arrays.copyOf(eOff, 24);
            char[] eD = new char[eSize];
            byte[] eT = new byte[eSize];
            int[] eE = new int[eSize];
            for (int i = 0; i < eSize; i++) {
                int r = at[eHour[i]]++;
                eD[r] = eDim[i];
                eT[r] = eType[i];
                eE[r] = eEvents[i];
            }
            int[] aOff = offsets(aHour, aSize);
            at = Arrays.copyOf(aOff, 24);
            int[] aA = new int[aSize];
            char[] aD = new char[aSize];
            int[] aP = new int[aSize];
            for (int i = 0; i < aSize; i++) {
                int r = at[aHour[i]]++;
                aA[r] = aActor[i];
                aD[r] = aDim[i];
                aP[r] = aPacked[i];
            }
            return new DayChunk(day, eOff, eD, eT, eE, aOff, aA, aD, aP, Arrays.copyOf(aWide, wideSize));
        }

        private static int[] offsets(byte[] hours, int size) {
            int[] off = new int[25];
            for (int i = 0; i < size; i++) {
                off[hours[i] + 1]++;
            }
            for (int h = 0; h < 24; h++) {
                off[h + 1] += off[h];
            }
            return off;
        }
    }
}
