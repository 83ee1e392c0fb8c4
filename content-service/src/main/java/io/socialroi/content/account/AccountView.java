package io.socialroi.content.account;

import io.socialroi.content.post.Platform;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A connected account as the API shows it: never its tokens. */
public record AccountView(
        Platform platform,
        @Schema(description = "CONNECTED, or RECONNECT when the platform refused the tokens (revoked, expired without "
                + "a refresh token, refresh refused): connect the account again", enumeration = {"CONNECTED",
                    "RECONNECT"}) String status,
        @Schema(description = "Why the account needs reconnecting; null when connected") String reason,
        @Schema(description = "The permissions the platform granted") String scopes,
        @Schema(description = "When the access token expires; null when the platform did not say") Instant expiresAt,
        @Schema(description = "Whether the suite can renew the access token by itself before it expires")
        boolean refreshable,
        @Schema(description = "Who connected it (user or credential)") String connectedBy,
        Instant connectedAt,
        Instant refreshedAt) {

    static AccountView of(PlatformAccount a) {
        return new AccountView(a.platform, a.status, a.reason, a.scopes, a.expiresAt, a.refreshToken != null,
                a.connectedBy, a.connectedAt, a.refreshedAt);
    }
}
