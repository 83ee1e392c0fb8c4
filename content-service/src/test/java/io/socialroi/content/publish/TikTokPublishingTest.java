package io.socialroi.content.publish;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.await;
import static io.socialroi.content.Fixtures.writer;
import static io.socialroi.content.publish.NativePublishingTest.configure;
import static io.socialroi.content.publish.NativePublishingTest.post;
import static io.socialroi.content.publish.NativePublishingTest.scheduledNow;
import static io.socialroi.content.publish.NativePublishingTest.status;
import static io.socialroi.content.publish.PinterestPublishingTest.refused;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Direct posts to TikTok with the Content Posting API v2 (creator info, video init with PULL_FROM_URL, status
 * fetch) and the connected TikTok account, against a fake that answers as TikTok documents:
 * {@code {"data":{...},"error":{"code":"ok","message":"","log_id"}}}, error codes such as
 * {@code access_token_invalid}, {@code rate_limit_exceeded}, {@code spam_risk_too_many_posts}.
 */
@QuarkusTest
class TikTokPublishingTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CREATOR = "/tiktok/v2/post/publish/creator_info/query/";
    static final String INIT = "/tiktok/v2/post/publish/video/init/";
    static final String STATUS = "/tiktok/v2/post/publish/status/fetch/";
    static final String PHOTO = "/tiktok/v2/post/publish/content/init/";

    @ContentFakes.OAuth
    FakeServer fake;

    /** The fake's answers by path and bearer token. */
    static final Map<String, Function<FakeServer.Recorded, FakeServer.Reply>> ANSWERS = new ConcurrentHashMap<>();

    static FakeServer.Reply ok(String data) {
        return FakeServer.Reply.json(200, "{\"data\":" + data + ",\"error\":{\"code\":\"ok\",\"message\":\"\","
                + "\"log_id\":\"202612071200000102081301\"}}");
    }

    static FakeServer.Reply error(int status, String code, String message) {
        return FakeServer.Reply.json(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message
                + "\",\"log_id\":\"202612071200000102081302\"}}");
    }

    static FakeServer.Reply creator(String username, String... options) {
        return ok("{\"creator_avatar_url\":\"https://p16.tiktokcdn.example/a.jpeg\",\"creator_username\":\"" + username
                + "\",\"creator_nickname\":\"Fiori\",\"privacy_level_options\":[\"" + String.join("\",\"", options)
                + "\"],\"comment_disabled\":false,\"duet_disabled\":false,\"stitch_disabled\":true,"
                + "\"max_video_post_duration_sec\":600}");
    }

    static FakeServer.Reply complete(String postId) {
        return ok("{\"status\":\"PUBLISH_COMPLETE\",\"publicaly_available_post_id\":[" + postId + "],"
                + "\"uploaded_bytes\":0,\"downloaded_bytes\":10485760}");
    }

    @BeforeEach
    void route() {
        // TikTok's token endpoint (client_key in the body): any code becomes the access token "act.<code>".
        fake.on("POST", "/token/tiktok", r -> {
            String code = r.body().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
            return FakeServer.Reply.json(200, "{\"access_token\":\"act." + code + "\",\"expires_in\":86400,"
                    + "\"open_id\":\"afd97af1-b87b-48b9-ac98-410aghda5344\",\"refresh_expires_in\":31536000,"
                    + "\"refresh_token\":\"rft." + code + "\",\"scope\":\"user.info.basic,video.publish\","
                    + "\"token_type\":\"Bearer\"}");
        });
        for (String path : List.of(CREATOR, INIT, STATUS, PHOTO)) {
            fake.on("POST", path, r -> ANSWERS.getOrDefault(path + " " + r.header("Authorization"),
                    x -> error(401, "access_token_invalid", "The access token is invalid or not found in the "
                            + "request.")).apply(r));
        }
    }

    static String connected(UUID ws, String code) {
        String state = given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/accounts/TIKTOK/authorizations")
                .then().statusCode(201).extract().path("state");
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"state\":\"" + state + "\",\"code\":\"" + code + "\"}")
                .post("/workspaces/" + ws + "/accounts/TIKTOK/authorizations/complete").then().statusCode(200);
        configure(ws, "TIKTOK", "{\"type\":\"TIKTOK_API\"}");
        return "Bearer act." + code;
    }

    static void answer(String path, String bearer, Function<FakeServer.Recorded, FakeServer.Reply> reply) {
        ANSWERS.put(path + " " + bearer, reply);
    }

    List<FakeServer.Recorded> calls(String path, String bearer) {
        return fake.requests().stream().filter(r -> r.path().equals(path))
                .filter(r -> bearer.equals(r.header("Authorization"))).toList();
    }

    static final String CLIP = "{\"platform\":\"TIKTOK\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Peonies in 15 "
            + "seconds #flowers\",\"callToAction\":\"Visit us\",\"landingUrl\":\"https://fiori.example/peonies\","
            + "\"mediaUrls\":[\"https://media.fiori.example/tiktok/peonies.mp4\"]}";

    @Test
    void aDirectPostPullsTheVideoPubliclyAndKeepsTheVideosLink() throws Exception {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        String bearer = connected(ws, "tt-code-1");
        answer(CREATOR, bearer, r -> creator("fiori.flowers", "FOLLOWER_OF_CREATOR", "PUBLIC_TO_EVERYONE", "SELF_ONLY"));
        answer(INIT, bearer, r -> ok("{\"publish_id\":\"v_pub_url~v2-1.7312345678901234567\"}"));
        AtomicInteger polls = new AtomicInteger();
        answer(STATUS, bearer, r -> polls.incrementAndGet() == 1
                ? ok("{\"status\":\"PROCESSING_DOWNLOAD\",\"uploaded_bytes\":0,\"downloaded_bytes\":1048576}")
                : complete("7312345678901234999"));
        String id = scheduledNow(ws, CLIP);
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        JsonPath view = post(ws, id);
        assertEquals("7312345678901234999", view.getString("remoteId"));
        assertEquals("https://www.tiktok.com/@fiori.flowers/video/7312345678901234999", view.getString("permalink"));

        assertEquals(1, calls(CREATOR, bearer).size());
        List<FakeServer.Recorded> inits = calls(INIT, bearer);
        assertEquals(1, inits.size());
        assertEquals("application/json; charset=UTF-8", inits.get(0).header("Content-Type"));
        JsonNode init = JSON.readTree(inits.get(0).body());
        assertEquals("Peonies in 15 seconds #flowers\n\nVisit us: " + view.getString("trackedLink.url"),
                init.at("/post_info/title").asText());
        assertEquals("PUBLIC_TO_EVERYONE", init.at("/post_info/privacy_level").asText());
        assertEquals("PULL_FROM_URL", init.at("/source_info/source").asText());
        assertEquals("https://media.fiori.example/tiktok/peonies.mp4", init.at("/source_info/video_url").asText());
        List<FakeServer.Recorded> statuses = calls(STATUS, bearer);
        assertEquals(2, statuses.size());
        assertEquals("v_pub_url~v2-1.7312345678901234567",
                JSON.readTree(statuses.get(0).body()).get("publish_id").asText());
    }

    @Test
    void aCreatorWhoMayPostPrivatelyOnlyGetsAPrivatePostWithoutAPublicLink() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "tt-code-2");
        answer(CREATOR, bearer, r -> creator("fiori.test", "SELF_ONLY"));
        answer(INIT, bearer, r -> ok("{\"publish_id\":\"v_pub_url~v2-1.private\"}"));
        answer(STATUS, bearer, r -> ok("{\"status\":\"PUBLISH_COMPLETE\",\"uploaded_bytes\":0}"));
        String id = scheduledNow(ws, CLIP);
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        assertEquals("SELF_ONLY", JSON.readTree(calls(INIT, bearer).get(0).body()).at("/post_info/privacy_level")
                .asText());
        assertEquals("v_pub_url~v2-1.private", post(ws, id).getString("remoteId"));
        assertNull(post(ws, id).getString("permalink"));
    }

    @Test
    void aVideoStillProcessingPastTheWaitIsAskedAboutAgainNeverPostedTwice() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "tt-code-3");
        answer(CREATOR, bearer, r -> creator("fiori.flowers", "PUBLIC_TO_EVERYONE"));
        answer(INIT, bearer, r -> ok("{\"publish_id\":\"v_pub_url~v2-1.slow\"}"));
        AtomicInteger polls = new AtomicInteger();
        // One attempt waits a second (status-wait PT1S, poll PT0.2S): about six polls, so the ninth is the next one's.
        answer(STATUS, bearer, r -> polls.incrementAndGet() < 9
                ? ok("{\"status\":\"PROCESSING_UPLOAD\",\"uploaded_bytes\":0}") : complete("7312345678900000001"));
        String id = scheduledNow(ws, CLIP);
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        assertEquals(1, calls(INIT, bearer).size(), "posted once");
        assertTrue(post(ws, id).getInt("publishing.attempts") >= 2);
        assertEquals("7312345678900000001", post(ws, id).getString("remoteId"));
    }

    @Test
    void aRetryOfAPostStillProcessingAtItsLastAttemptAsksAboutTheSamePublishButAFailedOnePostsAfresh() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "tt-code-8");
        answer(CREATOR, bearer, r -> creator("fiori.flowers", "PUBLIC_TO_EVERYONE"));
        AtomicInteger inits = new AtomicInteger();
        answer(INIT, bearer, r -> ok("{\"publish_id\":\"v_pub_url~v2-1.n" + inits.incrementAndGet() + "\"}"));
        java.util.concurrent.atomic.AtomicReference<String> state = new java.util.concurrent.atomic.AtomicReference<>(
                "PROCESSING_DOWNLOAD");
        answer(STATUS, bearer, r -> "PUBLISH_COMPLETE".equals(state.get()) ? complete("7312345678900000008")
                : ok("{\"status\":\"" + state.get() + "\"" + ("FAILED".equals(state.get())
                        ? ",\"fail_reason\":\"video_pull_failed\"" : "") + "}"));
        // Still processing at the last of the three attempts: FAILED, the publish id kept.
        String slow = scheduledNow(ws, CLIP);
        await("failure", () -> "FAILED".equals(status(ws, slow)));
        assertTrue(post(ws, slow).getString("publishing.failureReason").startsWith("TikTok is still processing"));
        assertEquals("v_pub_url~v2-1.n1", post(ws, slow).getString("remoteId"));
        state.set("PUBLISH_COMPLETE");
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + slow + "/retry").then().statusCode(200);
        await("publication", () -> "PUBLISHED".equals(status(ws, slow)));
        assertEquals(1, inits.get(), "the retry asked about the same publish");
        assertEquals("7312345678900000008", post(ws, slow).getString("remoteId"));

        // TikTok failed it: the post forgets the publish, and a retry posts afresh.
        state.set("FAILED");
        String failed = scheduledNow(ws, CLIP);
        await("failure", () -> "FAILED".equals(status(ws, failed)));
        assertEquals("TikTok could not publish the video (video_pull_failed)",
                post(ws, failed).getString("publishing.failureReason"));
        assertNull(post(ws, failed).getString("remoteId"));
        state.set("PUBLISH_COMPLETE");
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + failed + "/retry").then().statusCode(200);
        await("publication", () -> "PUBLISHED".equals(status(ws, failed)));
        assertEquals(3, inits.get(), "posted again after TikTok's failure");
    }

    @Test
    void tiktoksErrorsAreMappedAsDocumented() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "tt-code-4");
        String revoked = scheduledNow(ws, CLIP);
        await("failure", () -> "FAILED".equals(status(ws, revoked)));
        assertTrue(post(ws, revoked).getString("publishing.failureReason").endsWith("reconnect the account"));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/accounts/TIKTOK").then().statusCode(200)
                .body("status", equalTo("RECONNECT")).body("reason", containsString("access_token_invalid"));
        assertEquals(0, calls(INIT, bearer).size());

        String again = connected(ws, "tt-code-5");
        answer(CREATOR, again, r -> creator("fiori.flowers", "PUBLIC_TO_EVERYONE"));
        answer(INIT, again, r -> error(429, "rate_limit_exceeded", "API rate limit was exceeded."));
        Instant before = Instant.now();
        String limited = scheduledNow(ws, CLIP);
        await("rate limit", () -> post(ws, limited).getString("publishing.failureReason") != null);
        assertEquals("PUBLISHING", status(ws, limited));
        assertFalse(Instant.parse(post(ws, limited).getString("publishing.nextAttemptAt"))
                .isBefore(before.plus(Duration.ofMinutes(1))));

        for (String[] refusal : List.of(
                new String[] {"403", "spam_risk_too_many_posts", "The daily post cap from the API is reached."},
                new String[] {"400", "privacy_level_option_mismatch", "privacy_level is not among the options."},
                new String[] {"403", "url_ownership_unverified", "The video_url's domain is not verified."})) {
            answer(INIT, again, r -> error(Integer.parseInt(refusal[0]), refusal[1], refusal[2]));
            String id = scheduledNow(ws, CLIP);
            await("failure", () -> "FAILED".equals(status(ws, id)));
            assertEquals("TikTok refused the post (HTTP " + refusal[0] + ", " + refusal[1] + ": " + refusal[2] + ")",
                    post(ws, id).getString("publishing.failureReason"));
            assertEquals(1, post(ws, id).getInt("publishing.attempts"));
        }

        answer(INIT, again, r -> ok("{\"publish_id\":\"v_pub_url~v2-1.broken\"}"));
        answer(STATUS, again, r -> ok("{\"status\":\"FAILED\",\"fail_reason\":\"file_format_check_failed\"}"));
        String broken = scheduledNow(ws, CLIP);
        await("failure", () -> "FAILED".equals(status(ws, broken)));
        assertEquals("TikTok could not publish the video (file_format_check_failed)",
                post(ws, broken).getString("publishing.failureReason"));

        // A server error is retried, and the video is posted once.
        AtomicInteger inits = new AtomicInteger();
        answer(INIT, again, r -> inits.incrementAndGet() == 1 ? error(500, "internal_error", "Something went wrong.")
                : ok("{\"publish_id\":\"v_pub_url~v2-1.second\"}"));
        answer(STATUS, again, r -> complete("7312345678900000002"));
        String retried = scheduledNow(ws, CLIP);
        await("publication", () -> "PUBLISHED".equals(status(ws, retried)));
        assertEquals(2, inits.get());
        assertEquals(2, post(ws, retried).getInt("publishing.attempts"));
    }

    @Test
    void imagesMakeAPhotoPostPulledFromTheirUrls() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "tt-code-7");
        answer(CREATOR, bearer, r -> creator("fiori.flowers", "PUBLIC_TO_EVERYONE", "SELF_ONLY"));
        answer(PHOTO, bearer, r -> ok("{\"publish_id\":\"p_pub_url~v2.7312\"}"));
        answer(STATUS, bearer, r -> complete("7312345678900000003"));
        String id = scheduledNow(ws, "{\"platform\":\"TIKTOK\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Our "
                + "spring window\\nthree bouquets\",\"mediaUrls\":[\"https://media.fiori.example/tiktok/1.jpg\","
                + "\"https://media.fiori.example/tiktok/2.webp\"]}");
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        assertEquals("https://www.tiktok.com/@fiori.flowers/photo/7312345678900000003", post(ws, id).getString("permalink"));
        assertEquals(0, calls(INIT, bearer).size(), "not a video post");
        List<FakeServer.Recorded> inits = calls(PHOTO, bearer);
        assertEquals(1, inits.size());
        JsonNode body = JSON.readTree(inits.get(0).body());
        assertEquals("Our spring window", body.at("/post_info/title").asText());
        assertEquals("Our spring window\nthree bouquets", body.at("/post_info/description").asText());
        assertEquals("PUBLIC_TO_EVERYONE", body.at("/post_info/privacy_level").asText());
        assertEquals("PULL_FROM_URL", body.at("/source_info/source").asText());
        assertEquals(0, body.at("/source_info/photo_cover_index").asInt());
        assertEquals("https://media.fiori.example/tiktok/1.jpg", body.at("/source_info/photo_images/0").asText());
        assertEquals("https://media.fiori.example/tiktok/2.webp", body.at("/source_info/photo_images/1").asText());
        assertEquals("DIRECT_POST", body.get("post_mode").asText());
        assertEquals("PHOTO", body.get("media_type").asText());
    }

    @Test
    void aTikTokPostWithoutMediaOrMixingAVideoWithImagesIsRefusedAtSubmit() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        connected(ws, "tt-code-6");
        refused(ws, "{\"platform\":\"TIKTOK\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Hello\","
                + "\"mediaUrls\":[\"https://cdn.fiori.example/a.jpg\",\"https://cdn.fiori.example/b.mp4\"]}",
                "mediaUrls[1]");
        refused(ws, "{\"platform\":\"TIKTOK\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Hello\"}", "mediaUrls");
        assertEquals("PUBLIC_TO_EVERYONE", TikTokPublisher.privacy(JSON.createArrayNode().add("SELF_ONLY")
                .add("PUBLIC_TO_EVERYONE")));
        assertEquals("SELF_ONLY", TikTokPublisher.privacy(JSON.createArrayNode().add("FOLLOWER_OF_CREATOR")
                .add("SELF_ONLY")));
        assertEquals("MUTUAL_FOLLOW_FRIENDS", TikTokPublisher.privacy(JSON.createArrayNode().add("MUTUAL_FOLLOW_FRIENDS")));
        assertTrue(TikTokPublisher.photos(List.of("https://cdn.fiori.example/a.jpg")));
        assertFalse(TikTokPublisher.photos(List.of("https://cdn.fiori.example/v/123")));
    }
}
