package io.socialroi.content.publish;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.socialroi.common.problem.FieldError;
import io.socialroi.content.post.Post;
import io.socialroi.content.recipient.Recipients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends a post of a messaging publisher (EMAIL_SMTP, SMS_API, WHATSAPP_API) to every subscribed recipient of the
 * workspace's list of its platform, one message each, through the type's {@link RecipientPublisher}. Each
 * recipient's outcome is stored in {@code post_recipient_delivery} in its own transaction right after the platform
 * answered, so a retry of the post (a later attempt, a replica's, or the user's retry) sends only to the recipients
 * neither sent nor refused: never twice. (The one exception is the platforms' own: a send whose answer never came,
 * timeout after the request was made, is tried again, as for Telegram.)
 *
 * <p>The post is PUBLISHED once every recipient was sent (remoteId: how many), FAILED with a summary when some
 * refused it for good (the others were sent), retried while some failed transiently (a 4xx SMTP reply, a Twilio or
 * WhatsApp 5xx), after the platform's delay when it rate-limited, FAILED "reconnect the account" when it refused
 * the credentials, and FAILED at once, without trying the other recipients, when it refused the post itself. An attempt stops sending after half the lease, before its post could be claimed again, and the
 * next attempt continues at once (not counted as a failed attempt).
 */
@ApplicationScoped
public class Broadcasts {

    /** Where a broadcast stands: recipients sent, refused for good, left (of which some failed transiently). */
    record Tally(long sent, long refused, long left, String refusals, String lastFailure) {

        long total() {
            return sent + refused + left;
        }

        String text() {
            return "sent to " + sent + " of " + total() + " recipients";
        }
    }

    private final Map<PublisherType, RecipientPublisher> byType = new EnumMap<>(PublisherType.class);
    private final EntityManager em;
    private final PublishingConfig config;
    private final Recipients recipients;

    public Broadcasts(Instance<RecipientPublisher> publishers, EntityManager em, PublishingConfig config,
            Recipients recipients) {
        for (RecipientPublisher p : publishers) {
            if (byType.put(p.type(), p) != null) {
                throw new IllegalStateException("two publishers for " + p.type());
            }
        }
        for (PublisherType t : PublisherType.values()) {
            if (t.broadcasts() && !byType.containsKey(t)) {
                throw new IllegalStateException("no RecipientPublisher for " + t);
            }
        }
        this.em = em;
        this.config = config;
        this.recipients = recipients;
    }

    List<FieldError> check(Post post, Publisher publisher) {
        return byType.get(publisher.type).check(post, publisher);
    }

    PublishResult publish(PostPublisher.Attempt attempt) {
        UUID ws = attempt.workspaceId();
        Publisher publisher = QuarkusTransaction.requiringNew().call(() -> {
            Publisher p = Publisher.of(ws, attempt.view().platform());
            if (p != null) {
                em.detach(p);
            }
            return p;
        });
        if (publisher == null || publisher.type != attempt.type()) {
            return PublishResult.retry("the publisher changed during the attempt", null);
        }
        List<String> pending = QuarkusTransaction.requiringNew().call(() -> pending(attempt));
        Instant stopAt = Instant.now().plus(config.broadcastBudget().filter(b -> b.compareTo(config.lease()) < 0)
                .orElse(config.lease().dividedBy(2)));
        RecipientPublisher.Delivery stopped = null;
        boolean outOfTime = false;
        if (!pending.isEmpty()) {
            RecipientPublisher.Broadcast broadcast = new RecipientPublisher.Broadcast(attempt, publisher,
                    PublisherSettings.of(publisher.settings));
            try (RecipientPublisher.Session session = byType.get(attempt.type()).open(broadcast)) {
                for (String address : pending) {
                    if (Instant.now().isAfter(stopAt)) {
                        outOfTime = true;
                        break;
                    }
                    RecipientPublisher.Delivery d = session.send(address);
                    QuarkusTransaction.requiringNew().run(() -> record(attempt, address, d));
                    if (d.kind() == RecipientPublisher.Delivery.Kind.PAUSE
                            || d.kind() == RecipientPublisher.Delivery.Kind.RECONNECT
                            || d.kind() == RecipientPublisher.Delivery.Kind.ABORT) {
                        stopped = d;
                        break;
                    }
                }
            }
        }
        Tally tally = QuarkusTransaction.requiringNew().call(() -> tally(attempt));
        String platform = attempt.view().platform().name();
        if (stopped != null && stopped.kind() == RecipientPublisher.Delivery.Kind.RECONNECT) {
            return PublishResult.reconnect(stopped.reason() + " (" + tally.text() + ")");
        }
        if (stopped != null && stopped.kind() == RecipientPublisher.Delivery.Kind.ABORT) {
            return PublishResult.failed(tally.text() + "; " + stopped.reason());
        }
        if (tally.total() == 0) {
            return PublishResult.failed("no subscribed " + platform + " recipients (PUT /workspaces/" + ws
                    + "/publishers/" + platform + "/recipients)");
        }
        if (outOfTime) {
            return PublishResult.continuing(tally.text() + "; continuing");
        }
        if (stopped != null) {
            return PublishResult.retry(tally.text() + "; " + stopped.reason(), stopped.after());
        }
        if (tally.left() > 0) {
            return PublishResult.retry(tally.text() + "; " + tally.left() + " to try again"
                    + (tally.lastFailure() == null ? "" : " (" + tally.lastFailure() + ")"), null);
        }
        if (tally.refused() > 0) {
            return PublishResult.failed(tally.text() + "; " + tally.refused() + " refused: " + tally.refusals());
        }
        Log.infof("Broadcast post %s to %d %s recipients", attempt.postId(), tally.sent(), platform);
        return PublishResult.published(String.valueOf(tally.sent()), null);
    }

    /** The subscribed recipients this post was neither sent to nor refused by, in address order. */
    @SuppressWarnings("unchecked")
    private List<String> pending(PostPublisher.Attempt attempt) {
        return em.createNativeQuery("select r.address from recipient r where r.workspace_id = ?1 and r.platform = ?2 "
                + "and r.unsubscribed_at is null and not exists (select 1 from post_recipient_delivery d where "
                + "d.post_id = ?3 and d.address = r.address and (d.sent_at is not null or d.refused_at is not null)) "
                + "order by r.address").setParameter(1, attempt.workspaceId())
                .setParameter(2, attempt.view().platform().name()).setParameter(3, attempt.postId()).getResultList();
    }

    private void record(PostPublisher.Attempt attempt, String address, RecipientPublisher.Delivery d) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean sent = d.kind() == RecipientPublisher.Delivery.Kind.SENT;
        boolean refused = d.kind() == RecipientPublisher.Delivery.Kind.REFUSED;
        em.createNativeQuery("insert into post_recipient_delivery (workspace_id, post_id, address, sent_at, remote_id, "
                + "failure, refused_at, attempts, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8) "
                + "on conflict (post_id, address) do update set sent_at = excluded.sent_at, remote_id = "
                + "excluded.remote_id, failure = excluded.failure, refused_at = excluded.refused_at, attempts = "
                + "post_recipient_delivery.attempts + 1, updated_at = excluded.updated_at")
                .setParameter(1, attempt.workspaceId()).setParameter(2, attempt.postId()).setParameter(3, address)
                .setParameter(4, sent ? now : null).setParameter(5, d.remoteId())
                .setParameter(6, sent ? null : Texts.shorten(String.valueOf(d.reason())))
                .setParameter(7, refused ? now : null).setParameter(8, now).executeUpdate();
        if (d.unsubscribed()) {
            recipients.unsubscribe(attempt.workspaceId(), attempt.view().platform(), address);
        }
    }

    private Tally tally(PostPublisher.Attempt attempt) {
        Object[] done = (Object[]) em.createNativeQuery("select count(*) filter (where sent_at is not null), "
                + "count(*) filter (where refused_at is not null) from post_recipient_delivery where post_id = ?1")
                .setParameter(1, attempt.postId()).getSingleResult();
        long left = pending(attempt).size();
        @SuppressWarnings("unchecked")
        List<Object[]> refusals = em.createNativeQuery("select address, failure from post_recipient_delivery where "
                + "post_id = ?1 and refused_at is not null order by address limit 3").setParameter(1, attempt.postId())
                .getResultList();
        long refused = ((Number) done[1]).longValue();
        String refusedText = String.join("; ", refusals.stream().map(r -> r[0] + ": " + r[1]).toList())
                + (refused > refusals.size() ? "; ..." : "");
        @SuppressWarnings("unchecked")
        List<String> failures = em.createNativeQuery("select failure from post_recipient_delivery where post_id = ?1 "
                + "and sent_at is null and refused_at is null and failure is not null order by updated_at desc limit 1")
                .setParameter(1, attempt.postId()).getResultList();
        return new Tally(((Number) done[0]).longValue(), refused, left, refusedText,
                failures.isEmpty() ? null : failures.get(0));
    }
}
