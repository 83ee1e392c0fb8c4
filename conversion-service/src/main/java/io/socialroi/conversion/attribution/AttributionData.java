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

    private static final String JOURNEYS = """
            WITH conv AS (
                SELECT id, event_id, type, amount, occurred_at, customer_id FROM conversion
                WHERE workspace_id = ? AND occurred_at >= ? AND occurred_at < ?
            ), firsts AS (
                SELECT DISTINCT ON (customer_id) customer_id, id FROM conversion
                WHERE workspace_id = ? AND type = 'PURCHASE'
                  AND customer_id IN (SELECT customer_id FROM conv WHERE customer_id IS NOT NULL)
                ORDER BY customer_id, occurred_at, event_id
            )
            SELECT c.id, c.type, c.amount, c.occurred_at, f.id IS NOT NULL,
                   t.occurred_at, t.platform, t.post_id, t.campaign_id, t.funnel_stage
            FROM conv c
            LEFT JOIN firsts f ON f.id = c.id
            LEFT JOIN conversion_touchpoint t ON t.workspace_id = ? AND t.conversion_id = c.id
                 AND t.type = ANY (?) AND t.occurred_at <= c.occurred_at
                 AND t.occurred_at >= c.occurred_at - make_interval(days => ?)
            ORDER BY c.occurred_at, c.id, t.occurred_at, t.event_id
            """;

    private static final String CUSTOMERS = """
            WITH firsts AS (
                SELECT customer_id, min(occurred_at) AS first_at FROM conversion
                WHERE workspace_id = ? AND type = 'PURCHASE' AND customer_id IS NOT NULL
                GROUP BY customer_id
            )
            SELECT count(DISTINCT c.customer_id), coalesce(sum(c.amount), 0) FROM conversion c
            JOIN firsts f ON f.customer_id = c.customer_id
            WHERE c.workspace_id = ? AND c.type = 'PURCHASE' AND f.first_at >= ? AND f.first_at < ?
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
                                rs.getObject(4, OffsetDateTime.class), touches));
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

    public Customers customers(UUID workspaceId, OffsetDateTime from, OffsetDateTime to) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(CUSTOMERS)) {
            select.setObject(1, workspaceId);
            select.setObject(2, workspaceId);
            select.setObject(3, from);
            select.setObject(4, to);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new Customers(rs.getLong(1), rs.getBigDecimal(2));
            }
        }
    }
}
