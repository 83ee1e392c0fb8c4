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
import static org.hamcrest.Matchers.hasItem;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Posting to an Instagram professional account (INSTAGRAM_API) with the connected Instagram (Facebook Login)
 * account, against a fake Graph API v21.0 ({@link FakeGraph}): containers, their status_code while a video is
 * processed, media_publish, the permalink, and Graph's error objects.
 */
@QuarkusTest
class InstagramPublishingTest {

    @ContentFakes.OAuth
    FakeServer oauth;

    @ContentFakes.Graph
    FakeServer server;

    FakeGraph graph;

    @BeforeEach
    void route() {
        // Facebook Login with Instagram's permissions (Graph's GET token exchange): a code becomes "ig-user-<code>".
        oauth.on("GET", "/token/instagram", r -> {
            String code = FakeGraph.params(r.query()).get("code");
            return FakeServer.Reply.json(200, "{\"access_token\":\"ig-user-" + code + "\",\"token_type\":\"bearer\","
                    + "\"expires_in\":5183944}");
        });
        graph = FakeGraph.on(server);
    }

    /** A connected Instagram account allowed to publish to a new professional account, and its publisher. */
    String connected(UUID ws, String code) {
        String state = given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/accounts/INSTAGRAM/authorizations")
                .then().statusCode(201).extract().path("state");
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"state\":\"" + state + "\",\"code\":\"" + code + "\"}")
                .post("/workspaces/" + ws + "/accounts/INSTAGRAM/authorizations/complete").then().statusCode(200);
        String account = graph.newId();
        graph.instagram(account, "ig-user-" + code);
        configure(ws, "INSTAGRAM", "{\"type\":\"INSTAGRAM_API\",\"instagramAccountId\":\"" + account + "\"}");
        return account;
    }

    List<FakeServer.Recorded> calls(String method, String path) {
        return server.requests().stream().filter(r -> r.method().equals(method) && r.path().equals("/v21.0/" + path))
                .toList();
    }

    /** The container ids the fake answered to {@code POST /{account}/media}, in order. */
    List<Map<String, String>> containers(String account) {
        return calls("POST", account + "/media").stream().map(FakeGraph::params).toList();
    }

    /** The container status checks made with the token of the account connected with this code. */
    List<FakeServer.Recorded> statusChecks(String code) {
        return server.requests().stream().filter(r -> r.method().equals("GET"))
                .filter(r -> "status_code,status".equals(FakeGraph.params(r).get("fields")))
                .filter(r -> ("ig-user-" + code).equals(FakeGraph.params(r).get("access_token"))).toList();
    }

    @Test
    void oneImageIsAContainerPublishedAtOnceWithItsPermalink() {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        String account = connected(ws, "ig-pub-1");
        String id = scheduledNow(ws, "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Fresh "
                + "cornetti #breakfast\",\"callToAction\":\"Order\",\"landingUrl\":\"https://fiori.example/cornetti\","
                + "\"mediaUrls\":[\"https://cdn.fiori.example/cornetti.jpg\"]}");
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        JsonPath view = post(ws, id);
        List<Map<String, String>> made = containers(account);
        assertEquals(1, made.size());
        assertEquals(Map.of("image_url", "https://cdn.fiori.example/cornetti.jpg", "caption", "Fresh cornetti "
                + "#breakfast\n\nOrder: " + view.getString("trackedLink.url"), "access_token", "ig-user-ig-pub-1",
                "appsecret_proof", FakeGraph.proof("ig-user-ig-pub-1")), made.get(0));
        assertTrue(statusChecks("ig-pub-1").isEmpty(), "an image container is not waited for");
        List<FakeServer.Recorded> publish = calls("POST", account + "/media_publish");
        assertEquals(1, publish.size());
        String creation = FakeGraph.params(publish.get(0)).get("creation_id");
        assertTrue(creation.matches("\\d+"), creation);
        String media = view.getString("remoteId");
        assertEquals("https://cdn.fiori.example/cornetti.jpg", graph.published.get(media).get("image_url"));
        assertEquals("https://www.instagram.com/p/C" + media + "x/", view.getString("permalink"));
        assertEquals("permalink", FakeGraph.params(calls("GET", media).get(0)).get("fields"));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers/INSTAGRAM").then().statusCode(200)
                .body("instagramAccountId", equalTo(account));
    }

    @Test
    void aVideoIsAReelWhoseContainerIsCheckedUntilFinished() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String account = connected(ws, "ig-pub-2");
        graph.processing(account, "IN_PROGRESS", "IN_PROGRESS", "FINISHED");
        String id = scheduledNow(ws, "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"INTEREST\",\"caption\":\"How we "
                + "knead\",\"mediaUrls\":[\"https://cdn.fiori.example/knead.mp4\"]}");
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        Map<String, String> reel = containers(account).get(0);
        assertEquals("REELS", reel.get("media_type"));
        assertEquals("https://cdn.fiori.example/knead.mp4", reel.get("video_url"));
        assertEquals("How we knead", reel.get("caption"));
        String creation = FakeGraph.params(calls("POST", account + "/media_publish").get(0)).get("creation_id");
        assertEquals(3, calls("GET", creation).size(), "IN_PROGRESS twice, then FINISHED");
        assertEquals("status_code,status", FakeGraph.params(calls("GET", creation).get(0)).get("fields"));
        assertEquals("1", post(ws, id).getString("publishing.attempts"), "within one attempt");
    }

    @Test
    void twoToTenMediaAreACarouselOfItemContainers() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String account = connected(ws, "ig-pub-3");
        graph.processing(account, "IN_PROGRESS", "FINISHED");
        String id = scheduledNow(ws, "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"INTEREST\",\"caption\":\"A day at "
                + "the bakery\",\"mediaUrls\":[\"https://cdn.fiori.example/1.jpg\",\"https://cdn.fiori.example/2.mp4\","
                + "\"https://cdn.fiori.example/3.jpeg\"]}");
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        List<Map<String, String>> made = containers(account);
        assertEquals(4, made.size());
        assertEquals("https://cdn.fiori.example/1.jpg", made.get(0).get("image_url"));
        assertEquals("true", made.get(0).get("is_carousel_item"));
        assertFalse(made.get(0).containsKey("caption"), "items carry no caption");
        assertEquals("VIDEO", made.get(1).get("media_type"));
        assertEquals("https://cdn.fiori.example/2.mp4", made.get(1).get("video_url"));
        assertEquals("true", made.get(1).get("is_carousel_item"));
        assertEquals("https://cdn.fiori.example/3.jpeg", made.get(2).get("image_url"));
        Map<String, String> carousel = made.get(3);
        assertEquals("CAROUSEL", carousel.get("media_type"));
        assertEquals("A day at the bakery", carousel.get("caption"));
        String[] children = carousel.get("children").split(",");
        assertEquals(3, children.length);
        // The video item was checked before the carousel was made, and the carousel before it was published.
        assertEquals(2, calls("GET", children[1]).size());
        assertTrue(calls("GET", children[0]).isEmpty());
        String creation = FakeGraph.params(calls("POST", account + "/media_publish").get(0)).get("creation_id");
        assertEquals(2, calls("GET", creation).size());
        assertEquals("CAROUSEL", graph.published.get(post(ws, id).getString("remoteId")).get("media_type"));
    }

    @Test
    void aContainerInErrorFailsWithInstagramsStatusAndOneStillProcessingIsLeftForALaterAttempt() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String account = connected(ws, "ig-pub-4");
        graph.processing(account, "IN_PROGRESS", "ERROR");
        String broken = scheduledNow(ws, "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"INTEREST\",\"caption\":\"Oops\","
                + "\"mediaUrls\":[\"https://cdn.fiori.example/broken.mov\"]}");
        await("failure", () -> "FAILED".equals(status(ws, broken)));
        assertEquals("Instagram could not process the media (ERROR: Error: 2207026: Unsupported video format)",
                post(ws, broken).getString("publishing.failureReason"));
        assertEquals("1", post(ws, broken).getString("publishing.attempts"));

        // Still IN_PROGRESS after the 3 checks an attempt makes (in the tests): the next attempts wait for the same
        // container (kept for the post), never published; FAILED after the last attempt.
        graph.processing(account, "IN_PROGRESS");
        int checks = statusChecks("ig-pub-4").size();
        String slow = scheduledNow(ws, "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"INTEREST\",\"caption\":\"Slow\","
                + "\"mediaUrls\":[\"https://cdn.fiori.example/long.mp4\"]}");
        await("failure", () -> "FAILED".equals(status(ws, slow)));
        assertTrue(post(ws, slow).getString("publishing.failureReason").startsWith("Instagram was still processing "
                + "the video (IN_PROGRESS)"), post(ws, slow).getString("publishing.failureReason"));
        List<Map<String, String>> made = containers(account).stream()
                .filter(c -> "https://cdn.fiori.example/long.mp4".equals(c.get("video_url"))).toList();
        assertEquals(1, made.size(), "one container, waited for across the attempts");
        assertEquals(3 + 4 + 4, statusChecks("ig-pub-4").size() - checks,
                "3 checks, then the kept container's and 3 more, twice");
        assertTrue(calls("POST", account + "/media_publish").isEmpty(), "nothing published");
        assertEquals(1, Fixtures.count("select count(*) from instagram_container where post_id = ?",
                UUID.fromString(slow)), "kept: rescheduled with the same video, the post waits for the same container");
        assertEquals(0, Fixtures.count("select count(*) from instagram_container where post_id = ?",
                UUID.fromString(broken)), "forgotten: the post was refused");

        // The same video processed by the second attempt: the first attempt's container is published.
        graph.processing(account, "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "FINISHED");
        String later = scheduledNow(ws, "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"INTEREST\",\"caption\":"
                + "\"Kneaded later\",\"mediaUrls\":[\"https://cdn.fiori.example/later.mp4\"]}");
        await("publication", () -> "PUBLISHED".equals(status(ws, later)));
        assertEquals("2", post(ws, later).getString("publishing.attempts"));
        assertEquals(1, containers(account).stream()
                .filter(c -> "https://cdn.fiori.example/later.mp4".equals(c.get("video_url"))).count());
    }

    @Test
    void aLostAnswerToMediaPublishIsNotPostedTwice() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String account = connected(ws, "ig-pub-8");
        graph.loseNextPublishAnswer(account);
        String id = scheduledNow(ws, "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"Once\","
                + "\"mediaUrls\":[\"https://cdn.fiori.example/once.jpg\"]}");
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        JsonPath view = post(ws, id);
        assertEquals("2", view.getString("publishing.attempts"));
        assertEquals(1, calls("POST", account + "/media_publish").size(), "the kept container was PUBLISHED");
        assertEquals(1, containers(account).size());
        assertEquals(1, graph.published.values().stream().filter(p -> "Once".equals(p.get("caption"))).count());
        assertEquals(null, view.getString("remoteId"), "Graph names no media id for a container");
    }

    @Test
    void graphErrorsAreMappedAsMetaDocumentsThem() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String account = connected(ws, "ig-pub-5");
        String image = "\"mediaUrls\":[\"https://cdn.fiori.example/p.jpg\"]";
        // Instagram could not fetch the media: FAILED with its message.
        graph.fail("POST", "/v21.0/" + account + "/media", FakeServer.Reply.json(400, "{\"error\":{\"message\":"
                + "\"Only photo or video can be accepted as media type.\",\"type\":\"OAuthException\",\"code\":9004,"
                + "\"error_subcode\":2207052,\"is_transient\":false,\"error_user_title\":\"Media download has failed.\","
                + "\"error_user_msg\":\"The media could not be fetched from this URI.\",\"fbtrace_id\":\"A9\"}}"));
        String unfetched = scheduledNow(ws, "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"A\","
                + image + "}");
        await("failure", () -> "FAILED".equals(status(ws, unfetched)));
        assertEquals("Instagram refused the post (HTTP 400, code 9004/2207052: Only photo or video can be accepted as "
                + "media type. The media could not be fetched from this URI.)",
                post(ws, unfetched).getString("publishing.failureReason"));

        // The publishing limit (9/2207042): retried; a 503 on media_publish: retried; then published once.
        graph.fail("POST", "/v21.0/" + account + "/media_publish", FakeGraph.error(400, 9, 2207042, "OAuthException",
                "Application request limit reached"), FakeServer.Reply.json(503, ""));
        String later = scheduledNow(ws, "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"Later\","
                + image + "}");
        await("publication", () -> "PUBLISHED".equals(status(ws, later)));
        assertEquals("3", post(ws, later).getString("publishing.attempts"));
        assertEquals(3, calls("POST", account + "/media_publish").size());
        assertEquals(1, graph.published.values().stream().filter(p -> "Later".equals(p.get("caption"))).count(),
                "published once");
        assertEquals(1, containers(account).stream().filter(c -> "Later".equals(c.get("caption"))).count(),
                "the container kept across the attempts");

        // Spam restriction (code 4 / 2207051) is not a rate limit: FAILED.
        graph.fail("POST", "/v21.0/" + account + "/media_publish", FakeGraph.error(400, 4, 2207051, "OAuthException",
                "Application request limit reached"));
        String spam = scheduledNow(ws, "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"Spam\","
                + image + "}");
        await("failure", () -> "FAILED".equals(status(ws, spam)));
        assertEquals("1", post(ws, spam).getString("publishing.attempts"));

        // A permission removed (code 10): reconnect, naming the permission; the account turns RECONNECT.
        graph.fail("POST", "/v21.0/" + account + "/media", FakeGraph.error(400, 10, null, "OAuthException",
                "Application does not have permission for this action"));
        String denied = scheduledNow(ws, "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"No\","
                + image + "}");
        await("failure", () -> "FAILED".equals(status(ws, denied)));
        String reason = post(ws, denied).getString("publishing.failureReason");
        assertTrue(reason.contains("must grant instagram_content_publish") && reason.endsWith("reconnect the account"),
                reason);
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/accounts/INSTAGRAM").then().statusCode(200)
                .body("status", equalTo("RECONNECT"));

        // An expired token (190): the same.
        UUID other = Fixtures.workspace("UTC", "EUR");
        String account2 = connected(other, "ig-pub-6");
        graph.fail("POST", "/v21.0/" + account2 + "/media", FakeGraph.error(400, 190, 463, "OAuthException",
                "Error validating access token: Session has expired"));
        String expired = scheduledNow(other, "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"E\","
                + image + "}");
        await("failure", () -> "FAILED".equals(status(other, expired)));
        assertTrue(post(other, expired).getString("publishing.failureReason").startsWith("Instagram refused the "
                + "account's token (HTTP 400, code 190/463"));
        given().auth().oauth2(writer(other)).get("/workspaces/" + other + "/accounts/INSTAGRAM").then().statusCode(200)
                .body("status", equalTo("RECONNECT"));
    }

    @Test
    void instagramNeedsOneToTenMediaAndAtMost30HashtagsAtSubmit() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        connected(ws, "ig-pub-7");
        String none = draft(ws, "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Words only\"}");
        submit(ws, none).body("errors.field", hasItem("mediaUrls"));
        String media = IntStream.rangeClosed(1, 11).mapToObj(i -> "\"https://cdn.fiori.example/" + i + ".jpg\"")
                .collect(Collectors.joining(","));
        String eleven = draft(ws, "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Many\","
                + "\"mediaUrls\":[" + media + "]}");
        submit(ws, eleven).body("errors.field", hasItem("mediaUrls"));
        String tags = IntStream.rangeClosed(1, 31).mapToObj(i -> "#tag" + i).collect(Collectors.joining(" "));
        String hashtags = draft(ws, "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ATTENTION\",\"caption\":\"" + tags
                + "\",\"mediaUrls\":[\"https://cdn.fiori.example/a.jpg\"]}");
        submit(ws, hashtags).body("errors[0].field", equalTo("caption"))
                .body("errors[0].message", equalTo("has 31 hashtags; Instagram takes at most 30"));
        assertEquals("DRAFT", status(ws, hashtags));
        // 30 hashtags, an e-mail address and a URL fragment are fine.
        String thirty = draft(ws, "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ATTENTION\",\"caption\":\""
                + tags.substring(0, tags.lastIndexOf(" #")) + " write to info@fiori.example or see "
                + "https://fiori.example/#menu\",\"mediaUrls\":[\"https://cdn.fiori.example/a.jpg\"]}");
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + thirty + "/submit").then()
                .statusCode(200);
    }

    @Test
    void theInstagramPublisherNeedsAnAccountIdOfDigitsAndNothingElse() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String url = "/workspaces/" + ws + "/publishers/INSTAGRAM";
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"type\":\"INSTAGRAM_API\"}").put(url)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("instagramAccountId"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"type\":\"INSTAGRAM_API\",\"instagramAccountId\":\"@fiori\"}").put(url)
                .then().statusCode(422).body("errors[0].field", equalTo("instagramAccountId"))
                .body("errors[0].message", containsString("digits"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"type\":\"INSTAGRAM_API\",\"instagramAccountId\":\"1784\",\"pageId\":\"1049\"}").put(url)
                .then().statusCode(422).body("errors[0].field", equalTo("pageId"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"type\":\"X_API\",\"instagramAccountId\":\"1784\"}").put("/workspaces/" + ws + "/publishers/X")
                .then().statusCode(422).body("errors[0].field", equalTo("instagramAccountId"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"type\":\"INSTAGRAM_API\",\"instagramAccountId\":\"1784\"}")
                .put("/workspaces/" + ws + "/publishers/FACEBOOK").then().statusCode(422)
                .body("errors[0].field", equalTo("type"));
        given().auth().oauth2(writer(ws)).get(url).then().statusCode(404);
    }

    static String draft(UUID ws, String body) {
        return given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(body)
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
    }

    static io.restassured.response.ValidatableResponse submit(UUID ws, String id) {
        return given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/submit").then()
                .statusCode(422).contentType("application/problem+json");
    }
}
