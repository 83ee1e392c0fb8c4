package io.socialroi.content.imports;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.writer;
import static io.socialroi.content.imports.ChatFakes.metric;
import static io.socialroi.content.imports.ChatFakes.metrics;
import static io.socialroi.content.imports.ChatFakes.published;
import static io.socialroi.content.imports.ChatFakes.stored;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialroi.content.ContentFakes;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.FakeServer;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DiscordImporter against a fake of Discord API v10's Get Channel Message and Get Channel Messages
 * (https://discord.com/developers/docs/resources/message): a bot-mode post's reactions become its aggregate metric,
 * replies COMMENT events through (a fake of) engagement-service's ingestion; a re-import changes nothing; a webhook
 * cannot read its posts back.
 */
@QuarkusTest
class DiscordImportTest {

    static final String GUILD = "1000000000000000009";

    @ContentFakes.Discord
    FakeServer discord;

    @ContentFakes.Engagement
    FakeServer engagement;

    @Inject
    ImportRunner runner;

    @Inject
    EntityManager em;

    @BeforeEach
    void route() {
        ChatFakes.engagement(engagement);
    }

    static String snowflake() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_100_000_000_000_000_000L, 1_200_000_000_000_000_000L));
    }

    static String botToken() {
        String a = UUID.randomUUID().toString().replace("-", "");
        return "MT" + a.substring(0, 22) + ".GkX2aB." + a + "abc";
    }

    static void bot(UUID ws, String token, String channel) {
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"type\":\"DISCORD\",\"discordBotToken\":\""
                + token + "\",\"channelId\":\"" + channel + "\"}").put("/workspaces/" + ws + "/publishers/DISCORD")
                .then().statusCode(200);
    }

    /** A channel message as Discord answers it; {@code reference} the message it replies to (type 0) or null. */
    static String message(String channel, BigInteger id, String author, boolean bot, String reference, int refType,
            String content) {
        return "{\"id\":\"" + id + "\",\"channel_id\":\"" + channel + "\",\"type\":" + (reference == null ? 0 : 19)
                + ",\"author\":{\"id\":\"" + author + "\",\"username\":\"u" + author + "\"" + (bot ? ",\"bot\":true" : "")
                + "},\"content\":\"" + content + "\",\"timestamp\":\"2026-12-01T10:00:00.000000+00:00\""
                + (reference == null ? "" : ",\"message_reference\":{\"type\":" + refType + ",\"message_id\":\""
                        + reference + "\",\"channel_id\":\"" + channel + "\",\"guild_id\":\"" + GUILD + "\"}") + "}";
    }

    @Test
    void aBotsPostHasItsReactionsCountedAndItsRepliesBecomeCommentsOncePerReply() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String token = botToken();
        String channel = snowflake();
        bot(ws, token, channel);
        BigInteger ours = new BigInteger(snowflake());
        UUID post = published(em, ws, "DISCORD", ours.toString());
        String api = "/api/v10/channels/" + channel + "/messages";
        discord.on("GET", api + "/" + ours, r -> !("Bot " + token).equals(r.header("Authorization"))
                ? FakeServer.Reply.json(401, "{\"message\":\"401: Unauthorized\",\"code\":0}")
                : FakeServer.Reply.json(200, message(channel, ours, "1098765432109876543", true, null, 0, "Our news")
                        .replaceFirst("\\}$", ",\"reactions\":[{\"count\":3,\"me\":false,\"emoji\":{\"id\":null,"
                                + "\"name\":\"\u2764\"}},{\"count\":2,\"me\":false,\"emoji\":{\"id\":null,\"name\":"
                                + "\"\uD83D\uDC4D\"}}]}")));
        // 150 messages after ours, newest first as Discord lists them: three replies, a forward of our post, a
        // reply to another message, our bot's own reply.
        List<String> after = new ArrayList<>();
        for (int i = 150; i >= 1; i--) {
            BigInteger id = ours.add(BigInteger.valueOf(i));
            String ref = switch (i) {
                case 2, 20, 140, 141, 5 -> ours.toString();
                case 30 -> ours.subtract(BigInteger.ONE).toString();
                default -> null;
            };
            after.add(message(channel, id, i == 5 ? "1098765432109876543" : "77" + i, i == 5, ref, i == 141 ? 1 : 0,
                    "reply " + i));
        }
        discord.on("GET", api, r -> {
            if (!("Bot " + token).equals(r.header("Authorization"))) {
                return FakeServer.Reply.json(401, "{\"message\":\"401: Unauthorized\",\"code\":0}");
            }
            BigInteger from = new BigInteger(r.query().replaceAll(".*after=(\\d+).*", "$1"));
            assertTrue(r.query().contains("limit=100"), r.query());
            // The 100 oldest messages after the given id, newest first.
            List<String> page = after.stream().filter(m -> new BigInteger(m.replaceAll("^\\{\"id\":\"(\\d+)\".*", "$1"))
                    .compareTo(from) > 0).toList();
            page = page.subList(Math.max(0, page.size() - 100), page.size());
            return FakeServer.Reply.json(200, "[" + String.join(",", page) + "]");
        });

        assertTrue(runner.importNow(ws, post));
        Map<String, JsonNode> events = stored(ws);
        assertEquals(Set.of("discord:message:" + ours.add(BigInteger.valueOf(2)),
                "discord:message:" + ours.add(BigInteger.valueOf(20)),
                "discord:message:" + ours.add(BigInteger.valueOf(140))), events.keySet());
        JsonNode reply = events.get("discord:message:" + ours.add(BigInteger.valueOf(140)));
        assertEquals("COMMENT", reply.path("type").asText());
        assertEquals("DISCORD", reply.path("platform").asText());
        assertEquals("discord:77140", reply.path("actorId").asText());
        assertEquals(post.toString(), reply.path("postId").asText());
        assertEquals("2026-12-01T10:00:00Z", reply.path("occurredAt").asText());
        assertEquals("reply 140", reply.path("attributes").path("text").asText());
        assertEquals(5, metric(ws, post, "reactions"));
        JsonPath read = metrics(ws, post);
        assertNull(read.getString("lastError"));
        assertEquals(3, read.getInt("eventsStored"));
        // Two pages: after our id, then after the newest of the first page.
        List<FakeServer.Recorded> pages = discord.requests().stream().filter(r -> r.path().equals(api)).toList();
        assertEquals(2, pages.size());
        assertEquals("after=" + ours + "&limit=100", pages.get(0).query());
        assertEquals("after=" + ours.add(BigInteger.valueOf(100)) + "&limit=100", pages.get(1).query());

        // Read again: nothing new.
        assertTrue(runner.importNow(ws, post));
        assertEquals(3, stored(ws).size());
        assertEquals(3, metrics(ws, post).getInt("eventsStored"));
        assertEquals(5, metric(ws, post, "reactions"));
    }

    @Test
    void aWebhookCannotReadItsPostsBackAndABotThatLostAccessIsToBeReconnected() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"type\":\"DISCORD\",\"webhookUrl\":\""
                + discord.url() + "/api/webhooks/" + snowflake() + "/wh-" + UUID.randomUUID().toString().replace("-", "")
                + "\"}").put("/workspaces/" + ws + "/publishers/DISCORD").then().statusCode(200);
        String ours = snowflake();
        UUID post = published(em, ws, "DISCORD", ours);
        int before = discord.requests().size();
        runner.importNow(ws, post);
        assertTrue(metrics(ws, post).getString("lastError").startsWith("a Discord webhook cannot read its posts back"),
                metrics(ws, post).getString("lastError"));
        assertEquals(before, discord.requests().size());
        assertEquals(0, stored(ws).size());

        UUID lost = Fixtures.workspace("UTC", "EUR");
        String channel = snowflake();
        bot(lost, botToken(), channel);
        UUID lostPost = published(em, lost, "DISCORD", ours);
        discord.on("GET", "/api/v10/channels/" + channel + "/", FakeServer.Reply.json(403,
                "{\"message\":\"Missing Access\",\"code\":50001}"));
        runner.importNow(lost, lostPost);
        String error = metrics(lost, lostPost).getString("lastError");
        assertEquals("Discord answered HTTP 403: Missing Access (code 50001): reconnect / check the bot's access to "
                + "the channel", error);
        given().auth().oauth2(writer(lost)).get("/workspaces/" + lost + "/publishers/DISCORD").then()
                .body("reconnectReason", equalTo(error));
    }
}
