package io.socialroi.content.publish;

import io.socialroi.content.post.Platform;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A publisher as the API shows it: secrets (webhook secret, bot token, Discord webhook URL, SMTP password, Twilio auth token, WhatsApp access token, Discord bot token, Telegram webhook secret_token) are never shown back. */
public record PublisherView(Platform platform, PublisherType type,
        @Schema(description = "WEBHOOK: the receiver") String url,
        @Schema(description = "Whether a secret is stored (WEBHOOK secret, TELEGRAM bot token, DISCORD webhook URL or bot "
                + "token)")
        boolean secretSet,
        @Schema(description = "TELEGRAM: the chat posts go to") String chatId,
        @Schema(description = "FACEBOOK_API: the Page posts go to") String pageId,
        @Schema(description = "INSTAGRAM_API: the Instagram professional account posts go to")
        String instagramAccountId,
        @Schema(description = "LINKEDIN_API: who posts (urn:li:organization:... or urn:li:person:...)") String author,
        @Schema(description = "The destination besides the account: DISCORD the bot's channel, FACEBOOK_API the Page, INSTAGRAM_API the "
                + "professional account, LINKEDIN_API the author, EMAIL_SMTP and SMS_API the sender (from), WHATSAPP_API "
                + "the phone number id") String target,
        @Schema(description = "EMAIL_SMTP, SMS_API, WHATSAPP_API: their other settings (never secrets)")
        PublisherSettings settings,
        @Schema(description = "DISCORD bot mode: the channel the bot posts to (null in webhook mode)") String channelId,
        @Schema(description = "TELEGRAM: where Telegram sends the bot's updates (replies, reactions), set with "
                + "setWebhook when the publisher was saved") String updatesUrl,
        @Schema(description = "TELEGRAM: why Telegram refused setWebhook (e.g. a URL that is not public HTTPS); "
                + "null once set. Publishing works either way; engagement comes back only once it is set")
        String updatesError,
        @Schema(description = "SMS_API: the StatusCallback every message carries, where Twilio reports its delivery "
                + "(sent, delivered, undelivered, failed)") String statusCallbackUrl,
        @Schema(description = "SMS_API: set it in Twilio as the number's (or Messaging Service's) incoming-message "
                + "webhook, HTTP POST: STOP and START replies change the recipient list, other replies become DMs")
        String incomingMessagesUrl,
        @Schema(description = "Set when the platform refused the credentials at the last attempt (token revoked, bot "
                + "removed, webhook deleted): configure the publisher again; null otherwise")
        String reconnectReason,
        Instant updatedAt) {

    static PublisherView of(Publisher p, String hooksBase, String smsHooksBase) {
        PublisherHook hook = p.type == PublisherType.TELEGRAM ? PublisherHook.of(p.workspaceId, p.platform) : null;
        String twilio = p.type == PublisherType.SMS_API && p.publicId != null
                ? smsHooksBase.replaceAll("/+$", "") + "/hooks/twilio/" + p.publicId : null;
        return new PublisherView(p.platform, p.type, p.url, p.secret != null, p.chatId,
                p.type == PublisherType.FACEBOOK_API ? p.target : null,
                p.type == PublisherType.INSTAGRAM_API ? p.target : null,
                p.type == PublisherType.LINKEDIN_API ? p.target : null, p.target,
                p.settings == null ? null : PublisherSettings.of(p.settings),
                p.type == PublisherType.DISCORD ? p.target : null,
                hook == null ? null : TelegramHooks.url(hooksBase, p.publicId), hook == null ? null : hook.error,
                twilio == null ? null : twilio + "/status", twilio == null ? null : twilio + "/messages",
                p.reconnectReason, p.updatedAt);
    }
}
