package io.socialroi.conversion.touchpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** The captured touchpoints of conversions (table conversion_touchpoint) and the capture queue. */
@ApplicationScoped
public class SnapshotStore {

    private final DataSource dataSource;

    public SnapshotStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Conversions waiting for a capture, oldest first; optionally only those occurring in [from, to) or of
     * one customer.
     */
    public List<PendingConversion> pending(UUID workspaceId, OffsetDateTime from, OffsetDateTime to, String customerId,
            int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, customer_id, click_id, actor_ids, occurred_at, capture_version "
                + "FROM conversion WHERE workspace_id = ? AND capture_state = 'PENDING'");
        List<Object> params = new ArrayList<>(List.of(workspaceId));
        if (from != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" AND occurred_at < ?");
            params.add(to);
        }
        if (customerId != null) {
            sql.append(" AND customer_id = ?");
            params.add(customerId);
        }
        sql.append(" ORDER BY occurred_at, id LIMIT ?");
        params.add(limit);
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                select.setObject(i + 1, params.get(i));
            }
            List<PendingConversion> pending = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    pending.add(new PendingConversion(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            Arrays.asList((String[]) rs.getArray(4).getArray()),
                            rs.getObject(5, OffsetDateTime.class), rs.getInt(6)));
                }
            }
            return pending;
        }
    }

    /** Those of these conversions that are waiting for a capture. */
    public List<PendingConversion> pending(UUID workspaceId, List<UUID> ids) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT id, customer_id, click_id, actor_ids, occurred_at, capture_version FROM conversion "
                        + "WHERE workspace_id = ? AND id = ANY (?) AND capture_state = 'PENDING' ORDER BY occurred_at, id")) {
            select.setObject(1, workspaceId);
            select.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            List<PendingConversion> pending = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    pending.add(new PendingConversion(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            Arrays.asList((String[]) rs.getArray(4).getArray()),
                            rs.getObject(5, OffsetDateTime.class), rs.getInt(6)));
                }
            }
            return pending;
        }
    }

    /** Workspaces that have conversions waiting for a capture. */
    public List<UUID> workspacesWithPending(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT DISTINCT workspace_id FROM conversion WHERE capture_state = 'PENDING' LIMIT ?")) {
            select.setInt(1, limit);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    /**
     * Replaces the snapshots of these conversions in one transaction. A conversion queued again since it
     * was read (its version moved on) is left pending, so the newer identities are not overwritten.
     */
    @Transactional(rollbackOn = Exception.class)
    public int save(UUID workspaceId, Map<PendingConversion, List<Touchpoint>> captured) throws SQLException {
        int saved = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement mark = c.prepareStatement("UPDATE conversion SET capture_state = 'CAPTURED', "
                        + "captured_at = now() WHERE workspace_id = ? AND id = ? AND capture_version = ?");
                PreparedStatement clear = c.prepareStatement(
                        "DELETE FROM conversion_touchpoint WHERE workspace_id = ? AND conversion_id = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO conversion_touchpoint (workspace_id, "
                        + "conversion_id, event_id, type, platform, post_id, campaign_id, funnel_stage, actor_id, "
                        + "click_id, occurred_at, retargeting, campaign_origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")) {
            // In PostgreSQL's id order, as every update of many conversions locks them (conversion.Ordered): no
            // deadlock. (UUID.compareTo's signed order was not that order, and deadlocked against re-captures.)
            List<Map.Entry<PendingConversion, List<Touchpoint>>> inOrder = new java.util.ArrayList<>(captured.entrySet());
            inOrder.sort(Map.Entry.comparingByKey(java.util.Comparator.comparing(PendingConversion::id,
                    io.socialroi.conversion.conversion.Ordered.UUID_ORDER)));
            for (Map.Entry<PendingConversion, List<Touchpoint>> entry : inOrder) {
                PendingConversion conversion = entry.getKey();
                mark.setObject(1, workspaceId);
                mark.setObject(2, conversion.id());
                mark.setInt(3, conversion.version());
                if (mark.executeUpdate() == 0) {
                    continue;
                }
                saved++;
                clear.setObject(1, workspaceId);
                clear.setObject(2, conversion.id());
                clear.executeUpdate();
                for (Touchpoint t : entry.getValue()) {
                    insert.setObject(1, workspaceId);
                    insert.setObject(2, conversion.id());
                    insert.setString(3, t.eventId());
                    insert.setString(4, t.type());
                    insert.setString(5, t.platform());
                    insert.setObject(6, t.postId());
                    insert.setObject(7, t.campaignId());
                    insert.setString(8, t.funnelStage());
                    insert.setString(9, t.actorId());
                    insert.setString(10, t.clickId());
                    insert.setObject(11, t.occurredAt());
                    insert.setBoolean(12, t.retargeting());
                    insert.setString(13, t.origin());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        return saved;
    }
}
