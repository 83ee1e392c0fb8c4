package io.socialroi.reporting.dependency;

import io.opentelemetry.context.Context;
import io.socialroi.common.problem.ProblemException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Answers of another service, per question, for reports:
 * <ul>
 * <li>one call per question at a time: requests asking the same question share the call in flight;</li>
 * <li>a request waits at most {@code wait} for it, then gets the 503 naming the service, but the call goes on
 * in the background (within its own timeout) and its answer is kept, so asking again a few seconds later is
 * answered at once; a big workspace whose rollups take seconds to read still gets its report;</li>
 * <li>an answer is never served more than {@code maxAge} after it arrived (1 s by default): that bounds how
 * much later than the dependency a report shows an acknowledged write (the suite promises p95 <= 2 s from the
 * write to every report), so the cache only shares the calls of a burst of identical questions, a dashboard's
 * sections and its users asking at once;</li>
 * <li>from {@code fresh} (at most {@code maxAge}) on, the kept answer is still served but a new one is fetched
 * in the background, so a question asked again and again rarely waits; if that fetch fails the answer is
 * dropped, so a service that is down gives 503s, not old numbers;</li>
 * <li>a failed call is not kept: the next request calls again (the circuit breaker decides how often).</li>
 * </ul>
 */
final class AnswerCache<K, V> {

    private final class Entry {
        final CompletableFuture<V> answer = new CompletableFuture<>();
        final AtomicBoolean started = new AtomicBoolean();
        final AtomicBoolean refreshing = new AtomicBoolean();
        volatile long answeredAt;
    }

    private final String service;
    private final Function<K, V> call;
    private final long waitMillis;
    private final long freshNanos;
    private final long maxAgeNanos;
    private final int maxEntries;
    private final Map<K, Entry> entries = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    AnswerCache(String service, Function<K, V> call, Duration wait, Duration fresh, Duration maxAge, int maxEntries) {
        this.service = service;
        this.call = call;
        this.waitMillis = wait.toMillis();
        this.maxAgeNanos = maxAge.toNanos();
        this.freshNanos = Math.min(fresh.toNanos(), maxAgeNanos);
        this.maxEntries = maxEntries;
    }

    V get(K key) {
        long now = System.nanoTime();
        Entry entry = entries.compute(key, (k, e) -> e == null || expired(e, now) ? new Entry() : e);
        if (entry.started.compareAndSet(false, true)) {
            start(key, entry);
            trim();
        }
        if (entry.answer.isDone() && !entry.answer.isCompletedExceptionally()) {
            if (now - entry.answeredAt > freshNanos && entry.refreshing.compareAndSet(false, true)) {
                refresh(key, entry);
            }
            return entry.answer.join();
        }
        try {
            return entry.answer.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw ProblemException.unavailable(service, service + " did not answer in time; the answer is still "
                    + "being fetched, ask again in a few seconds; no partial report is shown");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable(service, service + " did not answer in time");
        }
    }

    /** The first call for a question; the entry exists (unanswered) until it succeeds or fails. */
    private void start(K key, Entry entry) {
        // The call continues the trace of the request that asked first (OpenTelemetry context carried over).
        executor.execute(Context.current().wrap(() -> {
            try {
                V value = call.apply(key);
                entry.answeredAt = System.nanoTime();
                entry.answer.complete(value);
            } catch (Throwable t) {
                entries.remove(key, entry);
                entry.answer.completeExceptionally(t);
            }
        }));
    }

    /** A new answer for a stale one; the stale one is served meanwhile and dropped if this fails. */
    private void refresh(K key, Entry stale) {
        executor.execute(Context.current().wrap(() -> {
            try {
                V value = call.apply(key);
                Entry fresh = new Entry();
                fresh.started.set(true);
                fresh.answeredAt = System.nanoTime();
                fresh.answer.complete(value);
                entries.replace(key, stale, fresh);
            } catch (Throwable t) {
                entries.remove(key, stale);
            } finally {
                stale.refreshing.set(false);
            }
        }));
    }

    private boolean expired(Entry e, long now) {
        return e.answer.isDone() && (e.answer.isCompletedExceptionally() || now - e.answeredAt > maxAgeNanos);
    }

    /** Keeps the map bounded: drops the oldest answered entries beyond {@code maxEntries}. */
    private void trim() {
        int excess = entries.size() - maxEntries;
        if (excess <= 0) {
            return;
        }
        entries.entrySet().stream().filter(e -> e.getValue().answer.isDone())
                .sorted(Comparator.comparingLong(e -> e.getValue().answeredAt)).limit(excess).toList()
                .forEach(e -> entries.remove(e.getKey(), e.getValue()));
    }

    void clear() {
        entries.clear();
    }

    void close() {
        executor.shutdownNow();
    }
}
