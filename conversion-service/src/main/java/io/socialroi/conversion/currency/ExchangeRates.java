package io.socialroi.conversion.currency;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The exchange rates a workspace has set: one unit of a currency in the workspace currency, per local day. */
@ApplicationScoped
public class ExchangeRates {

    private final DataSource dataSource;

    public ExchangeRates(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<BigDecimal> find(UUID workspaceId, String currency, LocalDate day) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT rate FROM exchange_rate WHERE workspace_id = ? AND currency = ? AND rate_date = ?")) {
            select.setObject(1, workspaceId);
            select.setString(2, currency);
            select.setObject(3, day);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBigDecimal(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void put(UUID workspaceId, String currency, LocalDate day, BigDecimal rate) {
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement(
                "INSERT INTO exchange_rate (workspace_id, currency, rate_date, rate, updated_at) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (workspace_id, currency, rate_date) DO UPDATE "
                        + "SET rate = EXCLUDED.rate, updated_at = EXCLUDED.updated_at")) {
            upsert.setObject(1, workspaceId);
            upsert.setString(2, currency);
            upsert.setObject(3, day);
            upsert.setBigDecimal(4, rate);
            upsert.setObject(5, OffsetDateTime.now());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
