package io.socialroi.conversion.audience;

import io.socialroi.conversion.conversion.ContactHashes;
import io.socialroi.conversion.identity.Contacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** What this service knows of engaged actors: their customer, its hashed e-mail and phone, whether they converted. */
@ApplicationScoped
public class MemberLinks {

    private static final String CONVERTED = """
            SELECT l.ref FROM identity_link l
            WHERE l.workspace_id = ? AND l.kind = 'ACTOR' AND l.ref = ANY (?)
              AND EXISTS (SELECT 1 FROM conversion c WHERE c.workspace_id = l.workspace_id
                          AND c.customer_id = l.customer_id AND c.occurred_at >= ?)
            UNION
            SELECT a FROM conversion c, unnest(c.actor_ids) a
            WHERE c.workspace_id = ? AND c.actor_ids && ? AND c.occurred_at >= ? AND a = ANY (?)
            """;

    private final DataSource dataSource;
    private final Contacts contacts;

    public MemberLinks(DataSource dataSource, Contacts contacts) {
        this.dataSource = dataSource;
        this.contacts = contacts;
    }

    /** The actors among these that converted at or after {@code since}, themselves or through their customer. */
    public Set<String> converted(UUID workspaceId, Collection<String> actorIds, OffsetDateTime since)
            throws SQLException {
        Set<String> converted = new HashSet<>();
        if (actorIds.isEmpty()) {
            return converted;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(CONVERTED)) {
            var ids = c.createArrayOf("text", actorIds.toArray());
            select.setObject(1, workspaceId);
            select.setArray(2, ids);
            select.setObject(3, since);
            select.setObject(4, workspaceId);
            select.setArray(5, ids);
            select.setObject(6, since);
            select.setArray(7, ids);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    converted.add(rs.getString(1));
                }
            }
        }
        return converted;
    }

    private static final String CONVERTED_AFTER = """
            WITH m(ref, start) AS (SELECT * FROM unnest(?::text[], ?::timestamptz[]))
            SELECT m.ref FROM m
            WHERE EXISTS (SELECT 1 FROM identity_link l JOIN conversion c ON c.workspace_id = l.workspace_id
                          AND c.customer_id = l.customer_id
                          WHERE l.workspace_id = ? AND l.kind = 'ACTOR' AND l.ref = m.ref AND c.occurred_at >= m.start)
               OR EXISTS (SELECT 1 FROM conversion c WHERE c.workspace_id = ? AND c.actor_ids @> ARRAY[m.ref]
                          AND c.occurred_at >= m.start)
            """;

    /**
     * The actors among these that converted at or after their own start instant, themselves or through their
     * customer: a conversion before the start does not count.
     */
    public Set<String> convertedAfter(UUID workspaceId, Map<String, OffsetDateTime> starts) throws SQLException {
        Set<String> converted = new HashSet<>();
        if (starts.isEmpty()) {
            return converted;
        }
        String[] refs = starts.keySet().toArray(String[]::new);
        OffsetDateTime[] times = java.util.Arrays.stream(refs).map(starts::get).toArray(OffsetDateTime[]::new);
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(CONVERTED_AFTER)) {
            select.setArray(1, c.createArrayOf("text", refs));
            select.setArray(2, c.createArrayOf("timestamptz", times));
            select.setObject(3, workspaceId);
            select.setObject(4, workspaceId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    converted.add(rs.getString(1));
                }
            }
        }
        return converted;
    }

    /** The customer each of these actors is linked to. */
    public Map<String, String> customers(UUID workspaceId, Collection<String> actorIds) throws SQLException {
        Map<String, String> customers = new HashMap<>();
        if (actorIds.isEmpty()) {
            return customers;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT ref, customer_id FROM identity_link WHERE workspace_id = ? AND kind = 'ACTOR' AND ref = ANY (?)")) {
            select.setObject(1, workspaceId);
            select.setArray(2, c.createArrayOf("text", actorIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    customers.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return customers;
    }

    /** The latest hashed e-mail and phone of each of these customers (see {@link Contacts}). */
    public Map<String, ContactHashes> contacts(UUID workspaceId, Collection<String> customerIds) throws SQLException {
        return contacts.latest(workspaceId, customerIds);
    }
}
