package io.socialroi.conversion.connector;

import io.quarkus.logging.Log;
import io.socialroi.common.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Refunds and cancellations lower the order they belong to, in place: {@code conversion.refunded_value} is the sum of
 * the order's adjustments in its value's currency (at most the value), and {@code amount}, the value in the
 * workspace currency that every report reads (attribution under every model, LTV, and reporting-service's revenue,
 * ROI and ROAS), becomes {@code gross x (value - refunded) / value}, rounded half-even once to the currency's minor
 * unit, so a full refund leaves exactly zero whatever the exchange rate was. The row update sets the change marker
 * (V3), so the journey store re-reads the order. Callers run inside the receiver's transaction.
 */
@ApplicationScoped
public class Adjustments {

    private final DataSource dataSource;

    public Adjustments(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores new adjustments (a cumulative one grows, never shrinks); answers the order refs of those that changed. */
    Set<String> record(UUID workspaceId, List<Inbound.Adjustment> adjustments) throws SQLException {
        Set<String> changed = new LinkedHashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO conversion_adjustment (workspace_id, adjustment_id, order_ref, kind, amount, currency, "
                        + "occurred_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (workspace_id, "
                        + "adjustment_id) DO UPDATE SET amount = EXCLUDED.amount, occurred_at = EXCLUDED.occurred_at "
                        + "WHERE ? AND conversion_adjustment.amount < EXCLUDED.amount")) {
            for (Inbound.Adjustment a : adjustments) {
                insert.setObject(1, workspaceId);
                insert.setString(2, a.id());
                insert.setString(3, a.orderRef());
                insert.setString(4, a.kind());
                insert.setBigDecimal(5, a.amount());
                insert.setString(6, a.currency());
                insert.setObject(7, a.occurredAt());
                insert.setObject(8, OffsetDateTime.now(ZoneOffset.UTC));
                insert.setBoolean(9, a.cumulative());
                if (insert.executeUpdate() > 0) {
                    changed.add(a.orderRef());
                }
            }
        }
        return changed;
    }

    void alias(UUID workspaceId, Map<String, String> aliases) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO conversion_alias (workspace_id, alias, event_id) VALUES (?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")) {
            for (Map.Entry<String, String> alias : aliases.entrySet()) {
                insert.setObject(1, workspaceId);
                insert.setString(2, alias.getKey());
                insert.setString(3, alias.getValue());
                insert.executeUpdate();
            }
        }
    }

    /** The event ids an order ref may name: itself, and the order it is an alias of. */
    Set<String> orders(UUID workspaceId, Set<String> refs) throws SQLException {
        Set<String> orders = new LinkedHashSet<>(refs);
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT event_id FROM conversion_alias WHERE workspace_id = ? AND alias = ANY (?)")) {
            select.setObject(1, workspaceId);
            select.setArray(2, c.createArrayOf("text", refs.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    orders.add(rs.getString(1));
                }
            }
        }
        return orders;
    }

    /** Re-applies the order's adjustments; answers whether its value changed (false too when it is not stored yet). */
    boolean apply(UUID workspaceId, String eventId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            BigDecimal value;
            String valueCurrency;
            BigDecimal gross;
            BigDecimal before;
            String currency;
            try (PreparedStatement select = c.prepareStatement("SELECT value_amount, value_currency, "
                    + "coalesce(gross_amount, amount), refunded_value, currency FROM conversion "
                    + "WHERE workspace_id = ? AND event_id = ? FOR UPDATE")) {
                select.setObject(1, workspaceId);
                select.setString(2, eventId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next() || rs.getBigDecimal(1) == null) {
                        return false;
                    }
                    value = rs.getBigDecimal(1);
                    valueCurrency = rs.getString(2);
                    gross = rs.getBigDecimal(3);
                    before = rs.getBigDecimal(4);
                    currency = rs.getString(5);
                }
            }
            BigDecimal refunded = BigDecimal.ZERO;
            try (PreparedStatement sum = c.prepareStatement("SELECT currency, sum(amount) FROM conversion_adjustment "
                    + "WHERE workspace_id = ? AND (order_ref = ? OR order_ref IN (SELECT alias FROM conversion_alias "
                    + "WHERE workspace_id = ? AND event_id = ?)) GROUP BY currency")) {
                sum.setObject(1, workspaceId);
                sum.setString(2, eventId);
                sum.setObject(3, workspaceId);
                sum.setString(4, eventId);
                try (ResultSet rs = sum.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(1).equals(valueCurrency)) {
                            refunded = rs.getBigDecimal(2);
                        } else {
                            Log.warnf("Workspace %s order %s: refunds in %s do not apply to a value in %s",
                                    workspaceId, eventId, rs.getString(1), valueCurrency);
                        }
                    }
                }
            }
            refunded = refunded.min(value);
            if (refunded.compareTo(before) == 0) {
                return false;
            }
            int digits = Money.zero(currency).amount().scale();
            BigDecimal net = value.signum() == 0 ? gross
                    : gross.multiply(value.subtract(refunded)).divide(value, digits, RoundingMode.HALF_EVEN);
            try (PreparedStatement update = c.prepareStatement("UPDATE conversion SET refunded_value = ?, "
                    + "gross_amount = ?, amount = ? WHERE workspace_id = ? AND event_id = ?")) {
                update.setBigDecimal(1, refunded);
                update.setBigDecimal(2, gross);
                update.setBigDecimal(3, net);
                update.setObject(4, workspaceId);
                update.setString(5, eventId);
                update.executeUpdate();
            }
            return true;
        }
    }
}
