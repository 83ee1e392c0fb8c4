package io.socialroi.content.publish;

import io.socialroi.content.post.PlatformOptions;
import java.util.List;
import java.util.UUID;

/**
 * What an {@link AccountPublisher} sends in one attempt. {@code accessToken} is the connected account's current
 * token; {@code target} the publisher's destination on the platform when its type has one (see
 * {@link Publisher#target}); {@code text} the caption, call to action and tracked link as one text
 * ({@code PostText.compose}); {@code caption}, {@code callToAction} and {@code link} (the tracked short link, or
 * null) apart, for platforms that take a link or a title beside the text; {@code deliveryId} stays the same across
 * the attempts of a post, for platforms that take an idempotency key; {@code pendingId} the platform's id of this
 * post's publish that an earlier attempt left in progress ({@link PublishResult#pending}), or null.
 */
public record AccountPost(UUID workspaceId, UUID postId, UUID deliveryId, int attempt, String accessToken,
        String target, String text, String caption, String callToAction, String link, List<String> media,
        PlatformOptions options, String pendingId) {

    public List<String> mediaOrEmpty() {
        return media == null ? List.of() : media;
    }
}
