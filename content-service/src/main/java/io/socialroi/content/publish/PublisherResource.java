package io.socialroi.content.publish;


import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.net.OutboundGuard;
import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.common.Urls;
import io.socialroi.content.delivery.StoredSecrets;
import io.socialroi.content.post.Platform;
import io.socialroi.content.recipient.Addresses;
import io.socialroi.content.workspace.Workspaces;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Per-platform publishers of a workspace. */
@Path("/workspaces/{workspaceId}/publishers")
@Tag(name = "Publishing")
public class PublisherResource {

    /** The publishers of a workspace. */
    public record Publishers(List<PublisherView> items) {
    }

    private final WorkspaceAccess access;
    private final OutboundGuard outbound;
    private final StoredSecrets secrets;
    private final DiscordPublisher discord;
    private final TelegramHooks telegramHooks;
    private final PublishingConfig config;

    public PublisherResource(WorkspaceAccess access, OutboundGuard outbound, StoredSecrets secrets,
            DiscordPublisher discord, TelegramHooks telegramHooks, PublishingConfig config) {
        this.config = config;
        this.access = access;
        this.outbound = outbound;
        this.secrets = secrets;
        this.discord = discord;
        this.telegramHooks = telegramHooks;
    }

    @PUT
    @Path("/{platform}")
    @RolesAllowed(Scopes.CONTENT_WRITE)
    @Transactional
    @Operation(summary = "Configure publishing for a platform", description = "Replaces an earlier configuration. "
            + "WEBHOOK (any platform, fields url and secret): each due post is sent as a JSON POST signed with "
            + "X-Suite-Signature: t=<unix>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\">, with an X-Suite-Delivery id "
            + "that stays the same across retries. TELEGRAM (platform TELEGRAM, fields botToken and chatId): posts are "
            + "sent with the Telegram Bot API (sendMessage, sendPhoto, sendVideo or sendMediaGroup); saving it also calls "
            + "setWebhook with <public origin>/hooks/telegram/<publisher id> (updatesUrl) and a new random secret_token, "
            + "so replies and reactions come back (updatesError says why Telegram refused it). DISCORD (platform "
            + "DISCORD, field webhookUrl, or fields discordBotToken and channelId): posts are sent to the channel "
            + "webhook (Discord API v10, ?wait=true) or by the bot to the channel (Create Message); only a bot's posts "
            + "have their reactions and replies imported (a webhook cannot read). "
            + "QUORA_ASSISTED (platform QUORA, no fields): a due post becomes AWAITING_HANDOFF with its text and a "
            + "link to Quora; a person posts it and marks it published with its URL. X_API (platform X, no fields): "
            + "posts text, links, images and video (media upload) with the X API v2 and the workspace's connected X "
            + "account (Accounts). REDDIT_API (platform REDDIT, no fields): a text post to platformOptions.subreddit titled platformOptions.title, "
            + "with the connected Reddit account. FACEBOOK_API (platform FACEBOOK, field pageId): posts to that Page "
            + "with Graph API v21.0 and the Page access token of the connected Facebook account (feed, photos, "
            + "videos). INSTAGRAM_API (platform INSTAGRAM, field instagramAccountId): posts images, reels and "
            + "carousels to that professional account with the Instagram Graph API and the connected Instagram "
            + "account. "
            + "PINTEREST_API (platform PINTEREST, no fields): a Pin of the post's "
            + "one image to platformOptions.board (Pinterest API v5). LINKEDIN_API (platform LINKEDIN, field author, "
            + "urn:li:organization:<digits> or urn:li:person:<id>): a post by the author (LinkedIn Posts API) with "
            + "the post's images (Images API), or else the tracked link as an article; no video. YOUTUBE_API (platform YOUTUBE, no fields): the post's one video, "
            + "titled platformOptions.title, uploaded with the YouTube Data API v3. TIKTOK_API (platform TIKTOK, no "
            + "fields): the post's one video, or its photos, pulled by TikTok from their URLs (Content Posting API, "
            + "direct post). "
            + "EMAIL_SMTP (platform EMAIL, fields smtpHost, smtpPort, smtpUsername, "
            + "smtpPassword, from, optional startTls): each post is an e-mail to every subscribed EMAIL recipient "
            + "(PUT .../recipients), subject platformOptions.title, with a one-click unsubscribe link (RFC 8058). "
            + "SMS_API (platform SMS, fields accountSid, authToken, from): an SMS to every subscribed SMS recipient "
            + "with Twilio Programmable Messaging (2010-04-01). WHATSAPP_API (platform WHATSAPP, fields phoneNumberId, "
            + "accessToken, optional templateLanguage): the approved template platformOptions.template to every "
            + "subscribed WHATSAPP recipient with the WhatsApp Cloud API (Graph v21.0). Secrets "
            + "are stored encrypted and never shown back.")
    @APIResponse(responseCode = "200", description = "The publisher (without its secret)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PublisherView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or a field of the wrong type or unknown value" + "; or the url, webhookUrl or smtpHost is, or resolves to, a private, loopback, link-local, carrier-grade NAT, unique-local, multicast or metadata address (type outbound-address-refused, errors naming the field); nothing is stored.")
    @APIResponse(responseCode = "422", description = "Unknown platform, a type that does not fit the platform, a "
            + "field the type requires missing or malformed, or a field of another type given; nothing is stored.")
    public PublisherView configure(@PathParam("workspaceId") UUID workspaceId, @PathParam("platform") String platform,
            @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PublisherRequest.class), examples = {
                        @ExampleObject(name = "webhook", summary = "WEBHOOK, any platform", value = "{\"type\":"
                                + "\"WEBHOOK\",\"url\":\"https://hooks.agency.example/instagram\",\"secret\":"
                                + "\"whsec_9f2c1a7e5b3d4f60a8e1\"}"),
                        @ExampleObject(name = "telegram", summary = "TELEGRAM, platform TELEGRAM", value = "{\"type\":"
                                + "\"TELEGRAM\",\"botToken\":\"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0\","
                                + "\"chatId\":\"@fiori_news\"}"),
                        @ExampleObject(name = "discord", summary = "DISCORD, platform DISCORD", value = "{\"type\":"
                                + "\"DISCORD\",\"webhookUrl\":\"https://discord.com/api/webhooks/1234567890123456789/"
                                + "yNwL0fK4mQ-3xZ9pA7cB2dE5fG8hJ1kL4mN7oP0qR3sT6uV9wX2yZ5aB8cD1eF4gH7iJ\"}"),
                        @ExampleObject(name = "discord-bot", summary = "DISCORD bot mode, platform DISCORD", value =
                                "{\"type\":\"DISCORD\",\"discordBotToken\":\"MTA5ODc2NTQzMjEwOTg3NjU0Mw.GkX2aB."
                                + "c3VwZXItc2VjcmV0LWJvdC10b2tlbi1leGFtcGxl\",\"channelId\":\"1180457732152467466\"}"),
                        @ExampleObject(name = "quora", summary = "QUORA_ASSISTED, platform QUORA",
                                value = "{\"type\":\"QUORA_ASSISTED\"}"),
                        @ExampleObject(name = "x", summary = "X_API, platform X (a connected X account)",
                                value = "{\"type\":\"X_API\"}"),
                        @ExampleObject(name = "reddit", summary = "REDDIT_API, platform REDDIT (a connected account)",
                                value = "{\"type\":\"REDDIT_API\"}"),
                        @ExampleObject(name = "facebook", summary = "FACEBOOK_API, platform FACEBOOK (a connected "
                                + "account and its Page)", value = "{\"type\":\"FACEBOOK_API\",\"pageId\":"
                                + "\"104918372650183\"}"),
                        @ExampleObject(name = "instagram", summary = "INSTAGRAM_API, platform INSTAGRAM (a connected "
                                + "account and its professional account)", value = "{\"type\":\"INSTAGRAM_API\","
                                + "\"instagramAccountId\":\"17841405822304914\"}"),
                        @ExampleObject(name = "pinterest", summary = "PINTEREST_API, platform PINTEREST (a connected "
                                + "account)", value = "{\"type\":\"PINTEREST_API\"}"),
                        @ExampleObject(name = "linkedin", summary = "LINKEDIN_API, platform LINKEDIN (a connected "
                                + "account)", value = "{\"type\":\"LINKEDIN_API\",\"author\":"
                                + "\"urn:li:organization:5515715\"}"),
                        @ExampleObject(name = "youtube", summary = "YOUTUBE_API, platform YOUTUBE (a connected account)",
                                value = "{\"type\":\"YOUTUBE_API\"}"),
                        @ExampleObject(name = "tiktok", summary = "TIKTOK_API, platform TIKTOK (a connected account)",
                                value = "{\"type\":\"TIKTOK_API\"}"),
                        @ExampleObject(name = "email", summary = "EMAIL_SMTP, platform EMAIL", value = "{\"type\":"
                                + "\"EMAIL_SMTP\",\"smtpHost\":\"smtp.mailprovider.example\",\"smtpPort\":587,"
                                + "\"smtpUsername\":\"news@fiori.example\",\"smtpPassword\":\"app-password-1234\","
                                + "\"from\":\"news@fiori.example\",\"startTls\":\"REQUIRED\"}"),
                        @ExampleObject(name = "sms", summary = "SMS_API, platform SMS (Twilio)", value = "{\"type\":"
                                + "\"SMS_API\",\"accountSid\":\"AC0123456789abcdef0123456789abcdef\",\"authToken\":"
                                + "\"your_auth_token_0123456789abcdef\",\"from\":\"+15017122661\"}"),
                        @ExampleObject(name = "whatsapp", summary = "WHATSAPP_API, platform WHATSAPP (Cloud API)",
                                value = "{\"type\":\"WHATSAPP_API\",\"phoneNumberId\":\"106540352242922\","
                                + "\"accessToken\":\"EAAG-system-user-token\",\"templateLanguage\":\"it\"}")}))
            @Valid @NotNull PublisherRequest request) {
        access.require(workspaceId);
        Workspaces.require(workspaceId);
        Platform p = platform(platform);
        String secret = check(p, request);
        Publisher publisher = Publisher.of(workspaceId, p);
        if (publisher == null) {
            publisher = new Publisher();
            publisher.workspaceId = workspaceId;
            publisher.platform = p;
        }
        publisher.type = request.type();
        publisher.url = request.type() == PublisherType.WEBHOOK ? request.url() : null;
        publisher.chatId = request.type() == PublisherType.TELEGRAM ? request.chatId().trim() : null;
        publisher.target = target(request);
        publisher.settings = settings(request);
        publisher.reconnectReason = null;
        if (secret == null) {
            publisher.secret = null;
            publisher.secretKeyId = null;
        } else {
            var sealed = secrets.seal(secret, StoredSecrets.publisherContext(workspaceId, p));
            publisher.secret = sealed.ciphertext();
            publisher.secretKeyId = sealed.keyId();
        }
        publisher.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        publisher.persist();
        telegramHooks.saved(publisher, request.type() == PublisherType.TELEGRAM ? secret : null);
        return PublisherView.of(publisher, telegramHooks.base(), config.sms().hooksBaseUrl());
    }

    /** Checks the request against its type and platform; answers the secret to seal (null for QUORA_ASSISTED). */
    private String check(Platform platform, PublisherRequest request) {
        PublisherType type = request.type();
        List<FieldError> errors = new ArrayList<>();
        if (!type.fits(platform)) {
            errors.add(new FieldError("type", type + " publishes to " + type.platform() + " only, not " + platform
                    + "; use WEBHOOK or " + nativeTypeOf(platform)));
        }
        Map<String, String> given = new LinkedHashMap<>();
        given.put("url", request.url());
        given.put("secret", request.secret());
        given.put("botToken", request.botToken());
        given.put("chatId", request.chatId());
        given.put("webhookUrl", request.webhookUrl());
        given.put("pageId", request.pageId());
        given.put("instagramAccountId", request.instagramAccountId());
        given.put("author", request.author());
        given.put("smtpHost", request.smtpHost());
        given.put("smtpPort", request.smtpPort() == null ? null : request.smtpPort().toString());
        given.put("smtpUsername", request.smtpUsername());
        given.put("smtpPassword", request.smtpPassword());
        given.put("from", request.from());
        given.put("startTls", request.startTls());
        given.put("accountSid", request.accountSid());
        given.put("authToken", request.authToken());
        given.put("phoneNumberId", request.phoneNumberId());
        given.put("accessToken", request.accessToken());
        given.put("templateLanguage", request.templateLanguage());
        given.put("discordBotToken", request.discordBotToken());
        given.put("channelId", request.channelId());
        // DISCORD is either a webhook or a bot: the bot's fields when any of them is given.
        boolean discordBot = type == PublisherType.DISCORD && (request.discordBotToken() != null
                || request.channelId() != null);
        Set<String> fields = switch (type) {
            case WEBHOOK -> Set.of("url", "secret");
            case TELEGRAM -> Set.of("botToken", "chatId");
            case DISCORD -> discordBot ? Set.of("discordBotToken", "channelId") : Set.of("webhookUrl");
            case QUORA_ASSISTED, X_API, REDDIT_API, PINTEREST_API, YOUTUBE_API, TIKTOK_API -> Set.of();
            case FACEBOOK_API -> Set.of("pageId");
            case INSTAGRAM_API -> Set.of("instagramAccountId");
            case LINKEDIN_API -> Set.of("author");
            case EMAIL_SMTP -> Set.of("smtpHost", "smtpPort", "smtpUsername", "smtpPassword", "from");
            case SMS_API -> Set.of("accountSid", "authToken", "from");
            case WHATSAPP_API -> Set.of("phoneNumberId", "accessToken");
        };
        Set<String> optional = switch (type) {
            case EMAIL_SMTP -> Set.of("startTls");
            case WHATSAPP_API -> Set.of("templateLanguage");
            default -> Set.of();
        };
        given.forEach((field, value) -> {
            boolean present = value != null && !value.isBlank();
            if (fields.contains(field) && !present) {
                errors.add(new FieldError(field, "is required for type " + type + (type != PublisherType.DISCORD ? ""
                        : discordBot ? " with a bot (discordBotToken and channelId)"
                        : " (a webhookUrl, or a bot's discordBotToken and channelId)")));
            } else if (type == PublisherType.DISCORD && discordBot && field.equals("webhookUrl") && value != null) {
                errors.add(new FieldError(field, "does not go with a bot: give either webhookUrl or discordBotToken "
                        + "and channelId"));
            } else if (!fields.contains(field) && !optional.contains(field) && value != null) {
                errors.add(new FieldError(field, "does not belong to type " + type));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        switch (type) {
            case WEBHOOK -> {
                if (!Urls.isHttp(request.url())) {
                    throw ProblemException.invalid("url", "must be an absolute http or https URL");
                }
                outbound.checkConfigured("url", request.url());
                return request.secret();
            }
            case TELEGRAM -> {
                if (!TelegramPublisher.TOKEN.matcher(request.botToken().trim()).matches()) {
                    errors.add(new FieldError("botToken", "is not a Telegram bot token (<digits>:<token>, from "
                            + "@BotFather)"));
                }
                if (!TelegramPublisher.CHAT.matcher(request.chatId().trim()).matches()) {
                    errors.add(new FieldError("chatId", "must be a numeric chat id or a public @username"));
                }
                if (!errors.isEmpty()) {
                    throw ProblemException.invalid(errors);
                }
                return request.botToken().trim();
            }
            case DISCORD -> {
                if (discordBot) {
                    if (!DiscordPublisher.BOT_TOKEN.matcher(request.discordBotToken().trim()).matches()) {
                        errors.add(new FieldError("discordBotToken", "is not a Discord bot token (three dot-separated "
                                + "parts, from the Developer Portal's Bot page)"));
                    }
                    if (!DiscordPublisher.SNOWFLAKE.matcher(request.channelId().trim()).matches()) {
                        errors.add(new FieldError("channelId", "must be a Discord channel id (digits)"));
                    }
                    if (!errors.isEmpty()) {
                        throw ProblemException.invalid(errors);
                    }
                    return request.discordBotToken().trim();
                }
                String url = request.webhookUrl().trim();
                if (discord.webhook(url) == null) {
                    throw ProblemException.invalid("webhookUrl", "must be a Discord channel webhook URL, "
                            + discord.base() + "/webhooks/<id>/<token>");
                }
                outbound.checkConfigured("webhookUrl", url);
                return url;
            }
            case FACEBOOK_API, INSTAGRAM_API -> {
                String field = type == PublisherType.FACEBOOK_API ? "pageId" : "instagramAccountId";
                String id = type == PublisherType.FACEBOOK_API ? request.pageId() : request.instagramAccountId();
                if (!FacebookPublisher.ID.matcher(id.trim()).matches()) {
                    throw ProblemException.invalid(field, "must be the " + (type == PublisherType.FACEBOOK_API
                            ? "Page's" : "Instagram professional account's") + " Graph API id (digits only)");
                }
                return null;
            }
            case LINKEDIN_API -> {
                if (!LinkedInPublisher.AUTHOR.matcher(request.author().trim()).matches()) {
                    throw ProblemException.invalid("author", "must be a LinkedIn organization urn:li:organization:"
                            + "<digits> or a member urn:li:person:<id>");
                }
                return null;
            }
            case EMAIL_SMTP -> {
                String host = request.smtpHost().trim();
                if (!HOST.matcher(host).matches()) {
                    errors.add(new FieldError("smtpHost", "must be a host name or IP address, without scheme or port"));
                }
                if (request.smtpPort() < 1 || request.smtpPort() > 65535) {
                    errors.add(new FieldError("smtpPort", "must be 1 to 65535"));
                }
                if (Addresses.normalized(Platform.EMAIL, request.from()) == null) {
                    errors.add(new FieldError("from", "must be an e-mail address"));
                }
                if (request.startTls() != null && !Set.of("REQUIRED", "OPTIONAL", "DISABLED")
                        .contains(request.startTls())) {
                    errors.add(new FieldError("startTls", "must be REQUIRED, OPTIONAL or DISABLED"));
                }
                if (request.smtpUsername().contains("\r") || request.smtpUsername().contains("\n")) {
                    errors.add(new FieldError("smtpUsername", "must be one line"));
                }
                if (!errors.isEmpty()) {
                    throw ProblemException.invalid(errors);
                }
                outbound.checkConfigured("smtpHost", "smtp://" + (host.contains(":") ? "[" + host + "]" : host)
                        + ":" + request.smtpPort());
                return request.smtpPassword();
            }
            case SMS_API -> {
                if (!SmsPublisher.ACCOUNT_SID.matcher(request.accountSid().trim()).matches()) {
                    errors.add(new FieldError("accountSid", "must be a Twilio Account SID (AC and 32 hex digits)"));
                }
                String from = request.from().trim();
                if (!Addresses.E164.matcher(from).matches() && !SmsPublisher.SERVICE_SID.matcher(from).matches()) {
                    errors.add(new FieldError("from", "must be an E.164 number (+ and digits) or a Messaging Service "
                            + "SID (MG and 32 hex digits)"));
                }
                if (!errors.isEmpty()) {
                    throw ProblemException.invalid(errors);
                }
                return request.authToken().trim();
            }
            case WHATSAPP_API -> {
                if (!WhatsAppPublisher.PHONE_NUMBER_ID.matcher(request.phoneNumberId().trim()).matches()) {
                    errors.add(new FieldError("phoneNumberId", "must be a WhatsApp phone number id (digits)"));
                }
                if (request.templateLanguage() != null
                        && !WhatsAppPublisher.LANGUAGE.matcher(request.templateLanguage()).matches()) {
                    errors.add(new FieldError("templateLanguage", "must be a template language code (en, en_US, ...)"));
                }
                if (request.accessToken().trim().chars().anyMatch(c -> c <= ' ')) {
                    errors.add(new FieldError("accessToken", "must be one token, without spaces"));
                }
                if (!errors.isEmpty()) {
                    throw ProblemException.invalid(errors);
                }
                return request.accessToken().trim();
            }
            default -> {
                return null;
            }
        }
    }

    /** A host name (labels of letters, digits and -) or an IPv4 / IPv6 address. */
    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
                    + "|[0-9A-Fa-f:.]+");

    /**
     * The destination the type keeps in {@code target}: the sender, the WhatsApp phone number id, a DISCORD bot's
     * channel (null in webhook mode).
     */
    private static String target(PublisherRequest request) {
        return switch (request.type()) {
            case FACEBOOK_API -> request.pageId().trim();
            case DISCORD -> request.channelId() == null ? null : request.channelId().trim();
            case INSTAGRAM_API -> request.instagramAccountId().trim();
            case LINKEDIN_API -> request.author().trim();
            case EMAIL_SMTP -> Addresses.normalized(Platform.EMAIL, request.from());
            case SMS_API -> request.from().trim();
            case WHATSAPP_API -> request.phoneNumberId().trim();
            default -> null;
        };
    }

    /** The messaging types' other settings, as stored; null for the other types. */
    private static String settings(PublisherRequest request) {
        return switch (request.type()) {
            case EMAIL_SMTP -> new PublisherSettings(request.smtpHost().trim(), request.smtpPort(),
                    request.smtpUsername(), request.startTls() == null ? "REQUIRED" : request.startTls(), null, null)
                    .json();
            case SMS_API -> new PublisherSettings(null, null, null, null, request.accountSid().trim(), null).json();
            case WHATSAPP_API -> new PublisherSettings(null, null, null, null, null,
                    request.templateLanguage() == null ? "en_US" : request.templateLanguage()).json();
            default -> null;
        };
    }

    private static String nativeTypeOf(Platform platform) {
        for (PublisherType t : PublisherType.values()) {
            if (t.platform() == platform) {
                return t.name();
            }
        }
        return "no native type yet";
    }

    @GET
    @RolesAllowed(Scopes.CONTENT_READ)
    @Operation(summary = "List the workspace's publishers")
    @APIResponse(responseCode = "200", description = "Publishers by platform")
    public Publishers list(@PathParam("workspaceId") UUID workspaceId) {
        access.require(workspaceId);
        Workspaces.require(workspaceId);
        List<Publisher> all = Publisher.list("workspaceId = ?1 order by platform", workspaceId);
        return new Publishers(all.stream().map(p -> PublisherView.of(p, telegramHooks.base(), config.sms().hooksBaseUrl())).toList());
    }

    @GET
    @Path("/{platform}")
    @RolesAllowed(Scopes.CONTENT_READ)
    @Operation(summary = "Read the publisher of a platform")
    @APIResponse(responseCode = "200", description = "The publisher (without its secret)")
    @APIResponse(responseCode = "422", description = "Unknown platform")
    public PublisherView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("platform") String platform) {
        access.require(workspaceId);
        Publisher publisher = Publisher.of(workspaceId, platform(platform));
        if (publisher == null) {
            throw ProblemException.notFound("Publisher for " + platform);
        }
        return PublisherView.of(publisher, telegramHooks.base(), config.sms().hooksBaseUrl());
    }

    private static Platform platform(String value) {
        return Params.enumValue("platform", value, Platform.class, null);
    }
}
