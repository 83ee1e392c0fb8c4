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
 * Uploading the post's video to YouTube (Data API v3 resumable upload) with the connected Google account, against a
 * fake that answers as Google documents: the session in {@code Location}, the video resource on the final PUT, 308
 * with {@code Range} when asked how far a broken upload got, errors {@code {"error":{"code","message","errors":
 * [{"reason"}]}}}. The video is served by the same fake (the media host).
 */
@QuarkusTest
class YouTubePublishingTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String VIDEO = "FAKE-MP4-" + "0123456789abcdef".repeat(12) + "-END";

    @ContentFakes.OAuth
    FakeServer fake;

    /** What the fake answers to the upload start and to each PUT to the session, by the bearer token. */
    static final Map<String, Function<FakeServer.Recorded, FakeServer.Reply>> STARTS = new ConcurrentHashMap<>();
    static final Map<String, Function<FakeServer.Recorded, FakeServer.Reply>> PUTS = new ConcurrentHashMap<>();

    static FakeServer.Reply googleError(int code, String reason, String message) {
        return FakeServer.Reply.json(code, "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\","
                + "\"errors\":[{\"message\":\"" + message + "\",\"domain\":\"youtube\",\"reason\":\"" + reason
                + "\"}]}}");
    }

    @BeforeEach
    void route() {
        // Google's token endpoint: any code becomes the access token "ya29.<code>".
        fake.on("POST", "/token/youtube", r -> {
            String code = r.body().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
            return FakeServer.Reply.json(200, "{\"access_token\":\"ya29." + code + "\",\"expires_in\":3599,"
                    + "\"refresh_token\":\"1//" + code + "\",\"scope\":\"https://www.googleapis.com/auth/youtube.upload"
                    + "\",\"token_type\":\"Bearer\"}");
        });
        fake.on("GET", "/media/", r -> new FakeServer.Reply(200, "video/mp4", r.path().contains("huge")
                ? VIDEO.repeat(40) : VIDEO, 0));
        fake.on("POST", "/youtube/upload/youtube/v3/videos", r -> STARTS.getOrDefault(
                String.valueOf(r.header("Authorization")), x -> googleError(401, "authError", "Invalid Credentials"))
                .apply(r));
        fake.on("PUT", "/upload-session/", r -> PUTS.getOrDefault(String.valueOf(r.header("Authorization")),
                x -> googleError(404, "notFound", "Not Found")).apply(r));
    }

    /** The upload start's answer: 200 with the session URI (on the fake) in Location. */
    FakeServer.Reply session(String name) {
        return new FakeServer.Reply(200, "application/json", null, 0)
                .withHeader("Location", fake.url() + "/upload-session/" + name + "?upload_id=xa298sd_f");
    }

    static FakeServer.Reply video(String id) {
        return FakeServer.Reply.json(200, "{\"kind\":\"youtube#video\",\"etag\":\"e1\",\"id\":\"" + id + "\","
                + "\"snippet\":{\"title\":\"How we tie a bouquet\"},\"status\":{\"uploadStatus\":\"uploaded\","
                + "\"privacyStatus\":\"public\"}}");
    }

    static String connected(UUID ws, String code) {
        String state = given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/accounts/YOUTUBE/authorizations")
                .then().statusCode(201).extract().path("state");
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"state\":\"" + state + "\",\"code\":\"" + code + "\"}")
                .post("/workspaces/" + ws + "/accounts/YOUTUBE/authorizations/complete").then().statusCode(200);
        configure(ws, "YOUTUBE", "{\"type\":\"YOUTUBE_API\"}");
        return "Bearer ya29." + code;
    }

    String clip(String name) {
        return "{\"platform\":\"YOUTUBE\",\"funnelStage\":\"INTEREST\",\"caption\":\"Step by step <3\","
                + "\"callToAction\":\"Book a class\",\"landingUrl\":\"https://fiori.example/classes\","
                + "\"mediaUrls\":[\"" + fake.url() + "/media/" + name + ".mp4\"],"
                + "\"platformOptions\":{\"title\":\"How we tie a bouquet\"}}";
    }

    List<FakeServer.Recorded> calls(String method, String prefix, String bearer) {
        return fake.requests().stream().filter(r -> r.method().equals(method) && r.path().startsWith(prefix))
                .filter(r -> bearer.equals(r.header("Authorization"))).toList();
    }

    @Test
    void theVideoIsUploadedResumablyWithItsTitleAndTheWatchLinkKept() throws Exception {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        String bearer = connected(ws, "yt-code-1");
        STARTS.put(bearer, r -> session("s1"));
        PUTS.put(bearer, r -> video("dQw4w9WgXcQ"));
        String id = scheduledNow(ws, clip("bouquet"));
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        JsonPath view = post(ws, id);
        assertEquals("dQw4w9WgXcQ", view.getString("remoteId"));
        assertEquals("https://www.youtube.com/watch?v=dQw4w9WgXcQ", view.getString("permalink"));

        FakeServer.Recorded start = calls("POST", "/youtube/", bearer).get(0);
        assertEquals("uploadType=resumable&part=snippet,status", start.query());
        assertEquals("video/mp4", start.header("X-Upload-Content-Type"));
        assertEquals(String.valueOf(VIDEO.length()), start.header("X-Upload-Content-Length"));
        assertTrue(start.header("Content-Type").startsWith("application/json"));
        JsonNode body = JSON.readTree(start.body());
        assertEquals("How we tie a bouquet", body.at("/snippet/title").asText());
        // The text, with < and > (which YouTube refuses in descriptions) as ‹ and ›.
        assertEquals("Step by step ‹3\n\nBook a class: " + view.getString("trackedLink.url"),
                body.at("/snippet/description").asText());
        assertEquals("public", body.at("/status/privacyStatus").asText());
        List<FakeServer.Recorded> puts = calls("PUT", "/upload-session/s1", bearer);
        assertEquals(1, puts.size());
        assertEquals("upload_id=xa298sd_f", puts.get(0).query());
        assertEquals("video/mp4", puts.get(0).header("Content-Type"));
        assertEquals(VIDEO, puts.get(0).body());
        assertEquals(null, puts.get(0).header("Content-Range"));
    }

    @Test
    void aBrokenUploadResumesFromTheByteYouTubeReceivedWithinTheAttempt() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "yt-code-2");
        STARTS.put(bearer, r -> session("s2"));
        AtomicInteger puts = new AtomicInteger();
        PUTS.put(bearer, r -> switch (puts.incrementAndGet()) {
            case 1 -> googleError(503, "backendError", "Backend Error");
            // Asked how far it got: the first 40 bytes arrived.
            case 2 -> new FakeServer.Reply(308, "text/plain", null, 0).withHeader("Range", "bytes=0-39");
            default -> video("r3sum3d");
        });
        String id = scheduledNow(ws, clip("broken"));
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        assertEquals(1, post(ws, id).getInt("publishing.attempts"), "resumed within the attempt");
        assertEquals("r3sum3d", post(ws, id).getString("remoteId"));
        List<FakeServer.Recorded> sent = calls("PUT", "/upload-session/s2", bearer);
        assertEquals(3, sent.size());
        assertEquals(VIDEO, sent.get(0).body());
        assertEquals("bytes */" + VIDEO.length(), sent.get(1).header("Content-Range"));
        assertEquals("", sent.get(1).body());
        assertEquals("0", sent.get(1).header("Content-Length"));
        assertEquals("bytes 40-" + (VIDEO.length() - 1) + "/" + VIDEO.length(), sent.get(2).header("Content-Range"));
        assertEquals(VIDEO.substring(40), sent.get(2).body());
        assertEquals(1, calls("POST", "/youtube/", bearer).size(), "one session");
        assertEquals(2.0, YouTubePublisher.received("bytes=0-1"), 0);
        assertEquals(0.0, YouTubePublisher.received(null), 0);
    }

    @Test
    void googlesErrorsAreMappedAsDocumented() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "yt-code-3");
        STARTS.put(bearer, r -> googleError(401, "authError", "Invalid Credentials"));
        String revoked = scheduledNow(ws, clip("revoked"));
        await("failure", () -> "FAILED".equals(status(ws, revoked)));
        assertTrue(post(ws, revoked).getString("publishing.failureReason").endsWith("reconnect the account"));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/accounts/YOUTUBE").then().statusCode(200)
                .body("status", equalTo("RECONNECT")).body("reason", containsString("Invalid Credentials"));

        String again = connected(ws, "yt-code-4");
        STARTS.put(again, r -> googleError(400, "invalidTitle", "The request metadata specifies an invalid video "
                + "title."));
        String invalid = scheduledNow(ws, clip("invalid"));
        await("failure", () -> "FAILED".equals(status(ws, invalid)));
        assertEquals("YouTube refused the video (HTTP 400, invalidTitle: The request metadata specifies an invalid "
                + "video title.)", post(ws, invalid).getString("publishing.failureReason"));
        assertEquals(1, post(ws, invalid).getInt("publishing.attempts"));

        STARTS.put(again, r -> googleError(403, "quotaExceeded", "The request cannot be completed because you have "
                + "exceeded your quota."));
        Instant before = Instant.now();
        String quota = scheduledNow(ws, clip("quota"));
        await("quota", () -> post(ws, quota).getString("publishing.failureReason") != null);
        JsonPath view = post(ws, quota);
        assertEquals("PUBLISHING", view.getString("status"));
        Instant next = Instant.parse(view.getString("publishing.nextAttemptAt"));
        assertFalse(next.isBefore(before.plus(YouTubePublisher.untilPacificMidnight(before)).minusSeconds(5)),
                "waits for the quota's reset at midnight Pacific: " + next);

        // A server error is retried with a new session, and the video is uploaded once.
        AtomicInteger starts = new AtomicInteger();
        STARTS.put(again, r -> starts.incrementAndGet() == 1 ? googleError(500, "backendError", "Backend Error")
                : session("s4"));
        PUTS.put(again, r -> video("0nc3only"));
        String retried = scheduledNow(ws, clip("retried"));
        await("publication", () -> "PUBLISHED".equals(status(ws, retried)));
        assertEquals(2, post(ws, retried).getInt("publishing.attempts"));
        assertEquals(1, calls("PUT", "/upload-session/s4", again).size());

        // A video past suite.publishing.youtube.max-bytes (4096 in the tests) is never started.
        int started = calls("POST", "/youtube/", again).size();
        String huge = scheduledNow(ws, clip("huge"));
        await("failure", () -> "FAILED".equals(status(ws, huge)));
        assertTrue(post(ws, huge).getString("publishing.failureReason").contains("larger than the 4096 bytes"));
        assertEquals(started, calls("POST", "/youtube/", again).size(), "no upload session for it");
    }

    @Test
    void aYouTubePostWithoutTitleIsRefusedAtSubmit() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        connected(ws, "yt-code-5");
        refused(ws, "{\"platform\":\"YOUTUBE\",\"funnelStage\":\"INTEREST\",\"caption\":\"Hello\","
                + "\"mediaUrls\":[\"https://cdn.fiori.example/a.mp4\"]}", "platformOptions.title");
    }
}
