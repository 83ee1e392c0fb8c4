package io.socialroi.conversion.export;

import java.time.Duration;
import java.util.Map;

/** What a platform made of one request, read from its documented answer. */
sealed interface Outcome {

    /** Per event of the request, in order: null = acknowledged, else why not. */
    record EventError(boolean retry, String reason) {
    }

    /** The request was taken; {@code errors} names the events the platform answered an error for (by index). */
    record Accepted(Map<Integer, EventError> errors, String response) implements Outcome {
    }

    /** A passing failure (5xx, 429, a timeout, the platform's own "try later"): every event is sent again later. */
    record Retry(Duration retryAfter, String reason) implements Outcome {
    }

    /** The token is invalid, expired or lacks the permission: the destination needs a new one. */
    record Reconnect(String reason) implements Outcome {
    }

    /**
     * The platform refused the request as invalid and processed none of it. {@code bad} names the events it blamed
     * (by index) when it said which; otherwise the culprit is found by sending halves.
     */
    record Invalid(String reason, Map<Integer, String> bad, String response) implements Outcome {
    }

    /** One HTTP request, exactly as it is sent. */
    record Request(String url, Map<String, String> headers, String body) {
    }
}
