package io.socialroi.engagement.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The per-replica flood bound of the redirect: a burst, then one click per interval, per key. */
class FloodBucketsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstIsCountedThenOneClickPerIntervalAndOtherKeysAreNotAffected() {
        FloodBuckets buckets = new FloodBuckets(60, 5);
        long t = 1_000 * SECOND;
        int taken = 0;
        for (int i = 0; i < 20; i++) {
            taken += buckets.take("10.0.0.1|post", t) ? 1 : 0;
        }
        assertEquals(5, taken);
        assertTrue(buckets.take("10.0.0.2|post", t), "another address");
        assertTrue(buckets.take("10.0.0.1|other-post", t), "another link");
        // 60 a minute: one more token a second, not before.
        assertFalse(buckets.take("10.0.0.1|post", t + SECOND / 2));
        assertTrue(buckets.take("10.0.0.1|post", t + SECOND));
        assertFalse(buckets.take("10.0.0.1|post", t + SECOND));
        // After a quiet minute the whole burst is back.
        int later = 0;
        for (int i = 0; i < 20; i++) {
            later += buckets.take("10.0.0.1|post", t + 70 * SECOND) ? 1 : 0;
        }
        assertEquals(5, later);
    }

    @Test
    void theKeysKeptAreBoundedAndAForgottenKeyIsAFullBucket() {
        FloodBuckets buckets = new FloodBuckets(1, 1);
        long t = 5 * SECOND;
        assertTrue(buckets.take("first", t));
        assertFalse(buckets.take("first", t));
        for (int i = 0; i < FloodBuckets.KEYS; i++) {
            buckets.take("k" + i, t);
        }
        // "first" was the least recently used and is gone: its next click counts again.
        assertTrue(buckets.take("first", t));
    }
}
