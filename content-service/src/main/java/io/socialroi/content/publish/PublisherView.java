package io.socialroi.content.publish;

import io.socialroi.content.post.Platform;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A publisher as the API shows it: secrets (webhook secret, bot token, Discord webhook URL, SMTP password, Twilio auth token, WhatsApp access token) are never shown back. */
public record PublisherView(
        @Schema(description = "The publisher's id, in the URLs of its platform's webhooks (SMS_API: Twilio's status "
                + "callback /hooks/twilio/{id}/status, set on every message, and the number's incoming-message webhook "
                + "/hooks/twilio/{id}/messages); kept when the publisher is configured again") UUID id,
        Platform platform, PublisherType type,
        @Schema(description = "WEBHOOK: the receiver") String url,
        @Schema(description = "Whether a secret is stored (WEBHOOK secret, TELEGRAM bot token, DISCORD webhook URL)")
        boolean secretSet,
        @Schema(description = "TELEGRAM: the chat posts go to") String chatId,
        @Schema(description = "FACEBOOK_API: the Page posts go to") String pageId,
        @Schema(description = "INSTAGRAM_API: the Instagram professional account posts go to")
        String instagramAccountId,
        @Schema(description = "LINKEDIN_API: who posts (urn:li:organization:... or urn:li:person:...)") String author,
        @Schema(description = "The destination besides the account: FACEBOOK_API the Page, INSTAGRAM_API the "
                + "professional account, LINKEDIN_API the author, EMAIL_SMTP and SMS_API the sender (from), WHATSAPP_API "
                + "the phone number id") String target,
        @Schema(description = "EMAIL_SMTP, SMS_API, WHATSAPP_API: their other settings (never secrets)")
        PublisherSettings settings,
        @Schema(description = "Set when the platform refused the credentials at the last attempt (token revoked, bot "
                + "removed, webhook deleted): configure the publisher again; null otherwise")
        String reconnectReason,
        Instant updatedAt) {

    static PublisherView of(Publisher p) {
        return new PublisherView(p.publicId, p.platform, p.type, p.url, p.secret != null, p.chatId,
                p.type == PublisherType.FACEBOOK_API ? p.target : null,
                p.type == PublisherType.INSTAGRAM_API ? p.target : null,
                p.type == PublisherType.LINKEDIN_API ? p.target : null, p.target,
                p.settings == null ? null : PublisherSettings.of(p.settings), p.reconnectReason, p.updatedAt);
    }
}
