package io.socialroi.content.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialroi.testing.FakeServer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The parts of the Telegram Bot API and the Discord webhook API the publishers call, with their documented
 * answers and error shapes (https://core.telegram.org/bots/api#making-requests,
 * https://discord.com/developers/docs/resources/webhook#execute-webhook,
 * https://discord.com/developers/docs/topics/rate-limits). Each test routes its own bot token or webhook.
 */
final class FakePlatforms {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong MESSAGE_IDS = new AtomicLong(40);

    private FakePlatforms() {
    }

    /** Telegram's error answer: {"ok":false,"error_code":n,"description":...} (and parameters). */
    static FakeServer.Reply telegramError(int code, String description, String parameters) {
        return FakeServer.Reply.json(code, "{\"ok\":false,\"error_code\":" + code + ",\"description\":\""
                + description + "\"" + (parameters == null ? "" : ",\"parameters\":" + parameters) + "}");
    }

    /**
     * A bot that is an administrator of one chat: {@code chatId} (numeric or @username; {@code username} is the
     * chat's public username or null). sendMessage, sendPhoto, sendVideo and sendMediaGroup are answered as Telegram
     * does, with Telegram's own refusals of an unknown chat, an empty text, a too long text or caption.
     */
    static void telegramBot(FakeServer server, String token, String chatId, long numericId, String username) {
        server.on("POST", "/bot" + token + "/", r -> {
            JsonNode body;
            try {
                body = JSON.readTree(r.body());
            } catch (Exception e) {
                return telegramError(400, "Bad Request: invalid JSON", null);
            }
            if (r.path().endsWith("/setWebhook")) {
                return body.path("url").asText("").isEmpty() ? telegramError(400, "Bad Request: bad webhook: "
                        + "HTTPS url must be provided for webhook", null)
                        : FakeServer.Reply.json(200, "{\"ok\":true,\"result\":true,\"description\":\"Webhook was set\"}");
            }
            String chat = body.path("chat_id").asText();
            if (!chat.equals(chatId) && !chat.equals(String.valueOf(numericId))) {
                return telegramError(400, "Bad Request: chat not found", null);
            }
            String method = r.path().substring(r.path().lastIndexOf('/') + 1);
            switch (method) {
                case "sendMessage" -> {
                    String text = body.path("text").asText("");
                    if (text.isEmpty()) {
                        return telegramError(400, "Bad Request: message text is empty", null);
                    }
                    if (text.codePointCount(0, text.length()) > 4096) {
                        return telegramError(400, "Bad Request: message is too long", null);
                    }
                }
                case "sendPhoto", "sendVideo" -> {
                    if (body.path("caption").asText("").length() > 1024) {
                        return telegramError(400, "Bad Request: message caption is too long", null);
                    }
                    if (!body.hasNonNull(method.equals("sendPhoto") ? "photo" : "video")) {
                        return telegramError(400, "Bad Request: there is no photo in the request", null);
                    }
                }
                case "sendMediaGroup" -> {
                    int n = body.path("media").size();
                    if (n < 2 || n > 10) {
                        return telegramError(400, "Bad Request: wrong number of media in the album", null);
                    }
                }
                case "setWebhook" -> {
                    // setWebhook is about the bot, not a chat: answered before the chat check, see below.
                }
                default -> {
                    return telegramError(404, "Not Found", null);
                }
            }
            String message = message(numericId, username);
            return FakeServer.Reply.json(200, "{\"ok\":true,\"result\":"
                    + (method.equals("sendMediaGroup") ? "[" + message + "]" : message) + "}");
        });
    }

    private static String message(long chatId, String username) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", MESSAGE_IDS.incrementAndGet());
        ObjectNode chat = m.putObject("chat");
        chat.put("id", chatId);
        chat.put("title", "Fiori news");
        chat.put("type", "channel");
        if (username != null) {
            chat.put("username", username);
        }
        m.put("date", System.currentTimeMillis() / 1000);
        return m.toString();
    }

    /**
     * A bot (its token) that can post to one channel of a guild: Create Message ({@code POST
     * /api/v10/channels/<id>/messages}) with {@code Authorization: Bot <token>} answers the created message; a wrong
     * token is Discord's 401 (code 0); the same content rules as the webhook's.
     */
    static void discordBot(FakeServer server, String token, String channel, String guild) {
        server.on("POST", "/api/v10/channels/" + channel + "/messages", r -> {
            if (!("Bot " + token).equals(r.header("Authorization"))) {
                return discordError(401, "401: Unauthorized", 0, null);
            }
            JsonNode body;
            try {
                body = JSON.readTree(r.body());
            } catch (Exception e) {
                return discordError(400, "Invalid Form Body", 50035, null);
            }
            String content = body.path("content").asText("");
            if (content.isEmpty() && body.path("embeds").isEmpty()) {
                return discordError(400, "Cannot send an empty message", 50006, null);
            }
            if (content.codePointCount(0, content.length()) > 2000) {
                return discordError(400, "Invalid Form Body", 50035, null);
            }
            return FakeServer.Reply.json(200, "{\"id\":\"" + (1_180_000_000_000_000_000L + MESSAGE_IDS.incrementAndGet())
                    + "\",\"type\":0,\"content\":" + JSON.valueToTree(content) + ",\"channel_id\":\"" + channel
                    + "\",\"guild_id\":\"" + guild + "\",\"author\":{\"id\":\"1098765432109876543\",\"bot\":true}}");
        });
    }

    /** Discord's error answer: {"message":...,"code":n} (and more fields for 429). */
    static FakeServer.Reply discordError(int status, String message, int code, String more) {
        return FakeServer.Reply.json(status, "{\"message\":\"" + message + "\",\"code\":" + code
                + (more == null ? "" : "," + more) + "}");
    }

    /**
     * A channel webhook: Execute Webhook with {@code ?wait=true} answers the created message (id, channel_id,
     * guild_id); without wait, 204 and no body; content over 2000 characters or a message with neither content
     * nor embeds is Discord's 400 "Invalid Form Body" (code 50035 / 50006).
     */
    static void discordWebhook(FakeServer server, String id, String token, String channel, String guild) {
        server.on("POST", "/api/v10/webhooks/" + id + "/" + token, r -> {
            JsonNode body;
            try {
                body = JSON.readTree(r.body());
            } catch (Exception e) {
                return discordError(400, "Invalid Form Body", 50035, null);
            }
            String content = body.path("content").asText("");
            if (content.isEmpty() && body.path("embeds").isEmpty()) {
                return discordError(400, "Cannot send an empty message", 50006, null);
            }
            if (content.codePointCount(0, content.length()) > 2000) {
                return discordError(400, "Invalid Form Body", 50035, null);
            }
            if (r.query() == null || !r.query().contains("wait=true")) {
                return new FakeServer.Reply(204, "application/json", null, 0);
            }
            return FakeServer.Reply.json(200, "{\"id\":\"" + (1_180_000_000_000_000_000L + MESSAGE_IDS.incrementAndGet())
                    + "\",\"type\":0,\"content\":" + JSON.valueToTree(content) + ",\"channel_id\":\"" + channel
                    + "\",\"guild_id\":\"" + guild + "\",\"webhook_id\":\"" + id + "\"}");
        });
    }
}
