package io.socialroi.content.publish;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.await;
import static io.socialroi.content.Fixtures.writer;
import static io.socialroi.content.publish.NativePublishingTest.configure;
import static io.socialroi.content.publish.NativePublishingTest.post;
import static io.socialroi.content.publish.NativePublishingTest.scheduledNow;
import static io.socialroi.content.publish.NativePublishingTest.status;
import static org.hamcrest.Matchers.containsInAnyOrder;
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
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pinning to Pinterest with API v5 ({@code POST /v5/pins}) and the connected Pinterest account, against a fake that
 * answers as Pinterest documents: 201 with the Pin, errors {@code {"code","message"}} (401, 429, 400, 403, 404, 5xx).
 */
@QuarkusTest
class PinterestPublishingTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @ContentFakes.OAuth
    FakeServer fake;

    /** What the fake Pinterest answers, by the bearer token of the request. */
    static final Map<String, Function<FakeServer.Recorded, FakeServer.Reply>> PINS = new ConcurrentHashMap<>();

    static final String UNAUTHORIZED = "{\"code\":2,\"message\":\"Authentication failed.\"}";

    @BeforeEach
    void route() {
        // Pinterest's token endpoint (HTTP Basic): any code becomes the access token "pina_<code>".
        fake.on("POST", "/token/pinterest", r -> {
            String code = r.body().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
            return FakeServer.Reply.json(200, "{\"access_token\":\"pina_" + code + "\",\"refresh_token\":\"pinr_"
                    + code + "\",\"response_type\":\"authorization_code\",\"token_type\":\"bearer\",\"expires_in\":"
                    + "2592000,\"refresh_token_expires_in\":31536000,\"scope\":\"boards:read pins:read pins:write\"}");
        });
        fake.on("POST", "/pinterest/v5/pins", r -> PINS.getOrDefault(String.valueOf(r.header("Authorization")),
                x -> FakeServer.Reply.json(401, UNAUTHORIZED)).apply(r));
    }

    static String connected(UUID ws, String code) {
        String state = given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/accounts/PINTEREST/authorizations")
                .then().statusCode(201).extract().path("state");
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"state\":\"" + state + "\",\"code\":\"" + code + "\"}")
                .post("/workspaces/" + ws + "/accounts/PINTEREST/authorizations/complete").then().statusCode(200);
        configure(ws, "PINTEREST", "{\"type\":\"PINTEREST_API\"}");
        return "Bearer pina_" + code;
    }

    List<FakeServer.Recorded> pins(String bearer) {
        return fake.requests().stream().filter(r -> r.path().equals("/pinterest/v5/pins"))
                .filter(r -> bearer.equals(r.header("Authorization"))).toList();
    }

    static final String PIN = "{\"platform\":\"PINTEREST\",\"funnelStage\":\"INTEREST\",\"caption\":\"Peony bouquet, "
            + "tied by hand\",\"callToAction\":\"Order yours\",\"landingUrl\":\"https://fiori.example/peonies\","
            + "\"mediaUrls\":[\"https://cdn.fiori.example/peonies.jpg\"],"
            + "\"platformOptions\":{\"board\":\"549755885175\",\"title\":\"Peonies in May\"}}";

    static FakeServer.Reply created(String id) {
        return FakeServer.Reply.json(201, "{\"id\":\"" + id + "\",\"created_at\":\"2026-05-02T10:00:00\",\"link\":"
                + "\"https://fiori.example/peonies\",\"title\":\"Peonies in May\",\"board_id\":\"549755885175\","
                + "\"media\":{\"media_type\":\"image\"}}");
    }

    @Test
    void aPinGoesToItsBoardWithTheImageTheTrackedLinkAndTheDescription() throws Exception {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        String bearer = connected(ws, "pin-code-1");
        PINS.put(bearer, r -> created("813744226420795884"));
        String id = scheduledNow(ws, PIN);
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        JsonPath view = post(ws, id);
        assertEquals("813744226420795884", view.getString("remoteId"));
        assertEquals("https://www.pinterest.com/pin/813744226420795884/", view.getString("permalink"));
        List<FakeServer.Recorded> sent = pins(bearer);
        assertEquals(1, sent.size());
        assertEquals("POST", sent.get(0).method());
        assertTrue(sent.get(0).header("Content-Type").startsWith("application/json"));
        JsonNode body = JSON.readTree(sent.get(0).body());
        assertEquals("549755885175", body.get("board_id").asText());
        assertEquals("Peonies in May", body.get("title").asText());
        assertEquals("Peony bouquet, tied by hand\n\nOrder yours", body.get("description").asText());
        assertEquals(view.getString("trackedLink.url"), body.get("link").asText());
        assertEquals("image_url", body.at("/media_source/source_type").asText());
        assertEquals("https://cdn.fiori.example/peonies.jpg", body.at("/media_source/url").asText());
        assertEquals(5, body.size(), "only the documented fields: " + body);
    }

    @Test
    void aRevokedTokenAsksToReconnectAndRefusalsFailWithPinterestsMessage() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "pin-code-2");
        PINS.put(bearer, r -> FakeServer.Reply.json(401, UNAUTHORIZED));
        String revoked = scheduledNow(ws, PIN);
        await("failure", () -> "FAILED".equals(status(ws, revoked)));
        assertTrue(post(ws, revoked).getString("publishing.failureReason").endsWith("reconnect the account"));
        assertEquals(1, pins(bearer).size(), "no retry with a refused token");
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/accounts/PINTEREST").then().statusCode(200)
                .body("status", equalTo("RECONNECT")).body("reason", containsString("Pinterest refused the account's token"));

        String again = connected(ws, "pin-code-3");
        Map<Integer, String> refusals = Map.of(
                404, "{\"code\":30,\"message\":\"Board not found.\"}",
                400, "{\"code\":1,\"message\":\"Invalid parameters: media_source.url could not be fetched.\"}",
                403, "{\"code\":29,\"message\":\"You are not permitted to access that resource.\"}");
        for (var refusal : refusals.entrySet()) {
            PINS.put(again, r -> FakeServer.Reply.json(refusal.getKey(), refusal.getValue()));
            String id = scheduledNow(ws, PIN);
            await("failure", () -> "FAILED".equals(status(ws, id)));
            String message = JSON.readTree(refusal.getValue()).get("message").asText();
            assertEquals("Pinterest refused the Pin (HTTP " + refusal.getKey() + ", code "
                    + refusal.getValue().replaceAll(".*\"code\":(\\d+).*", "$1") + ": " + message + ")",
                    post(ws, id).getString("publishing.failureReason"));
            assertEquals(1, post(ws, id).getInt("publishing.attempts"));
        }
    }

    @Test
    void aRateLimitWaitsRetryAfterAndServerErrorsAreRetriedThenPublishedOnce() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "pin-code-4");
        PINS.put(bearer, r -> FakeServer.Reply.json(429, "{\"code\":429,\"message\":\"You have exceeded your rate "
                + "limit. Try again later.\"}").withHeader("Retry-After", "600"));
        Instant before = Instant.now();
        String limited = scheduledNow(ws, PIN);
        await("rate limit", () -> post(ws, limited).getString("publishing.failureReason") != null);
        JsonPath view = post(ws, limited);
        assertEquals("PUBLISHING", view.getString("status"));
        assertTrue(view.getString("publishing.failureReason").startsWith("Pinterest rate limit"));
        assertFalse(Instant.parse(view.getString("publishing.nextAttemptAt")).isBefore(before.plus(Duration.ofSeconds(600))));

        String other = connected(ws, "pin-code-5");
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        PINS.put(other, r -> calls.incrementAndGet() == 1
                ? FakeServer.Reply.json(503, "{\"code\":503,\"message\":\"Service unavailable\"}")
                : created("813744226420795999"));
        String id = scheduledNow(ws, PIN.replace("Peony", "Second peony"));
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        assertEquals(2, pins(other).size(), "once refused with 503, once published");
        assertEquals(2, post(ws, id).getInt("publishing.attempts"));
        assertEquals("813744226420795999", post(ws, id).getString("remoteId"));
    }

    @Test
    void aPinWithoutBoardOrWithAVideoOrSeveralImagesIsRefusedAtSubmit() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        connected(ws, "pin-code-6");
        refused(ws, "{\"platform\":\"PINTEREST\",\"funnelStage\":\"INTEREST\",\"caption\":\"Hello\","
                + "\"mediaUrls\":[\"https://cdn.fiori.example/a.jpg\"]}", "platformOptions.board");
        refused(ws, "{\"platform\":\"PINTEREST\",\"funnelStage\":\"INTEREST\",\"caption\":\"Hello\","
                + "\"mediaUrls\":[\"https://cdn.fiori.example/a.mp4\"],\"platformOptions\":{\"board\":\"1\"}}",
                "mediaUrls[0]");
        refused(ws, "{\"platform\":\"PINTEREST\",\"funnelStage\":\"INTEREST\",\"caption\":\"Hello\",\"mediaUrls\":"
                + "[\"https://cdn.fiori.example/a.jpg\",\"https://cdn.fiori.example/b.jpg\"],\"platformOptions\":"
                + "{\"board\":\"1\"}}", "mediaUrls");
        // PINTEREST_API takes no other field.
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"type\":\"PINTEREST_API\",\"author\":\"urn:li:person:abc\"}")
                .put("/workspaces/" + ws + "/publishers/PINTEREST").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("author"));
    }

    /** The post is created, its submit answers 422 naming {@code field}, and it stays a draft. */
    static void refused(UUID ws, String body, String field) {
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(body)
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/submit").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", containsInAnyOrder(field));
        assertEquals("DRAFT", status(ws, id));
    }
}
