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
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialroi.content.ContentFakes;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.FakeServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Posting to a Facebook Page (FACEBOOK_API) with the connected Facebook account, against a fake Graph API v21.0
 * ({@link FakeGraph}) that answers as Meta documents: the Page token for a user with a role on the Page, then
 * {@code /feed}, {@code /photos}, {@code /videos}, and Graph's error objects.
 */
@QuarkusTest
class FacebookPublishingTest {

    @ContentFakes.OAuth
    FakeServer oauth;

    @ContentFakes.Graph
    FakeServer server;

    FakeGraph graph;

    @BeforeEach
    void route() {
        // Facebook Login's token exchange (Graph's GET /oauth/access_token): any code becomes "fb-user-<code>".
        oauth.on("GET", "/token/facebook", r -> {
            String code = FakeGraph.params(r.query()).get("code");
            return FakeServer.Reply.json(200, "{\"access_token\":\"fb-user-" + code + "\",\"token_type\":\"bearer\","
                    + "\"expires_in\":5183944}");
        });
        graph = FakeGraph.on(server);
    }

    /** A connected Facebook account whose user has a role on a new Page, and the FACEBOOK_API publisher for it. */
    String connected(UUID ws, String code) {
        String state = given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/accounts/FACEBOOK/authorizations")
                .then().statusCode(201).extract().path("state");
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"state\":\"" + state + "\",\"code\":\"" + code + "\"}")
                .post("/workspaces/" + ws + "/accounts/FACEBOOK/authorizations/complete").then().statusCode(200);
        String page = graph.newId();
        graph.page(page, "fb-user-" + code);
        configure(ws, "FACEBOOK", "{\"type\":\"FACEBOOK_API\",\"pageId\":\"" + page + "\"}");
        return page;
    }

    List<FakeServer.Recorded> calls(String path) {
        return server.requests().stream().filter(r -> r.path().equals("/v21.0/" + path)).toList();
    }

    @Test
    void aTextPostAsksForThePageTokenThenPostsToTheFeedWithTheTrackedLink() {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        String page = connected(ws, "fb-pub-1");
        String id = scheduledNow(ws, "{\"platform\":\"FACEBOOK\",\"funnelStage\":\"ACTION\",\"caption\":\"Peonies "
                + "are in\",\"callToAction\":\"Order\",\"landingUrl\":\"https://fiori.example/peonies\"}");
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        JsonPath view = post(ws, id);

        FakeServer.Recorded tokenCall = calls(page).get(0);
        assertEquals("GET", tokenCall.method());
        Map<String, String> asked = FakeGraph.params(tokenCall);
        assertEquals("access_token", asked.get("fields"));
        assertEquals("fb-user-fb-pub-1", asked.get("access_token"));
        assertEquals(FakeGraph.proof("fb-user-fb-pub-1"), asked.get("appsecret_proof"), "signed with the app secret");

        List<FakeServer.Recorded> feed = calls(page + "/feed");
        assertEquals(1, feed.size());
        assertTrue(feed.get(0).header("Content-Type").startsWith("application/x-www-form-urlencoded"));
        Map<String, String> sent = FakeGraph.params(feed.get(0));
        assertEquals("Peonies are in\n\nOrder", sent.get("message"));
        assertEquals(view.getString("trackedLink.url"), sent.get("link"));
        assertEquals("page-" + page + "-of-fb-user-fb-pub-1", sent.get("access_token"), "the Page token");
        assertEquals(FakeGraph.proof(sent.get("access_token")), sent.get("appsecret_proof"));
        assertEquals(4, sent.size(), "message, link, the token and its proof: " + sent);

        String remote = view.getString("remoteId");
        assertTrue(remote.startsWith(page + "_"), remote);
        assertEquals(Map.of("message", "Peonies are in\n\nOrder", "link", view.getString("trackedLink.url")),
                Map.of("message", graph.published.get(remote).get("message"), "link",
                        graph.published.get(remote).get("link")));
        assertEquals("https://www.facebook.com/" + page + "/posts/pfbid0" + remote, view.getString("permalink"));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers/FACEBOOK").then().statusCode(200)
                .body("pageId", equalTo(page)).body("instagramAccountId", nullValue());
    }

    @Test
    void oneImageGoesToPhotosSeveralAsUnpublishedPhotosAttachedToOneFeedPostAndAVideoToVideos() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String page = connected(ws, "fb-pub-2");
        String one = scheduledNow(ws, "{\"platform\":\"FACEBOOK\",\"funnelStage\":\"INTEREST\",\"caption\":\"Our oven\","
                + "\"mediaUrls\":[\"https://cdn.fiori.example/oven.jpg\"]}");
        await("publication", () -> "PUBLISHED".equals(status(ws, one)));
        Map<String, String> photo = FakeGraph.params(calls(page + "/photos").get(0));
        assertEquals("https://cdn.fiori.example/oven.jpg", photo.get("url"));
        assertEquals("Our oven", photo.get("caption"));
        assertFalse(photo.containsKey("published"));
        JsonPath view = post(ws, one);
        assertTrue(view.getString("remoteId").startsWith(page + "_"), "the photo's post id: " + view.getString("remoteId"));

        String several = scheduledNow(ws, "{\"platform\":\"FACEBOOK\",\"funnelStage\":\"INTEREST\",\"caption\":\"Two "
                + "loaves\",\"mediaUrls\":[\"https://cdn.fiori.example/a.jpg\",\"https://cdn.fiori.example/b.png\"]}");
        await("publication", () -> "PUBLISHED".equals(status(ws, several)));
        List<FakeServer.Recorded> photos = calls(page + "/photos");
        assertEquals(3, photos.size());
        assertEquals("https://cdn.fiori.example/a.jpg", FakeGraph.params(photos.get(1)).get("url"));
        assertEquals("false", FakeGraph.params(photos.get(1)).get("published"));
        assertEquals("https://cdn.fiori.example/b.png", FakeGraph.params(photos.get(2)).get("url"));
        assertEquals("false", FakeGraph.params(photos.get(2)).get("published"));
        Map<String, String> feed = FakeGraph.params(calls(page + "/feed").get(0));
        assertEquals("Two loaves", feed.get("message"));
        assertTrue(feed.get("attached_media[0]").matches("\\{\"media_fbid\":\"\\d+\"}"), feed.toString());
        assertTrue(feed.get("attached_media[1]").matches("\\{\"media_fbid\":\"\\d+\"}"), feed.toString());
        assertFalse(feed.get("attached_media[0]").equals(feed.get("attached_media[1]")));

        String video = scheduledNow(ws, "{\"platform\":\"FACEBOOK\",\"funnelStage\":\"TRUST\",\"caption\":\"How we "
                + "knead\",\"landingUrl\":\"https://fiori.example/bread\","
                + "\"mediaUrls\":[\"https://cdn.fiori.example/knead.mp4\"]}");
        await("publication", () -> "PUBLISHED".equals(status(ws, video)));
        JsonPath videoView = post(ws, video);
        Map<String, String> sent = FakeGraph.params(calls(page + "/videos").get(0));
        assertEquals("https://cdn.fiori.example/knead.mp4", sent.get("file_url"));
        assertEquals("How we knead\n\n" + videoView.getString("trackedLink.url"), sent.get("description"));
        String videoId = videoView.getString("remoteId");
        assertTrue(videoId.matches("\\d+"), videoId);
        assertEquals("https://www.facebook.com/" + page + "/videos/" + videoId + "/", videoView.getString("permalink"));
    }

    @Test
    void anExpiredTokenOrAMissingPermissionAsksToReconnectTheAccount() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String page = connected(ws, "fb-pub-3");
        graph.fail("GET", "/v21.0/" + page, FakeGraph.error(400, 190, 463, "OAuthException", "Error validating "
                + "access token: Session has expired on Monday, 07-Dec-26 10:00:00 PST."));
        String id = scheduledNow(ws, "{\"platform\":\"FACEBOOK\",\"funnelStage\":\"ACTION\",\"caption\":\"Order\"}");
        await("failure", () -> "FAILED".equals(status(ws, id)));
        String reason = post(ws, id).getString("publishing.failureReason");
        assertTrue(reason.contains("Session has expired") && reason.endsWith("reconnect the account"), reason);
        assertEquals(1, calls(page).size(), "no retry with a refused token");
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/accounts/FACEBOOK").then().statusCode(200)
                .body("status", equalTo("RECONNECT")).body("reason", containsString("code 190/463"));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers/FACEBOOK").then().statusCode(200)
                .body("reconnectReason", containsString("reconnect the account"));

        UUID other = Fixtures.workspace("UTC", "EUR");
        String page2 = connected(other, "fb-pub-4");
        graph.fail("POST", "/v21.0/" + page2 + "/feed", FakeGraph.error(403, 200, null, "OAuthException", "(#200) "
                + "If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin with "
                + "sufficient administrative permission"));
        String denied = scheduledNow(other, "{\"platform\":\"FACEBOOK\",\"funnelStage\":\"ACTION\",\"caption\":\"Hi\"}");
        await("failure", () -> "FAILED".equals(status(other, denied)));
        String why = post(other, denied).getString("publishing.failureReason");
        assertTrue(why.contains("must grant pages_manage_posts") && why.endsWith("reconnect the account"), why);
        given().auth().oauth2(writer(other)).get("/workspaces/" + other + "/accounts/FACEBOOK").then().statusCode(200)
                .body("status", equalTo("RECONNECT"));
    }

    @Test
    void aUserWithoutARoleOnThePageGetsNoPageTokenAndThePostFailsSayingSo() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        connected(ws, "fb-pub-5");
        String stranger = graph.newId();
        graph.page(stranger, "fb-user-someone-else");
        configure(ws, "FACEBOOK", "{\"type\":\"FACEBOOK_API\",\"pageId\":\"" + stranger + "\"}");
        String id = scheduledNow(ws, "{\"platform\":\"FACEBOOK\",\"funnelStage\":\"ACTION\",\"caption\":\"Hi\"}");
        await("failure", () -> "FAILED".equals(status(ws, id)));
        assertTrue(post(ws, id).getString("publishing.failureReason").contains("needs a role on that Page"));
        assertTrue(calls(stranger + "/feed").isEmpty());
    }

    @Test
    void rateLimitsAndTransientErrorsAreRetriedAndRefusedPostsFailWithMetasMessage() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String page = connected(ws, "fb-pub-6");
        // A Page rate limit at every attempt: retried (max-attempts 3 in the tests), then FAILED with it.
        FakeServer.Reply limit = FakeGraph.error(400, 32, null, "OAuthException", "(#32) Page request limit reached");
        graph.fail("POST", "/v21.0/" + page + "/feed", limit, limit, limit);
        String limited = scheduledNow(ws, "{\"platform\":\"FACEBOOK\",\"funnelStage\":\"ACTION\",\"caption\":\"Soon\"}");
        await("failure", () -> "FAILED".equals(status(ws, limited)));
        assertEquals(3, calls(page + "/feed").size(), "one call an attempt");
        assertTrue(post(ws, limited).getString("publishing.failureReason").startsWith("Facebook rate limit (HTTP 400, "
                + "code 32: (#32) Page request limit reached)"), post(ws, limited).getString("publishing.failureReason"));

        // A 500 with Meta's transient code 2, then the post goes out once.
        graph.fail("POST", "/v21.0/" + page + "/feed", FakeServer.Reply.json(500, "{\"error\":{\"message\":\"An "
                + "unexpected error has occurred. Please retry your request later.\",\"type\":\"OAuthException\","
                + "\"is_transient\":true,\"code\":2,\"fbtrace_id\":\"Ax1\"}}"));
        String flaky = scheduledNow(ws, "{\"platform\":\"FACEBOOK\",\"funnelStage\":\"ACTION\",\"caption\":\"Again\"}");
        await("publication", () -> "PUBLISHED".equals(status(ws, flaky)));
        assertEquals(5, calls(page + "/feed").size());
        assertEquals(1, graph.published.values().stream().filter(p -> "Again".equals(p.get("message"))).count(),
                "published once");

        // Refused content (code 368, blocked for a policy violation): FAILED at once with Meta's message.
        graph.fail("POST", "/v21.0/" + page + "/feed", FakeGraph.error(400, 368, 1390008, "OAuthException",
                "The action attempted has been deemed abusive or is otherwise disallowed"));
        String refused = scheduledNow(ws, "{\"platform\":\"FACEBOOK\",\"funnelStage\":\"ACTION\",\"caption\":\"Nope\"}");
        await("failure", () -> "FAILED".equals(status(ws, refused)));
        assertEquals("Facebook refused the post (HTTP 400, code 368/1390008: The action attempted has been deemed "
                + "abusive or is otherwise disallowed)", post(ws, refused).getString("publishing.failureReason"));
        assertEquals(6, calls(page + "/feed").size(), "no retry of a refused post");
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/accounts/FACEBOOK").then().statusCode(200)
                .body("status", equalTo("CONNECTED"));
    }

    @Test
    void theFacebookPublisherNeedsAPageIdOfDigitsAndNothingElse() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String url = "/workspaces/" + ws + "/publishers/FACEBOOK";
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"type\":\"FACEBOOK_API\"}").put(url)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("pageId")).body("errors[0].message", containsString("required"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"type\":\"FACEBOOK_API\",\"pageId\":\"fiori.bakery\"}").put(url)
                .then().statusCode(422).body("errors[0].field", equalTo("pageId"))
                .body("errors[0].message", containsString("digits"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"type\":\"FACEBOOK_API\",\"pageId\":\"1049\",\"instagramAccountId\":\"1784\"}").put(url)
                .then().statusCode(422).body("errors[0].field", equalTo("instagramAccountId"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"type\":\"WEBHOOK\",\"url\":\"https://hooks.example/fb\",\"secret\":\"whsec_9f2c1a7e5b3d4f60\","
                        + "\"pageId\":\"1049\"}").put(url)
                .then().statusCode(422).body("errors[0].field", equalTo("pageId"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"type\":\"FACEBOOK_API\",\"pageId\":\"1049\"}").put("/workspaces/" + ws + "/publishers/INSTAGRAM")
                .then().statusCode(422).body("errors[0].field", equalTo("type"));
        given().auth().oauth2(writer(ws)).get(url).then().statusCode(404);
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"type\":\"FACEBOOK_API\",\"pageId\":\" 104918372650183 \"}").put(url).then().statusCode(200)
                .body("type", equalTo("FACEBOOK_API")).body("pageId", equalTo("104918372650183"));
        // Another type drops the Page.
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"type\":\"WEBHOOK\",\"url\":\"https://hooks.example/fb\",\"secret\":\"whsec_9f2c1a7e5b3d4f60\"}")
                .put(url).then().statusCode(200).body("pageId", nullValue());
        assertEquals(0, Fixtures.count("select count(*) from publisher where workspace_id = '" + ws
                + "' and target is not null"));
    }
}
