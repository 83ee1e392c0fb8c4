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

    public PublisherResource(WorkspaceAccess access, OutboundGuard outbound, StoredSecrets secrets,
            DiscordPublisher discord) {
        this.access = access;
        this.outbound = outbound;
        this.secrets = secrets;
        this.discord = discord;
    }

    @PUT
    @Path("/{platform}")
    @RolesAllowed(Scopes.CONTENT_WRITE)
    @Transactional
    @Operation(summary = "Configure publishing for a platform", description = "Replaces an earlier configuration. "
            + "WEBHOOK (any platform, fields url and secret): each due post is sent as a JSON POST signed with "
            + "X-Suite-Signature: t=<unix>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\">, with an X-Suite-Delivery id "
            + "that stays the same across retries. TELEGRAM (platform TELEGRAM, fields botToken and chatId): posts are "
            + "sent with the Telegram Bot API (sendMessage, sendPhoto, sendVideo or sendMediaGroup). DISCORD (platform "
            + "DISCORD, field webhookUrl): posts are sent to the channel webhook (Discord API v10, ?wait=true). "
            + "QUORA_ASSISTED (platform QUORA, no fields): a due post becomes AWAITING_HANDOFF with its text and a "
            + "link to Quora; a person posts it and marks it published with its URL. X_API (platform X, no fields): "
            + "posts text and links with the X API v2 and the workspace's connected X account (Accounts). REDDIT_API "
            + "(platform REDDIT, no fields): a text post to platformOptions.subreddit titled platformOptions.title, "
            + "with the connected Reddit account. PINTEREST_API (platform PINTEREST, no fields): a Pin of the post's "
            + "one image to platformOptions.board (Pinterest API v5). LINKEDIN_API (platform LINKEDIN, field author, "
            + "urn:li:organization:<digits> or urn:li:person:<id>): a post by the author (LinkedIn Posts API) with "
            + "the post's images (Images API), or else the tracked link as an article; no video. YOUTUBE_API (platform YOUTUBE, no fields): the post's one video, "
            + "titled platformOptions.title, uploaded with the YouTube Data API v3. TIKTOK_API (platform TIKTOK, no "
            + "fields): the post's one video, or its photos, pulled by TikTok from their URLs (Content Posting API, "
            + "direct post). Secrets "
            + "are stored encrypted and never shown back.")
    @APIResponse(responseCode = "200", description = "The publisher (without its secret)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PublisherView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or a field of the wrong type or unknown value" + "; or the url or webhookUrl is, or resolves to, a private, loopback, link-local, carrier-grade NAT, unique-local, multicast or metadata address (type outbound-address-refused, errors naming the field); nothing is stored.")
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
                        @ExampleObject(name = "quora", summary = "QUORA_ASSISTED, platform QUORA",
                                value = "{\"type\":\"QUORA_ASSISTED\"}"),
                        @ExampleObject(name = "x", summary = "X_API, platform X (a connected X account)",
                                value = "{\"type\":\"X_API\"}"),
                        @ExampleObject(name = "reddit", summary = "REDDIT_API, platform REDDIT (a connected account)",
                                value = "{\"type\":\"REDDIT_API\"}"),
                        @ExampleObject(name = "pinterest", summary = "PINTEREST_API, platform PINTEREST (a connected "
                                + "account)", value = "{\"type\":\"PINTEREST_API\"}"),
                        @ExampleObject(name = "linkedin", summary = "LINKEDIN_API, platform LINKEDIN (a connected "
                                + "account)", value = "{\"type\":\"LINKEDIN_API\",\"author\":"
                                + "\"urn:li:organization:5515715\"}"),
                        @ExampleObject(name = "youtube", summary = "YOUTUBE_API, platform YOUTUBE (a connected account)",
                                value = "{\"type\":\"YOUTUBE_API\"}"),
                        @ExampleObject(name = "tiktok", summary = "TIKTOK_API, platform TIKTOK (a connected account)",
                                value = "{\"type\":\"TIKTOK_API\"}")}))
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
        publisher.target = request.type() == PublisherType.LINKEDIN_API ? request.author().trim() : null;
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
        return PublisherView.of(publisher);
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
        given.put("author", request.author());
        Set<String> fields = switch (type) {
            case WEBHOOK -> Set.of("url", "secret");
            case TELEGRAM -> Set.of("botToken", "chatId");
            case DISCORD -> Set.of("webhookUrl");
            case LINKEDIN_API -> Set.of("author");
            case QUORA_ASSISTED, X_API, REDDIT_API, PINTEREST_API, YOUTUBE_API, TIKTOK_API -> Set.of();
        };
        given.forEach((field, value) -> {
            boolean present = value != null && !value.isBlank();
            if (fields.contains(field) && !present) {
                errors.add(new FieldError(field, "is required for type " + type));
            } else if (!fields.contains(field) && value != null) {
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
                String url = request.webhookUrl().trim();
                if (discord.webhook(url) == null) {
                    throw ProblemException.invalid("webhookUrl", "must be a Discord channel webhook URL, "
                            + discord.base() + "/webhooks/<id>/<token>");
                }
                outbound.checkConfigured("webhookUrl", url);
                return url;
            }
            case LINKEDIN_API -> {
                if (!LinkedInPublisher.AUTHOR.matcher(request.author().trim()).matches()) {
                    throw ProblemException.invalid("author", "must be a LinkedIn organization urn:li:organization:"
                            + "<digits> or a member urn:li:person:<id>");
                }
                return null;
            }
            default -> {
                return null;
            }
        }
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
        return new Publishers(all.stream().map(PublisherView::of).toList());
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
        return PublisherView.of(publisher);
    }

    private static Platform platform(String value) {
        return Params.enumValue("platform", value, Platform.class, null);
    }
}
