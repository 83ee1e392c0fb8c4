package io.socialroi.content.imports;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.writer;
import static io.socialroi.content.imports.ChatFakes.JSON;
import static io.socialroi.content.imports.ChatFakes.metric;
import static io.socialroi.content.imports.ChatFakes.published;
import static io.socialroi.content.imports.ChatFakes.stored;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.socialroi.content.ContentFakes;
import io.socialroi.content.Fixtures;
import io.socialroi.content.delivery.StoredSecrets;
import io.socialroi.testing.FakeServer;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A TELEGRAM publisher's webhook (Telegram Bot API setWebhook, https://core.telegram.org/bots/api#setwebhook, and
 * the Update it delivers): setWebhook as a fake Bot API receives it, then updates posted as Telegram posts them,
 * with and without the publisher's secret_token; events through (a fake of) engagement-service's ingestion, which
 * dedupes by event id as the real one does; reaction counts as the post's metric.
 */
@QuarkusTest
class TelegramWebhookTest {

    static final long CHANNEL = -1001234567890L;
    static final long GROUP = -1009876543210L;

    @ContentFakes.Telegram
    FakeServer telegram;

    @ContentFakes.Engagement
    FakeServer engagement;

    @Inject
    EntityManager em;

    @Inject
    StoredSecrets storedSecrets;

    /** A saved publisher: its hook path and the secret_token Telegram was given. */
    record Hook(String path, String secretToken, JsonNode setWebhook) {
    }

    @BeforeEach
    void route() {
        ChatFakes.engagement(engagement);
    }

    static String token() {
        return ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L) + ":AAH" + UUID.randomUUID().toString()
                .replace("-", "");
    }

    /** Saves a TELEGRAM publisher of @fiori_news whose bot takes setWebhook; answers what Telegram was sent. */
    Hook publisher(UUID ws, String token) throws Exception {
        telegram.on("POST", "/bot" + token + "/setWebhook", FakeServer.Reply.json(200,
                "{\"ok\":true,\"result\":true,\"description\":\"Webhook was set\"}"));
        int before = calls(token).size();
        JsonPath view = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"type\":\"TELEGRAM\","
                + "\"botToken\":\"" + token + "\",\"chatId\":\"@fiori_news\"}")
                .put("/workspaces/" + ws + "/publishers/TELEGRAM").then().statusCode(200).extract().jsonPath();
        List<FakeServer.Recorded> calls = calls(token);
        assertEquals(before + 1, calls.size());
        JsonNode sent = JSON.readTree(calls.get(calls.size() - 1).body());
        assertEquals(view.getString("updatesUrl"), sent.path("url").asText());
        assertNull(view.getString("updatesError"));
        return new Hook(URI.create(sent.path("url").asText()).getPath(), sent.path("secret_token").asText(), sent);
    }

    List<FakeServer.Recorded> calls(String token) {
        return telegram.requests().stream().filter(r -> r.path().equals("/bot" + token + "/setWebhook")).toList();
    }

    static ValidatableResponse deliver(Hook hook, String secret, String update) {
        var request = given().contentType(ContentType.JSON).body(update);
        if (secret != null) {
            request = request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return request.post(hook.path()).then();
    }

    static String reply(long chat, long messageId, long from, long repliedTo, String text) {
        return "{\"update_id\":" + messageId + ",\"message\":{\"message_id\":" + messageId + ",\"from\":{\"id\":" + from
                + ",\"is_bot\":false,\"first_name\":\"Cy\"},\"chat\":{\"id\":" + chat + ",\"type\":\"supergroup\","
                + "\"username\":\"fiori_news\"},\"date\":1764583200,\"text\":\"" + text + "\",\"reply_to_message\":"
                + "{\"message_id\":" + repliedTo + ",\"chat\":{\"id\":" + chat + ",\"type\":\"supergroup\"},\"date\":"
                + "1764580000}}}";
    }

    @Test
    void savingTheBotSetsItsWebhookWithThePublicHookUrlASecretTokenAndTheUpdatesWeRead() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String token = token();
        Hook hook = publisher(ws, token);
        assertTrue(hook.path().matches("/hooks/telegram/[0-9a-f-]{36}"), hook.path());
        assertTrue(hook.secretToken().matches("[A-Za-z0-9_-]{43}"), hook.secretToken());
        assertEquals(List.of("message", "channel_post", "message_reaction", "message_reaction_count"),
                JSON.convertValue(hook.setWebhook().path("allowed_updates"), List.class));
        assertEquals(Set.of("url", "secret_token", "allowed_updates"), Set.copyOf(iterable(hook.setWebhook())));
        // The secret token is sealed at rest, and never shown.
        assertEquals(0, Fixtures.count("select count(*) from publisher_hook where workspace_id = ? and secret like ?",
                ws, "%" + hook.secretToken() + "%"));
        assertEquals(1, Fixtures.count("select count(*) from publisher_hook where workspace_id = ? and secret_key_id"
                + " is not null", ws));
        String listed = given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers").then()
                .statusCode(200).extract().asString();
        assertFalse(listed.contains(hook.secretToken()), listed);

        // Saving again: the same URL with a new secret token; the old one is refused from then on.
        Hook again = publisher(ws, token);
        assertEquals(hook.path(), again.path());
        assertNotEquals(hook.secretToken(), again.secretToken());
        deliver(hook, hook.secretToken(), "{\"update_id\":1}").statusCode(403);
        deliver(again, again.secretToken(), "{\"update_id\":1}").statusCode(200).body("unmatched", equalTo(0));

        // A webhook Telegram refuses is said, and the publisher is saved all the same (publishing needs no webhook).
        UUID refused = Fixtures.workspace("UTC", "EUR");
        String other = token();
        telegram.on("POST", "/bot" + other + "/setWebhook", FakeServer.Reply.json(400, "{\"ok\":false,\"error_code\":"
                + "400,\"description\":\"Bad Request: bad webhook: HTTPS url must be provided for webhook\"}"));
        given().auth().oauth2(writer(refused)).contentType(ContentType.JSON).body("{\"type\":\"TELEGRAM\","
                + "\"botToken\":\"" + other + "\",\"chatId\":\"@fiori_news\"}")
                .put("/workspaces/" + refused + "/publishers/TELEGRAM").then().statusCode(200)
                .body("type", equalTo("TELEGRAM"))
                .body("updatesError", equalTo("Telegram refused setWebhook (HTTP 400: Bad Request: bad webhook: HTTPS "
                        + "url must be provided for webhook)"));
    }

    /** A secret token in clear (as from before encryption) is sealed by the start step and still verifies. */
    @Test
    void aHookSecretTokenInClearIsSealedAtStartAndStillVerifies() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        Hook hook = publisher(ws, token());
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update publisher_hook"
                + " set secret = ?2, secret_key_id = null where workspace_id = ?1").setParameter(1, ws)
                .setParameter(2, hook.secretToken()).executeUpdate());
        assertTrue(storedSecrets.sealStored() >= 1);
        assertEquals(0, Fixtures.count("select count(*) from publisher_hook where workspace_id = ? and (secret = ?"
                + " or secret_key_id is null)", ws, hook.secretToken()));
        deliver(hook, hook.secretToken(), "{\"update_id\":2}").statusCode(200);
        deliver(hook, "x" + hook.secretToken(), "{\"update_id\":2}").statusCode(403);
    }

    static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void anUpdateWithoutTheRightSecretTokenIsRefusedAndNothingIsStored() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        Hook hook = publisher(ws, token());
        published(em, ws, "TELEGRAM", "41");
        String update = reply(CHANNEL, 77, 5551234, 41, "Booked!");
        deliver(hook, null, update).statusCode(403).contentType("application/problem+json");
        deliver(hook, "wrong-" + hook.secretToken(), update).statusCode(403).contentType("application/problem+json");
        deliver(hook, hook.secretToken().substring(1), update).statusCode(403);
        assertEquals(0, stored(ws).size());
        // A publisher id that is none.
        deliver(new Hook("/hooks/telegram/" + UUID.randomUUID(), null, null), hook.secretToken(), update)
                .statusCode(404).contentType("application/problem+json");
        assertEquals(0, stored(ws).size());
    }

    @Test
    void aReplyToOurMessageIsOneCommentHoweverOftenTelegramDeliversIt() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        Hook hook = publisher(ws, token());
        UUID post = published(em, ws, "TELEGRAM", "41");
        String update = reply(CHANNEL, 77, 5551234, 41, "Booked!");
        deliver(hook, hook.secretToken(), update).statusCode(200).body("stored", equalTo(1))
                .body("unmatched", equalTo(0));
        deliver(hook, hook.secretToken(), update).statusCode(200).body("stored", equalTo(0))
                .body("duplicates", equalTo(1));
        Map<String, JsonNode> events = stored(ws);
        assertEquals(Set.of("telegram:message:" + CHANNEL + ":77"), events.keySet());
        JsonNode comment = events.get("telegram:message:" + CHANNEL + ":77");
        assertEquals("COMMENT", comment.path("type").asText());
        assertEquals("TELEGRAM", comment.path("platform").asText());
        assertEquals("telegram:5551234", comment.path("actorId").asText());
        assertEquals(post.toString(), comment.path("postId").asText());
        assertEquals("2025-12-01T10:00:00Z", comment.path("occurredAt").asText());
        assertEquals("Booked!", comment.path("attributes").path("text").asText());

        // A comment in the channel's discussion group replies to the group's automatic forward of our post.
        String discussion = "{\"update_id\":9,\"message\":{\"message_id\":310,\"from\":{\"id\":5551235,\"is_bot\":false,"
                + "\"first_name\":\"Dee\"},\"chat\":{\"id\":" + GROUP + ",\"type\":\"supergroup\"},\"date\":1764583300,"
                + "\"text\":\"Lovely\",\"reply_to_message\":{\"message_id\":300,\"chat\":{\"id\":" + GROUP + ",\"type\":"
                + "\"supergroup\"},\"date\":1764580001,\"is_automatic_forward\":true,\"forward_origin\":{\"type\":"
                + "\"channel\",\"chat\":{\"id\":" + CHANNEL + ",\"type\":\"channel\",\"username\":\"fiori_news\"},"
                + "\"message_id\":41,\"date\":1764580000}}}}";
        deliver(hook, hook.secretToken(), discussion).statusCode(200).body("stored", equalTo(1));
        assertEquals("telegram:5551235", stored(ws).get("telegram:message:" + GROUP + ":310").path("actorId").asText());

        // Replies to messages we did not publish, and a bot's reply, are not ours to count.
        deliver(hook, hook.secretToken(), reply(CHANNEL, 78, 5551234, 40, "Other")).statusCode(200)
                .body("stored", equalTo(0)).body("unmatched", equalTo(1));
        deliver(hook, hook.secretToken(), reply(-1005555555555L, 79, 5551234, 41, "Another chat")
                .replace("\"username\":\"fiori_news\"", "\"username\":\"other_chat\"")).statusCode(200)
                .body("unmatched", equalTo(1));
        deliver(hook, hook.secretToken(), reply(CHANNEL, 80, 5551236, 41, "Bot").replace("\"is_bot\":false",
                "\"is_bot\":true")).statusCode(200).body("stored", equalTo(0));
        assertEquals(2, stored(ws).size());
    }

    @Test
    void aUsersReactionIsALikeAndAnonymousReactionCountsAreThePostsMetric() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        Hook hook = publisher(ws, token());
        UUID post = published(em, ws, "TELEGRAM", "41");
        String reaction = "{\"update_id\":20,\"message_reaction\":{\"chat\":{\"id\":" + CHANNEL + ",\"type\":"
                + "\"supergroup\",\"username\":\"fiori_news\"},\"message_id\":41,\"user\":{\"id\":5551234,\"is_bot\":"
                + "false,\"first_name\":\"Cy\"},\"date\":1764583400,\"old_reaction\":[],\"new_reaction\":[{\"type\":"
                + "\"emoji\",\"emoji\":\"\u2764\"}]}}";
        deliver(hook, hook.secretToken(), reaction).statusCode(200).body("stored", equalTo(1));
        JsonNode like = stored(ws).get("telegram:reaction:" + CHANNEL + ":41:5551234");
        assertEquals("LIKE", like.path("type").asText());
        assertEquals("telegram:5551234", like.path("actorId").asText());
        assertEquals(post.toString(), like.path("postId").asText());
        // Taking the reaction back is not a new like; a changed reaction is the same like.
        deliver(hook, hook.secretToken(), reaction.replace("\"old_reaction\":[]", "\"old_reaction\":[{\"type\":"
                + "\"emoji\",\"emoji\":\"\u2764\"}]").replace("\"new_reaction\":[{\"type\":\"emoji\",\"emoji\":"
                + "\"\u2764\"}]", "\"new_reaction\":[]")).statusCode(200).body("stored", equalTo(0))
                .body("duplicates", equalTo(0));
        deliver(hook, hook.secretToken(), reaction.replace("\u2764", "\uD83D\uDC4D")).statusCode(200)
                .body("stored", equalTo(0));
        assertEquals(1, stored(ws).size());

        String counts = "{\"update_id\":21,\"message_reaction_count\":{\"chat\":{\"id\":" + CHANNEL + ",\"type\":"
                + "\"channel\",\"username\":\"fiori_news\"},\"message_id\":41,\"date\":1764583500,\"reactions\":[{"
                + "\"type\":{\"type\":\"emoji\",\"emoji\":\"\u2764\"},\"total_count\":12},{\"type\":{\"type\":\"emoji\","
                + "\"emoji\":\"\uD83D\uDC4D\"},\"total_count\":3}]}}";
        deliver(hook, hook.secretToken(), counts).statusCode(200).body("metrics", equalTo(1)).body("stored", equalTo(0));
        assertEquals(15, metric(ws, post, "reactions"));
        // Telegram's latest figure replaces the earlier one; delivered twice it stays.
        String later = counts.replace("\"total_count\":3", "\"total_count\":8");
        deliver(hook, hook.secretToken(), later).statusCode(200);
        deliver(hook, hook.secretToken(), later).statusCode(200);
        assertEquals(20, metric(ws, post, "reactions"));
        // No actors are made up for anonymous reactions.
        assertEquals(1, stored(ws).size());
        // Counts of a message we did not publish are left alone.
        deliver(hook, hook.secretToken(), counts.replace("\"message_id\":41", "\"message_id\":42")).statusCode(200)
                .body("metrics", equalTo(0)).body("unmatched", equalTo(1));
    }

    @Test
    void whileEngagementServiceIsDownTheUpdateIsRefusedSoTelegramSendsItAgain() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        Hook hook = publisher(ws, token());
        published(em, ws, "TELEGRAM", "41");
        String update = reply(CHANNEL, 77, 5551234, 41, "Booked!");
        ChatFakes.engagementDown = true;
        try {
            deliver(hook, hook.secretToken(), update).statusCode(503).contentType("application/problem+json");
        } finally {
            ChatFakes.engagementDown = false;
        }
        assertEquals(0, stored(ws).size());
        deliver(hook, hook.secretToken(), update).statusCode(200).body("stored", equalTo(1));
        assertEquals(1, stored(ws).size());
    }
}
