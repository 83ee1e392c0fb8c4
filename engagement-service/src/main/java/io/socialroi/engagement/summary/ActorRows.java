package io.socialroi.engagement.summary;

import java.util.Arrays;

/**
 * actor_rollup rows in primitive arrays, ordered by actor id ({@code off[a]} is the first row of actor {@code a}),
 * so that a summary walks them sequentially, one actor after the other: its likes and engagement in the period
 * (the "only likes" rule), then its groups, without any array indexed by actor. Per row: the UTC hour (epoch
 * hours), the dimension id and the counts per event type (every type, by ordinal), packed: a row with a single type
 * (nearly all) is {@code type << 24 | count}; any other is {@code -(k + 1)}, its counts at {@code wide[k * 10 ..]}.
 * Immutable once built.
 */
final class ActorRows {

    static final int TYPES = WorkspaceRollups.TYPES.length;
    private static final int MAX_PACKED = 0xFFFFFF;
    static final ActorRows EMPTY = new Builder().build(0);

    final int[] off;
    final int[] hour;
    final char[] dim;
    final int[] packed;
    final int[] wide;
    final int minHour;
    final int maxHour;

    private ActorRows(int[] off, int[] hour, char[] dim, int[] packed, int[] wide, int minHour, int maxHour) {
        this.off = off;
        this.hour = hour;
        this.dim = dim;
        this.packed = packed;
        this.wide = wide;
        this.minHour = minHour;
        this.maxHour = maxHour;
    }

    int size() {
        return hour.length;
    }

    /** Row {@code r}'s counts per type into {@code out}. */
    void counts(int r, int[] out) {
        int p = packed[r];
        if (p >= 0) {
            Arrays.fill(out, 0);
            out[p >>> 24] = p & MAX_PACKED;
        } else {
            System.arraycopy(wide, (-p - 1) * TYPES, out, 0, TYPES);
        }
    }

    /** Row {@code r}'s count of one type. */
    int count(int r, int type) {
        int p = packed[r];
        if (p >= 0) {
            return p >>> 24 == type ? p & MAX_PACKED : 0;
        }
        return wide[(-p - 1) * TYPES + type];
    }

    int actors() {
        return off.length - 1;
    }

    long bytes() {
        return 64 + off.length * 4L + hour.length * 10L + wide.length * 4L;
    }

    /** Collects rows in any order; {@link #build(int)} orders them by actor (a counting sort). */
    static final class Builder {
        private int size;
        private int[] actor = new int[16];
        private int[] hour = new int[16];
        private char[] dim = new char[16];
        private int[] packed = new int[16];
        private int wideSize;
        private int[] wide = new int[0];

        int size() {
            return size;
        }

        /** {@code counts} per type in {@link WorkspaceRollups#TYPES} order. */
        void add(int actorId, int hourOfRow, char dimId, int[] counts) {
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
                add(actorId, hourOfRow, dimId, single < 0 ? 0 : single << 24 | counts[single]);
                return;
            }
            if (wideSize + TYPES > wide.length) {
                wide = Arrays.copyOf(wide, Math.max(64, wide.length * 2));
            }
            System.arraycopy(counts, 0, wide, wideSize, TYPES);
            add(actorId, hourOfRow, dimId, -(wideSize / TYPES) - 1);
            wideSize += TYPES;
        }

        /** Row {@code r} of {@code rows}, for actor {@code a}. */
        void copy(ActorRows rows, int r, int a) {
            int p = rows.packed[r];
            if (p >= 0) {
                add(a, rows.hour[r], rows.dim[r], p);
            } else {
                int base = (-p - 1) * TYPES;
                add(a, rows.hour[r], rows.dim[r], Arrays.copyOfRange(rows.wide, base, base + TYPES));
            }
        }

        private void add(int actorId, int hourOfRow, char dimId, int packedCounts) {
            if (size == actor.length) {
                int n = size * 2;
                actor = Arrays.copyOf(actor, n);
                hour = Arrays.copyOf(hour, n);
                dim = Arrays.copyOf(dim, n);
                packed = Arrays.copyOf(packed, n);
            }
            actor[size] = actorId;
            hour[size] = hourOfRow;
            dim[size] = dimId;
            packed[size++] = packedCounts;
        }

        /** The rows ordered by actor, with offsets for the actor ids 0 .. actors - 1. */
        ActorRows build(int actors) {
            int[] off = new int[actors + 1];
            for (int i = 0; i < size; i++) {
                off[actor[i] + 1]++;
            }
            for (int a = 0; a < actors; a++) {
                off[a + 1] += off[a];
            }
            int[] at = Arrays.copyOf(off, actors);
            int[] h = new int[size];
            char[] d = new char[size];
            int[] p = new int[size];
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                int r = at[actor[i]]++;
                h[r] = hour[i];
                d[r] = dim[i];
                p[r] = packed[i];
                min = Math.min(min, hour[i]);
                max = Math.max(max, hour[i]);
            }
            return new ActorRows(off, h, d, p, Arrays.copyOf(wide, wideSize), min, max);
        }
    }
}
