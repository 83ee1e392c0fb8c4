package io.socialroi.content.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What Twilio's status callbacks said of each message an SMS_API publisher sent (table {@code sms_message_status},
 * by Message SID), and a post's delivery counts from it. Twilio's statuses of an outbound message
 * (https://www.twilio.com/docs/messaging/guides/outbound-message-status-in-status-callbacks) are ranked queued,
 * sending, sent, then the final delivered, undelivered, failed (or canceled), then read: a callback is kept only when
 * it ranks above what is stored, because Twilio's callbacks are separate requests that may arrive out of order, and a
 * final status must not move back (delivered never becomes sent); one redelivered changes nothing. Statuses Twilio
 * does not send for an outbound message, or that the suite does not know, are not stored.
 */
@ApplicationScoped
public class SmsStatuses {

    /** Twilio's MessageStatus values of an outbound message, in their order. */
    static final Map<String, Integer> RANK = Map.ofEntries(Map.entry("accepted", 0), Map.entry("scheduled", 0),
            Map.entry("queued", 1), Map.entry("sending", 2), Map.entry("sent", 3), Map.entry("delivered", 4),
            Map.entry("undelivered", 4), Map.entry("failed", 4), Map.entry("canceled", 4),
            Map.entry("partially_delivered", 4), Map.entry("read", 5));

    /** What is stored of a message after a callback, and whether the callback changed it. */
    public record Stored(String status, Integer errorCode, boolean changed) {
    }

    private final EntityManager em;

    public SmsStatuses(EntityManager em) {
        this.em = em;
    }

    public static boolean known(String status) {
        return RANK.containsKey(status);
    }

    /** Keeps the callback's status (and error code) unless the message is already at that rank or beyond. */
    @Transactional
    public Stored record(UUID workspaceId, String messageSid, String status, Integer errorCode, String to) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int changed = em.createNativeQuery("insert into sms_message_status (message_sid, workspace_id, status, "
                + "status_rank, error_code, recipient, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                + "on conflict (message_sid) do update set status = excluded.status, status_rank = excluded.status_rank, "
                + "error_code = excluded.error_code, recipient = coalesce(excluded.recipient, sms_message_status.recipient), "
                + "updated_at = excluded.updated_at where sms_message_status.workspace_id = excluded.workspace_id "
                + "and sms_message_status.status_rank < excluded.status_rank")
                .setParameter(1, messageSid).setParameter(2, workspaceId).setParameter(3, status)
                .setParameter(4, RANK.get(status)).setParameter(5, errorCode).setParameter(6, to).setParameter(7, now)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select status, error_code from sms_message_status where "
                + "message_sid = ?1 and workspace_id = ?2").setParameter(1, messageSid).setParameter(2, workspaceId)
                .getResultList();
        if (rows.isEmpty()) {
            return new Stored(null, null, false);
        }
        Object[] r = rows.get(0);
        return new Stored((String) r[0], r[1] == null ? null : ((Number) r[1]).intValue(), changed > 0);
    }

    /**
     * A post's messages by their last known status, as aggregate-only metrics (counts without actors):
     * {@code delivered} (read ones included), {@code undelivered} and {@code failed}, observed at the latest callback;
     * empty before any callback of the post's messages.
     */
    public List<PlatformMetricsResource.Metric> metrics(UUID workspaceId, UUID postId) {
        Object[] r = (Object[]) em.createNativeQuery("select count(*) filter (where m.status in ('delivered', 'read')), "
                + "count(*) filter (where m.status = 'undelivered'), count(*) filter (where m.status = 'failed'), "
                + "max(m.updated_at) from post_recipient_delivery d join sms_message_status m on m.message_sid = "
                + "d.remote_id and m.workspace_id = d.workspace_id where d.workspace_id = ?1 and d.post_id = ?2")
                .setParameter(1, workspaceId).setParameter(2, postId).getSingleResult();
        if (r[3] == null) {
            return List.of();
        }
        Instant at = r[3] instanceof Instant i ? i : r[3] instanceof OffsetDateTime o ? o.toInstant()
                : ((Timestamp) r[3]).toInstant();
        return List.of(new PlatformMetricsResource.Metric("delivered", ((Number) r[0]).longValue(), at),
                new PlatformMetricsResource.Metric("undelivered", ((Number) r[1]).longValue(), at),
                new PlatformMetricsResource.Metric("failed", ((Number) r[2]).longValue(), at));
    }
}
