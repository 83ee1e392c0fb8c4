package io.socialroi.content.recipient;

import io.socialroi.content.post.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The workspace's opted-in recipients of each messaging platform (table {@code recipient}). A list is replaced as a
 * whole; an unsubscribed recipient's row is kept (unsubscribed_at set) whether or not a later list names it, so
 * nobody who opted out is sent to again by a list uploaded later. Callers hold the transaction.
 */
@ApplicationScoped
public class Recipients {

    /** One stored recipient. */
    public record Row(String address, OffsetDateTime consentedAt, OffsetDateTime unsubscribedAt) {
    }

    /** One recipient of a new list. */
    public record Entry(String address, Instant consentedAt) {
    }

    private final EntityManager em;

    public Recipients(EntityManager em) {
        this.em = em;
    }

    /** Replaces the list: the entries are kept (their consent updated), the others removed unless unsubscribed. */
    public void replace(UUID workspaceId, Platform platform, List<Entry> entries) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // Locks the workspace's list so two replacements at once end as one of them, never a mix.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "recipients/" + workspaceId + "/" + platform).getSingleResult();
        em.createNativeQuery("create temporary table if not exists recipient_upload (address text primary key, "
                + "consented_at timestamptz) on commit delete rows").executeUpdate();
        em.createNativeQuery("delete from recipient_upload").executeUpdate();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("insert into recipient_upload (address, consented_at) "
                    + "values (?, ?)")) {
                for (Entry e : entries) {
                    s.setString(1, e.address());
                    s.setTimestamp(2, e.consentedAt() == null ? null : Timestamp.from(e.consentedAt()));
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
        em.createNativeQuery("delete from recipient r where r.workspace_id = ?1 and r.platform = ?2 "
                + "and r.unsubscribed_at is null and not exists (select 1 from recipient_upload u where u.address = "
                + "r.address)").setParameter(1, workspaceId).setParameter(2, platform.name()).executeUpdate();
        em.createNativeQuery("insert into recipient (workspace_id, platform, address, consented_at, created_at) "
                + "select ?1, ?2, u.address, u.consented_at, ?3 from recipient_upload u "
                + "on conflict (workspace_id, platform, address) do update set consented_at = "
                + "coalesce(excluded.consented_at, recipient.consented_at)")
                .setParameter(1, workspaceId).setParameter(2, platform.name()).setParameter(3, now).executeUpdate();
    }

    /** A page of the list in address order, after {@code after} (exclusive; null from the start). */
    public List<Row> page(UUID workspaceId, Platform platform, String after, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select address, consented_at, unsubscribed_at from recipient "
                + "where workspace_id = ?1 and platform = ?2 and address > ?3 order by address limit ?4")
                .setParameter(1, workspaceId).setParameter(2, platform.name()).setParameter(3, after == null ? "" : after)
                .setParameter(4, limit).getResultList();
        return rows.stream().map(r -> new Row((String) r[0], time(r[1]), time(r[2]))).toList();
    }

    /** How many recipients the list has, and how many of them are subscribed. */
    public long[] counts(UUID workspaceId, Platform platform) {
        Object[] r = (Object[]) em.createNativeQuery("select count(*), count(*) filter (where unsubscribed_at is null) "
                + "from recipient where workspace_id = ?1 and platform = ?2").setParameter(1, workspaceId)
                .setParameter(2, platform.name()).getSingleResult();
        return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()};
    }

    /**
     * Marks the recipient unsubscribed (idempotent: the first time is kept). An address no longer on the list is
     * added as unsubscribed, so a later list cannot subscribe it again.
     */
    public void unsubscribe(UUID workspaceId, Platform platform, String address) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("insert into recipient (workspace_id, platform, address, unsubscribed_at, created_at) "
                + "values (?1, ?2, ?3, ?4, ?4) on conflict (workspace_id, platform, address) do update set "
                + "unsubscribed_at = coalesce(recipient.unsubscribed_at, excluded.unsubscribed_at)")
                .setParameter(1, workspaceId).setParameter(2, platform.name()).setParameter(3, address)
                .setParameter(4, now).executeUpdate();
    }

    /**
     * Subscribes an unsubscribed recipient again, for the platform's own opt-in (an SMS reply START, YES or UNSTOP,
     * which lifts Twilio's block too): the reply is the recipient's consent, recorded as such when none was. True when
     * it was unsubscribed. Nobody is added: an address without a row never was on the list nor opted out.
     */
    public boolean resubscribe(UUID workspaceId, Platform platform, String address) {
        return em.createNativeQuery("update recipient set unsubscribed_at = null, consented_at = coalesce(consented_at, "
                + "?4) where workspace_id = ?1 and platform = ?2 and address = ?3 and unsubscribed_at is not null")
                .setParameter(1, workspaceId).setParameter(2, platform.name()).setParameter(3, address)
                .setParameter(4, Instant.now().truncatedTo(ChronoUnit.MICROS)).executeUpdate() > 0;
    }

    public boolean subscribed(UUID workspaceId, Platform platform, String address) {
        return !em.createNativeQuery("select 1 from recipient where workspace_id = ?1 and platform = ?2 and address = ?3 "
                + "and unsubscribed_at is null").setParameter(1, workspaceId).setParameter(2, platform.name())
                .setParameter(3, address).getResultList().isEmpty();
    }

    private static OffsetDateTime time(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        return ((Timestamp) o).toInstant().atOffset(ZoneOffset.UTC);
    }
}
