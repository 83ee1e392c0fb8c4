package io.socialroi.conversion.identity;

import io.socialroi.conversion.conversion.ContactHashes;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * How to reach each customer, hashed: what identities stated ({@code customer_contact}) and what conversions
 * carried. Per identifier the one stated last wins (an identity at the moment it was posted, a conversion at its
 * {@code occurredAt}; ties by the smaller hash), so the answer is the same whatever order the data arrived in.
 */
@ApplicationScoped
public class Contacts {

    private static final String LATEST = """
            WITH stated AS (
                SELECT customer_id, email_sha256, email_google_sha256, phone_sha256, phone_digits_sha256,
                       occurred_at AS at
                FROM conversion WHERE workspace_id = ? AND customer_id = ANY (?)
                  AND (email_sha256 IS NOT NULL OR phone_sha256 IS NOT NULL)
                UNION ALL
                SELECT customer_id, email_sha256, email_google_sha256, phone_sha256, phone_digits_sha256, stated_at
                FROM customer_contact WHERE workspace_id = ? AND customer_id = ANY (?)
            ), e AS (
                SELECT DISTINCT ON (customer_id) customer_id, email_sha256, email_google_sha256 FROM stated
                WHERE email_sha256 IS NOT NULL ORDER BY customer_id, at DESC, email_sha256
            ), p AS (
                SELECT DISTINCT ON (customer_id) customer_id, phone_sha256, phone_digits_sha256 FROM stated
                WHERE phone_sha256 IS NOT NULL ORDER BY customer_id, at DESC, phone_sha256
            )
            SELECT customer_id, e.email_sha256, e.email_google_sha256, p.phone_sha256, p.phone_digits_sha256
            FROM e FULL JOIN p USING (customer_id)
            """;

    private final DataSource dataSource;

    public Contacts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records what an identity said about the customer; stating the same again only moves its moment. */
    public void state(Connection c, UUID workspaceId, String customerId, ContactHashes contact, OffsetDateTime at)
            throws SQLException {
        if (contact.empty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO customer_contact (workspace_id, customer_id, email_sha256, email_google_sha256,
                    phone_sha256, phone_digits_sha256, stated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (workspace_id, customer_id, coalesce(email_sha256, ''), coalesce(phone_sha256, ''))
                DO UPDATE SET stated_at = greatest(customer_contact.stated_at, excluded.stated_at)
                """)) {
            insert.setObject(1, workspaceId);
            insert.setString(2, customerId);
            insert.setString(3, contact.email());
            insert.setString(4, contact.emailGoogle());
            insert.setString(5, contact.phone());
            insert.setString(6, contact.phoneDigits());
            insert.setObject(7, at);
            insert.executeUpdate();
        }
    }

    /** The latest e-mail and phone hashes of each of these customers; customers with neither are absent. */
    public Map<String, ContactHashes> latest(UUID workspaceId, Collection<String> customerIds) throws SQLException {
        Map<String, ContactHashes> contacts = new HashMap<>();
        if (customerIds.isEmpty()) {
            return contacts;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(LATEST)) {
            var ids = c.createArrayOf("text", customerIds.toArray());
            select.setObject(1, workspaceId);
            select.setArray(2, ids);
            select.setObject(3, workspaceId);
            select.setArray(4, ids);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String email = rs.getString(2);
                    String google = rs.getString(3);
                    // Rows from before Google's form was stored: the plain hash is Google's for every address
                    // but a dotted gmail one.
                    contacts.put(rs.getString(1), new ContactHashes(email, google == null ? email : google,
                            rs.getString(4), rs.getString(5)));
                }
            }
        }
        return contacts;
    }
}
