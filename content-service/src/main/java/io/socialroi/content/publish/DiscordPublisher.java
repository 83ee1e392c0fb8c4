package io.socialroi.content.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialroi.common.net.OutboundHttp;
import io.socialroi.content.post.MediaKind;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts to a Discord channel, Discord API v10, in one of two modes. Webhook mode, "Execute Webhook"
 * (https://discord.com/developers/docs/resources/webhook#execute-webhook): {@code POST
 * <base-url>/v10/webhooks/<id>/<token>?wait=true}; {@code wait=true} makes Discord answer the created message, whose
 * {@code id} is kept. Bot mode, "Create Message" (https://discord.com/developers/docs/resources/message#create-message):
 * {@code POST <base-url>/v10/channels/<channel id>/messages} with {@code Authorization: Bot <token>}
 * (https://discord.com/developers/docs/reference#authentication); the bot needs View Channel and Send Messages there
 * (and Read Message History for {@code imports/DiscordImporter}). Both send the same JSON: {@code content} (at most
 * 2000 characters), one {@code embeds[].image} per image (at most 10) and {@code allowed_mentions: {"parse": []}} so
 * that a caption with {@code @everyone} pings nobody; video URLs go on their own line of the content (Discord shows
 * them).
 *
 * <p>Errors (https://discord.com/developers/docs/topics/opcodes-and-status-codes#http and
 * https://discord.com/developers/docs/topics/rate-limits), the same for both modes: 401, 403 and 404 (10015 Unknown
 * Webhook: deleted or token reset; a bot's 50001 Missing Access, 50013 Missing Permissions, 10003 Unknown Channel)
 * fail the post with "reconnect the account" (a bot's failure also says to check the channel); 429 is retried after
 * the answer's {@code retry_after} (seconds, a fraction) or its Retry-After header; other 4xx (50035 Invalid Form
 * Body...) fail it with Discord's message; 5xx and no answer are retried with backoff. Neither call has an
 * idempotency key: an attempt that got no answer may, when retried, post twice (at-least-once in that case).
 *
 * <p>Only a bot can read its posts back (reactions, replies: {@code imports/DiscordImporter}); a webhook has no read
 * access, so webhook-mode posts are not imported.
 */
@ApplicationScoped
public class DiscordPublisher {

    /** A webhook of the URL a workspace configured: the part after {@code /webhooks/}. */
    record Webhook(String id, String token) {
    }

    /** A bot token as the Developer Portal shows it: three base64url parts separated by dots. */
    static final Pattern BOT_TOKEN = Pattern.compile("[A-Za-z0-9_-]{18,100}\\.[A-Za-z0-9_-]{4,20}\\.[A-Za-z0-9_-]{20,100}");
    /** A Discord id (snowflake): digits. */
    static final Pattern SNOWFLAKE = Pattern.compile("\\d{5,25}");

    private final OutboundHttp http;
    private final ObjectMapper mapper;
    private final PublishingConfig config;
    private final Duration timeout;

    public DiscordPublisher(OutboundHttp http, ObjectMapper mapper, PublishingConfig config,
            @ConfigProperty(name = "suite.delivery.timeout", defaultValue = "PT10S") Duration timeout) {
        this.http = http;
        this.mapper = mapper;
        this.config = config;
        this.timeout = timeout;
    }

    String base() {
        String b = config.discord().baseUrl();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    /** The webhook of a URL {@code <base>/webhooks/<id>/<token>} (or {@code <base>/v<n>/webhooks/...}); else null. */
    Webhook webhook(String url) {
        Matcher m = Pattern.compile(Pattern.quote(base()) + "(?:/v\\d{1,2})?/webhooks/(\\d{5,25})/([A-Za-z0-9_.-]{20,200})/?")
                .matcher(url);
        return m.matches() ? new Webhook(m.group(1), m.group(2)) : null;
    }

    /**
     * Posts {@code text} and {@code media}: with the bot {@code secret} to {@code channelId} (bot mode), or to the
     * webhook URL {@code secret} when {@code channelId} is null (webhook mode).
     */
    PublishResult publish(String secret, String channelId, String text, List<String> media) {
        String url;
        Map<String, String> headers;
        if (channelId != null) {
            url = base() + "/v10/channels/" + channelId + "/messages";
            headers = Map.of("Content-Type", "application/json", "User-Agent", "social-roi-suite",
                    "Authorization", "Bot " + secret);
        } else {
            Webhook hook = webhook(secret);
            if (hook == null) {
                return PublishResult.reconnect("the stored Discord webhook URL is not one of " + base());
            }
            url = base() + "/v10/webhooks/" + hook.id() + "/" + hook.token() + "?wait=true";
            headers = Map.of("Content-Type", "application/json", "User-Agent", "social-roi-suite");
        }
        OutboundHttp.Exchange answer;
        try {
            answer = http.call(HttpMethod.POST, url, headers, mapper.writeValueAsBytes(body(text, media)), timeout);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return outcome(answer, channelId != null);
    }

    private ObjectNode body(String text, List<String> media) {
        List<String> lines = new ArrayList<>();
        if (text != null && !text.isEmpty()) {
            lines.add(text);
        }
        ObjectNode body = mapper.createObjectNode();
        ArrayNode embeds = mapper.createArrayNode();
        for (String url : media) {
            if (MediaKind.of(url) == MediaKind.VIDEO) {
                lines.add(url);
            } else {
                embeds.addObject().putObject("image").put("url", url);
            }
        }
        body.put("content", String.join("\n", lines));
        if (!embeds.isEmpty()) {
            body.set("embeds", embeds);
        }
        body.putObject("allowed_mentions").putArray("parse");
        return body;
    }

    private PublishResult outcome(OutboundHttp.Exchange answer, boolean bot) {
        if (!answer.answered()) {
            return PublishResult.retry("Discord: " + answer.failure(), null);
        }
        int status = answer.status();
        JsonNode json = Texts.json(mapper, answer.body());
        String message = Texts.shorten(json.path("message").asText(""));
        String said = "HTTP " + status + (message.isEmpty() ? "" : ": " + message)
                + (json.path("code").canConvertToInt() && json.path("code").asInt() != 0
                        ? " (code " + json.path("code").asInt() + ")" : "");
        if (status / 100 == 2) {
            String id = json.path("id").asText("");
            if (id.isEmpty()) {
                return PublishResult.failed("Discord answered without a message id");
            }
            String guild = json.path("guild_id").asText("");
            String channel = json.path("channel_id").asText("");
            String permalink = guild.isEmpty() || channel.isEmpty() ? null
                    : "https://discord.com/channels/" + guild + "/" + channel + "/" + id;
            return PublishResult.published(id, permalink);
        }
        if (status == 401 || status == 403 || status == 404) {
            int code = json.path("code").asInt(0);
            String channel = code == 50001 || code == 50013 || code == 10003
                    ? "; check the channel id and that the bot is in the server with access to the channel" : "";
            return PublishResult.reconnect("Discord refused the " + (bot ? "bot" : "webhook") + " (" + said + ")"
                    + (bot ? channel : ""));
        }
        if (status == 429) {
            Duration after = null;
            if (json.path("retry_after").isNumber()) {
                after = Duration.ofMillis((long) Math.ceil(json.path("retry_after").asDouble() * 1000));
            } else if (answer.retryAfter() != null && answer.retryAfter().trim().matches("\\d+(\\.\\d+)?")) {
                after = Duration.ofMillis((long) Math.ceil(Double.parseDouble(answer.retryAfter().trim()) * 1000));
            }
            return PublishResult.retry("Discord rate limit (" + said + ")", after);
        }
        if (status / 100 == 4) {
            return PublishResult.failed("Discord refused the post (" + said + ")");
        }
        return PublishResult.retry("Discord answered " + said, null);
    }
}
