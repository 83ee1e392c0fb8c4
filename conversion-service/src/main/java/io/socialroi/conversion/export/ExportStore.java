package io.socialroi.conversion.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.socialroi.common.secrets.SecretBox;
import io.socialroi.conversion.conversion.ContactHashes;
import io.socialroi.conversion.identity.Contacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Export destinations and their delivery log. Tokens are sealed with the deployment's {@link SecretBox} exactly as
 * the connector secrets are ({@code ConnectorStore}), bound to the row by the context
 * {@code export/<workspace>/<platform>}, and sealed again under the current key at start.
 */
@ApplicationScoped
public class ExportStore {

    /** The touch types and lookback of the default attribution report: what "attributed" means for exports. */
    static final int ATTRIBUTION_LOOKBACK_DAYS = 30;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final SecretBox box;
    private final Contacts contacts;

    public ExportStore(DataSource dataSource, SecretBox box, Contacts contacts) {
        this.dataSource = dataSource;
        this.box = box;
        this.contacts = contacts;
    }

    static String context(UUID workspaceId, ExportPlatform platform) {
        return "export/" + workspaceId + "/" + platform.path();
    }

    static String hint(String token) {
        return "…" + token.substring(token.length() - 4);
    }

    /**
     * Stores (or replaces) the destination; a replaced one is ACTIVE again, its waiting deliveries are due at once, and
     * those never tried are queued again under the new settings.
     */
    public void put(UUID workspaceId, ExportPlatform platform, DestinationRules.Checked checked, String token)
            throws SQLException {
        SecretBox.Sealed sealed = box.seal(token, context(workspaceId, platform));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement upsert = c.prepareStatement(
                    "INSERT INTO export_destination (workspace_id, platform, settings, conversion_types, token, "
                            + "token_key_id, token_hint, status, created_at, updated_at) VALUES (?, ?, ?::jsonb, ?, ?, ?, "
                            + "?, 'ACTIVE', ?, ?) ON CONFLICT (workspace_id, platform) DO UPDATE SET "
                            + "settings = EXCLUDED.settings, conversion_types = EXCLUDED.conversion_types, "
                            + "token = EXCLUDED.token, token_key_id = EXCLUDED.token_key_id, "
                            + "token_hint = EXCLUDED.token_hint, status = 'ACTIVE', status_reason = NULL, "
                            + "updated_at = EXCLUDED.updated_at");
                    PreparedStatement requeue = c.prepareStatement(
                            "DELETE FROM export_delivery WHERE workspace_id = ? AND platform = ? AND status = 'PENDING' "
                                    + "AND attempts = 0 AND last_attempt_at IS NULL");
                    PreparedStatement due = c.prepareStatement(
                            "UPDATE export_delivery SET next_attempt_at = ?, updated_at = ? WHERE workspace_id = ? "
                                    + "AND platform = ? AND status IN ('PENDING', 'RETRYING')")) {
                upsert.setObject(1, workspaceId);
                upsert.setString(2, platform.name());
                upsert.setString(3, JSON.writeValueAsString(checked.settings()));
                upsert.setArray(4, c.createArrayOf("text", checked.conversionTypes().toArray()));
                upsert.setString(5, sealed.ciphertext());
                upsert.setString(6, sealed.keyId());
                upsert.setString(7, hint(token));
                upsert.setObject(8, now);
                upsert.setObject(9, now);
                upsert.executeUpdate();
                // Queued rows never tried are queued again by the next run under the new settings (another
                // conversionTypes may leave some out); rows already tried keep their dedupe history.
                requeue.setObject(1, workspaceId);
                requeue.setString(2, platform.name());
                requeue.executeUpdate();
                due.setObject(1, now);
                due.setObject(2, now);
                due.setObject(3, workspaceId);
                due.setString(4, platform.name());
                due.executeUpdate();
                c.commit();
            } catch (JsonProcessingException e) {
                c.rollback();
                throw new IllegalStateException(e);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    public Optional<DestinationView> view(UUID workspaceId, ExportPlatform platform, String api) throws SQLException {
        return views(workspaceId, platform, p -> api).stream().findFirst();
    }

    public List<DestinationView> list(UUID workspaceId, java.util.function.Function<ExportPlatform, String> api)
            throws SQLException {
        return views(workspaceId, null, api);
    }

    private List<DestinationView> views(UUID workspaceId, ExportPlatform only,
            java.util.function.Function<ExportPlatform, String> api) throws SQLException {
        List<DestinationView> views = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT d.platform, d.settings::text, d.conversion_types, d.token_hint, d.status, d.status_reason, "
                        + "d.created_at, d.updated_at, (SELECT json_object_agg(s.status, s.n)::text FROM (SELECT "
                        + "status, count(*) AS n FROM export_delivery e WHERE e.workspace_id = d.workspace_id AND "
                        + "e.platform = d.platform GROUP BY status) s) FROM export_destination d "
                        + "WHERE d.workspace_id = ? AND (?::text IS NULL OR d.platform = ?) ORDER BY d.platform")) {
            select.setObject(1, workspaceId);
            select.setString(2, only == null ? null : only.name());
            select.setString(3, only == null ? null : only.name());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ExportPlatform platform = ExportPlatform.valueOf(rs.getString(1));
                    Map<String, Long> counts = new TreeMap<>();
                    if (rs.getString(9) != null) {
                        counts.putAll(JSON.readValue(rs.getString(9), new TypeReference<Map<String, Long>>() {
                        }));
                    }
                    views.add(new DestinationView(platform.name(), api.apply(platform), settings(rs.getString(2)),
                            texts(rs.getArray(3)), true, rs.getString(4), rs.getString(5), rs.getString(6), counts,
                            rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class)));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return views;
    }

    /** Removes the destination and its token; its delivery log stays, so nothing acknowledged is sent again. */
    public boolean delete(UUID workspaceId, ExportPlatform platform) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                "DELETE FROM export_destination WHERE workspace_id = ? AND platform = ?")) {
            delete.setObject(1, workspaceId);
            delete.setString(2, platform.name());
            return delete.executeUpdate() > 0;
        }
    }

    /** The token in clear; empty when no configured key opens it (logged). */
    public Optional<String> token(UUID workspaceId, ExportPlatform platform) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT token, token_key_id FROM export_destination WHERE workspace_id = ? AND platform = ?")) {
            select.setObject(1, workspaceId);
            select.setString(2, platform.name());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(box.open(rs.getString(2), rs.getString(1), context(workspaceId, platform)));
            }
        } catch (SecretBox.UnreadableSecretException e) {
            Log.errorf("Export token of %s %s: configure it again", context(workspaceId, platform), e.getMessage());
            return Optional.empty();
        }
    }

    /** The ACTIVE destinations whose send lease is free at {@code now}: candidates for {@link #claim}. */
    public List<Destination> candidates(Instant now) throws SQLException {
        return destinations("SELECT workspace_id, platform, settings::text, conversion_types, status, created_at "
                + "FROM export_destination WHERE status = 'ACTIVE' AND (lease_until IS NULL OR lease_until <= ?) "
                + "ORDER BY workspace_id, platform", now.atOffset(ZoneOffset.UTC));
    }

    /**
     * Takes the destination's send lease until {@code until}, if it is still free and ACTIVE: one replica sends for
     * a destination at a time, and one that died lets go when its lease ends. Answers the destination as it now is.
     */
    public Optional<Destination> claim(Destination d, Instant now, Instant until) throws SQLException {
        return destinations("UPDATE export_destination SET lease_until = ? WHERE workspace_id = ? AND platform = ? "
                + "AND status = 'ACTIVE' AND (lease_until IS NULL OR lease_until <= ?) RETURNING workspace_id, "
                + "platform, settings::text, conversion_types, status, created_at", until.atOffset(ZoneOffset.UTC),
                d.workspaceId(), d.platform().name(), now.atOffset(ZoneOffset.UTC)).stream().findFirst();
    }

    private List<Destination> destinations(String sql, Object... params) throws SQLException {
        List<Destination> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(new Destination(rs.getObject(1, UUID.class), ExportPlatform.valueOf(rs.getString(2)),
                            settings(rs.getString(3)), texts(rs.getArray(4)), rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class)));
                }
            }
        }
        return found;
    }

    public void release(Destination d) throws SQLException {
        update("UPDATE export_destination SET lease_until = NULL WHERE workspace_id = ? AND platform = ?",
                d.workspaceId(), d.platform().name());
    }

    /** The platform refused the token: nothing more is sent until the destination is configured again. */
    public void needsReconnect(Destination d, String reason, Instant now) throws SQLException {
        update("UPDATE export_destination SET status = 'NEEDS_RECONNECT', status_reason = ?, updated_at = ? "
                + "WHERE workspace_id = ? AND platform = ?", reason, now.atOffset(ZoneOffset.UTC), d.workspaceId(),
                d.platform().name());
    }

    /**
     * Queues (PENDING, due now) the conversions to send that have no delivery row yet: captured, of the destination's
     * types, attributed as the default report attributes (a captured touchpoint other than an impression in the 30
     * days up to the conversion), and either within the platform's window or recorded since the destination was
     * configured (those too old are then SKIPPED with the reason, not silently left out). Answers how many.
     */
    public int enqueue(Destination d, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO export_delivery (workspace_id, platform, conversion_id, event_id, status, attempts,
                                             next_attempt_at, created_at, updated_at)
                SELECT c.workspace_id, ?, c.id, c.event_id, 'PENDING', 0, ?, ?, ?
                FROM conversion c
                WHERE c.workspace_id = ? AND c.capture_state = 'CAPTURED'
                  AND (cardinality(?::text[]) = 0 OR c.type = ANY (?::text[]))
                  AND (c.occurred_at >= ? OR (c.created_at >= ? AND c.created_at >= ?))
                  AND EXISTS (SELECT 1 FROM conversion_touchpoint t
                              WHERE t.workspace_id = c.workspace_id AND t.conversion_id = c.id
                                AND t.type <> 'IMPRESSION' AND t.occurred_at <= c.occurred_at
                                AND t.occurred_at >= c.occurred_at - make_interval(days => ?))
                  AND NOT EXISTS (SELECT 1 FROM export_delivery e WHERE e.workspace_id = c.workspace_id
                                  AND e.platform = ? AND e.conversion_id = c.id)
                ORDER BY c.occurred_at
                ON CONFLICT DO NOTHING
                """)) {
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            OffsetDateTime windowStart = now.minus(d.platform().window()).atOffset(ZoneOffset.UTC);
            Array types = c.createArrayOf("text", d.conversionTypes().toArray());
            insert.setString(1, d.platform().name());
            insert.setObject(2, at);
            insert.setObject(3, at);
            insert.setObject(4, at);
            insert.setObject(5, d.workspaceId());
            insert.setArray(6, types);
            insert.setArray(7, types);
            insert.setObject(8, windowStart);
            insert.setObject(9, d.createdAt());
            insert.setObject(10, windowStart);
            insert.setInt(11, ATTRIBUTION_LOOKBACK_DAYS);
            insert.setString(12, d.platform().name());
            return insert.executeUpdate();
        }
    }

    /** The deliveries due at {@code now}, oldest conversion first, with what is sent of each conversion. */
    public List<ExportEvent> due(Destination d, Instant now, int limit) throws SQLException {
        List<ExportEvent> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement("""
                SELECT c.id, c.event_id, c.type, c.value_amount - c.refunded_value, c.value_currency, c.occurred_at,
                       c.customer_id, c.email_sha256, c.email_google_sha256, c.phone_sha256, c.phone_digits_sha256,
                       e.attempts
                FROM export_delivery e
                JOIN conversion c ON c.workspace_id = e.workspace_id AND c.id = e.conversion_id
                WHERE e.workspace_id = ? AND e.platform = ? AND e.status IN ('PENDING', 'RETRYING')
                  AND e.next_attempt_at <= ?
                ORDER BY c.occurred_at, c.id
                LIMIT ?
                """)) {
            select.setObject(1, d.workspaceId());
            select.setString(2, d.platform().name());
            select.setObject(3, now.atOffset(ZoneOffset.UTC));
            select.setInt(4, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(new ExportEvent(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getBigDecimal(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                            rs.getString(7), new ContactHashes(rs.getString(8), rs.getString(9), rs.getString(10),
                                    rs.getString(11)), rs.getInt(12)));
                }
            }
        }
        // What the conversion lacks, the customer may have stated elsewhere (an identity, another conversion).
        java.util.Set<String> customers = new java.util.TreeSet<>();
        for (ExportEvent e : events) {
            if (e.customerId() != null && (e.contact().email() == null || e.contact().phone() == null)) {
                customers.add(e.customerId());
            }
        }
        Map<String, ContactHashes> latest = contacts.latest(d.workspaceId(), customers);
        return events.stream().map(e -> e.customerId() == null || !latest.containsKey(e.customerId()) ? e
                : e.withContact(latest.get(e.customerId()))).toList();
    }

    /**
     * Before a send: takes the rows that are still due (another replica may have taken some meanwhile) and makes them
     * not due again until {@code inFlightUntil}, so a replica that dies mid-send leaves them to be sent again (with
     * the same dedupe ids) once that time has passed, never lost. Answers the events taken, in order.
     */
    public List<ExportEvent> inFlight(Destination d, List<ExportEvent> events, Instant now, Instant inFlightUntil)
            throws SQLException {
        java.util.Set<UUID> taken = new java.util.HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE export_delivery SET next_attempt_at = ?, last_attempt_at = ?, updated_at = ? "
                        + "WHERE workspace_id = ? AND platform = ? AND conversion_id = ANY (?) "
                        + "AND status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ? RETURNING conversion_id")) {
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            update.setObject(1, inFlightUntil.atOffset(ZoneOffset.UTC));
            update.setObject(2, at);
            update.setObject(3, at);
            update.setObject(4, d.workspaceId());
            update.setString(5, d.platform().name());
            update.setArray(6, c.createArrayOf("uuid", events.stream().map(ExportEvent::conversionId).toArray()));
            update.setObject(7, at);
            try (ResultSet rs = update.executeQuery()) {
                while (rs.next()) {
                    taken.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return events.stream().filter(e -> taken.contains(e.conversionId())).toList();
    }

    public void sent(Destination d, Collection<ExportEvent> events, String response, Instant now) throws SQLException {
        mark(d, events, "UPDATE export_delivery SET status = 'SENT', attempts = attempts + 1, sent_at = ?, "
                + "next_attempt_at = NULL, reason = NULL, response = ?, updated_at = ? WHERE workspace_id = ? "
                + "AND platform = ? AND conversion_id = ANY (?)", now, response, now);
    }

    /** A final outcome without another send: REJECTED, FAILED or SKIPPED, with the reason. */
    public void closed(Destination d, Collection<ExportEvent> events, String status, boolean attempted, String reason,
            String response, Instant now) throws SQLException {
        mark(d, events, "UPDATE export_delivery SET status = ?, attempts = attempts + " + (attempted ? 1 : 0)
                + ", next_attempt_at = NULL, reason = ?, response = ?, updated_at = ? WHERE workspace_id = ? "
                + "AND platform = ? AND conversion_id = ANY (?)", status, reason, response, now);
    }

    /** Sent again at {@code next}; {@code attempted} false when the send never reached the platform's decision. */
    public void retry(Destination d, Collection<ExportEvent> events, Instant next, boolean attempted, String reason,
            Instant now) throws SQLException {
        mark(d, events, "UPDATE export_delivery SET status = 'RETRYING', attempts = attempts + " + (attempted ? 1 : 0)
                + ", next_attempt_at = ?, reason = ?, updated_at = ? WHERE workspace_id = ? AND platform = ? "
                + "AND conversion_id = ANY (?)", next, reason, now);
    }

    private void mark(Destination d, Collection<ExportEvent> events, String sql, Object... leading)
            throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            int i = 1;
            for (Object value : leading) {
                update.setObject(i++, value instanceof Instant at ? at.atOffset(ZoneOffset.UTC) : value);
            }
            update.setObject(i++, d.workspaceId());
            update.setString(i++, d.platform().name());
            update.setArray(i, c.createArrayOf("uuid", events.stream().map(ExportEvent::conversionId).toArray()));
            update.executeUpdate();
        }
    }

    /** A page of the delivery log, newest first; {@code after} is the last row of the previous page. */
    public List<DeliveryView> deliveries(UUID workspaceId, ExportPlatform platform, String status, Cursor after,
            int limit) throws SQLException {
        List<DeliveryView> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement("""
                SELECT conversion_id, event_id, status, attempts, next_attempt_at, last_attempt_at, sent_at, reason,
                       response, created_at
                FROM export_delivery
                WHERE workspace_id = ? AND platform = ? AND (?::text IS NULL OR status = ?)
                  AND (?::timestamptz IS NULL OR (created_at, conversion_id) < (?, ?))
                ORDER BY created_at DESC, conversion_id DESC
                LIMIT ?
                """)) {
            select.setObject(1, workspaceId);
            select.setString(2, platform.name());
            select.setString(3, status);
            select.setString(4, status);
            select.setObject(5, after == null ? null : after.createdAt());
            select.setObject(6, after == null ? null : after.createdAt());
            select.setObject(7, after == null ? null : after.conversionId());
            select.setInt(8, limit + 1);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new DeliveryView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getInt(4), rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class),
                            rs.getObject(7, OffsetDateTime.class), rs.getString(8), rs.getString(9),
                            rs.getObject(10, OffsetDateTime.class)));
                }
            }
        }
        return rows;
    }

    /** The delivery log's cursor: the created time and conversion id of the last row shown. */
    public record Cursor(OffsetDateTime createdAt, UUID conversionId) {

        public static Cursor parse(String text) {
            int bar = text.lastIndexOf('_');
            OffsetDateTime at = OffsetDateTime.parse(text.substring(0, bar));
            if (at.getYear() < 1900 || at.getYear() > 9999) {
                throw new IllegalArgumentException("cursor out of range");
            }
            return new Cursor(at, UUID.fromString(text.substring(bar + 1)));
        }

        public static String of(DeliveryView view) {
            return view.createdAt().withOffsetSameInstant(ZoneOffset.UTC) + "_" + view.conversionId();
        }
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        reseal();
    }

    /** Seals tokens of previous keys under the current key; a token no configured key opens stays and is logged. */
    int reseal() throws SQLException {
        record Row(UUID workspaceId, ExportPlatform platform, String keyId, String token) {
        }
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT workspace_id, platform, token_key_id, token FROM export_destination WHERE token_key_id <> ?")) {
            select.setString(1, box.currentKeyId());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), ExportPlatform.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getString(4)));
                }
            }
        }
        int sealed = 0;
        for (Row row : rows) {
            String context = context(row.workspaceId(), row.platform());
            try {
                SecretBox.Sealed value = box.seal(box.open(row.keyId(), row.token(), context), context);
                sealed += update("UPDATE export_destination SET token = ?, token_key_id = ? WHERE workspace_id = ? "
                        + "AND platform = ? AND token_key_id = ?", value.ciphertext(), value.keyId(), row.workspaceId(),
                        row.platform().name(), row.keyId());
            } catch (SecretBox.UnreadableSecretException e) {
                Log.errorf("Export token of %s %s: nothing is sent until it is configured again", context,
                        e.getMessage());
            }
        }
        return sealed;
    }

    private int update(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                update.setObject(i + 1, params[i]);
            }
            return update.executeUpdate();
        }
    }

    private static Map<String, String> settings(String json) {
        try {
            return new LinkedHashMap<>(JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
            }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
