package io.socialroi.content.post;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A post as the API shows it. {@code scheduledAt} carries the workspace's offset at that instant, and
 * {@code trackedLink} is present while the post has a landing URL.
 */
public record PostView(UUID id, UUID workspaceId, UUID campaignId, Platform platform, FunnelStage funnelStage,
        String caption, List<String> mediaUrls, String callToAction, String landingUrl, OffsetDateTime scheduledAt,
        @Schema(description = "Per-platform fields (title, board, subreddit, template); null when none")
        PlatformOptions platformOptions,
        PostStatus status, TrackedLink trackedLink, Publishing publishing,
        @Schema(description = "The platform's own id of the published post (Telegram message_id, Discord message id); "
                + "null before publishing (except TikTok's publish id while TikTok is still processing a PUBLISHING "
                + "post), for webhook publishers and hand-offs") String remoteId,
        @Schema(description = "Where the published post can be seen: from the platform's answer (a public Telegram "
                + "channel's t.me link, a Discord message link) or the URL a person gave when marking a hand-off "
                + "published; null when unknown") String permalink,
        @Schema(description = "Present while the post is AWAITING_HANDOFF: what a person is to post, and where")
        Handoff handoff,
        String createdBy, Instant createdAt, Instant updatedAt) {

    /** A hand-off task: the text to post (caption, call to action and tracked link) and a link to the platform. */
    public record Handoff(String text, List<String> mediaUrls,
            @Schema(description = "Where to post it (Quora has no documented compose link: its home page, where "
                    + "Add question / Post are)") String openUrl) {
    }

    /**
     * The short link of the post: {@code url} is what to share, {@code destination} where it leads.
     * {@code active} is true once engagement-service has acknowledged the post's current registration, so
     * {@code url} redirects to {@code destination}; false while the registration is still on its way (the
     * link may answer 404, or lead to the previous destination after an edit, until it arrives).
     */
    public record TrackedLink(String code, String url, String destination,
            @Schema(description = "true when engagement-service holds this link and destination, so url redirects "
                    + "there now; false while the registration is still being retried in the background")
            boolean active) {
    }

    /** How publishing went: attempts so far, the delivery id, why it failed, when it was published. */
    public record Publishing(int attempts, UUID deliveryId, Instant nextAttemptAt, String failureReason,
            Instant publishedAt) {
    }

    PostRequest asRequest() {
        return new PostRequest(campaignId, platform, funnelStage, caption, mediaUrls, callToAction, landingUrl,
                scheduledAt == null ? null : scheduledAt.toString(), platformOptions);
    }
}
