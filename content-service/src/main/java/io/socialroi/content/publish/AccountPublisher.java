package io.socialroi.content.publish;

import io.socialroi.common.problem.FieldError;
import io.socialroi.content.post.Post;
import java.util.List;

/**
 * A native publisher that posts with the workspace's connected platform account (OAuth, content-service
 * account/). One CDI bean per {@link PublisherType} with {@link PublisherType#usesAccount()}; {@link PostPublisher}
 * finds it by {@link #type()}, hands it the account's current access token and maps nothing itself: each
 * implementation reads its platform's answers into a {@link PublishResult} (published with the platform's id and
 * link, retry after the platform's delay, failed with its reason, or reconnect the account).
 */
public interface AccountPublisher {

    PublisherType type();

    /**
     * What this publisher could not publish of the post, checked when it is submitted or scheduled (422 with these
     * field errors, so it never fails for them at publish time); empty when it can.
     */
    default List<FieldError> check(Post post, Publisher publisher) {
        return List.of();
    }

    /** One attempt; never throws for what the platform answers. */
    PublishResult publish(AccountPost post);
}
