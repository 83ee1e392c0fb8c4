package io.socialroi.content.publish;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.await;
import static io.socialroi.content.Fixtures.writer;
import static io.socialroi.content.publish.NativePublishingTest.configure;
import static io.socialroi.content.publish.NativePublishingTest.post;
import static io.socialroi.content.publish.NativePublishingTest.scheduledNow;
import static io.socialroi.content.publish.NativePublishingTest.status;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialroi.content.ContentFakes;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.FakeServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Posting to Reddit (/api/submit) with the connected Reddit account, against a fake that answers as Reddit does. */
@QuarkusTest
class RedditPublishingTest {

    @ContentFakes.OAuth
    FakeServer fake;

    static final Map<String, FakeServer.Reply> SUBMITS = new ConcurrentHashMap<>();

    @BeforeEach
    void route() {
        // Reddit's token endpoint (HTTP Basic): any code becomes the access token "rd-<code>".
        fake.on("POST", "/token/reddit", r -> {
            String code = r.body().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
            return FakeServer.Reply.json(200, "{\"access_token\":\"rd-" + code + "\",\"token_type\":\"bearer\","
                    + "\"expires_in\":86400,\"refresh_token\":\"rd-refresh-" + code + "\",\"scope\":\"identity submit read\"}");
        });
        fake.on("POST", "/reddit/api/submit", r -> SUBMITS.getOrDefault(String.valueOf(r.header("Authorization")),
                FakeServer.Reply.json(401, "{\"message\":\"Unauthorized\",\"error\":401}")));
    }

    static String connected(UUID ws, String code) {
        String state = given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/accounts/REDDIT/authorizations")
                .then().statusCode(201).extract().path("state");
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"state\":\"" + state + "\",\"code\":\"" + code + "\"}")
                .post("/workspaces/" + ws + "/accounts/REDDIT/authorizations/complete").then().statusCode(200);
        configure(ws, "REDDIT", "{\"type\":\"REDDIT_API\"}");
        return "bearer rd-" + code;
    }

    List<FakeServer.Recorded> submits(String bearer) {
        return fake.requests().stream().filter(r -> r.path().equals("/reddit/api/submit"))
                .filter(r -> bearer.equals(r.header("Authorization"))).toList();
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    static final String POST = "{\"platform\":\"REDDIT\",\"funnelStage\":\"INTEREST\",\"caption\":\"How we bake\","
            + "\"mediaUrls\":[\"https://cdn.fiori.example/oven.jpg\"],"
            + "\"platformOptions\":{\"subreddit\":\"r/Baking\",\"title\":\"Our sourdough, step by step\"}}";

    @Test
    void aTextPostGoesToItsSubredditWithItsTitleAndKeepsItsPermalink() {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        String bearer = connected(ws, "rd-code-1");
        SUBMITS.put(bearer, FakeServer.Reply.json(200, "{\"json\":{\"errors\":[],\"data\":{\"url\":"
                + "\"https://www.reddit.com/r/Baking/comments/1h2x3y4/our_sourdough_step_by_step/\",\"drafts_count\":0,"
                + "\"id\":\"1h2x3y4\",\"name\":\"t3_1h2x3y4\"}}}"));
        String id = scheduledNow(ws, POST);
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        JsonPath view = post(ws, id);
        assertEquals("t3_1h2x3y4", view.getString("remoteId"));
        assertEquals("https://www.reddit.com/r/Baking/comments/1h2x3y4/our_sourdough_step_by_step/",
                view.getString("permalink"));
        FakeServer.Recorded sent = submits(bearer).get(0);
        assertTrue(sent.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
        assertTrue(sent.header("User-Agent").startsWith("web:social-roi-suite:"), sent.header("User-Agent"));
        Map<String, String> f = form(sent.body());
        assertEquals("json", f.get("api_type"));
        assertEquals("Baking", f.get("sr"));
        assertEquals("self", f.get("kind"));
        assertEquals("Our sourdough, step by step", f.get("title"));
        assertEquals("How we bake\n\nhttps://cdn.fiori.example/oven.jpg", f.get("text"));
    }

    @Test
    void redditsErrorsAreMappedAsItSaysThem() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "rd-code-2");
        SUBMITS.put(bearer, FakeServer.Reply.json(200, "{\"json\":{\"errors\":[[\"SUBREDDIT_NOEXIST\","
                + "\"that subreddit doesn't exist\",\"sr\"]]}}"));
        String missing = scheduledNow(ws, POST);
        await("failure", () -> "FAILED".equals(status(ws, missing)));
        assertEquals("Reddit refused the post (SUBREDDIT_NOEXIST: that subreddit doesn't exist)",
                post(ws, missing).getString("publishing.failureReason"));

        SUBMITS.put(bearer, FakeServer.Reply.json(200, "{\"json\":{\"errors\":[[\"RATELIMIT\",\"Looks like you've "
                + "been doing that a lot. Take a break for 5 minutes before trying again.\",\"ratelimit\"]]}}"));
        Instant before = Instant.now();
        String limited = scheduledNow(ws, POST);
        await("rate limit", () -> post(ws, limited).getString("publishing.failureReason") != null);
        JsonPath view = post(ws, limited);
        assertEquals("PUBLISHING", view.getString("status"));
        Instant next = Instant.parse(view.getString("publishing.nextAttemptAt"));
        assertFalse(next.isBefore(before.plus(Duration.ofMinutes(5))), "next attempt " + next);

        SUBMITS.put(bearer, FakeServer.Reply.json(401, "{\"message\":\"Unauthorized\",\"error\":401}"));
        String revoked = scheduledNow(ws, POST);
        await("failure", () -> "FAILED".equals(status(ws, revoked)));
        assertTrue(post(ws, revoked).getString("publishing.failureReason").endsWith("reconnect the account"));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/accounts/REDDIT").then().statusCode(200)
                .body("status", equalTo("RECONNECT"));
    }

    @Test
    void aRedditPostWithoutSubredditOrTitleIsRefusedAtSubmit() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        connected(ws, "rd-code-3");
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"REDDIT\",\"funnelStage\":\"INTEREST\",\"caption\":\"Hello\"}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/submit").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("platformOptions.subreddit", "platformOptions.title"));
        assertEquals("DRAFT", status(ws, id));
    }

    @Test
    void theWaitInARateLimitMessageIsRead() {
        assertEquals(Duration.ofMinutes(5), RedditPublisher.wait("Take a break for 5 minutes before trying again."));
        assertEquals(Duration.ofSeconds(40), RedditPublisher.wait("try again in 40 seconds"));
        assertEquals(null, RedditPublisher.wait("you are doing that too much"));
    }
}
