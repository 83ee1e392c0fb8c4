package io.socialroi.content.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.socialroi.content.delivery.Backoff;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Transactional outbox of post registrations. A registration is written in the same transaction as the
 * post, so it can never be lost. The writer then calls {@link #deliverNow} after the commit, which sends
 * it before the API answers (so a tracked link works the moment it is returned) within a short budget
 * ({@code suite.registration.inline-timeout}); while engagement-service is slow, down or failing, the
 * scheduler sends it again with exponential backoff until engagement-service acknowledges it.
 * <p>
 * Ordering: there is one row per post holding its latest revision (the post's current values), and a
 * claim takes the row with {@code FOR UPDATE SKIP LOCKED} and leases it ({@code leased_until}), so at most
 * one send per post is in flight at any time, across replicas and between the inline and the scheduled
 * path. A newer revision queued while an older one is in flight is sent right after it by the same sender
 * (the older send cannot mark the newer revision delivered), so the last state always arrives last.
 */
@ApplicationScoped
public class RegistrationOutbox {

    record Claimed(UUID workspaceId, UUID postId, long revision, String payload, int attempts) {
    }

    private final EntityManager em;
    private final EngagementDirectory directory;
    private final ObjectMapper mapper;
    private final RegistrationConfig config;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    public RegistrationOutbox(EntityManager em, EngagementDirectory directory, ObjectMapper mapper,
            RegistrationConfig config) {
        this.em = em;
        this.directory = directory;
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * Queues the post's current registration; must run inside the transaction that changes the post. Call
     * {@link #deliverNow} after the commit, or the scheduler sends it within {@code suite.registration.poll}.
     */
    public void enqueue(UUID workspaceId, UUID postId, PostRegistration registration) {
        String payload;
        try {
            payload = mapper.writeValueAsString(registration);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.flush();
        // A row in flight keeps its lease: its sender sends this newer revision right after the older one.
        em.createNativeQuery("""
                insert into link_registration (workspace_id, post_id, revision, payload, attempts, next_attempt_at)
                values (?1, ?2, 1, ?3, 0, now())
                on conflict (workspace_id, post_id) do update set revision = link_registration.revision + 1,
                    payload = excluded.payload, attempts = 0, last_error = null, next_attempt_at = now(),
                    delivered_at = null
                """).setParameter(1, workspaceId).setParameter(2, postId).setParameter(3, payload).executeUpdate();
    }

    /**
     * Sends the post's queued registration now, after the commit that queued it, and waits for
     * engagement-service's acknowledgement for at most {@code suite.registration.inline-timeout}. True when
     * engagement-service holds the post's current registration; false when it did not acknowledge in time
     * (down, failing, slow, or the circuit breaker is open): the outbox keeps sending it in the background.
     * A registration another sender has in flight is waited for, not sent a second time.
     */
    public boolean deliverNow(UUID workspaceId, UUID postId) {
        long deadline = System.nanoTime() + config.inlineTimeout().toNanos();
        List<Claimed> claimed = claim(workspaceId, postId, true);
        if (!claimed.isEmpty()) {
            Future<?> sending;
            try {
                sending = senders.submit(() -> claimed.forEach(this::send));
            } catch (RejectedExecutionException e) {
                return false; // shutting down: the lease expires and the scheduler of a replica sends it
            }
            try {
                sending.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false; // still in flight: it records its own outcome, and the outbox retries a failure
            } catch (ExecutionException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        while (true) {
            State state = state(workspaceId, postId);
            if (state != State.IN_FLIGHT || System.nanoTime() >= deadline) {
                return state == State.DELIVERED;
            }
            try {
                Thread.sleep(Math.min(25, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Where a post's registration stands. */
    enum State { DELIVERED, IN_FLIGHT, PENDING }

    private State state(UUID workspaceId, UUID postId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select delivered_at is not null,"
                    + " coalesce(leased_until > now(), false) from link_registration"
                    + " where workspace_id = ?1 and post_id = ?2")
                    .setParameter(1, workspaceId).setParameter(2, postId).getResultList();
            if (rows.isEmpty()) {
                return State.PENDING;
            }
            Object[] r = (Object[]) rows.get(0);
            return Boolean.TRUE.equals(r[0]) ? State.DELIVERED : Boolean.TRUE.equals(r[1]) ? State.IN_FLIGHT
                    : State.PENDING;
        });
    }

    @Scheduled(every = "${suite.registration.poll:5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        claim(null, null, false).forEach(this::send);
    }

    @PreDestroy
    void stop() {
        senders.shutdown();
    }

    /**
     * Claims undelivered registrations that no sender holds (all that are due, or the one of a post) and
     * leases them to this instance. {@code evenIfBackingOff}: the inline send takes a registration that is
     * waiting for its next retry too (the edit may find engagement-service back).
     */
    List<Claimed> claim(UUID workspaceId, UUID postId, boolean evenIfBackingOff) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String only = workspaceId == null ? "" : " and workspace_id = ?1 and post_id = ?2";
            String due = evenIfBackingOff ? "" : " and next_attempt_at <= now()";
            var query = em.createNativeQuery("select workspace_id, post_id, revision, payload, attempts"
                    + " from link_registration where delivered_at is null"
                    + " and (leased_until is null or leased_until <= now())" + due + only
                    + " order by next_attempt_at limit 50 for update skip locked");
            if (workspaceId != null) {
                query.setParameter(1, workspaceId).setParameter(2, postId);
            }
            List<Claimed> claimed = new ArrayList<>();
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                Claimed c = new Claimed((UUID) r[0], (UUID) r[1], ((Number) r[2]).longValue(), (String) r[3],
                        ((Number) r[4]).intValue());
                em.createNativeQuery("update link_registration set leased_until = now() + make_interval(secs => ?1)"
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
        List<Claimed> newer = QuarkusTransaction.requiringNew().call(() -> {
            int done = em.createNativeQuery("update link_registration set delivered_at = now(), last_error = null,"
                    + " leased_until = null, attempts = attempts + 1"
                    + " where workspace_id = ?1 and post_id = ?2 and revision = ?3")
                    .setParameter(1, claimed.workspaceId()).setParameter(2, claimed.postId())
                    .setParameter(3, claimed.revision()).executeUpdate();
            if (done > 0) {
                return List.<Claimed>of();
            }
            // A newer revision was queued meanwhile: this sender keeps the lease and sends it next, so no
            // other sender can slip in between and nobody waiting sees the registration as idle.
            List<Claimed> next = new ArrayList<>();
            for (Object row : em.createNativeQuery("select revision, payload, attempts from link_registration"
                    + " where workspace_id = ?1 and post_id = ?2 and delivered_at is null for update")
                    .setParameter(1, claimed.workspaceId()).setParameter(2, claimed.postId()).getResultList()) {
                Object[] r = (Object[]) row;
                next.add(new Claimed(claimed.workspaceId(), claimed.postId(), ((Number) r[0]).longValue(),
                        (String) r[1], ((Number) r[2]).intValue()));
                em.createNativeQuery("update link_registration set leased_until = now() + make_interval(secs => ?1)"
                        + " where workspace_id = ?2 and post_id = ?3")
                        .setParameter(1, Backoff.seconds(config.lease())).setParameter(2, claimed.workspaceId())
                        .setParameter(3, claimed.postId()).executeUpdate();
            }
            return next;
        });
        newer.forEach(this::send);
    }

    private void failed(Claimed claimed, Exception error) {
        double wait = Backoff.seconds(Backoff.after(claimed.attempts() + 1, config.baseBackoff(), config.maxBackoff()));
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update link_registration"
                + " set attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ?1), last_error = ?2,"
                + " leased_until = null"
                + " where workspace_id = ?3 and post_id = ?4 and delivered_at is null")
                .setParameter(1, wait).setParameter(2, reason.length() > 500 ? reason.substring(0, 500) : reason)
                .setParameter(3, claimed.workspaceId()).setParameter(4, claimed.postId()).executeUpdate());
    }
}
