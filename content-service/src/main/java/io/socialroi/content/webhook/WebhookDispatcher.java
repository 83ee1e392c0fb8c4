package io.socialroi.content.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.socialroi.content.delivery.Backoff;
import io.socialroi.content.delivery.SignedSender;
import io.socialroi.content.delivery.StoredSecrets;
import io.socialroi.content.post.Post;
import io.socialroi.content.post.PostLifecycleEvent;
import io.socialroi.content.post.PostViews;
import io.socialroi.content.workspace.Workspaces;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Lifecycle webhooks through an outbox: a delivery is written in the transaction of the move that caused it
 * (so none is lost or sent for a move that rolled back), sent right after the commit, and retried by the
 * scheduler with exponential backoff and jitter under the same delivery id until acknowledged or out of
 * attempts. Claims use {@code FOR UPDATE SKIP LOCKED} and a lease, so replicas never send one twice at once.
 */
@ApplicationScoped
public class WebhookDispatcher {

    record Queued(UUID workspaceId, UUID deliveryId) {
    }

    /** A claimed delivery; a null secret when the stored one does not open with the deployment's keys. */
    record Claimed(UUID workspaceId, UUID id, String event, String payload, int attempts, String url, String secret) {
    }

    private final EntityManager em;
    private final SignedSender sender;
    private final PostViews views;
    private final ObjectMapper mapper;
    private final WebhookConfig config;
    private final Event<Queued> queued;
    private final StoredSecrets secrets;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    public WebhookDispatcher(EntityManager em, SignedSender sender, PostViews views, ObjectMapper mapper,
            WebhookConfig config, Event<Queued> queued, StoredSecrets secrets) {
        this.em = em;
        this.sender = sender;
        this.views = views;
        this.mapper = mapper;
        this.config = config;
        this.queued = queued;
        this.secrets = secrets;
    }

    /** Runs inside the move's transaction. */
    void onLifecycle(@Observes PostLifecycleEvent event) throws JsonProcessingException {
        WebhookSubscription subscription = WebhookSubscription.findById(event.workspaceId());
        if (subscription == null || !subscription.events.contains(event.type())) {
            return;
        }
        Post post = Post.inWorkspace(event.workspaceId(), event.postId());
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String payload = mapper.writeValueAsString(new WebhookEventBody(id, event.type(), now, event.workspaceId(),
                new WebhookEventBody.Data(views.of(post, Workspaces.zone(Workspaces.require(event.workspaceId()))))));
        em.createNativeQuery("insert into webhook_delivery (workspace_id, id, event, post_id, payload, status, attempts,"
                + " next_attempt_at, created_at) values (?1, ?2, ?3, ?4, ?5, 'PENDING', 0, ?6, ?6)")
                .setParameter(1, event.workspaceId()).setParameter(2, id).setParameter(3, event.type())
                .setParameter(4, event.postId()).setParameter(5, payload).setParameter(6, now).executeUpdate();
        queued.fire(new Queued(event.workspaceId(), id));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued event) {
        senders.execute(() -> claim(event.workspaceId(), event.deliveryId()).forEach(this::send));
    }

    @Scheduled(every = "${suite.webhooks.poll:5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        claim(null, null).forEach(this::send);
    }

    @PreDestroy
    void stop() {
        senders.shutdown();
    }

    List<Claimed> claim(UUID workspaceId, UUID deliveryId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String only = workspaceId == null ? "" : " and d.workspace_id = ?1 and d.id = ?2";
            var query = em.createNativeQuery("select d.workspace_id, d.id, d.event, d.payload, d.attempts, s.url,"
                    + " s.secret, s.secret_key_id"
                    + " from webhook_delivery d left join webhook_subscription s on s.workspace_id = d.workspace_id"
                    + " where d.status = 'PENDING' and d.next_attempt_at <= now()" + only
                    + " order by d.next_attempt_at limit 50 for update of d skip locked");
            if (workspaceId != null) {
                query.setParameter(1, workspaceId).setParameter(2, deliveryId);
            }
            List<Claimed> claimed = new ArrayList<>();
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                String secret = r[5] == null ? null : secrets.open((String) r[7], (String) r[6],
                        StoredSecrets.webhookContext((UUID) r[0])).orElse(null);
                Claimed c = new Claimed((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                        ((Number) r[4]).intValue(), (String) r[5], secret);
                em.createNativeQuery("update webhook_delivery set next_attempt_at = now() + make_interval(secs => ?1)"
                        + " where workspace_id = ?2 and id = ?3").setParameter(1, Backoff.seconds(config.lease()))
                        .setParameter(2, c.workspaceId()).setParameter(3, c.id()).executeUpdate();
                claimed.add(c);
            }
            return claimed;
        });
    }

    private void send(Claimed claimed) {
        SignedSender.Outcome outcome = claimed.url() == null
                ? new SignedSender.Outcome(false, "the workspace unsubscribed")
                : claimed.secret() == null ? new SignedSender.Outcome(false, StoredSecrets.UNREADABLE)
                : sender.post(claimed.url(), claimed.secret(), claimed.id().toString(), claimed.event(), claimed.payload());
        int attempts = claimed.attempts() + 1;
        String status;
        double wait = 0;
        if (outcome.delivered()) {
            status = "DELIVERED";
        } else if (attempts >= config.maxAttempts() || claimed.url() == null) {
            status = "FAILED";
            Log.warnf("Webhook %s %s given up after %d attempts: %s", claimed.event(), claimed.id(), attempts,
                    outcome.reason());
        } else {
            status = "PENDING";
            wait = Backoff.seconds(Backoff.after(attempts, config.baseBackoff(), config.maxBackoff()));
        }
        double backoff = wait;
        String reason = outcome.reason() == null ? "" : outcome.reason();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update webhook_delivery set status = ?1,"
                + " attempts = ?2, last_error = nullif(?4, ''),"
                + " next_attempt_at = case when ?1 = 'PENDING' then now() + make_interval(secs => ?3) end,"
                + " delivered_at = case when ?1 = 'DELIVERED' then now() end where workspace_id = ?5 and id = ?6")
                .setParameter(1, status).setParameter(2, attempts).setParameter(3, backoff)
                .setParameter(4, reason).setParameter(5, claimed.workspaceId()).setParameter(6, claimed.id())
                .executeUpdate());
    }
}
