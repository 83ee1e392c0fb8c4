package io.socialroi.content.imports;

import java.time.Instant;

/**
 * One engagement a platform reported with its actor, as it goes to engagement-service's {@code POST /events}.
 * {@code eventId} is derived from the platform's own ids only (e.g. {@code x:reply:<tweet id>},
 * {@code facebook:comment:<comment id>}), so importing the same thing again, or receiving it again from a webhook,
 * is a duplicate there and changes nothing. {@code actorId} is the platform's user id with the platform as prefix
 * ({@code x:2244994945}). {@code occurredAt} is the platform's time of it; where the platform gives none (X's liking
 * users) it is the time the import first saw it, which the deterministic id then keeps. {@code text} is a comment's
 * text (engagement-service fingerprints it to spot identical comments), null otherwise.
 */
public record ImportedEvent(String eventId, String type, String actorId, Instant occurredAt, String text) {
}
