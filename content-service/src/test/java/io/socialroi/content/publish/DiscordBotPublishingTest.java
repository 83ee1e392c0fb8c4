package io.socialroi.content.publish;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.await;
import static io.socialroi.content.Fixtures.writer;
import static io.socialroi.content.publish.NativePublishingTest.configure;
import static io.socialroi.content.publish.NativePublishingTest.discordId;
import static io.socialroi.content.publish.NativePublishingTest.discordToken;
import static io.socialroi.content.publish.NativePublishingTest.post;
import static io.socialroi.content.publish.NativePublishingTest.refused;
import static io.socialroi.content.publish.NativePublishingTest.scheduledNow;
import static io.socialroi.content.publish.NativePublishingTest.status;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.socialroi.content.ContentFakes;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.FakeServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DISCORD publishers in bot mode (a bot token and a channel id) against a fake of Discord API v10's Create Message
 * (https://discord.com/developers/docs/resources/message#create-message): what we send (path, Authorization: Bot,
 * body), what we keep, each error's outcome; the webhook mode is NativePublishingTest's.
 */
@QuarkusTest
class DiscordBotPublishingTest {

    @ContentFakes.Discord
    FakeServer discord;

    static String botToken() {
        String a = UUID.randomUUID().toString().replace("-", "");
        String b = UUID.randomUUID().toString().replace("-", "");
        return "MT" + a.substring(0, 22) + ".Gk" + b.substring(0, 4) + "." + b + a.substring(22);
    }

    static JsonPath bot(UUID ws, String token, String channel) {
        return configure(ws, "DISCORD", "{\"type\":\"DISCORD\",\"discordBotToken\":\"" + token + "\",\"channelId\":\""
                + channel + "\"}");
    }

    List<FakeServer.Recorded> calls(String channel) {
        return discord.requests().stream().filter(r -> r.path().startsWith("/api/v10/channels/" + channel + "/"))
                .toList();
    }

    @Test
    void aBotPostsToItsChannelWithItsTokenAndTheMessageIsKept() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String token = botToken();
        String channel = discordId();
        FakePlatforms.discordBot(discord, token, channel, "1000000000000000002");
        JsonPath configured = bot(ws, token, channel);
        assertEquals("DISCORD", configured.getString("type"));
        assertEquals(channel, configured.getString("channelId"));
        assertTrue(configured.getBoolean("secretSet"));
        assertNull(configured.get("discordBotToken"));
        String listed = given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers").then()
                .statusCode(200).extract().asString();
        assertFalse(listed.contains(token), listed);
        try (Connection c = Fixtures.db(); var s = c.prepareStatement(
                "select secret, secret_key_id, target from publisher where workspace_id = ?")) {
            s.setObject(1, ws);
            ResultSet rs = s.executeQuery();
            rs.next();
            assertFalse(rs.getString("secret").contains(token));
            assertFalse(rs.getString("secret").contains(token.substring(token.lastIndexOf('.') + 1)));
            assertEquals(channel, rs.getString("target"));
        }

        String id = scheduledNow(ws, "{\"platform\":\"DISCORD\",\"funnelStage\":\"INTEREST\",\"caption\":\"Workshop "
                + "@everyone\",\"mediaUrls\":[\"https://cdn.fiori.example/w.jpg\",\"https://cdn.fiori.example/w.mp4\"]}");
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        List<FakeServer.Recorded> sent = calls(channel);
        assertEquals(1, sent.size());
        assertEquals("POST", sent.get(0).method());
        assertEquals("/api/v10/channels/" + channel + "/messages", sent.get(0).path());
        assertNull(sent.get(0).query());
        assertEquals("Bot " + token, sent.get(0).header("Authorization"));
        assertEquals("application/json", sent.get(0).header("Content-Type"));
        JsonNode body = FakePlatforms.JSON.readTree(sent.get(0).body());
        // The webhook mode's body: content, one image embed per image, videos on their own line, nobody pinged.
        assertEquals("Workshop @everyone\nhttps://cdn.fiori.example/w.mp4", body.get("content").asText());
        assertEquals(1, body.get("embeds").size());
        assertEquals("https://cdn.fiori.example/w.jpg", body.at("/embeds/0/image/url").asText());
        assertTrue(body.at("/allowed_mentions/parse").isArray());
        assertEquals(0, body.at("/allowed_mentions/parse").size());

        JsonPath view = post(ws, id);
        String messageId = view.getString("remoteId");
        assertTrue(messageId.matches("\\d{17,20}"), messageId);
        assertEquals("https://discord.com/channels/1000000000000000002/" + channel + "/" + messageId,
                view.getString("permalink"));
    }

    @Test
    void aBotWithoutAccessOrAWrongChannelOrTokenFailsAtOnceAskingToReconnectOrCheckTheChannel() {
        String[][] cases = {
            {"403", "Missing Access", "50001", "Discord refused the bot (HTTP 403: Missing Access (code 50001)); check "
                + "the channel id and that the bot is in the server with access to the channel: reconnect the account"},
            {"404", "Unknown Channel", "10003", "Discord refused the bot (HTTP 404: Unknown Channel (code 10003)); check "
                + "the channel id and that the bot is in the server with access to the channel: reconnect the account"},
            {"401", "401: Unauthorized", "0", "Discord refused the bot (HTTP 401: 401: Unauthorized): reconnect the "
                + "account"}};
        for (String[] c : cases) {
            UUID ws = Fixtures.workspace("UTC", "EUR");
            String channel = discordId();
            discord.on("POST", "/api/v10/channels/" + channel + "/messages", FakePlatforms.discordError(
                    Integer.parseInt(c[0]), c[1], Integer.parseInt(c[2]), null));
            bot(ws, botToken(), channel);
            String id = scheduledNow(ws, "{\"platform\":\"DISCORD\",\"funnelStage\":\"ACTION\",\"caption\":\"Hi\"}");
            await("failure", () -> "FAILED".equals(status(ws, id)));
            JsonPath view = post(ws, id);
            assertEquals(c[3], view.getString("publishing.failureReason"));
            assertEquals(1, view.getInt("publishing.attempts"));
            assertEquals(1, calls(channel).size());
            given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers/DISCORD").then()
                    .body("reconnectReason", equalTo(c[3]));
        }
    }

    @Test
    void aBotIsRateLimitedForDiscordsDelayAndRetriedOnServerErrorsAndRefusedContentFails() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String channel = discordId();
        discord.on("POST", "/api/v10/channels/" + channel + "/messages", FakePlatforms.discordError(429,
                "You are being rate limited.", 0, "\"retry_after\":754.5,\"global\":false").withHeader("Retry-After",
                "755"));
        bot(ws, botToken(), channel);
        Instant before = Instant.now();
        String id = scheduledNow(ws, "{\"platform\":\"DISCORD\",\"funnelStage\":\"ACTION\",\"caption\":\"Hi\"}");
        await("the first attempt", () -> post(ws, id).getString("publishing.failureReason") != null);
        JsonPath waiting = post(ws, id);
        assertEquals("PUBLISHING", waiting.getString("status"));
        assertEquals("Discord rate limit (HTTP 429: You are being rate limited.)",
                waiting.getString("publishing.failureReason"));
        Instant next = Instant.parse(waiting.getString("publishing.nextAttemptAt"));
        assertFalse(next.isBefore(before.plusMillis(754_500)), "next attempt " + next);
        assertEquals(1, calls(channel).size());

        UUID down = Fixtures.workspace("UTC", "EUR");
        String downChannel = discordId();
        discord.on("POST", "/api/v10/channels/" + downChannel + "/messages", FakeServer.Reply.json(502,
                "{\"message\":\"Bad Gateway\",\"code\":0}"));
        bot(down, botToken(), downChannel);
        String later = scheduledNow(down, "{\"platform\":\"DISCORD\",\"funnelStage\":\"ACTION\",\"caption\":\"Hi\"}");
        await("failure after retries", () -> "FAILED".equals(status(down, later)));
        JsonPath failed = post(down, later);
        assertEquals(3, failed.getInt("publishing.attempts"));
        assertEquals("Discord answered HTTP 502: Bad Gateway", failed.getString("publishing.failureReason"));
        List<FakeServer.Recorded> sent = calls(downChannel);
        assertEquals(3, sent.size());
        assertTrue(sent.stream().allMatch(r -> r.body().equals(sent.get(0).body())), "every retry sends the same");

        UUID refusedWs = Fixtures.workspace("UTC", "EUR");
        String okChannel = discordId();
        discord.on("POST", "/api/v10/channels/" + okChannel + "/messages", FakePlatforms.discordError(400,
                "Invalid Form Body", 50035, "\"errors\":{\"embeds\":{\"0\":{\"image\":{\"url\":{\"_errors\":[]}}}}}"));
        bot(refusedWs, botToken(), okChannel);
        String refused = scheduledNow(refusedWs, "{\"platform\":\"DISCORD\",\"funnelStage\":\"ACTION\",\"caption\":"
                + "\"Hi\",\"mediaUrls\":[\"https://cdn.fiori.example/w.jpg\"]}");
        await("failure", () -> "FAILED".equals(status(refusedWs, refused)));
        assertEquals("Discord refused the post (HTTP 400: Invalid Form Body (code 50035))",
                post(refusedWs, refused).getString("publishing.failureReason"));
        assertEquals(1, calls(okChannel).size());
    }

    @Test
    void aDiscordPublisherIsAWebhookOrABotWithBothItsFields() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String token = botToken();
        String channel = discordId();
        String webhookUrl = discord.url() + "/api/webhooks/" + discordId() + "/" + discordToken();
        refused(ws, "DISCORD", "{\"type\":\"DISCORD\",\"discordBotToken\":\"" + token + "\"}", "channelId");
        refused(ws, "DISCORD", "{\"type\":\"DISCORD\",\"channelId\":\"" + channel + "\"}", "discordBotToken");
        refused(ws, "DISCORD", "{\"type\":\"DISCORD\",\"discordBotToken\":\"not a token\",\"channelId\":\"" + channel
                + "\"}", "discordBotToken");
        refused(ws, "DISCORD", "{\"type\":\"DISCORD\",\"discordBotToken\":\"" + token + "\",\"channelId\":\"general\"}",
                "channelId");
        refused(ws, "DISCORD", "{\"type\":\"DISCORD\",\"webhookUrl\":\"" + webhookUrl + "\",\"discordBotToken\":\""
                + token + "\",\"channelId\":\"" + channel + "\"}", "webhookUrl");
        refused(ws, "TELEGRAM", "{\"type\":\"TELEGRAM\",\"botToken\":\"123456789:AAH" + "x".repeat(32)
                + "\",\"chatId\":\"@fiori_news\",\"channelId\":\"" + channel + "\"}", "channelId");
        assertEquals(0, Fixtures.count("select count(*) from publisher where workspace_id = ?", ws));

        // A bot and then a webhook: the webhook mode keeps no channel, and the bot's token is gone.
        assertEquals(channel, bot(ws, token, channel).getString("channelId"));
        JsonPath hook = configure(ws, "DISCORD", "{\"type\":\"DISCORD\",\"webhookUrl\":\"" + webhookUrl + "\"}");
        assertNull(hook.get("channelId"));
        assertNull(hook.get("target"));
    }
}
