package io.socialroi.conversion.conversion;

/**
 * Updates of many conversion rows that lock them in one order, by (workspace, id), whatever the statement: an
 * identity's re-capture, the change feed's re-queues and a capture's save touch overlapping rows at the same time,
 * and two transactions locking the same rows in different orders deadlock (PostgreSQL then aborts one, which
 * the caller saw as a 500). The rows are locked by a sorted {@code SELECT ... FOR UPDATE}, then updated.
 */
public final class Ordered {

    /**
     * PostgreSQL's order of uuid values (unsigned, byte by byte), for rows a transaction locks one statement at a
     * time in Java: {@link java.util.UUID#compareTo} compares signed halves, so it disagrees with PostgreSQL for ids on
     * either side of 0x80..., and two transactions locking the same conversions deadlocked (a capture's save against
     * an identity's re-capture, seen in the issue-15 benchmark).
     */
    public static final java.util.Comparator<java.util.UUID> UUID_ORDER = (a, b) -> {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private Ordered() {
    }

    /**
     * {@code UPDATE conversion SET <set> WHERE <where>} locking its rows in (workspace, id) order; {@code where}
     * names columns of conversion unqualified (its parameters keep their places), {@code returning} qualifies them
     * with {@code c.} (null for none).
     */
    public static String update(String set, String where, String returning) {
        return "UPDATE conversion c SET " + set + " FROM (SELECT workspace_id, id FROM conversion WHERE " + where
                + " ORDER BY workspace_id, id FOR UPDATE) l WHERE c.workspace_id = l.workspace_id AND c.id = l.id"
                + (returning == null ? "" : " RETURNING " + returning);
    }
}
