package io.socialroi.engagement.change;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One committed write that can change touchpoints: an ingestion batch or redirect click (its distinct actors and
 * click ids, {@code from}/{@code to} the span of its events' occurredAt) or a post directory change (the post).
 */
public record Change(UUID workspaceId, List<String> actorIds, List<UUID> clickIds, List<UUID> postIds, Instant from,
        Instant to) {
}
