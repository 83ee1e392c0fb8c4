package io.socialroi.conversion.connector;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.socialroi.common.secrets.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The connectors' webhook secrets, sealed with the deployment's {@link SecretBox} (suite-common, the mechanism
 * content-service uses for publisher and webhook secrets since its V24): each value is bound to its row by the
 * context {@code connector/<workspace>/<connector>}, so a ciphertext copied into another workspace's row does not
 * open, and one workspace's secret can never verify another's webhooks. At start, rows sealed under a previous key
 * are sealed again under the current one.
 */
@ApplicationScoped
public class ConnectorStore {

    private final DataSource dataSource;
    private final SecretBox box;

    public ConnectorStore(DataSource dataSource, SecretBox box) {
        this.dataSource = dataSource;
        this.box = box;
    }

    static String context(UUID workspaceId, Connector connector) {
        return "connector/" + workspaceId + "/" + connector.path();
    }

    /** Stores (or replaces) the secret; answers the connector as the API shows it. */
    public ConnectorView put(UUID workspaceId, Connector connector, String secret) throws SQLException {
        SecretBox.Sealed sealed = box.seal(secret, context(workspaceId, connector));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement(
                "INSERT INTO connector (workspace_id, connector, secret, secret_key_id, secret_hint, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (workspace_id, connector) DO UPDATE "
                        + "SET secret = EXCLUDED.secret, secret_key_id = EXCLUDED.secret_key_id, "
                        + "secret_hint = EXCLUDED.secret_hint, updated_at = EXCLUDED.updated_at")) {
            upsert.setObject(1, workspaceId);
            upsert.setString(2, connector.path());
            upsert.setString(3, sealed.ciphertext());
            upsert.setString(4, sealed.keyId());
            upsert.setString(5, hint(secret));
            upsert.setObject(6, now);
            upsert.setObject(7, now);
            upsert.executeUpdate();
        }
        return view(workspaceId, connector).orElseThrow();
    }

    public Optional<ConnectorView> view(UUID workspaceId, Connector connector) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT secret_hint, created_at, updated_at FROM connector WHERE workspace_id = ? AND connector = ?")) {
            select.setObject(1, workspaceId);
            select.setString(2, connector.path());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ConnectorView(connector.path(), receiveUrl(workspaceId, connector),
                        rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class)));
            }
        }
    }

    public boolean delete(UUID workspaceId, Connector connector) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                "DELETE FROM connector WHERE workspace_id = ? AND connector = ?")) {
            delete.setObject(1, workspaceId);
            delete.setString(2, connector.path());
            return delete.executeUpdate() > 0;
        }
    }

    /** The secret in clear; empty when none is configured or no configured key opens it (logged). */
    public Optional<String> secret(UUID workspaceId, Connector connector) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT secret, secret_key_id FROM connector WHERE workspace_id = ? AND connector = ?")) {
            select.setObject(1, workspaceId);
            select.setString(2, connector.path());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(box.open(rs.getString(2), rs.getString(1), context(workspaceId, connector)));
            }
        } catch (SecretBox.UnreadableSecretException e) {
            Log.errorf("Connector secret of %s %s: configure it again", context(workspaceId, connector),
                    e.getMessage());
            return Optional.empty();
        }
    }

    static String receiveUrl(UUID workspaceId, Connector connector) {
        return "/hooks/" + workspaceId + "/" + connector.path();
    }

    /** A known prefix (whsec_, shpss_) and, for secrets long enough to spare them, the last four characters. */
    static String hint(String secret) {
        int underscore = secret.indexOf('_');
        String prefix = underscore > 0 && underscore < 8 ? secret.substring(0, underscore + 1) : "";
        return prefix + "…" + (secret.length() >= 20 ? secret.substring(secret.length() - 4) : "");
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        reseal();
    }

    /** Seals rows of previous keys under the current key; a row no configured key opens stays and is logged. */
    int reseal() throws SQLException {
        record Row(UUID workspaceId, Connector connector, String keyId, String secret) {
        }
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT workspace_id, connector, secret_key_id, secret FROM connector WHERE secret_key_id <> ?")) {
            select.setString(1, box.currentKeyId());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Connector.of(rs.getString(2)).ifPresent(k -> {
                        try {
                            rows.add(new Row(rs.getObject(1, UUID.class), k, rs.getString(3), rs.getString(4)));
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            }
        }
        int sealed = 0;
        for (Row row : rows) {
            String context = context(row.workspaceId(), row.connector());
            try {
                SecretBox.Sealed value = box.seal(box.open(row.keyId(), row.secret(), context), context);
                try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                        "UPDATE connector SET secret = ?, secret_key_id = ? WHERE workspace_id = ? AND connector = ? "
                                + "AND secret_key_id = ?")) {
                    update.setString(1, value.ciphertext());
                    update.setString(2, value.keyId());
                    update.setObject(3, row.workspaceId());
                    update.setString(4, row.connector().path());
                    update.setString(5, row.keyId());
                    sealed += update.executeUpdate();
                }
            } catch (SecretBox.UnreadableSecretException e) {
                Log.errorf("Connector secret of %s %s: its webhooks are refused until it is configured again",
                        context, e.getMessage());
            }
        }
        return sealed;
    }
}
