package io.socialroi.common.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The xmin watermark that keeps an in-memory snapshot current from a change log.
 *
 * <p>A snapshot is read in one REPEATABLE READ transaction together with {@code pg_snapshot_xmin} of that
 * transaction's snapshot. Every transaction with a smaller id had ended before the read, so its writes were seen;
 * every transaction the read could not see has an id at or above that xmin. The next refresh therefore reads the
 * change rows (or changed rows) with {@code xid >= watermark}: one that commits late, out of id order, is still
 * found; a change seen twice is skipped by its xid or re-applied harmlessly. Writers record
 * {@code pg_current_xact_id()} (xid8) in their own transaction, on any replica.
 */
public final class Watermark {

    /** The xmin of the current statement's snapshot, as text to bind against an {@code xid8} column. */
    public static final String XMIN = "pg_snapshot_xmin(pg_current_snapshot())::text";

    private Watermark() {
    }

    /** A unit of work on the connection of a consistent read. */
    @FunctionalInterface
    public interface Read<T> {
        T run(Connection c, long xmin) throws SQLException, TooBig;
    }

    /** The xmin of the connection's current snapshot (the transaction's, inside REPEATABLE READ). */
    public static long xmin(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + XMIN); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Long.parseLong(rs.getString(1));
        }
    }

    /**
     * Runs {@code read} in one REPEATABLE READ, READ ONLY transaction, given the xmin of its snapshot (taken first,
     * so that it is the xmin of the snapshot every statement of the read sees).
     */
    public static <T> T consistent(DataSource dataSource, Read<T> read) throws SQLException, TooBig {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement begin = c.prepareStatement(
                        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")) {
                    begin.execute();
                }
                T result = read.run(c, xmin(c));
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | TooBig e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is gone; nothing was written
                }
                throw e;
            } finally {
                try {
                    c.setAutoCommit(autoCommit);
                } catch (SQLException ignored) {
                    // the connection is gone; the pool discards it
                }
            }
        }
    }
}
