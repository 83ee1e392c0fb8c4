package io.socialroi.content.webhook;

import io.socialroi.content.post.PostView;
import java.time.Instant;
import java.util.UUID;

/** The body of a lifecycle webhook: {@code id} is also the {@code X-Suite-Delivery} header. */
public record WebhookEventBody(UUID id, String type, Instant occurredAt, UUID workspaceId, Data data) {

    /** The post as it was when the event happened. */
    public record Data(PostView post) {
    }
}
