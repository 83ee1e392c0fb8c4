package io.socialroi.content.account;

import io.socialroi.content.post.Platform;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A connected account as the API shows it: never its tokens. */
public record AccountView(
        Platform platform,
        @Schema(description = "CONNECTED, or RECONNECT when the platform refused the tokens (revoked, expired without "
                + "a refresh token, refresh refused): connect the account again", enumeration = {"CONNECTED",
                    "RECONNECT"}) String status,
        @Schema(description = "Why the account needs reconnecting; null when connected") String reason,
        @Schema(description = "The permissions the platform granted, as its token endpoint named them "
                + "(as requested when it named none at connect); null when not known") String scopes,
        @Schema(description = "When the access token expires; null when the platform did not say") Instant expiresAt,
        @Schema(description = "Whether the suite can renew the access token by itself before it expires")
        boolean refreshable,
        @Schema(description = "Who connected it (user or credential)") String connectedBy,
        Instant connectedAt,
        Instant refreshedAt,
        @Schema(description = "Scopes the suite asks for now that this account's token lacks (it was connected "
                + "before they were asked for): X media.write (media posts are refused until reconnected), TikTok "
                + "video.list (engagement import). When the granted scopes are not known, those a publish needs are "
                + "listed. Empty when nothing is missing") List<String> missingScopes,
        @Schema(description = "What to do about missingScopes (reconnect the account); null when nothing is missing")
        String reconnectHint,
        @Schema(description = "The platform's own id of the account (X: its user id), by which platform webhooks "
                + "find it; null when not known yet") String platformUserId) {

    static AccountView of(PlatformAccount a) {
        List<ScopeNeeds.Need> missing = ScopeNeeds.missing(a);
        return new AccountView(a.platform, a.status, a.reason, a.scopes, a.expiresAt, a.refreshToken != null,
                a.connectedBy, a.connectedAt, a.refreshedAt, missing.stream().map(ScopeNeeds.Need::scope).toList(),
                ScopeNeeds.hint(a, missing), a.platformUserId);
    }
}
