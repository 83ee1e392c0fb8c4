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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts to a Telegram chat with the Telegram Bot API (https://core.telegram.org/bots/api, Bot API 7.x methods
 * used: sendMessage, sendPhoto, sendVideo, sendMediaGroup). Each call is {@code POST <base-url>/bot<token>/<method>}
 * with a JSON body; Telegram fetches media itself from the (public) media URLs. Text goes without
 * {@code parse_mode}, so a caption is posted exactly as written (no Markdown or HTML parsing that could refuse it).
 * The call goes through {@link OutboundHttp}, the same guard and timeout as the webhook sender.
 *
 * <p>Answers (https://core.telegram.org/bots/api#making-requests): {@code {"ok":true,"result":Message}} or
 * {@code {"ok":false,"error_code":n,"description":"...","parameters":{"retry_after":s}}}. Mapped: 401, 403 and 404
 * (token revoked or wrong, bot removed from the chat) fail the post with "reconnect the account"; 429 is retried
 * after {@code parameters.retry_after} seconds; other 4xx (e.g. "Bad Request: chat not found", caption too long)
 * fail it with Telegram's description; 5xx and no answer are retried with backoff.
 *
 * <p>Engagement comes back through the bot's webhook: when a TELEGRAM publisher is saved, {@link #setWebhook} calls
 * {@code setWebhook} (https://core.telegram.org/bots/api#setwebhook) with {@code url} the suite's public
 * {@code /hooks/telegram/<publisher id>}, a random {@code secret_token} (Telegram sends it back in
 * {@code X-Telegram-Bot-Api-Secret-Token}) and {@code allowed_updates} {@link #ALLOWED_UPDATES}: replies, channel
 * posts and reactions (Telegram sends {@code message_reaction} and {@code message_reaction_count} only when asked
 * for, and only to a bot that is an administrator of the chat). The Bot API has no method that reads a chat's
 * history, so there is no importer for TELEGRAM: the webhook ({@code imports/TelegramWebhookResource}) is the one
 * way engagement comes back. Setting a webhook stops {@code getUpdates} for that bot.
 *
 * <p>Telegram has no idempotency key, and nothing we could ask it whether an earlier attempt landed: when an
 * attempt gets no answer (timeout after the request was sent), the retry may post the message a second time.
 * Publishing is at-least-once in that one case; every other outcome is decided by an answer.
 */
@ApplicationScoped
public class TelegramPublisher {

    /** A bot token as @BotFather issues it: the bot's numeric id, a colon, the secret part. */
    static final Pattern TOKEN = Pattern.compile("\\d{3,20}:[A-Za-z0-9_-]{30,100}");
    /** A numeric chat id (channels and supergroups: -100...) or a public channel's @username. */
    static final Pattern CHAT = Pattern.compile("-?\\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31}");

    /** The update types the webhook asks for (setWebhook allowed_updates). */
    public static final List<String> ALLOWED_UPDATES = List.of("message", "channel_post", "message_reaction",
            "message_reaction_count");

    private final OutboundHttp http;
    private final ObjectMapper mapper;
    private final PublishingConfig config;
    private final Duration timeout;

    public TelegramPublisher(OutboundHttp http, ObjectMapper mapper, PublishingConfig config,
            @ConfigProperty(name = "suite.delivery.timeout", defaultValue = "PT10S") Duration timeout) {
        this.http = http;
        this.mapper = mapper;
        this.config = config;
        this.timeout = timeout;
    }

    PublishResult publish(String token, String chatId, String text, List<String> media) {
        ObjectNode body = mapper.createObjectNode();
        if (chatId.matches("-?\\d+")) {
            body.put("chat_id", Long.parseLong(chatId));
        } else {
            body.put("chat_id", chatId);
        }
        boolean hasText = text != null && !text.isEmpty();
        String method;
        if (media.isEmpty()) {
            method = "sendMessage";
            body.put("text", text);
        } else if (media.size() == 1) {
            boolean video = MediaKind.of(media.get(0)) == MediaKind.VIDEO;
            method = video ? "sendVideo" : "sendPhoto";
            body.put(video ? "video" : "photo", media.get(0));
            if (hasText) {
                body.put("caption", text);
            }
        } else {
            method = "sendMediaGroup";
            ArrayNode items = body.putArray("media");
            for (int i = 0; i < media.size(); i++) {
                ObjectNode item = items.addObject();
                item.put("type", MediaKind.of(media.get(i)) == MediaKind.VIDEO ? "video" : "photo");
                item.put("media", media.get(i));
                if (i == 0 && hasText) {
                    item.put("caption", text);
                }
            }
        }
        String url = base() + "/bot" + token + "/" + method;
        OutboundHttp.Exchange answer;
        try {
            answer = http.call(HttpMethod.POST, url, Map.of("Content-Type", "application/json",
                    "User-Agent", "social-roi-suite"), mapper.writeValueAsBytes(body), timeout);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return outcome(answer);
    }

    /**
     * Points the bot's updates at {@code url} with {@code secretToken} and {@link #ALLOWED_UPDATES}; answers null
     * when Telegram set it, else why not (Telegram's description: a URL it does not take, such as one that is not
     * HTTPS on port 443, 80, 88 or 8443; a revoked token; no answer).
     */
    public String setWebhook(String token, String url, String secretToken) {
        ObjectNode body = mapper.createObjectNode();
        body.put("url", url);
        body.put("secret_token", secretToken);
        ArrayNode allowed = body.putArray("allowed_updates");
        ALLOWED_UPDATES.forEach(allowed::add);
        OutboundHttp.Exchange answer;
        try {
            answer = http.call(HttpMethod.POST, base() + "/bot" + token + "/setWebhook", Map.of("Content-Type",
                    "application/json", "User-Agent", "social-roi-suite"), mapper.writeValueAsBytes(body), timeout);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (!answer.answered()) {
            return "Telegram did not answer setWebhook: " + answer.failure();
        }
        JsonNode json = Texts.json(mapper, answer.body());
        if (answer.status() / 100 == 2 && json.path("ok").asBoolean(false)) {
            return null;
        }
        String description = Texts.shorten(json.path("description").asText(""));
        return "Telegram refused setWebhook (HTTP " + answer.status() + (description.isEmpty() ? "" : ": " + description)
                + ")";
    }

    private String base() {
        String b = config.telegram().baseUrl();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private PublishResult outcome(OutboundHttp.Exchange answer) {
        if (!answer.answered()) {
            return PublishResult.retry("Telegram: " + answer.failure(), null);
        }
        int status = answer.status();
        JsonNode json = Texts.json(mapper, answer.body());
        String description = Texts.shorten(json.path("description").asText(""));
        String said = "HTTP " + status + (description.isEmpty() ? "" : ": " + description);
        if (status / 100 == 2 && json.path("ok").asBoolean(false)) {
            JsonNode message = json.path("result").isArray() ? json.path("result").path(0) : json.path("result");
            if (!message.path("message_id").canConvertToLong()) {
                return PublishResult.failed("Telegram answered without a message_id");
            }
            String id = message.path("message_id").asText();
            String username = message.path("chat").path("username").asText("");
            String permalink = username.isEmpty() ? null : "https://t.me/" + username + "/" + id;
            return PublishResult.published(id, permalink);
        }
        if (status == 401 || status == 403 || status == 404) {
            return PublishResult.reconnect("Telegram refused the bot (" + said + ")");
        }
        if (status == 429) {
            JsonNode after = json.path("parameters").path("retry_after");
            return PublishResult.retry("Telegram rate limit (" + said + ")",
                    after.canConvertToLong() ? Duration.ofSeconds(Math.max(1, after.asLong())) : null);
        }
        if (status / 100 == 4) {
            return PublishResult.failed("Telegram refused the post (" + said + ")");
        }
        return PublishResult.retry("Telegram answered " + said, null);
    }
}
