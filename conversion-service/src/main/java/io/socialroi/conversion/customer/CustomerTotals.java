package io.socialroi.conversion.customer;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;

/** A customer's whole history summed in the database, however many conversions it has. */
@ApplicationScoped
public class CustomerTotals {

    /** Counts, lifetime revenue (workspace currency) and the first and last dates. */
    public record Totals(long conversions, long purchases, BigDecimal revenue, OffsetDateTime firstConversionAt,
            OffsetDateTime firstPurchaseAt, OffsetDateTime lastConversionAt) {
    }

    private final DataSource dataSource;

    public CustomerTotals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Totals of(UUID workspaceId, String customerId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT count(*), count(*) FILTER (WHERE type = 'PURCHASE'), "
                        + "coalesce(sum(amount) FILTER (WHERE type = 'PURCHASE'), 0), min(occurred_at), "
                        + "min(occurred_at) FILTER (WHERE type = 'PURCHASE'), max(occurred_at) "
                        + "FROM conversion WHERE workspace_id = ? AND customer_id = ?")) {
            select.setObject(1, workspaceId);
            select.setString(2, customerId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new Totals(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
                        rs.getObject(6, OffsetDateTime.class));
            }
        }
    }
}
