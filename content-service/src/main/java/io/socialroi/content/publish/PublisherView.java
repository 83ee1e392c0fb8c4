package io.socialroi.content.publish;

import io.socialroi.content.post.Platform;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A publisher as the API shows it: secrets (webhook secret, bot token, Discord webhook URL) are never shown back. */
public record PublisherView(Platform platform, PublisherType type,
        @Schema(description = "WEBHOOK: the receiver") String url,
        @Schema(description = "Whether a secret is stored (WEBHOOK secret, TELEGRAM bot token, DISCORD webhook URL)")
        boolean secretSet,
        @Schema(description = "TELEGRAM: the chat posts go to") String chatId,
        @Schema(description = "FACEBOOK_API: the Page posts go to") String pageId,
        @Schema(description = "INSTAGRAM_API: the Instagram professional account posts go to")
        String instagramAccountId,
        @Schema(description = "LINKEDIN_API: who posts (urn:li:organization:... or urn:li:person:...)") String author,
        @Schema(description = "Set when the platform refused the credentials at the last attempt (token revoked, bot "
                + "removed, webhook deleted): configure the publisher again; null otherwise")
        String reconnectReason,
        Instant updatedAt) {

    static PublisherView of(Publisher p) {
        return new PublisherView(p.platform, p.type, p.url, p.secret != null, p.chatId,
                p.type == PublisherType.FACEBOOK_API ? p.target : null,
                p.type == PublisherType.INSTAGRAM_API ? p.target : null,
                p.type == PublisherType.LINKEDIN_API ? p.target : null, p.reconnectReason, p.updatedAt);
    }
}
