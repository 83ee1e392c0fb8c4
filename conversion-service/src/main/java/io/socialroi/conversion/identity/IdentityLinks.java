package io.socialroi.conversion.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Who is who: platform actors and click ids tied to a customer. An actor or click belongs to one customer;
 * the first link wins. Callers run inside their own transaction.
 */
@ApplicationScoped
public class IdentityLinks {

    public static final String ACTOR = "ACTOR";
    public static final String CLICK = "CLICK";

    /** The identifiers of one customer. */
    public record Person(String customerId, Set<String> actorIds, Set<String> clickIds) {
    }

    private final DataSource dataSource;

    public IdentityLinks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The customer an actor or click is linked to, if any. */
    public Optional<String> owner(UUID workspaceId, String kind, String ref) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT customer_id FROM identity_link WHERE workspace_id = ? AND kind = ? AND ref = ?")) {
            select.setObject(1, workspaceId);
            select.setString(2, kind);
            select.setString(3, ref);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** One identifier (an actor or a click id) to tie to a customer. */
    public record Link(String customerId, String kind, String ref, String platform) {
    }

    /** Links one customer's actors and clicks; see {@link #linkAll}. */
    public int link(UUID workspaceId, String customerId, String platform, Collection<String> actorIds,
            Collection<String> clickIds) throws SQLException {
        List<Link> links = new ArrayList<>();
        actorIds.forEach(actor -> links.add(new Link(customerId, ACTOR, actor, platform)));
        clickIds.forEach(click -> links.add(new Link(customerId, CLICK, click, null)));
        return linkAll(workspaceId, links);
    }

    /**
     * Links each identifier to its customer unless it is linked already, in one batch; the conversions of
     * every customer that gained a link are queued for a fresh touchpoint capture. Returns how many links
     * are new.
     */
    public int linkAll(UUID workspaceId, List<Link> links) throws SQLException {
        if (links.isEmpty()) {
            return 0;
        }
        Set<String> changed = new LinkedHashSet<>();
        int added = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO identity_link (workspace_id, kind, ref, customer_id, platform, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            OffsetDateTime now = OffsetDateTime.now();
            for (Link link : links) {
                bind(insert, workspaceId, link.kind(), link.ref(), link.customerId(), link.platform(), now);
            }
            int[] counts = insert.executeBatch();
            List<Link> known = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    added++;
                    changed.add(links.get(i).customerId());
                } else if (links.get(i).platform() != null) {
                    known.add(links.get(i));
                }
            }
            completePlatforms(c, workspaceId, known);
        }
        if (!changed.isEmpty()) {
            recapture(workspaceId, changed);
        }
        return added;
    }

    /**
     * A link made first without a platform (a conversion's {@code actorIds}) takes the platform a later identity of
     * the same customer names, so the customer's view is the same whichever of the two arrived first. A platform
     * once known is kept.
     */
    private static void completePlatforms(Connection c, UUID workspaceId, List<Link> links) throws SQLException {
        if (links.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE identity_link SET platform = ? "
                + "WHERE workspace_id = ? AND kind = ? AND ref = ? AND customer_id = ? AND platform IS NULL")) {
            for (Link link : links) {
                update.setString(1, link.platform());
                update.setObject(2, workspaceId);
                update.setString(3, link.kind());
                update.setString(4, link.ref());
                update.setString(5, link.customerId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Queues the customers' conversions for a new capture: they now have more identifiers. */
    public void recapture(UUID workspaceId, Collection<String> customerIds) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                io.socialroi.conversion.conversion.Ordered.update(
                        "capture_state = 'PENDING', capture_version = capture_version + 1",
                        "workspace_id = ? AND customer_id = ANY (?)", null))) {
            update.setObject(1, workspaceId);
            update.setArray(2, c.createArrayOf("text", customerIds.toArray()));
            update.executeUpdate();
        }
    }

    /** Every actor and click linked to these customers, by customer. */
    public Map<String, Person> people(UUID workspaceId, Collection<String> customerIds) throws SQLException {
        Map<String, Person> people = new HashMap<>();
        for (String id : customerIds) {
            people.put(id, new Person(id, new LinkedHashSet<>(), new LinkedHashSet<>()));
        }
        if (customerIds.isEmpty()) {
            return people;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT customer_id, kind, ref FROM identity_link WHERE workspace_id = ? AND customer_id = ANY (?) "
                        + "ORDER BY created_at, ref")) {
            select.setObject(1, workspaceId);
            select.setArray(2, c.createArrayOf("text", new ArrayList<>(customerIds).toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Person person = people.get(rs.getString(1));
                    (ACTOR.equals(rs.getString(2)) ? person.actorIds() : person.clickIds()).add(rs.getString(3));
                }
            }
        }
        return people;
    }

    /** The links of one customer, oldest first. */
    public List<IdentityView> list(UUID workspaceId, String customerId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT customer_id, kind, ref, platform, created_at FROM identity_link "
                        + "WHERE workspace_id = ? AND customer_id = ? ORDER BY created_at, kind, ref")) {
            select.setObject(1, workspaceId);
            select.setString(2, customerId);
            List<IdentityView> views = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    views.add(new IdentityView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class)));
                }
            }
            return views;
        }
    }

    private static void bind(PreparedStatement insert, UUID workspaceId, String kind, String ref, String customerId,
            String platform, OffsetDateTime now) throws SQLException {
        insert.setObject(1, workspaceId);
        insert.setString(2, kind);
        insert.setString(3, ref);
        insert.setString(4, customerId);
        insert.setString(5, platform);
        insert.setObject(6, now);
        insert.addBatch();
    }
}
