package io.socialroi.conversion.attribution;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads a report's conversions with their captured touchpoints in one query (conversions of the period
 * joined to their snapshots), never calling engagement-service.
 */
@ApplicationScoped
public class AttributionData {

    /** Distinct customers with a first purchase in the period, and their lifetime revenue together. */
    public record Customers(long count, BigDecimal lifetimeRevenue) {
    }

    /*
     * Written so that no plan depends on row estimates for its shape (right after a bulk load the planner may
     * think the workspace has one conversion): "first purchase of its customer" is a correlated NOT EXISTS
     * probe of conversion_customer (workspace_id, customer_id, occurred_at) evaluated once per conversion in
     * the materialised CTE, never a join against a CTE that a nested loop would rescan for every row.
     * Order of event ids as DISTINCT ON ordered them: (occurred_at, event_id), event ids unique.
     */
    private static final String JOURNEYS = """
            WITH conv AS MATERIALIZED (
                SELECT c.id, c.type, c.amount, c.occurred_at, c.customer_id,
                       c.type = 'PURCHASE' AND c.customer_id IS NOT NULL AND NOT EXISTS (
                           SELECT 1 FROM conversion e
                           WHERE e.workspace_id = c.workspace_id AND e.customer_id = c.customer_id
                             AND e.type = 'PURCHASE' AND e.occurred_at <= c.occurred_at
                             AND (e.occurred_at, e.event_id) < (c.occurred_at, c.event_id)) AS first_purchase
                FROM conversion c
                WHERE c.workspace_id = ? AND c.occurred_at >= ? AND c.occurred_at < ?
            ), firsts AS MATERIALIZED (
                SELECT c.*, CASE WHEN c.first_purchase THEN (
                           SELECT sum(l.amount) FROM conversion l
                           WHERE l.workspace_id = ? AND l.customer_id = c.customer_id AND l.type = 'PURCHASE')
                       END AS lifetime
                FROM conv c
            )
            SELECT c.id, c.type, c.amount, c.occurred_at, c.first_purchase,
                   t.occurred_at, t.platform, t.post_id, t.campaign_id, t.funnel_stage, c.customer_id, c.lifetime
            FROM firsts c
            LEFT JOIN conversion_touchpoint t ON t.workspace_id = ? AND t.conversion_id = c.id
                 AND t.type = ANY (?) AND t.occurred_at <= c.occurred_at
                 AND t.occurred_at >= c.occurred_at - make_interval(days => ?)
            ORDER BY c.occurred_at, c.id, t.occurred_at, t.event_id
            """;

    /*
     * A customer counts when one of their purchases is in the period and none is earlier (an index probe
     * per purchase of the period); their lifetime revenue is summed with another probe per such customer.
     */
    private static final String CUSTOMERS = """
            WITH firsts AS MATERIALIZED (
                SELECT DISTINCT f.customer_id FROM conversion f
                WHERE f.workspace_id = ? AND f.type = 'PURCHASE' AND f.customer_id IS NOT NULL
                  AND f.occurred_at >= ? AND f.occurred_at < ?
                  AND NOT EXISTS (SELECT 1 FROM conversion e
                                  WHERE e.workspace_id = f.workspace_id AND e.customer_id = f.customer_id
                                    AND e.type = 'PURCHASE' AND e.occurred_at < f.occurred_at)
            )
            SELECT count(*), coalesce(sum((SELECT sum(c.amount) FROM conversion c
                                           WHERE c.workspace_id = ? AND c.customer_id = f.customer_id
                                             AND c.type = 'PURCHASE')), 0)
            FROM firsts f
            """;

    /*
     * DATA_DRIVEN's non-converting journeys (NonConverting): touchpoints inside the period captured for conversions
     * after it, of people without a conversion in the period (a conversion without customer is its own person).
     */
    private static final String NON_CONVERTING = """
            SELECT c.customer_id, c.id, t.occurred_at, t.type, t.platform, t.post_id, t.campaign_id, t.funnel_stage
            FROM conversion c
            JOIN conversion_touchpoint t ON t.workspace_id = c.workspace_id AND t.conversion_id = c.id
            WHERE c.workspace_id = ? AND c.occurred_at >= ? AND c.occurred_at < ?
              AND t.occurred_at >= ? AND t.occurred_at < ? AND t.type = ANY (?)
              AND (c.customer_id IS NULL OR NOT EXISTS (
                  SELECT 1 FROM conversion e
                  WHERE e.workspace_id = c.workspace_id AND e.customer_id = c.customer_id
                    AND e.occurred_at >= ? AND e.occurred_at < ?))
            """;

    private final DataSource dataSource;

    public AttributionData(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Journey> journeys(UUID workspaceId, OffsetDateTime from, OffsetDateTime to, Collection<String> types,
            int lookbackDays) throws SQLException {
        List<Journey> journeys = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(JOURNEYS)) {
            select.setObject(1, workspaceId);
            select.setObject(2, from);
            select.setObject(3, to);
            select.setObject(4, workspaceId);
            select.setObject(5, workspaceId);
            select.setArray(6, c.createArrayOf("text", types.toArray()));
            select.setInt(7, lookbackDays);
            select.setFetchSize(5000);
            try (ResultSet rs = select.executeQuery()) {
                UUID current = null;
                List<Journey.Touch> touches = null;
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    if (!id.equals(current)) {
                        current = id;
                        touches = new ArrayList<>();
                        boolean purchase = "PURCHASE".equals(rs.getString(2));
                        journeys.add(new Journey(id, !purchase, purchase, rs.getBoolean(5),
                                purchase ? rs.getBigDecimal(3) : BigDecimal.ZERO,
                                rs.getObject(4, OffsetDateTime.class), touches, Journey.personOf(rs.getString(11), id),
                                rs.getBigDecimal(12)));
                    }
                    OffsetDateTime touchedAt = rs.getObject(6, OffsetDateTime.class);
                    if (touchedAt != null) {
                        touches.add(new Journey.Touch(touchedAt, rs.getString(7), rs.getObject(8, UUID.class),
                                rs.getObject(9, UUID.class), rs.getString(10)));
                    }
                }
            }
        }
        return journeys;
    }

    List<String[]> nonConverting(UUID workspaceId, OffsetDateTime from, OffsetDateTime to, OffsetDateTime until,
            Collection<String> types, GroupBy groupBy) throws SQLException {
        NonConverting paths = new NonConverting(groupBy);
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(NON_CONVERTING)) {
            select.setObject(1, workspaceId);
            select.setObject(2, to);
            select.setObject(3, until);
            select.setObject(4, from);
            select.setObject(5, to);
            select.setArray(6, c.createArrayOf("text", types.toArray()));
            select.setObject(7, from);
            select.setObject(8, to);
            select.setFetchSize(5000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    UUID post = rs.getObject(6, UUID.class);
                    UUID campaign = rs.getObject(7, UUID.class);
                    paths.add(Journey.personOf(rs.getString(1), rs.getObject(2, UUID.class)),
                            Batch.micros(rs.getObject(3, OffsetDateTime.class)), rs.getString(4), rs.getString(5),
                            post == null ? null : post.toString(), campaign == null ? null : campaign.toString(),
                            rs.getString(8));
                }
            }
        }
        return paths.paths();
    }

    public Customers customers(UUID workspaceId, OffsetDateTime from, OffsetDateTime to) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(CUSTOMERS)) {
            select.setObject(1, workspaceId);
            select.setObject(2, from);
            select.setObject(3, to);
            select.setObject(4, workspaceId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new Customers(rs.getLong(1), rs.getBigDecimal(2));
            }
        }
    }
}
