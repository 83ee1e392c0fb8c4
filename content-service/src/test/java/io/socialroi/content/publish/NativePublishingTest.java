package io.socialroi.content.publish;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.await;
import static io.socialroi.content.Fixtures.writer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialroi.content.ContentFakes;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.TestTokens;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Native publishers (issue 17, first slice) against fakes of the Telegram Bot API and Discord's webhook API that
 * implement the documented requests, answers and errors: what we send, what we keep, how each error is handled.
 */
@QuarkusTest
class NativePublishingTest {

    @ContentFakes.Telegram
    FakeServer telegram;
    @ContentFakes.Discord
    FakeServer discord;

    static String token() {
        return ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L) + ":AAH" + UUID.randomUUID().toString()
                .replace("-", "");
    }

    static String discordId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000_000L, 999_999_999_999_999_999L));
    }

    static String discordToken() {
        return "wh-" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }

    static JsonPath configure(UUID ws, String platform, String body) {
        return given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(body)
                .put("/workspaces/" + ws + "/publishers/" + platform).then().statusCode(200).extract().jsonPath();
    }

    static void telegramPublisher(UUID ws, String token, String chatId) {
        configure(ws, "TELEGRAM", "{\"type\":\"TELEGRAM\",\"botToken\":\"" + token + "\",\"chatId\":\"" + chatId + "\"}");
    }

    /** A post of the platform, submitted, approved and scheduled for now. */
    static String scheduledNow(UUID ws, String body) {
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(body)
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        String url = "/workspaces/" + ws + "/posts/" + id;
        given().auth().oauth2(writer(ws)).post(url + "/submit").then().statusCode(200);
        given().auth().oauth2(writer(ws)).post(url + "/approve").then().statusCode(200);
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"scheduledAt\":\"" + Instant.now() + "\"}")
                .post(url + "/schedule").then().statusCode(200).body("status", equalTo("SCHEDULED"));
        return id;
    }

    static JsonPath post(UUID ws, String id) {
        return given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    static String status(UUID ws, String id) {
        return post(ws, id).getString("status");
    }

    List<FakeServer.Recorded> telegramCalls(String token) {
        // The sends; saving the publisher also calls setWebhook (TelegramWebhookTest).
        return telegram.requests().stream().filter(r -> r.path().startsWith("/bot" + token + "/")
                && !r.path().endsWith("/setWebhook")).toList();
    }

    List<FakeServer.Recorded> discordCalls(String id) {
        return discord.requests().stream().filter(r -> r.path().contains("/webhooks/" + id + "/")).toList();
    }

    @Test
    void telegramTextWithTheTrackedLinkGoesToSendMessageAndThePublicChannelLinkIsKept() throws Exception {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        String token = token();
        FakePlatforms.telegramBot(telegram, token, "@fiori_news", -1001234567890L, "fiori_news");
        telegramPublisher(ws, token, "@fiori_news");
        String id = scheduledNow(ws, "{\"platform\":\"TELEGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"Peonies are "
                + "in <b>today</b> *only*\",\"callToAction\":\"Order\",\"landingUrl\":\"https://fiori.example/peonies\"}");
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));

        List<FakeServer.Recorded> calls = telegramCalls(token);
        assertEquals(1, calls.size());
        assertEquals("POST", calls.get(0).method());
        assertEquals("/bot" + token + "/sendMessage", calls.get(0).path());
        assertEquals("application/json", calls.get(0).header("Content-Type"));
        JsonNode sent = FakePlatforms.JSON.readTree(calls.get(0).body());
        JsonPath view = post(ws, id);
        assertEquals("@fiori_news", sent.get("chat_id").asText());
        // Plain text: no parse_mode, so the caption's <b> and * are posted as written, never refused as bad markup.
        assertEquals("Peonies are in <b>today</b> *only*\n\nOrder: " + view.getString("trackedLink.url"),
                sent.get("text").asText());
        assertFalse(sent.has("parse_mode"));
        assertEquals(Map.of("chat_id", 0, "text", 0).keySet(), fieldNames(sent));

        String messageId = view.getString("remoteId");
        assertNotNull(messageId);
        assertEquals("https://t.me/fiori_news/" + messageId, view.getString("permalink"));
        assertEquals(1, view.getInt("publishing.attempts"));
        try (Connection c = Fixtures.db(); var s = c.prepareStatement("select remote_id, permalink from post where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            ResultSet rs = s.executeQuery();
            rs.next();
            assertEquals(messageId, rs.getString(1));
            assertEquals("https://t.me/fiori_news/" + messageId, rs.getString(2));
        }
    }

    @Test
    void telegramPhotoAndAlbumCarryTheCaptionAndAPrivateChatHasNoPermalink() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String token = token();
        FakePlatforms.telegramBot(telegram, token, "-1009876543210", -1009876543210L, null);
        telegramPublisher(ws, token, "-1009876543210");
        String photo = scheduledNow(ws, "{\"platform\":\"TELEGRAM\",\"funnelStage\":\"ATTENTION\",\"caption\":\"New "
                + "bouquets\",\"mediaUrls\":[\"https://cdn.fiori.example/b.jpg\"]}");
        await("photo", () -> "PUBLISHED".equals(status(ws, photo)));
        String album = scheduledNow(ws, "{\"platform\":\"TELEGRAM\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Tour\","
                + "\"mediaUrls\":[\"https://cdn.fiori.example/1.png\",\"https://cdn.fiori.example/2.mp4\"]}");
        await("album", () -> "PUBLISHED".equals(status(ws, album)));

        // On a loaded machine the tests' 2 s delivery timeout can expire before the fake's answer arrives: the send is
        // then made again (Telegram takes no idempotency key, the documented at-least-once edge), with the same body.
        List<FakeServer.Recorded> all = telegramCalls(token);
        assertEquals(List.of("/bot" + token + "/sendPhoto", "/bot" + token + "/sendMediaGroup"),
                all.stream().map(FakeServer.Recorded::path).distinct().toList());
        assertEquals(1, all.stream().filter(r -> r.path().endsWith("/sendPhoto")).map(FakeServer.Recorded::body)
                .distinct().count(), "a resend carries the same body");
        List<FakeServer.Recorded> calls = List.of(all.get(0),
                all.stream().filter(r -> r.path().endsWith("/sendMediaGroup")).findFirst().orElseThrow());
        JsonNode sentPhoto = FakePlatforms.JSON.readTree(calls.get(0).body());
        // A numeric chat id is sent as the number the Bot API documents.
        assertTrue(sentPhoto.get("chat_id").isIntegralNumber());
        assertEquals(-1009876543210L, sentPhoto.get("chat_id").asLong());
        assertEquals("https://cdn.fiori.example/b.jpg", sentPhoto.get("photo").asText());
        assertEquals("New bouquets", sentPhoto.get("caption").asText());
        JsonNode sentAlbum = FakePlatforms.JSON.readTree(calls.get(1).body());
        assertEquals("photo", sentAlbum.at("/media/0/type").asText());
        assertEquals("https://cdn.fiori.example/1.png", sentAlbum.at("/media/0/media").asText());
        assertEquals("Tour", sentAlbum.at("/media/0/caption").asText());
        assertEquals("video", sentAlbum.at("/media/1/type").asText());
        assertTrue(sentAlbum.at("/media/1/caption").isMissingNode());

        JsonPath view = post(ws, photo);
        assertNotNull(view.getString("remoteId"));
        assertNull(view.getString("permalink"));
        assertNotNull(post(ws, album).getString("remoteId"));
    }

    @Test
    void telegramRevokedTokenOrRemovedBotFailsAtOnceAskingToReconnect() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String token = token();
        telegram.on("POST", "/bot" + token + "/", FakePlatforms.telegramError(401, "Unauthorized", null));
        telegramPublisher(ws, token, "@fiori_news");
        String id = scheduledNow(ws, "{\"platform\":\"TELEGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"Hi\"}");
        await("failure", () -> "FAILED".equals(status(ws, id)));
        JsonPath view = post(ws, id);
        assertEquals(1, view.getInt("publishing.attempts"));
        assertEquals("Telegram refused the bot (HTTP 401: Unauthorized): reconnect the account",
                view.getString("publishing.failureReason"));
        assertEquals(1, telegramCalls(token).size());
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers/TELEGRAM").then()
                .body("reconnectReason", equalTo("Telegram refused the bot (HTTP 401: Unauthorized): reconnect the account"));
        // Configuring it again clears the state.
        telegramPublisher(ws, token, "@fiori_news");
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers/TELEGRAM").then()
                .body("reconnectReason", nullValue());

        UUID kicked = Fixtures.workspace("UTC", "EUR");
        String other = token();
        telegram.on("POST", "/bot" + other + "/",
                FakePlatforms.telegramError(403, "Forbidden: bot was kicked from the channel chat", null));
        telegramPublisher(kicked, other, "@fiori_news");
        String post = scheduledNow(kicked, "{\"platform\":\"TELEGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"Hi\"}");
        await("failure", () -> "FAILED".equals(status(kicked, post)));
        assertEquals("Telegram refused the bot (HTTP 403: Forbidden: bot was kicked from the channel chat): reconnect "
                + "the account", post(kicked, post).getString("publishing.failureReason"));
        assertEquals(1, telegramCalls(other).size());
    }

    @Test
    void telegramRefusalFailsWithItsDescriptionAndServerErrorsAreRetriedUnderOneDelivery() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String token = token();
        // The bot knows another chat only: Telegram's own "chat not found".
        FakePlatforms.telegramBot(telegram, token, "@someone_else", -1001111111111L, "someone_else");
        telegramPublisher(ws, token, "@fiori_news");
        String id = scheduledNow(ws, "{\"platform\":\"TELEGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"Hi\"}");
        await("failure", () -> "FAILED".equals(status(ws, id)));
        JsonPath view = post(ws, id);
        assertEquals("Telegram refused the post (HTTP 400: Bad Request: chat not found)",
                view.getString("publishing.failureReason"));
        assertEquals(1, view.getInt("publishing.attempts"));
        assertEquals(1, telegramCalls(token).size());

        UUID down = Fixtures.workspace("UTC", "EUR");
        String downToken = token();
        telegram.on("POST", "/bot" + downToken + "/", FakePlatforms.telegramError(502, "Bad Gateway", null));
        telegramPublisher(down, downToken, "@fiori_news");
        String later = scheduledNow(down, "{\"platform\":\"TELEGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"Hi\"}");
        await("failure after retries", () -> "FAILED".equals(status(down, later)));
        JsonPath failed = post(down, later);
        assertEquals(3, failed.getInt("publishing.attempts"));
        assertEquals("Telegram answered HTTP 502: Bad Gateway", failed.getString("publishing.failureReason"));
        List<FakeServer.Recorded> calls = telegramCalls(downToken);
        assertEquals(3, calls.size());
        assertTrue(calls.stream().allMatch(c -> c.body().equals(calls.get(0).body())), "every retry sends the same");
        assertNull(failed.getString("remoteId"));
    }

    @Test
    void telegramRateLimitIsRetriedAfterTelegramsOwnDelay() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String token = token();
        telegram.on("POST", "/bot" + token + "/", FakePlatforms.telegramError(429,
                "Too Many Requests: retry after 3600", "{\"retry_after\":3600}"));
        telegramPublisher(ws, token, "@fiori_news");
        Instant before = Instant.now();
        String id = scheduledNow(ws, "{\"platform\":\"TELEGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"Hi\"}");
        await("the first attempt", () -> post(ws, id).getString("publishing.failureReason") != null);
        JsonPath view = post(ws, id);
        assertEquals("PUBLISHING", view.getString("status"));
        assertEquals(1, view.getInt("publishing.attempts"));
        assertEquals("Telegram rate limit (HTTP 429: Too Many Requests: retry after 3600)",
                view.getString("publishing.failureReason"));
        // Stored as the next attempt time: an hour after the answer, not the test's short backoff.
        Instant next = Instant.parse(view.getString("publishing.nextAttemptAt"));
        assertFalse(next.isBefore(before.plus(Duration.ofSeconds(3600))), "next attempt " + next);
        assertEquals(1, telegramCalls(token).size());
    }

    @Test
    void discordWebhookGetsContentEmbedsAndWaitAndTheMessageIsKept() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String hookId = discordId();
        String hookToken = discordToken();
        FakePlatforms.discordWebhook(discord, hookId, hookToken, "1100000000000000001", "1000000000000000001");
        String webhookUrl = discord.url() + "/api/webhooks/" + hookId + "/" + hookToken;
        JsonPath configured = configure(ws, "DISCORD", "{\"type\":\"DISCORD\",\"webhookUrl\":\"" + webhookUrl + "\"}");
        assertEquals("DISCORD", configured.getString("type"));
        assertTrue(configured.getBoolean("secretSet"));
        assertNull(configured.get("url"));
        assertNull(configured.get("webhookUrl"));
        String shown = given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers").then().statusCode(200)
                .extract().asString();
        assertFalse(shown.contains(hookToken), shown);

        String id = scheduledNow(ws, "{\"platform\":\"DISCORD\",\"funnelStage\":\"INTEREST\",\"caption\":\"Workshop "
                + "@everyone\",\"mediaUrls\":[\"https://cdn.fiori.example/w.jpg\",\"https://cdn.fiori.example/w.mp4\"]}");
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        List<FakeServer.Recorded> calls = discordCalls(hookId);
        assertEquals(1, calls.size());
        assertEquals("/api/v10/webhooks/" + hookId + "/" + hookToken, calls.get(0).path());
        assertEquals("wait=true", calls.get(0).query());
        JsonNode sent = FakePlatforms.JSON.readTree(calls.get(0).body());
        assertEquals("Workshop @everyone\nhttps://cdn.fiori.example/w.mp4", sent.get("content").asText());
        assertEquals(1, sent.get("embeds").size());
        assertEquals("https://cdn.fiori.example/w.jpg", sent.at("/embeds/0/image/url").asText());
        assertEquals(0, sent.at("/allowed_mentions/parse").size());
        assertTrue(sent.at("/allowed_mentions/parse").isArray());

        JsonPath view = post(ws, id);
        String messageId = view.getString("remoteId");
        assertTrue(messageId.matches("\\d{17,20}"), messageId);
        assertEquals("https://discord.com/channels/1000000000000000001/1100000000000000001/" + messageId,
                view.getString("permalink"));
    }

    @Test
    void discordDeletedWebhookAsksToReconnectAndRateLimitWaitsDiscordsDelay() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String hookId = discordId();
        String hookToken = discordToken();
        discord.on("POST", "/api/v10/webhooks/" + hookId + "/", FakePlatforms.discordError(404, "Unknown Webhook", 10015,
                null));
        configure(ws, "DISCORD", "{\"type\":\"DISCORD\",\"webhookUrl\":\"" + discord.url() + "/api/webhooks/" + hookId
                + "/" + hookToken + "\"}");
        String id = scheduledNow(ws, "{\"platform\":\"DISCORD\",\"funnelStage\":\"ACTION\",\"caption\":\"Hi\"}");
        await("failure", () -> "FAILED".equals(status(ws, id)));
        JsonPath view = post(ws, id);
        assertEquals("Discord refused the webhook (HTTP 404: Unknown Webhook (code 10015)): reconnect the account",
                view.getString("publishing.failureReason"));
        assertEquals(1, view.getInt("publishing.attempts"));
        assertEquals(1, discordCalls(hookId).size());

        UUID busy = Fixtures.workspace("UTC", "EUR");
        String busyId = discordId();
        discord.on("POST", "/api/v10/webhooks/" + busyId + "/", FakePlatforms.discordError(429,
                "You are being rate limited.", 0, "\"retry_after\":754.5,\"global\":false").withHeader("Retry-After", "755"));
        configure(busy, "DISCORD", "{\"type\":\"DISCORD\",\"webhookUrl\":\"" + discord.url() + "/api/v10/webhooks/"
                + busyId + "/" + discordToken() + "\"}");
        Instant before = Instant.now();
        String later = scheduledNow(busy, "{\"platform\":\"DISCORD\",\"funnelStage\":\"ACTION\",\"caption\":\"Hi\"}");
        await("the first attempt", () -> post(busy, later).getString("publishing.failureReason") != null);
        JsonPath waiting = post(busy, later);
        assertEquals("PUBLISHING", waiting.getString("status"));
        assertEquals("Discord rate limit (HTTP 429: You are being rate limited.)",
                waiting.getString("publishing.failureReason"));
        Instant next = Instant.parse(waiting.getString("publishing.nextAttemptAt"));
        assertFalse(next.isBefore(before.plusMillis(754_500)), "next attempt " + next);
        assertEquals(1, discordCalls(busyId).size());
    }

    @Test
    void secretsOfNativePublishersAreEncryptedAtRestAndNeverShownBack() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String token = token();
        JsonPath view = configure(ws, "TELEGRAM", "{\"type\":\"TELEGRAM\",\"botToken\":\"" + token
                + "\",\"chatId\":\"@fiori_news\"}");
        assertEquals("@fiori_news", view.getString("chatId"));
        assertTrue(view.getBoolean("secretSet"));
        assertNull(view.get("botToken"));
        String hookToken = discordToken();
        configure(ws, "DISCORD", "{\"type\":\"DISCORD\",\"webhookUrl\":\"" + discord.url() + "/api/webhooks/"
                + discordId() + "/" + hookToken + "\"}");
        String listed = given().auth().oauth2(TestTokens.workspace(ws, "content:read"))
                .get("/workspaces/" + ws + "/publishers").then().statusCode(200).body("items", hasSize(2))
                .extract().asString();
        assertFalse(listed.contains(token.substring(token.indexOf(':') + 1)), listed);
        assertFalse(listed.contains(hookToken), listed);
        try (Connection c = Fixtures.db(); var s = c.prepareStatement(
                "select platform, url, secret, secret_key_id, chat_id from publisher where workspace_id = ?")) {
            s.setObject(1, ws);
            ResultSet rs = s.executeQuery();
            int rows = 0;
            while (rs.next()) {
                rows++;
                assertNull(rs.getString("url"));
                assertNotNull(rs.getString("secret_key_id"));
                String secret = rs.getString("secret");
                assertFalse(secret.contains(token.substring(token.indexOf(':') + 1)));
                assertFalse(secret.contains(hookToken));
                assertFalse(secret.contains("/webhooks/"));
            }
            assertEquals(2, rows);
        }
    }

    @Test
    void nativeTypesMustFitTheirPlatformAndCarryTheirOwnFields() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String token = token();
        String telegramBody = "{\"type\":\"TELEGRAM\",\"botToken\":\"" + token + "\",\"chatId\":\"@fiori_news\"}";
        String discordBody = "{\"type\":\"DISCORD\",\"webhookUrl\":\"" + discord.url() + "/api/webhooks/" + discordId()
                + "/" + discordToken() + "\"}";
        refused(ws, "X", telegramBody, "type");
        refused(ws, "TELEGRAM", discordBody, "type");
        refused(ws, "DISCORD", "{\"type\":\"QUORA_ASSISTED\"}", "type");
        refused(ws, "INSTAGRAM", "{\"type\":\"QUORA_ASSISTED\"}", "type");
        refused(ws, "TELEGRAM", "{\"type\":\"TELEGRAM\",\"chatId\":\"@fiori_news\"}", "botToken");
        refused(ws, "TELEGRAM", "{\"type\":\"TELEGRAM\",\"botToken\":\"" + token + "\"}", "chatId");
        refused(ws, "TELEGRAM", telegramBody.replace(token, "not-a-token"), "botToken");
        refused(ws, "TELEGRAM", telegramBody.replace("@fiori_news", "fiori news"), "chatId");
        refused(ws, "TELEGRAM", telegramBody.replace("}", ",\"url\":\"https://hooks.example/x\"}"), "url");
        refused(ws, "DISCORD", "{\"type\":\"DISCORD\"}", "webhookUrl");
        refused(ws, "DISCORD", "{\"type\":\"DISCORD\",\"webhookUrl\":\"https://hooks.example/api/webhooks/1234567/"
                + discordToken() + "\"}", "webhookUrl");
        refused(ws, "DISCORD", "{\"type\":\"DISCORD\",\"webhookUrl\":\"" + discord.url() + "/api/channels/1234567/x\"}",
                "webhookUrl");
        refused(ws, "QUORA", "{\"type\":\"QUORA_ASSISTED\",\"secret\":\"0123456789abcdef0\"}", "secret");
        refused(ws, "INSTAGRAM", "{\"type\":\"WEBHOOK\",\"url\":\"https://hooks.example/x\"}", "secret");
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers").then().statusCode(200)
                .body("items", hasSize(0));
        assertEquals(0, Fixtures.count("select count(*) from publisher where workspace_id = ?", ws));

        // The generic webhook still serves every platform, Telegram's too.
        configure(ws, "TELEGRAM", "{\"type\":\"WEBHOOK\",\"url\":\"https://hooks.example/tg\",\"secret\":\""
                + "0123456789abcdef0\"}");
        configure(ws, "QUORA", "{\"type\":\"QUORA_ASSISTED\"}");
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers").then().statusCode(200)
                .body("items.type", equalTo(List.of("QUORA_ASSISTED", "WEBHOOK")))
                .body("items[0].secretSet", equalTo(false));
    }

    static void refused(UUID ws, String platform, String body, String field) {
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(body)
                .put("/workspaces/" + ws + "/publishers/" + platform).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @Test
    void quoraPostBecomesAHandOffThatAPersonMarksPublishedWithItsUrl() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        configure(ws, "QUORA", "{\"type\":\"QUORA_ASSISTED\"}");
        String id = scheduledNow(ws, "{\"platform\":\"QUORA\",\"funnelStage\":\"TRUST\",\"caption\":\"How we keep "
                + "peonies fresh for a week\",\"landingUrl\":\"https://fiori.example/care\"}");
        await("hand-off", () -> "AWAITING_HANDOFF".equals(status(ws, id)));
        String url = "/workspaces/" + ws + "/posts/" + id;
        JsonPath view = post(ws, id);
        assertEquals("How we keep peonies fresh for a week\n\n" + view.getString("trackedLink.url"),
                view.getString("handoff.text"));
        assertEquals("https://www.quora.com/", view.getString("handoff.openUrl"));
        assertNull(view.get("publishing.nextAttemptAt"));

        for (String bad : List.of("http://www.quora.com/q/answer/x", "https://evil.example/www.quora.com/x",
                "https://quora.com.evil.example/x", "https://www.quora.com/", "quora.com/x")) {
            given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"url\":\"" + bad + "\"}")
                    .post(url + "/mark-published").then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{}").post(url + "/mark-published").then()
                .statusCode(422).body("errors[0].field", equalTo("url"));
        assertEquals("AWAITING_HANDOFF", status(ws, id));
        given().auth().oauth2(TestTokens.workspace(ws, "content:read")).contentType(ContentType.JSON)
                .body("{\"url\":\"https://www.quora.com/q\"}").post(url + "/mark-published").then().statusCode(403);

        String permalink = "https://fioriflowers.quora.com/How-we-keep-peonies-fresh";
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"url\":\"" + permalink + "\"}")
                .post(url + "/mark-published").then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("permalink", equalTo(permalink)).body("handoff", nullValue())
                .body("publishing.publishedAt", notNullValue());
        given().auth().oauth2(writer(ws)).get(url + "/history").then()
                .body("items.action", equalTo(List.of("created", "submit", "approve", "schedule", "publishing", "handoff",
                        "published")))
                .body("items[5].actor", equalTo("publisher"));
        // Once published, it cannot be marked again.
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"url\":\"" + permalink + "\"}")
                .post(url + "/mark-published").then().statusCode(409);
    }

    @Test
    void onlyAHandOffCanBeMarkedPublished() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"QUORA\",\"funnelStage\":\"TRUST\",\"caption\":\"Draft\"}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"url\":\"https://www.quora.com/q\"}")
                .post("/workspaces/" + ws + "/posts/" + id + "/mark-published").then().statusCode(409)
                .contentType("application/problem+json");
        assertEquals("DRAFT", status(ws, id));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"url\":\"https://www.quora.com/q\"}")
                .post("/workspaces/" + ws + "/posts/" + UUID.randomUUID() + "/mark-published").then().statusCode(404);
    }

    private static java.util.Set<String> fieldNames(JsonNode node) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
