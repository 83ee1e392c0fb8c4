package io.socialroi.content.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.socialroi.content.delivery.Backoff;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Transactional outbox of post registrations. A registration is written in the same transaction as the
 * post, so it can never be lost; it is sent at once after the commit and, while engagement-service is down
 * or failing, again by the scheduler with exponential backoff until engagement-service acknowledges it.
 * A claim takes the row with {@code FOR UPDATE SKIP LOCKED} and leases it, so replicas never send the same
 * registration at the same time; a newer revision queued while an older one is in flight is sent right
 * after it, so the last state always wins.
 */
@ApplicationScoped
public class RegistrationOutbox {

    /** Fired inside the writing transaction; observed after it commits. */
    record Queued(UUID workspaceId, UUID postId) {
    }

    record Claimed(UUID workspaceId, UUID postId, long revision, String payload, int attempts) {
    }

    private final EntityManager em;
    private final EngagementDirectory directory;
    private final ObjectMapper mapper;
    private final Event<Queued> queued;
    private final RegistrationConfig config;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    public RegistrationOutbox(EntityManager em, EngagementDirectory directory, ObjectMapper mapper, Event<Queued> queued,
            RegistrationConfig config) {
        this.em = em;
        this.directory = directory;
        this.mapper = mapper;
        this.queued = queued;
        this.config = config;
    }

    /** Queues the post's current registration; must run inside the transaction that changes the post. */
    public void enqueue(UUID workspaceId, UUID postId, PostRegistration registration) {
        String payload;
        try {
            payload = mapper.writeValueAsString(registration);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.flush();
        // A row in flight (leased) or backing off keeps its time: the newer revision follows the older one.
        em.createNativeQuery("""
                insert into link_registration (workspace_id, post_id, revision, payload, attempts, next_attempt_at)
                values (?1, ?2, 1, ?3, 0, now())
                on conflict (workspace_id, post_id) do update set revision = link_registration.revision + 1,
                    payload = excluded.payload, attempts = 0, last_error = null,
                    next_attempt_at = case when link_registration.delivered_at is null
                        then link_registration.next_attempt_at else now() end,
                    delivered_at = null
                """).setParameter(1, workspaceId).setParameter(2, postId).setParameter(3, payload).executeUpdate();
        queued.fire(new Queued(workspaceId, postId));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued event) {
        senders.execute(() -> claim(event.workspaceId(), event.postId()).forEach(this::send));
    }

    @Scheduled(every = "${suite.registration.poll:5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        claim(null, null).forEach(this::send);
    }

    @PreDestroy
    void stop() {
        senders.shutdown();
    }

    /** Claims due registrations (all, or the one of a post) and leases them to this instance. */
    List<Claimed> claim(UUID workspaceId, UUID postId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String only = workspaceId == null ? "" : " and workspace_id = ?1 and post_id = ?2";
            var query = em.createNativeQuery("select workspace_id, post_id, revision, payload, attempts"
                    + " from link_registration where delivered_at is null and next_attempt_at <= now()" + only
                    + " order by next_attempt_at limit 50 for update skip locked");
            if (workspaceId != null) {
                query.setParameter(1, workspaceId).setParameter(2, postId);
            }
            List<Claimed> claimed = new ArrayList<>();
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                Claimed c = new Claimed((UUID) r[0], (UUID) r[1], ((Number) r[2]).longValue(), (String) r[3],
                        ((Number) r[4]).intValue());
                em.createNativeQuery("update link_registration set next_attempt_at = now() + make_interval(secs => ?1)"
                        + " where workspace_id = ?2 and post_id = ?3")
                        .setParameter(1, Backoff.seconds(config.lease())).setParameter(2, c.workspaceId())
                        .setParameter(3, c.postId()).executeUpdate();
                claimed.add(c);
            }
            return claimed;
        });
    }

    private void send(Claimed claimed) {
        try {
            PostRegistration registration = mapper.readValue(claimed.payload(), PostRegistration.class);
            directory.register(claimed.workspaceId(), claimed.postId(), registration);
        } catch (Exception e) {
            Log.warnf("Registration of post %s with engagement-service failed (attempt %d): %s", claimed.postId(),
                    claimed.attempts() + 1, e.toString());
            failed(claimed, e);
            return;
        }
        boolean superseded = QuarkusTransaction.requiringNew().call(() -> {
            int done = em.createNativeQuery("update link_registration set delivered_at = now(), last_error = null,"
                    + " attempts = attempts + 1 where workspace_id = ?1 and post_id = ?2 and revision = ?3")
                    .setParameter(1, claimed.workspaceId()).setParameter(2, claimed.postId())
                    .setParameter(3, claimed.revision()).executeUpdate();
            if (done == 0) {
                em.createNativeQuery("update link_registration set next_attempt_at = now()"
                        + " where workspace_id = ?1 and post_id = ?2 and delivered_at is null")
                        .setParameter(1, claimed.workspaceId()).setParameter(2, claimed.postId()).executeUpdate();
            }
            return done == 0;
        });
        if (superseded) {
            claim(claimed.workspaceId(), claimed.postId()).forEach(this::send);
        }
    }

    private void failed(Claimed claimed, Exception error) {
        double wait = Backoff.seconds(Backoff.after(claimed.attempts() + 1, config.baseBackoff(), config.maxBackoff()));
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update link_registration"
                + " set attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ?1), last_error = ?2"
                + " where workspace_id = ?3 and post_id = ?4 and delivered_at is null")
                .setParameter(1, wait).setParameter(2, reason.length() > 500 ? reason.substring(0, 500) : reason)
                .setParameter(3, claimed.workspaceId()).setParameter(4, claimed.postId()).executeUpdate());
    }
}
