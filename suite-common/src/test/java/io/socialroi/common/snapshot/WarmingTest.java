package io.socialroi.common.snapshot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarmingTest {

    @Test
    void warmingWhileTheLoadsRunWithinTheLimitAndNotAfterTheyEndOrFail() throws InterruptedException {
        AtomicLong clock = new AtomicLong();
        Warming warming = new Warming(clock::get);
        assertFalse(warming.warming(Duration.ofSeconds(60)), "nothing started");

        CountDownLatch release = new CountDownLatch(1);
        Thread loads = warming.start("test-warm", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(warming.warming(Duration.ofSeconds(60)));
        clock.set(Duration.ofSeconds(61).toNanos());
        assertFalse(warming.warming(Duration.ofSeconds(60)), "past the limit the replica is ready anyway");
        clock.set(0);
        release.countDown();
        loads.join();
        assertFalse(warming.warming(Duration.ofSeconds(60)), "the loads ended");

        Thread failing = warming.start("test-warm-fail", () -> {
            throw new IllegalStateException("database gone");
        });
        failing.join();
        assertFalse(warming.warming(Duration.ofSeconds(60)), "a failed load ends the warming too");
    }
}
