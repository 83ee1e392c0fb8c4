package io.socialroi.content.publish;

import java.time.Duration;

/**
 * What one publishing attempt came to. PUBLISHED with the platform's id and link of the post; RETRY with the
 * reason and, when the platform said how long to wait (rate limits), that delay; FAILED with the reason, no retry
 * (and {@code reconnect} when the platform refused the credentials); HANDOFF when a person is to post it.
 * {@code progress}: a RETRY of a broadcast that sent what it could in its time and continues at once; it is not
 * counted as a failed attempt.
 */
public record PublishResult(Kind kind, String reason, String remoteId, String permalink, Duration retryAfter,
        boolean reconnect, boolean progress) {

    public enum Kind {
        PUBLISHED, RETRY, FAILED, HANDOFF
    }

    /** Appended to the reason when the platform refused the credentials: nothing but a new configuration helps. */
    public static final String RECONNECT = "reconnect the account";

    static PublishResult published(String remoteId, String permalink) {
        return new PublishResult(Kind.PUBLISHED, null, remoteId, permalink, null, false, false);
    }

    static PublishResult retry(String reason, Duration after) {
        return new PublishResult(Kind.RETRY, reason, null, null, after, false, false);
    }

    /**
     * Not done yet, and the platform holds it under {@code remoteId} (e.g. a TikTok publish id still processing):
     * retried like {@link #retry}, and the next attempt gets that id back ({@link AccountPost#pendingId}) to ask
     * about the same publish instead of sending the post again.
     */
    static PublishResult pending(String reason, Duration after, String remoteId) {
        return new PublishResult(Kind.RETRY, reason, remoteId, null, after, false, false);
    }

    static PublishResult failed(String reason) {
        return new PublishResult(Kind.FAILED, reason, null, null, null, false, false);
    }

    static PublishResult reconnect(String reason) {
        return new PublishResult(Kind.FAILED, reason + ": " + RECONNECT, null, null, null, true, false);
    }

    /** A broadcast that continues with its next recipients at once (its attempt ran out of time, not of luck). */
    static PublishResult continuing(String reason) {
        return new PublishResult(Kind.RETRY, reason, null, null, Duration.ZERO, false, true);
    }

    static PublishResult handoff() {
        return new PublishResult(Kind.HANDOFF, null, null, null, null, false, false);
    }
}
