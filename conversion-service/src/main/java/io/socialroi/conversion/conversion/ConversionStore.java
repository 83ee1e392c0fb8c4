package io.socialroi.conversion.conversion;

import io.socialroi.common.money.Money;
import io.socialroi.conversion.identity.IdentityLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Stores conversions in plain JDBC: one batched statement per request, deduplicated by the unique key on
 * (workspace, eventId) with {@code ON CONFLICT DO NOTHING}, so concurrent senders of the same event store
 * it once.
 */
@ApplicationScoped
public class ConversionStore {

    static final String COLUMNS = "id, event_id, type, value_amount, value_currency, amount, currency, occurred_at, "
            + "customer_id, click_id, actor_ids, email_sha256, capture_state, created_at, email_google_sha256, phone_sha256, "
            + "phone_digits_sha256";
    /** What a view reads: the stored columns and the refunds a connector applied. */
    static final String VIEW_COLUMNS = COLUMNS + ", refunded_value";

    private final DataSource dataSource;
    private final IdentityLinks identities;

    public ConversionStore(DataSource dataSource, IdentityLinks identities) {
        this.dataSource = dataSource;
        this.identities = identities;
    }

    /**
     * Inserts the conversions in one transaction; returns for each whether it was new (false: its eventId
     * was seen before). A new conversion's actors and click are linked to its customer.
     */
    @Transactional(rollbackOn = Exception.class)
    public boolean[] insert(UUID workspaceId, List<NewConversion> conversions) throws SQLException {
        boolean[] inserted = new boolean[conversions.size()];
        if (conversions.isEmpty()) {
            return inserted;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO conversion (workspace_id, " + COLUMNS + ") "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?) "
                        + "ON CONFLICT (workspace_id, event_id) DO NOTHING")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (NewConversion n : conversions) {
                insert.setObject(1, workspaceId);
                insert.setObject(2, UUID.randomUUID());
                insert.setString(3, n.eventId());
                insert.setString(4, n.type().name());
                insert.setBigDecimal(5, n.value() == null ? null : n.value().amount());
                insert.setString(6, n.value() == null ? null : n.value().currency());
                insert.setBigDecimal(7, n.amount().amount());
                insert.setString(8, n.amount().currency());
                insert.setObject(9, n.occurredAt());
                insert.setString(10, n.customerId());
                insert.setString(11, n.clickId());
                insert.setArray(12, c.createArrayOf("text", n.actorIds().toArray()));
                insert.setString(13, n.emailSha256());
                insert.setObject(14, now);
                insert.setString(15, n.contact().emailGoogle());
                insert.setString(16, n.contact().phone());
                insert.setString(17, n.contact().phoneDigits());
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                inserted[i] = counts[i] > 0;
            }
        }
        List<IdentityLinks.Link> links = new ArrayList<>();
        for (int i = 0; i < conversions.size(); i++) {
            NewConversion n = conversions.get(i);
            if (inserted[i] && n.customerId() != null) {
                n.actorIds().forEach(a -> links.add(new IdentityLinks.Link(n.customerId(), IdentityLinks.ACTOR, a, null)));
                if (n.clickId() != null) {
                    links.add(new IdentityLinks.Link(n.customerId(), IdentityLinks.CLICK, n.clickId(), null));
                }
            }
        }
        identities.linkAll(workspaceId, links);
        return inserted;
    }

    public Optional<ConversionView> byEventId(UUID workspaceId, String eventId) throws SQLException {
        return one("SELECT " + VIEW_COLUMNS + " FROM conversion WHERE workspace_id = ? AND event_id = ?", workspaceId,
                eventId);
    }

    public Optional<ConversionView> byId(UUID workspaceId, UUID id) throws SQLException {
        return one("SELECT " + VIEW_COLUMNS + " FROM conversion WHERE workspace_id = ? AND id = ?", workspaceId, id);
    }

    /**
     * Newest first, keyset-paged on (occurredAt, id); optional filters on customer and type. Fetches one row
     * more than asked so the caller knows whether there is a next page.
     */
    public List<ConversionView> list(UUID workspaceId, String customerId, ConversionType type, Cursor after, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + VIEW_COLUMNS + " FROM conversion WHERE workspace_id = ?");
        List<Object> params = new ArrayList<>(List.of(workspaceId));
        if (customerId != null) {
            sql.append(" AND customer_id = ?");
            params.add(customerId);
        }
        if (type != null) {
            sql.append(" AND type = ?");
            params.add(type.name());
        }
        if (after != null) {
            sql.append(" AND (occurred_at, id) < (?, ?)");
            params.add(after.occurredAt());
            params.add(after.id());
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ?");
        params.add(limit + 1);
        return query(sql.toString(), params.toArray());
    }

    /** Position in the list: the last row shown. */
    public record Cursor(OffsetDateTime occurredAt, UUID id) {

        /** Reads a cursor written by {@link #of}; throws for anything else (including instants out of range). */
        public static Cursor parse(String text) {
            int bar = text.lastIndexOf('_');
            OffsetDateTime at = OffsetDateTime.parse(text.substring(0, bar));
            if (at.getYear() < 1900 || at.getYear() > 9999) {
                throw new IllegalArgumentException("cursor out of range");
            }
            return new Cursor(at, UUID.fromString(text.substring(bar + 1)));
        }

        public static String of(ConversionView view) {
            return view.occurredAt().withOffsetSameInstant(ZoneOffset.UTC) + "_" + view.id();
        }
    }

    private Optional<ConversionView> one(String sql, Object... params) throws SQLException {
        return query(sql, params).stream().findFirst();
    }

    private List<ConversionView> query(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                select.setObject(i + 1, params[i]);
            }
            List<ConversionView> views = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    views.add(view(rs));
                }
            }
            return views;
        }
    }

    private static ConversionView view(ResultSet rs) throws SQLException {
        BigDecimal valueAmount = rs.getBigDecimal("value_amount");
        Money value = valueAmount == null ? null : Money.of(valueAmount, rs.getString("value_currency"));
        BigDecimal refunded = rs.getBigDecimal("refunded_value");
        Array actors = rs.getArray("actor_ids");
        return new ConversionView(rs.getObject("id", UUID.class), rs.getString("event_id"),
                ConversionType.valueOf(rs.getString("type")), value,
                Money.of(rs.getBigDecimal("amount"), rs.getString("currency")),
                value == null || refunded.signum() == 0 ? null : Money.of(refunded, value.currency()),
                rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("customer_id"),
                rs.getString("click_id"), Arrays.asList((String[]) actors.getArray()), rs.getString("email_sha256"),
                rs.getString("phone_sha256"), rs.getString("capture_state"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
