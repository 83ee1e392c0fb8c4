package io.socialroi.content.imports;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.writer;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.content.ContentFakes;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.FakeServer;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * X's Account Activity webhooks ({@code /hooks/x}) as X documents them: the challenge-response check, deliveries
 * signed with {@code x-twitter-webhooks-signature}, {@code for_user_id} and the favorite, tweet_create and follow
 * events; the X account connected through the OAuth flow against the fake X (its user id from
 * {@code GET /2/users/me}), the events written through a fake engagement-service that dedupes by event id as the
 * real one does. The consumer secret is {@code Jefe} (ContentFakes).
 */
@QuarkusTest
class XWebhookTest {

    static final String SECRET = "Jefe";

    @ContentFakes.OAuth
    FakeServer x;

    @ContentFakes.Engagement
    FakeServer engagement;

    @Inject
    ImportRunner runner;

    @Inject
    EntityManager em;

    /** What engagement-service stored, by workspace: event id -> the event as sent. */
    static final Map<String, Map<String, JsonNode>> STORED = new ConcurrentHashMap<>();
    /** The X user of each access token, as GET /2/users/me answers it. */
    static final Map<String, String> USERS = new ConcurrentHashMap<>();
    static volatile boolean engagementDown;

    @BeforeEach
    void route() {
        x.on("POST", "/token/x", r -> {
            String code = r.body().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
            return FakeServer.Reply.json(200, "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\""
                    + "x-hook-" + code + "\",\"scope\":\"tweet.read tweet.write users.read media.write offline.access\","
                    + "\"refresh_token\":\"x-hook-r-" + code + "\"}");
        });
        x.on("GET", "/2/users/me", r -> {
            String user = USERS.get(String.valueOf(r.header("Authorization")));
            return user == null ? FakeServer.Reply.json(401, "{\"title\":\"Unauthorized\",\"status\":401}")
                    : FakeServer.Reply.json(200, "{\"data\":{\"id\":\"" + user + "\",\"name\":\"Fiori\",\"username\":"
                            + "\"fiori\"}}");
        });
        engagement.on("POST", "/workspaces/", r -> io.socialroi.content.FakeIngestion.answer(r, STORED, engagementDown));
    }

    static String randomId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));
    }

    /** Connects the workspace's X account (X user {@code user}) through the OAuth flow. */
    static void connect(UUID ws, String code, String user) {
        USERS.put("Bearer x-hook-" + code, user);
        String state = given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/accounts/X/authorizations")
                .then().statusCode(201).extract().path("state");
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"state\":\"" + state + "\",\"code\":\"" + code + "\"}")
                .post("/workspaces/" + ws + "/accounts/X/authorizations/complete").then().statusCode(200)
                .body("platformUserId", equalTo(user));
    }

    UUID published(UUID ws, String remoteId) {
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"X\",\"funnelStage\":\"TRUST\",\"caption\":\"Our new bouquet\"}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update post set status = 'PUBLISHED',"
                + " remote_id = ?3, published_at = now() where workspace_id = ?1 and id = ?2").setParameter(1, ws)
                .setParameter(2, UUID.fromString(id)).setParameter(3, remoteId).executeUpdate());
        return UUID.fromString(id);
    }

    /** X's signature, computed here: base64 of HMAC-SHA256 of the body under the consumer secret. */
    static String sign(String body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    static io.restassured.response.ValidatableResponse deliver(String body) throws Exception {
        return given().contentType(ContentType.JSON).header("x-twitter-webhooks-signature", sign(body, SECRET))
                .body(body).post("/hooks/x").then();
    }

    static Map<String, JsonNode> stored(UUID ws) {
        return STORED.getOrDefault(ws.toString(), Map.of());
    }

    @Test
    void crcAnswerIsTheHmacOfTheTokenUnderTheConsumerSecret() {
        // RFC 4231, test case 2: HMAC-SHA256(key "Jefe", "what do ya want for nothing?") =
        // 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843, here in base64 as X wants it.
        given().queryParam("crc_token", "what do ya want for nothing?").get("/hooks/x").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("response_token", equalTo("sha256=W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM="));
        assertEquals("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=", Base64.getEncoder().encodeToString(
                HexFormat.of().parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")));
        given().get("/hooks/x").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void deliveriesAreTakenOnlyWithXsSignatureOfTheBody() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String account = randomId();
        connect(ws, "sig-" + account, account);
        String tweet = "18500000" + randomId();
        published(ws, tweet);
        String body = "{\"for_user_id\":\"" + account + "\",\"favorite_events\":[{\"id\":\"e1\",\"timestamp_ms\":"
                + "1764583200000,\"favorited_status\":{\"id_str\":\"" + tweet + "\",\"user\":{\"id_str\":\"" + account
                + "\"}},\"user\":{\"id_str\":\"3001\"}}]}";
        given().contentType(ContentType.JSON).body(body).post("/hooks/x").then().statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("x-twitter-webhooks-signature", sign(body, "wrong-secret"))
                .body(body).post("/hooks/x").then().statusCode(403).contentType("application/problem+json");
        // Signed for another body: a changed delivery is refused.
        given().contentType(ContentType.JSON).header("x-twitter-webhooks-signature", sign(body, SECRET))
                .body(body.replace("3001", "3009")).post("/hooks/x").then().statusCode(403);
        // Meta's hex form of the right HMAC is not X's base64.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        given().contentType(ContentType.JSON).header("x-twitter-webhooks-signature", "sha256="
                + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)))).body(body)
                .post("/hooks/x").then().statusCode(403);
        assertEquals(0, stored(ws).size());

        deliver(body).statusCode(200).body("events", equalTo(1)).body("stored", equalTo(1));
        assertEquals(Set.of("x:like:" + tweet + ":3001"), stored(ws).keySet());
    }

    @Test
    void likesRepliesRepostsQuotesAndFollowsBecomeTheImportersEventsOnce() throws Exception {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        String account = randomId();
        connect(ws, "map-" + account, account);
        String tweet = "18510000" + randomId();
        String notOurs = "18520000" + randomId();
        UUID post = published(ws, tweet);
        String reply = "18530000" + randomId();
        String quote = "18540000" + randomId();
        String body = "{\"for_user_id\":\"" + account + "\","
                + "\"favorite_events\":["
                // A like of our post.
                + "{\"id\":\"f1\",\"created_at\":\"Mon Dec 01 10:00:00 +0000 2025\",\"timestamp_ms\":1764583200000,"
                + "\"favorited_status\":{\"id_str\":\"" + tweet + "\",\"user\":{\"id_str\":\"" + account + "\"}},"
                + "\"user\":{\"id_str\":\"3001\",\"screen_name\":\"ann\"}},"
                // A like of a post we did not publish: unmatched.
                + "{\"id\":\"f2\",\"timestamp_ms\":1764583200000,\"favorited_status\":{\"id_str\":\"" + notOurs + "\"},"
                + "\"user\":{\"id_str\":\"3002\"}},"
                // The account liking someone else's post: not engagement with it.
                + "{\"id\":\"f3\",\"timestamp_ms\":1764583200000,\"favorited_status\":{\"id_str\":\"" + notOurs + "\"},"
                + "\"user\":{\"id_str\":\"" + account + "\"}}],"
                + "\"tweet_create_events\":["
                + "{\"id_str\":\"" + reply + "\",\"text\":\"@fiori Price?\",\"timestamp_ms\":\"1764586800000\","
                + "\"in_reply_to_status_id_str\":\"" + tweet + "\",\"user\":{\"id_str\":\"3003\"}},"
                + "{\"id_str\":\"18550000" + randomId() + "\",\"text\":\"RT @fiori: Our new bouquet\",\"timestamp_ms\":"
                + "\"1764586900000\",\"retweeted_status\":{\"id_str\":\"" + tweet + "\"},\"user\":{\"id_str\":\"3004\"}},"
                + "{\"id_str\":\"" + quote + "\",\"text\":\"Look at this\",\"timestamp_ms\":\"1764587000000\","
                + "\"is_quote_status\":true,\"quoted_status_id_str\":\"" + tweet + "\",\"user\":{\"id_str\":\"3005\"}},"
                // The account's own post, and a reply to a post that is not ours.
                + "{\"id_str\":\"18560000" + randomId() + "\",\"text\":\"New in\",\"user\":{\"id_str\":\"" + account
                + "\"}},"
                + "{\"id_str\":\"18570000" + randomId() + "\",\"text\":\"hm\",\"in_reply_to_status_id_str\":\"" + notOurs
                + "\",\"user\":{\"id_str\":\"3007\"}}],"
                + "\"follow_events\":["
                + "{\"type\":\"follow\",\"created_timestamp\":\"1764590400000\",\"target\":{\"id\":\"" + account
                + "\"},\"source\":{\"id\":\"3006\",\"screen_name\":\"dee\"}},"
                // The account following someone, and an unfollow: nothing.
                + "{\"type\":\"follow\",\"created_timestamp\":\"1764590400000\",\"target\":{\"id\":\"42\"},"
                + "\"source\":{\"id\":\"" + account + "\"}},"
                + "{\"type\":\"unfollow\",\"created_timestamp\":\"1764590500000\",\"target\":{\"id\":\"" + account
                + "\"},\"source\":{\"id\":\"3008\"}}]}";
        deliver(body).statusCode(200).body("events", equalTo(7)).body("stored", equalTo(5))
                .body("duplicates", equalTo(0)).body("unmatched", equalTo(2));
        Map<String, JsonNode> events = stored(ws);
        assertEquals(Set.of("x:like:" + tweet + ":3001", "x:reply:" + reply, "x:repost:" + tweet + ":3004",
                "x:quote:" + quote, "x:follow:" + account + ":3006"), events.keySet());
        JsonNode like = events.get("x:like:" + tweet + ":3001");
        assertEquals("LIKE", like.path("type").asText());
        assertEquals("X", like.path("platform").asText());
        assertEquals("x:3001", like.path("actorId").asText());
        assertEquals(post.toString(), like.path("postId").asText());
        assertEquals("2025-12-01T10:00:00Z", like.path("occurredAt").asText());
        JsonNode comment = events.get("x:reply:" + reply);
        assertEquals("COMMENT", comment.path("type").asText());
        assertEquals("@fiori Price?", comment.path("attributes").path("text").asText());
        assertEquals("2025-12-01T11:00:00Z", comment.path("occurredAt").asText());
        assertEquals("SHARE", events.get("x:repost:" + tweet + ":3004").path("type").asText());
        assertEquals("SHARE", events.get("x:quote:" + quote).path("type").asText());
        JsonNode follow = events.get("x:follow:" + account + ":3006");
        assertEquals("FOLLOW", follow.path("type").asText());
        assertEquals("x:3006", follow.path("actorId").asText());
        assertTrue(follow.path("postId").isMissingNode(), follow.toString());

        // X delivers again: nothing new.
        deliver(body).statusCode(200).body("stored", equalTo(0)).body("duplicates", equalTo(5));
        assertEquals(5, stored(ws).size());

        // The importer reads the same like, reply and repost later: the same ids, so still one event each.
        String bearer = "Bearer x-hook-map-" + account;
        x.on("GET", "/2/tweets/", r -> {
            if (!bearer.equals(r.header("Authorization"))) {
                return FakeServer.Reply.json(401, "{\"title\":\"Unauthorized\",\"status\":401}");
            }
            if (r.path().equals("/2/tweets/search/recent")) {
                return FakeServer.Reply.json(200, "{\"data\":[{\"id\":\"" + reply + "\",\"author_id\":\"3003\","
                        + "\"created_at\":\"2025-12-01T11:00:00.000Z\",\"text\":\"@fiori Price?\"}],"
                        + "\"meta\":{\"result_count\":1}}");
            }
            if (r.path().equals("/2/tweets/" + tweet)) {
                return FakeServer.Reply.json(200, "{\"data\":{\"id\":\"" + tweet + "\",\"public_metrics\":"
                        + "{\"like_count\":1,\"reply_count\":1,\"retweet_count\":1,\"quote_count\":1}}}");
            }
            if (r.path().equals("/2/tweets/" + tweet + "/liking_users")) {
                return FakeServer.Reply.json(200, "{\"data\":[{\"id\":\"3001\",\"username\":\"ann\"}],"
                        + "\"meta\":{\"result_count\":1}}");
            }
            if (r.path().equals("/2/tweets/" + tweet + "/retweeted_by")) {
                return FakeServer.Reply.json(200, "{\"data\":[{\"id\":\"3004\",\"username\":\"bo\"}],"
                        + "\"meta\":{\"result_count\":1}}");
            }
            return FakeServer.Reply.json(404, "{\"title\":\"Not Found\",\"status\":404}");
        });
        assertTrue(runner.importNow(ws, post));
        assertEquals(5, stored(ws).size(), stored(ws).keySet().toString());
    }

    @Test
    void aDeliveryForAnAccountNoWorkspaceConnectedIsIgnored() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String account = randomId();
        connect(ws, "unk-" + account, account);
        String tweet = "18580000" + randomId();
        published(ws, tweet);
        // Our post's id, but for another X user: not the workspace's account, so nothing is credited.
        String other = randomId();
        String body = "{\"for_user_id\":\"" + other + "\",\"favorite_events\":[{\"id\":\"f9\",\"timestamp_ms\":"
                + "1764583200000,\"favorited_status\":{\"id_str\":\"" + tweet + "\"},\"user\":{\"id_str\":\"3011\"}}],"
                + "\"follow_events\":[{\"type\":\"follow\",\"created_timestamp\":\"1764590400000\",\"target\":{\"id\":"
                + "\"" + other + "\"},\"source\":{\"id\":\"3012\"}}]}";
        deliver(body).statusCode(200).body("events", equalTo(2)).body("stored", equalTo(0))
                .body("unmatched", equalTo(2));
        assertEquals(0, stored(ws).size());
    }

    @Test
    void whileEngagementServiceIsDownTheDeliveryIs503SoXDeliversAgain() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String account = randomId();
        connect(ws, "down-" + account, account);
        String body = "{\"for_user_id\":\"" + account + "\",\"follow_events\":[{\"type\":\"follow\","
                + "\"created_timestamp\":\"1764590400000\",\"target\":{\"id\":\"" + account + "\"},\"source\":{\"id\":"
                + "\"3021\"}}]}";
        engagementDown = true;
        try {
            deliver(body).statusCode(503).contentType("application/problem+json");
        } finally {
            engagementDown = false;
        }
        assertEquals(0, stored(ws).size());
        deliver(body).statusCode(200).body("stored", equalTo(1));
    }
}
