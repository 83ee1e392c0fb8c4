package io.socialroi.engagement.summary;

import java.util.Arrays;

/**
 * The engagement_rollup rows of one UTC day in primitive arrays, ordered by hour ({@code eOff}: the first row of
 * each hour, 25 entries): dimension id ({@code eDim}), type ({@code eType}: {@link WorkspaceRollups#BOT_CLICK} or an
 * EventType ordinal) and events. Immutable once built; a reload of some hours builds a new chunk.
 */
final class DayChunk {

    final int day;
    final int[] eOff;
    final char[] eDim;
    final byte[] eType;
    final int[] eEvents;

    private DayChunk(int day, int[] eOff, char[] eDim, byte[] eType, int[] eEvents) {
        this.day = day;
        this.eOff = eOff;
        this.eDim = eDim;
        this.eType = eType;
        this.eEvents = eEvents;
    }

    int entries() {
        return eDim.length;
    }

    long bytes() {
        return 64 + 25 * 4 + eDim.length * 7L;
    }

    /** Collects rows in any order; {@link #build()} sorts them by hour. */
    static final class Builder {
        final int day;
        private int eSize;
        private byte[] eHour = new byte[16];
        private char[] eDim = new char[16];
        private byte[] eType = new byte[16];
        private int[] eEvents = new int[16];

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

        int entries() {
            return eSize;
        }

        /** The chunk, rows ordered by hour (a counting sort), or null without rows. */
        DayChunk build() {
            if (eSize == 0) {
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
            return new DayChunk(day, eOff, eD, eT, eE);
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
