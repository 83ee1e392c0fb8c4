package io.socialroi.content.account;

import io.socialroi.content.post.Platform;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A started authorization: where to send the person, and until when the answer is accepted. */
public record AuthorizationView(
        Platform platform,
        @Schema(description = "The platform's consent page, with client id, redirect URI, scopes, state and (where "
                + "the platform takes it) the PKCE S256 challenge: open it in the browser") String authorizeUrl,
        @Schema(description = "The opaque state the platform sends back; bound to this workspace, platform and "
                + "caller, usable once") String state,
        Instant expiresAt) {
}
