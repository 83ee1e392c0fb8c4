package io.socialroi.content.registration;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * Body of engagement-service's {@code PUT /workspaces/{ws}/posts/{postId}} (CONTRACTS.md): the post
 * directory entry and its tracked link, null when the post has no landing URL.
 */
/* Written to and read from the outbox with the ObjectMapper, so registered for native images. */
@RegisterForReflection(targets = {PostRegistration.class, PostRegistration.Link.class})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PostRegistration(UUID campaignId, String platform, String funnelStage, Link trackedLink) {

    /** The short code and where it redirects to. */
    public record Link(String code, String destination) {
    }
}
