package io.socialroi.common.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code idempotency_key} table, in plain JDBC with auto-commit: a reservation must be visible to a
 * concurrent retry at once, outside the business transaction of the request it guards.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** How long a key is remembered. */
    public static final Duration RETENTION = Duration.ofHours(24);
    /** A reservation older than this whose request never finished (a crash) may be taken over. */
    public static final Duration STALE_RESERVATION = Duration.ofMinutes(1);

    /** What is stored under a key. {@code status} is null while the first request runs. */
    public record Entry(String requestHash, Integer status, String contentType, String location, byte[] body,
            OffsetDateTime createdAt) {
    }

    private final DataSource dataSource;

    public IdempotencyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reserves the key for this request; empty when reserved, else what the key already holds. */
    public Optional<Entry> reserve(String scope, String owner, String key, String requestHash) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (int attempt = 0; attempt < 3; attempt++) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO idempotency_key "
                        + "(scope, owner, idem_key, request_hash) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                    bind(insert, scope, owner, key);
                    insert.setString(4, requestHash);
                    if (insert.executeUpdate() == 1) {
                        return Optional.empty();
                    }
                }
                Optional<Entry> existing = find(c, scope, owner, key);
                if (existing.isEmpty()) {
                    continue;
                }
                Entry entry = existing.get();
                OffsetDateTime now = OffsetDateTime.now();
                boolean expired = entry.createdAt().isBefore(now.minus(RETENTION));
                boolean abandoned = entry.status() == null && entry.createdAt().isBefore(now.minus(STALE_RESERVATION));
                if (expired || abandoned) {
                    delete(c, scope, owner, key, entry.createdAt());
                    continue;
                }
                return existing;
            }
            throw new SQLException("Could not reserve idempotency key", "40001");
        }
    }

    public void complete(String scope, String owner, String key, int status, String contentType, String location,
            byte[] body) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, body = ? "
                        + "WHERE scope = ? AND owner = ? AND idem_key = ?")) {
            update.setInt(1, status);
            update.setString(2, contentType);
            update.setString(3, location);
            update.setBytes(4, body);
            update.setString(5, scope);
            update.setString(6, owner);
            update.setString(7, key);
            update.executeUpdate();
        }
    }

    /** Forgets a reservation whose request failed on the server side, so a retry may run it again. */
    public void release(String scope, String owner, String key) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                "DELETE FROM idempotency_key WHERE scope = ? AND owner = ? AND idem_key = ? AND status IS NULL")) {
            bind(delete, scope, owner, key);
            delete.executeUpdate();
        }
    }

    /** Drops keys past their retention; cheap thanks to the index on created_at. */
    public int purgeExpired() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                "DELETE FROM idempotency_key WHERE created_at < now() - make_interval(hours => ?)")) {
            delete.setInt(1, (int) RETENTION.toHours());
            return delete.executeUpdate();
        }
    }

    private static Optional<Entry> find(Connection c, String scope, String owner, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT request_hash, status, content_type, location, body, "
                + "created_at FROM idempotency_key WHERE scope = ? AND owner = ? AND idem_key = ?")) {
            bind(select, scope, owner, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int stored = rs.getInt(2);
                Integer status = rs.wasNull() ? null : stored;
                return Optional.of(new Entry(rs.getString(1), status, rs.getString(3),
                        rs.getString(4), rs.getBytes(5), rs.getObject(6, OffsetDateTime.class)));
            }
        }
    }

    private static void delete(Connection c, String scope, String owner, String key, OffsetDateTime createdAt)
            throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM idempotency_key "
                + "WHERE scope = ? AND owner = ? AND idem_key = ? AND created_at = ?")) {
            bind(delete, scope, owner, key);
            delete.setObject(4, createdAt);
            delete.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, String scope, String owner, String key) throws SQLException {
        statement.setString(1, scope);
        statement.setString(2, owner);
        statement.setString(3, key);
    }
}
