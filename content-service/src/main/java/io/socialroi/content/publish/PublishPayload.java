package io.socialroi.content.publish;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.socialroi.content.post.FunnelStage;
import io.socialroi.content.post.Platform;
import io.socialroi.content.post.PlatformOptions;
import io.socialroi.content.post.PostView;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The body a publisher receives: the delivery id (also in {@code X-Suite-Delivery}) and what to post, tracked
 * link included so the integration shares the link that counts clicks. Only fields that cannot change while
 * the post is being published, so every retry of a delivery sends the same bytes.
 */
/* Serialised by PostPublisher's ObjectMapper, outside any REST resource, hence registered for native images. */
@RegisterForReflection(targets = {PublishPayload.class, PostView.class, PostView.TrackedLink.class,
        PlatformOptions.class})
public record PublishPayload(UUID deliveryId, String event, UUID workspaceId, UUID postId, UUID campaignId,
        Platform platform, FunnelStage funnelStage, String caption, List<String> mediaUrls, String callToAction,
        String landingUrl, PostView.TrackedLink trackedLink, OffsetDateTime scheduledAt, PlatformOptions platformOptions) {

    static PublishPayload of(UUID deliveryId, String event, PostView post) {
        return new PublishPayload(deliveryId, event, post.workspaceId(), post.id(), post.campaignId(), post.platform(),
                post.funnelStage(), post.caption(), post.mediaUrls(), post.callToAction(), post.landingUrl(),
                post.trackedLink(), post.scheduledAt(), post.platformOptions());
    }
}
