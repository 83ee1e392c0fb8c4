package io.socialroi.content.post;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A post as the API shows it. {@code scheduledAt} carries the workspace's offset at that instant, and
 * {@code trackedLink} is present while the post has a landing URL.
 */
public record PostView(UUID id, UUID workspaceId, UUID campaignId, Platform platform, FunnelStage funnelStage,
        String caption, List<String> mediaUrls, String callToAction, String landingUrl, OffsetDateTime scheduledAt,
        PostStatus status, TrackedLink trackedLink, Publishing publishing, String createdBy, Instant createdAt,
        Instant updatedAt) {

    /** The short link of the post: {@code url} is what to share, {@code destination} where it leads. */
    public record TrackedLink(String code, String url, String destination) {
    }

    /** How publishing went: attempts so far, the delivery id, why it failed, when it was published. */
    public record Publishing(int attempts, UUID deliveryId, Instant nextAttemptAt, String failureReason,
            Instant publishedAt) {
    }

    PostRequest asRequest() {
        return new PostRequest(campaignId, platform, funnelStage, caption, mediaUrls, callToAction, landingUrl,
                scheduledAt == null ? null : scheduledAt.toString());
    }
}
