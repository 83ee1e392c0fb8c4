package io.socialroi.engagement.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Writes the one {@code rollup_change} row (V5) of a transaction that changed a workspace's rollups, in that
 * transaction: the summary store of every replica reloads those hours when it next answers for the workspace.
 */
public final class RollupChanges {

    private static final String INSERT = "INSERT INTO rollup_change (workspace_id, min_bucket, max_bucket) "
            + "VALUES (?, to_timestamp(?), to_timestamp(?))";
    private static final String INSERT_NOW = "INSERT INTO rollup_change (workspace_id, min_bucket, max_bucket) "
            + "VALUES (?, date_trunc('hour', now(), 'UTC'), date_trunc('hour', now(), 'UTC'))";

    private RollupChanges() {
    }

    /** Hours as epoch seconds of their start (UTC), both inclusive. */
    public static void log(Connection c, UUID workspaceId, long minBucketSeconds, long maxBucketSeconds)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setObject(1, workspaceId);
            ps.setLong(2, minBucketSeconds);
            ps.setLong(3, maxBucketSeconds);
            ps.executeUpdate();
        }
    }

    /** The hour of the transaction's start, as a rollup written with {@code date_trunc('hour', now())}. */
    public static void logNow(Connection c, UUID workspaceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_NOW)) {
            ps.setObject(1, workspaceId);
            ps.executeUpdate();
        }
    }
}
