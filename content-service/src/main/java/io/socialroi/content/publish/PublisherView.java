package io.socialroi.content.publish;

import io.socialroi.content.post.Platform;
import java.time.Instant;

/** A publisher as the API shows it: the secret is never shown back. */
public record PublisherView(Platform platform, PublisherType type, String url, boolean secretSet, Instant updatedAt) {

    static PublisherView of(Publisher p) {
        return new PublisherView(p.platform, p.type, p.url, true, p.updatedAt);
    }
}
