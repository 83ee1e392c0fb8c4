package io.socialroi.content.publish;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PUT /workspaces/{ws}/publishers/{platform}}. One shape for every type: {@code type} says which
 * of the other fields are required (and the others must be absent), each documented with the type it belongs
 * to. A type must fit the platform (TELEGRAM for TELEGRAM, DISCORD for DISCORD, QUORA_ASSISTED for QUORA,
 * WEBHOOK for any); 422 with field errors otherwise.
 */
@Schema(description = "WEBHOOK: url and secret. TELEGRAM: botToken and chatId. DISCORD: either "
        + "webhookUrl (a channel webhook) or discordBotToken and channelId (a bot; its posts' reactions and replies "
        + "are imported). "
        + "QUORA_ASSISTED, X_API, REDDIT_API, PINTEREST_API, YOUTUBE_API and TIKTOK_API (the connected account): no "
        + "other field. FACEBOOK_API (the connected Facebook account): pageId. INSTAGRAM_API (the connected "
        + "Instagram account): instagramAccountId. LINKEDIN_API (the connected account): author. EMAIL_SMTP: "
        + "smtpHost, smtpPort, smtpUsername, smtpPassword, from, optional startTls. SMS_API: accountSid, authToken, "
        + "from. WHATSAPP_API: phoneNumberId, accessToken, optional templateLanguage.",
        example = "{\"type\":\"WEBHOOK\",\"url\":\"https://hooks.agency.example/instagram\","
        + "\"secret\":\"whsec_9f2c1a7e5b3d4f60a8e1\"}")
public record PublisherRequest(
        @NotNull @Schema(description = "WEBHOOK (any platform), TELEGRAM, DISCORD, QUORA_ASSISTED, X_API, REDDIT_API, "
                + "FACEBOOK_API, INSTAGRAM_API, PINTEREST_API, LINKEDIN_API, YOUTUBE_API, TIKTOK_API, EMAIL_SMTP, SMS_API or "
                + "WHATSAPP_API (its platform only)")
        PublisherType type,
        @Size(max = 2000) @Schema(description = "WEBHOOK only, required: absolute http(s) URL receiving the signed POST")
        String url,
        @Size(min = 16, max = 200) @Schema(description = "WEBHOOK only, required: signs each delivery (HMAC-SHA256); "
                + "never shown again")
        String secret,
        @Size(max = 200) @Schema(description = "TELEGRAM only, required: the bot's token from @BotFather "
                + "(<digits>:<35 characters>); stored encrypted, never shown again",
                example = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0")
        String botToken,
        @Size(max = 100) @Schema(description = "TELEGRAM only, required: the chat the bot posts to, a numeric id "
                + "(-100... for channels and supergroups) or a public channel's @username; the bot must be an "
                + "administrator of a channel", example = "@fiori_news")
        String chatId,
        @Size(max = 500) @Schema(description = "DISCORD only, required: the channel webhook's URL, "
                + "https://discord.com/api/webhooks/<id>/<token>; it carries the token, so it is stored encrypted and "
                + "never shown again", example = "https://discord.com/api/webhooks/1234567890123456789/"
                        + "yNwL0fK4mQ-3xZ9pA7cB2dE5fG8hJ1kL4mN7oP0qR3sT6uV9wX2yZ5aB8cD1eF4gH7iJ")
        String webhookUrl,
        @Size(max = 30) @Schema(description = "FACEBOOK_API only, required: the id (digits) of the Facebook Page posts "
                + "go to; the connected account's user needs a role on it that can create content",
                example = "104918372650183")
        String pageId,
        @Size(max = 30) @Schema(description = "INSTAGRAM_API only, required: the id (digits) of the Instagram "
                + "professional account (connected to a Facebook Page) posts go to, as Graph API shows it "
                + "(GET /{page-id}?fields=instagram_business_account)", example = "17841405822304914")
        String instagramAccountId,
        @Size(max = 100) @Schema(description = "LINKEDIN_API only, required: who posts, the organization (Page) "
                + "urn:li:organization:<digits> (the connected member must be one of its administrators) or the "
                + "connected member urn:li:person:<id>", example = "urn:li:organization:5515715")
        String author,
        @Size(max = 253) @Schema(description = "EMAIL_SMTP only, required: the SMTP server's host name",
                example = "smtp.mailprovider.example") String smtpHost,
        @Schema(description = "EMAIL_SMTP only, required: the SMTP port (587 submission with STARTTLS; 465 implicit "
                + "TLS; 25)", example = "587") Integer smtpPort,
        @Size(max = 320) @Schema(description = "EMAIL_SMTP only, required: the SMTP login (AUTH PLAIN or LOGIN)")
        String smtpUsername,
        @Size(max = 500) @Schema(description = "EMAIL_SMTP only, required: the SMTP password; stored encrypted, never "
                + "shown again") String smtpPassword,
        @Size(max = 320) @Schema(description = "EMAIL_SMTP: the sender address (From), required; SMS_API: the sender, "
                + "an E.164 number or a Messaging Service SID (MG...), required", example = "news@fiori.example")
        String from,
        @Schema(description = "EMAIL_SMTP only, optional: STARTTLS policy, REQUIRED (default), OPTIONAL or DISABLED",
                enumeration = {"REQUIRED", "OPTIONAL", "DISABLED"}) String startTls,
        @Size(max = 34) @Schema(description = "SMS_API only, required: the Twilio Account SID (AC + 32 hex digits)")
        String accountSid,
        @Size(max = 200) @Schema(description = "SMS_API only, required: the Twilio Auth Token (or an API key secret); "
                + "stored encrypted, never shown again") String authToken,
        @Size(max = 30) @Schema(description = "WHATSAPP_API only, required: the WhatsApp Business phone number id "
                + "(digits, WhatsApp Manager > API setup)", example = "106540352242922") String phoneNumberId,
        @Size(max = 1000) @Schema(description = "WHATSAPP_API only, required: a system user access token with "
                + "whatsapp_business_messaging; stored encrypted, never shown again") String accessToken,
        @Size(max = 10) @Schema(description = "WHATSAPP_API only, optional: the templates' language code (default "
                + "en_US)", example = "it") String templateLanguage,
        @Size(max = 200) @Schema(description = "DISCORD bot mode only, required with channelId (instead of webhookUrl): "
                + "the bot's token (Developer Portal > Bot), sent as Authorization: Bot <token>; the bot needs View "
                + "Channel, Send Messages and Read Message History in the channel; stored encrypted, never shown again",
                example = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GkX2aB.c3VwZXItc2VjcmV0LWJvdC10b2tlbi1leGFtcGxl")
        String discordBotToken,
        @Size(max = 25) @Schema(description = "DISCORD bot mode only, required with discordBotToken: the id "
                + "(snowflake, digits) of the channel the bot posts to", example = "1180457732152467466")
        String channelId) {
}
