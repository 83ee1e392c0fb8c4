package io.socialroi.engagement.change;

import io.socialroi.engagement.event.IncomingEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the one {@code engagement_change} row (V7) of a transaction that can change touchpoints, in that
 * transaction: the change feed ({@link ChangeFeed}) serves it once the transaction has committed and every
 * transaction that could still write an earlier row has finished. One insert of arrays per write.
 */
public final class ChangeLog {

    private static final String INSERT = "INSERT INTO engagement_change (workspace_id, actor_ids, click_ids, post_ids, "
            + "from_at, to_at) VALUES (?, ?::text[], ?::uuid[], ?::uuid[], ?, ?)";
    private static final UUID[] NO_UUIDS = new UUID[0];
    private static final String[] NO_TEXT = new String[0];

    private ChangeLog() {
    }

    /** The accepted (fresh) events of an ingestion batch: their distinct actors and click ids, and their span. */
    public static void batch(Connection c, UUID workspaceId, List<IncomingEvent> fresh) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        Set<String> actors = new LinkedHashSet<>();
        Set<UUID> clicks = new LinkedHashSet<>();
        Instant from = null;
        Instant to = null;
        for (IncomingEvent e : fresh) {
            actors.add(e.actorId());
            if (e.clickId() != null) {
                clicks.add(e.clickId());
            }
            Instant t = e.occurredAt();
            if (from == null || t.isBefore(from)) {
                from = t;
            }
            if (to == null || t.isAfter(to)) {
                to = t;
            }
        }
        insert(c, workspaceId, actors.toArray(String[]::new), clicks.toArray(UUID[]::new), NO_UUIDS, from, to);
    }

    /** A post directory entry whose campaign, platform or stage changed (or that is new). */
    public static void post(Connection c, UUID workspaceId, UUID postId) throws SQLException {
        insert(c, workspaceId, NO_TEXT, NO_UUIDS, new UUID[] {postId}, null, null);
    }

    private static void insert(Connection c, UUID ws, String[] actors, UUID[] clicks, UUID[] posts, Instant from,
            Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setObject(1, ws);
            ps.setArray(2, c.createArrayOf("text", actors));
            ps.setArray(3, c.createArrayOf("uuid", clicks));
            ps.setArray(4, c.createArrayOf("uuid", posts));
            ps.setObject(5, from == null ? null : OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            ps.setObject(6, to == null ? null : OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }
}
