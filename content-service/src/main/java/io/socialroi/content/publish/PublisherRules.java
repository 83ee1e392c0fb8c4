package io.socialroi.content.publish;

import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.post.PlatformOptions;
import io.socialroi.content.post.Post;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a post must have for the workspace's publisher of its platform, checked with the platform's rules when the
 * post is submitted or scheduled (so it never fails for it at publish time): X_API posts text and links only (no
 * media upload to X is built); REDDIT_API posts into a subreddit and with a title.
 */
public final class PublisherRules {

    private PublisherRules() {
    }

    public static void check(UUID workspaceId, Post post) {
        Publisher publisher = Publisher.of(workspaceId, post.platform);
        if (publisher == null) {
            return;
        }
        if (publisher.type == PublisherType.X_API && post.mediaUrls != null && !post.mediaUrls.isEmpty()) {
            throw ProblemException.invalid("mediaUrls", "the X publisher (X_API) posts text and links only: "
                    + "remove the media, or publish through a WEBHOOK publisher");
        }
        if (publisher.type == PublisherType.REDDIT_API) {
            PlatformOptions o = post.platformOptions;
            List<FieldError> missing = new ArrayList<>();
            if (o == null || o.subreddit() == null) {
                missing.add(new FieldError("platformOptions.subreddit", "is required to post to Reddit"));
            }
            if (o == null || o.title() == null || o.title().isBlank()) {
                missing.add(new FieldError("platformOptions.title", "is required to post to Reddit"));
            }
            if (!missing.isEmpty()) {
                throw ProblemException.invalid(missing);
            }
        }
    }
}
