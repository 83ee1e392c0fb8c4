package io.socialroi.content.publish;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.await;
import static io.socialroi.content.Fixtures.writer;
import static io.socialroi.content.publish.NativePublishingTest.configure;
import static io.socialroi.content.publish.NativePublishingTest.post;
import static io.socialroi.content.publish.NativePublishingTest.scheduledNow;
import static io.socialroi.content.publish.NativePublishingTest.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialroi.content.ContentFakes;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.FakeServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Posting to X with the X API v2 and the workspace's connected X account, against a fake X that answers as X
 * documents: 201 {@code {"data":{"id","text"}}}, 401, 403 problem details, 429 with Retry-After.
 */
@QuarkusTest
class XPublishingTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @ContentFakes.OAuth
    FakeServer x;

    /** What the fake X answers, by the bearer token of the request. */
    static final Map<String, FakeServer.Reply> TWEETS = new ConcurrentHashMap<>();

    @BeforeEach
    void route() {
        // X's token endpoint: any code becomes the access token "x-pub-<code>".
        x.on("POST", "/token/x", r -> {
            String code = r.body().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
            return FakeServer.Reply.json(200, "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":"
                    + "\"x-pub-" + code + "\",\"scope\":\"tweet.read tweet.write users.read offline.access\","
                    + "\"refresh_token\":\"x-pub-refresh-" + code + "\"}");
        });
        x.on("POST", "/2/tweets", r -> TWEETS.getOrDefault(String.valueOf(r.header("Authorization")),
                FakeServer.Reply.json(401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,"
                        + "\"detail\":\"Unauthorized\"}")));
    }

    /** A workspace whose X account is connected (through the OAuth flow) and whose X publisher is X_API. */
    static String connected(UUID ws, String code) {
        String state = given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/accounts/X/authorizations")
                .then().statusCode(201).extract().path("state");
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"state\":\"" + state + "\",\"code\":\"" + code + "\"}")
                .post("/workspaces/" + ws + "/accounts/X/authorizations/complete").then().statusCode(200);
        configure(ws, "X", "{\"type\":\"X_API\"}");
        return "Bearer x-pub-" + code;
    }

    List<FakeServer.Recorded> tweets(String bearer) {
        return x.requests().stream().filter(r -> r.path().equals("/2/tweets"))
                .filter(r -> bearer.equals(r.header("Authorization"))).toList();
    }

    @Test
    void aTextPostGoesOutWithTheAccountsTokenAndKeepsItsIdAndLink() throws Exception {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        String bearer = connected(ws, "code-pub-1");
        TWEETS.put(bearer, FakeServer.Reply.json(201, "{\"data\":{\"id\":\"1445880548472328192\","
                + "\"edit_history_tweet_ids\":[\"1445880548472328192\"],\"text\":\"Fresh cornetti\"}}"));
        String id = scheduledNow(ws, "{\"platform\":\"X\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Fresh cornetti\"}");
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        JsonPath view = post(ws, id);
        assertEquals("1445880548472328192", view.getString("remoteId"));
        assertEquals("https://x.com/i/web/status/1445880548472328192", view.getString("permalink"));
        List<FakeServer.Recorded> sent = tweets(bearer);
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).header("Content-Type").startsWith("application/json"));
        JsonNode body = JSON.readTree(sent.get(0).body());
        assertEquals("Fresh cornetti", body.get("text").asText());
        assertEquals(1, body.size(), "only the text: " + body);
    }

    @Test
    void aRevokedTokenFailsThePostAndAsksToReconnectTheAccount() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "code-pub-2");
        TWEETS.put(bearer, FakeServer.Reply.json(401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\","
                + "\"status\":401,\"detail\":\"Unauthorized\"}"));
        String id = scheduledNow(ws, "{\"platform\":\"X\",\"funnelStage\":\"ACTION\",\"caption\":\"Order now\"}");
        await("failure", () -> "FAILED".equals(status(ws, id)));
        assertTrue(post(ws, id).getString("publishing.failureReason").endsWith("reconnect the account"));
        assertEquals(1, tweets(bearer).size(), "no retry with a refused token");
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/accounts/X").then().statusCode(200)
                .body("status", equalTo("RECONNECT")).body("reason", containsString("X refused the account's token"));
        // Without a connected account the post fails at once, saying what to do.
        given().auth().oauth2(writer(ws)).delete("/workspaces/" + ws + "/accounts/X").then().statusCode(204);
        String next = scheduledNow(ws, "{\"platform\":\"X\",\"funnelStage\":\"ACTION\",\"caption\":\"Order again\"}");
        await("failure", () -> "FAILED".equals(status(ws, next)));
        assertTrue(post(ws, next).getString("publishing.failureReason").contains("no connected X account"));
    }

    @Test
    void duplicateContentIsFailedWithXsReasonAndARateLimitWaitsForRetryAfter() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "code-pub-3");
        TWEETS.put(bearer, FakeServer.Reply.json(403, "{\"detail\":\"You are not allowed to create a Tweet with "
                + "duplicate content.\",\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}"));
        String id = scheduledNow(ws, "{\"platform\":\"X\",\"funnelStage\":\"TRUST\",\"caption\":\"Same again\"}");
        await("failure", () -> "FAILED".equals(status(ws, id)));
        assertTrue(post(ws, id).getString("publishing.failureReason").contains("duplicate content"),
                post(ws, id).getString("publishing.failureReason"));

        TWEETS.put(bearer, FakeServer.Reply.json(429, "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many "
                + "Requests\",\"type\":\"about:blank\",\"status\":429}").withHeader("Retry-After", "900"));
        Instant before = Instant.now();
        String limited = scheduledNow(ws, "{\"platform\":\"X\",\"funnelStage\":\"TRUST\",\"caption\":\"Later\"}");
        await("rate limit", () -> tweets(bearer).size() >= 2 && post(ws, limited).get("publishing.nextAttemptAt") != null
                && post(ws, limited).getString("publishing.failureReason") != null);
        JsonPath view = post(ws, limited);
        assertEquals("PUBLISHING", view.getString("status"));
        Instant nextAttempt = Instant.parse(view.getString("publishing.nextAttemptAt"));
        assertFalse(nextAttempt.isBefore(before.plus(Duration.ofSeconds(900))), "next attempt " + nextAttempt);
    }

    @Test
    void mediaOnAnXApiPublisherIsRefusedAtSubmitAndChangesNothing() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        connected(ws, "code-pub-4");
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"X\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Look\","
                        + "\"mediaUrls\":[\"https://cdn.example/a.jpg\"]}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/submit").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("mediaUrls"));
        assertEquals("DRAFT", status(ws, id));
        // X_API fits X only, and takes no other field.
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"type\":\"X_API\"}")
                .put("/workspaces/" + ws + "/publishers/LINKEDIN").then().statusCode(422)
                .body("errors[0].field", equalTo("type"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"type\":\"X_API\",\"url\":\"https://x.example\"}")
                .put("/workspaces/" + ws + "/publishers/X").then().statusCode(422)
                .body("errors[0].field", equalTo("url"));
    }
}
