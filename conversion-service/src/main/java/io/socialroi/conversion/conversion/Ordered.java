package io.socialroi.conversion.conversion;

/**
 * Updates of many conversion rows that lock them in one order, by (workspace, id), whatever the statement: an
 * identity's re-capture, the change feed's re-queues and a capture's save touch overlapping rows at the same time,
 * and two transactions locking the same rows in different orders deadlock (PostgreSQL then aborts one, which
 * the caller saw as a 500). The rows are locked by a sorted {@code SELECT ... FOR UPDATE}, then updated.
 */
public final class Ordered {

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
