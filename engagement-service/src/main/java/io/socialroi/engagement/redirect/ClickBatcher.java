package io.socialroi.engagement.redirect;

import io.quarkus.logging.Log;
import io.socialroi.engagement.event.EventWriter;
import io.socialroi.engagement.event.IncomingEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Group commit of human clicks (issue 15). A click used to be one transaction of its own, about 2 ms of
 * PostgreSQL each, which bounded the redirect near 500 clicks a second. Now each redirect hands its click to one
 * writer thread and waits for the commit; the writer takes every click waiting at that moment (up to
 * {@code engagement.redirect.batch-max}) and writes them per workspace as one {@link EventWriter} batch, so
 * concurrent clicks share a transaction. Nothing waits on purpose: a lone click is written at once, and a batch
 * grows only while the previous one is being committed.
 *
 * <p>Durability: the redirect answers after the commit of its batch, so a 302 means the click is stored, as
 * before. Only when the commit takes longer than {@code engagement.redirect.commit-wait} (the database is slow
 * or gone) is the visitor sent on first; the click is then committed with its batch a moment later, or lost and
 * logged when the database fails, as a click was before. When more than {@code engagement.redirect.queue-max}
 * clicks wait, a new one is not queued (redirected, not counted, logged): memory stays bounded.
 *
 * <p>Numbers: a batch is an ordinary ingestion batch (same dedupe by event id, rollups, change feed), so the
 * summary cannot tell batched clicks from clicks written one by one ({@code ClickBatchingTest}). Two clicks of
 * one batch with the same event id (a visitor's repeat within the window, racing) are one event, as they would
 * be in two transactions.
 */
@ApplicationScoped
public class ClickBatcher {

    private record Pending(UUID workspaceId, IncomingEvent event, CompletableFuture<Boolean> committed) {
    }

    private final EventWriter writer;
    private final int batchMax;
    private final long commitWaitMillis;
    private final BlockingQueue<Pending> queue;
    private Thread thread;
    private volatile boolean running;

    public ClickBatcher(EventWriter writer,
            @ConfigProperty(name = "engagement.redirect.batch-max", defaultValue = "500") int batchMax,
            @ConfigProperty(name = "engagement.redirect.queue-max", defaultValue = "20000") int queueMax,
            @ConfigProperty(name = "engagement.redirect.commit-wait", defaultValue = "PT2S") Duration commitWait) {
        this.writer = writer;
        this.batchMax = Math.max(1, batchMax);
        this.commitWaitMillis = Math.max(1, commitWait.toMillis());
        this.queue = new LinkedBlockingQueue<>(Math.max(1, queueMax));
    }

    @PostConstruct
    void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("click-writer").start(this::run);
    }

    /**
     * Stores the click with whatever other clicks are waiting and answers once it is committed: true when it is
     * (new or a duplicate), false when it could not be stored or its commit did not come in time.
     */
    public boolean record(UUID workspaceId, IncomingEvent click) {
        Pending pending = new Pending(workspaceId, click, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            Log.warnf("Click %s not recorded: %d clicks already wait for the database", click.eventId(), queue.size());
            return false;
        }
        try {
            return pending.committed().get(commitWaitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Log.warnf("Click %s: no commit within %d ms; redirected first, stored with its batch", click.eventId(),
                    commitWaitMillis);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(batchMax);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchMax - 1);
                write(batch);
            } catch (InterruptedException e) {
                // Only stop() ends the loop, after what is queued has been written.
            } catch (RuntimeException e) {
                Log.errorf(e, "Click writer: unexpected failure; %d clicks not recorded", batch.size());
                batch.forEach(p -> p.committed().complete(false));
            } finally {
                batch.clear();
            }
        }
    }

    /** One EventWriter batch per workspace; every click learns the outcome of its own workspace's batch. */
    private void write(List<Pending> batch) {
        Map<UUID, Map<String, List<Pending>>> byWorkspace = new LinkedHashMap<>();
        for (Pending p : batch) {
            byWorkspace.computeIfAbsent(p.workspaceId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(p.event().eventId(), k -> new ArrayList<>(1)).add(p);
        }
        for (Map.Entry<UUID, Map<String, List<Pending>>> ws : byWorkspace.entrySet()) {
            List<IncomingEvent> events = new ArrayList<>(ws.getValue().size());
            ws.getValue().values().forEach(same -> events.add(same.get(0).event()));
            boolean stored;
            try {
                writer.write(ws.getKey(), events);
                stored = true;
            } catch (RuntimeException e) {
                Log.warnf("%d clicks of workspace %s not recorded: %s", events.size(), ws.getKey(), e.getMessage());
                stored = false;
            }
            for (List<Pending> same : ws.getValue().values()) {
                for (Pending p : same) {
                    p.committed().complete(stored);
                }
            }
        }
    }

    /** Clicks already queued are still written; new ones are refused (the redirect still answers). */
    @PreDestroy
    void stop() {
        running = false;
        if (thread == null) {
            return;
        }
        try {
            thread.join(commitWaitMillis + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
