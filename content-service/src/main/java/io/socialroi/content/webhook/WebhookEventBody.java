package io.socialroi.content.webhook;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.socialroi.content.post.PostView;
import java.time.Instant;
import java.util.UUID;

/** The body of a lifecycle webhook: {@code id} is also the {@code X-Suite-Delivery} header. */
/* Serialised by WebhookDispatcher's ObjectMapper, outside any REST resource, hence registered for native images. */
@RegisterForReflection(targets = {WebhookEventBody.class, WebhookEventBody.Data.class, PostView.class,
    PostView.TrackedLink.class, PostView.Publishing.class})
public record WebhookEventBody(UUID id, String type, Instant occurredAt, UUID workspaceId, Data data) {

    /** The post as it was when the event happened. */
    public record Data(PostView post) {
    }
}
