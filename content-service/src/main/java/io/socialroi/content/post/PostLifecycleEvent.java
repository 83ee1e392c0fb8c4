package io.socialroi.content.post;

import java.util.UUID;

/**
 * Fired inside the transaction that moves a post to a status others subscribe to ({@code post.approved},
 * {@code post.published}, {@code post.failed}); observers queue their deliveries in that same transaction.
 */
public record PostLifecycleEvent(String type, UUID workspaceId, UUID postId) {

    public static final String APPROVED = "post.approved";
    public static final String PUBLISHED = "post.published";
    public static final String FAILED = "post.failed";
}
