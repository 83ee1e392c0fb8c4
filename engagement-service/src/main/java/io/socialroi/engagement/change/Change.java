package io.socialroi.engagement.change;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One committed write that can change touchpoints: an ingestion batch or redirect click (its distinct actors and
 * click ids, {@code from}/{@code to} the span of its events' occurredAt) or a post directory change (the post, and
 * in {@code posts} its current campaign, platform and stage as the directory holds them when the page is read).
 */
public record Change(UUID workspaceId, List<String> actorIds, List<UUID> clickIds, List<UUID> postIds, Instant from,
        Instant to, List<PostLabels> posts) {

    /**
     * A post's current labels: what the touchpoints of its events now say (platform and stage are the post's;
     * the campaign is the post's unless the event named its own, see {@code Touchpoint.campaignOrigin}).
     */
    public record PostLabels(UUID postId, UUID campaignId, String platform, String funnelStage) {
    }

    Change withPosts(List<PostLabels> labels) {
        return new Change(workspaceId, actorIds, clickIds, postIds, from, to, List.copyOf(labels));
    }
}
