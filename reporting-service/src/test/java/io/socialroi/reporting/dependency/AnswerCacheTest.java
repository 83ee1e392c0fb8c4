package io.socialroi.reporting.dependency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socialroi.common.problem.ProblemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What reports see of a slow, failing or repeated dependency answer. */
class AnswerCacheTest {

    private final AtomicInteger calls = new AtomicInteger();

    private AnswerCache<String, String> cache(Function<String, String> call, Duration fresh, Duration maxAge) {
        return new AnswerCache<>("engagement-service", key -> {
            calls.incrementAndGet();
            return call.apply(key);
        }, Duration.ofSeconds(1), fresh, maxAge, 100);
    }

    @Test
    void aSlowAnswerIsA503ThenServedWhenItArrives() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AnswerCache<String, String> cache = cache(key -> {
            await(release);
            return "answer for " + key;
        }, Duration.ofMinutes(1), Duration.ofMinutes(2));
        ProblemException slow = assertThrows(ProblemException.class, () -> cache.get("q"));
        assertEquals(503, slow.problem().status());
        assertEquals("engagement-service unavailable", slow.problem().title());
        assertTrue(slow.problem().detail().contains("did not answer in time"), slow.problem().detail());
        assertThrows(ProblemException.class, () -> cache.get("q"));
        release.countDown();
        assertEquals("answer for q", eventually(() -> cache.get("q")));
        assertEquals("answer for q", cache.get("q"));
        assertEquals(1, calls.get(), "the waiting requests shared one call");
    }

    @Test
    void concurrentRequestsShareOneCall() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AnswerCache<String, String> cache = new AnswerCache<>("conversion-service", key -> {
            calls.incrementAndGet();
            await(release);
            return key.toUpperCase();
        }, Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), 100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> cache.get("q")));
        }
        release.countDown();
        for (Future<String> answer : answers) {
            assertEquals("Q", answer.get());
        }
        pool.shutdown();
        assertEquals(1, calls.get());
    }

    @Test
    void aFailureIsNotKept() throws InterruptedException {
        AtomicReference<RuntimeException> failure = new AtomicReference<>(
                ProblemException.unavailable("engagement-service", "engagement-service answered HTTP 500"));
        AnswerCache<String, String> cache = cache(key -> {
            if (failure.get() != null) {
                throw failure.get();
            }
            return "ok";
        }, Duration.ofMinutes(1), Duration.ofMinutes(2));
        ProblemException e = assertThrows(ProblemException.class, () -> cache.get("q"));
        assertTrue(e.problem().detail().contains("HTTP 500"));
        failure.set(null);
        assertEquals("ok", eventually(() -> cache.get("q")));
        assertEquals(2, calls.get());
    }

    @Test
    void aStaleAnswerIsServedWhileANewOneIsFetchedAndDroppedWhenThatFails() throws Exception {
        AtomicReference<String> value = new AtomicReference<>("first");
        AnswerCache<String, String> cache = cache(key -> {
            if (value.get() == null) {
                throw ProblemException.unavailable("engagement-service", "engagement-service is unreachable");
            }
            return value.get();
        }, Duration.ZERO, Duration.ofMinutes(2));
        assertEquals("first", eventually(() -> cache.get("q")));
        value.set("second");
        assertEquals("first", cache.get("q"), "the stale answer, while the new one is fetched");
        assertEquals("second", eventually(() -> {
            String v = cache.get("q");
            if (!v.equals("second")) {
                throw new IllegalStateException("still " + v);
            }
            return v;
        }));
        value.set(null);
        // The next request triggers a refresh that fails: the kept answer goes, and then the failure shows.
        cache.get("q");
        ProblemException down = eventuallyThrows(() -> cache.get("q"));
        assertTrue(down.problem().detail().contains("unreachable"), down.problem().detail());
    }

    @Test
    void anAnswerOlderThanTheMaximumAgeIsNotServed() throws Exception {
        AtomicInteger version = new AtomicInteger();
        AnswerCache<String, String> cache = cache(key -> "v" + version.incrementAndGet(), Duration.ZERO,
                Duration.ZERO);
        assertEquals("v1", eventually(() -> cache.get("q")));
        Thread.sleep(5);
        assertEquals("v2", eventually(() -> cache.get("q")));
    }

    /**
     * The freshness bound: once an answer is older than maxAge, the next request gets the dependency's new answer
     * itself (it waits for the call rather than being served the kept one), even when the fresh period is longer.
     */
    @Test
    void aChangedAnswerIsSeenOnTheNextRequestAfterTheBound() throws Exception {
        Duration bound = Duration.ofMillis(40);
        AtomicReference<String> value = new AtomicReference<>("before the write");
        AnswerCache<String, String> cache = cache(key -> value.get(), Duration.ofMinutes(1), bound);
        assertEquals("before the write", eventually(() -> cache.get("q")));
        value.set("after the write");
        Thread.sleep(bound.toMillis() + 5);
        assertEquals("after the write", cache.get("q"));
        assertEquals(2, calls.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T eventually(java.util.function.Supplier<T> call) throws InterruptedException {
        RuntimeException last = null;
        for (int i = 0; i < 200; i++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                last = e;
                Thread.sleep(25);
            }
        }
        throw last;
    }

    private static ProblemException eventuallyThrows(Runnable call) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try {
                call.run();
            } catch (ProblemException e) {
                return e;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("never failed");
    }
}
