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
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Posting to X with the X API v2 and the workspace's connected X account, against a fake X that answers as X
 * documents: 201 {@code {"data":{"id","text"}}}, 401, 403 problem details, 429 with Retry-After; and its chunked
 * media upload ({@code POST /2/media/upload} multipart with {@code command} INIT / APPEND / FINALIZE, {@code GET
 * /2/media/upload?command=STATUS}), which checks the fields X requires and keeps the appended bytes, and media files
 * served by the same fake under {@code /x-media/}.
 */
@QuarkusTest
class XPublishingTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @ContentFakes.OAuth
    FakeServer x;

    /** What the fake X answers, by the bearer token of the request. */
    static final Map<String, FakeServer.Reply> TWEETS = new ConcurrentHashMap<>();

    /** What the upload API answers instead, by bearer token (e.g. 401), and the processing states it goes through. */
    static final Map<String, FakeServer.Reply> UPLOAD_REFUSALS = new ConcurrentHashMap<>();
    static final Map<String, Deque<String>> PROCESSING = new ConcurrentHashMap<>();

    /** One upload session of the fake X: INIT's fields, the segments appended, and the bytes once finalized. */
    record Upload(String bearer, Map<String, String> init, Map<Integer, String> segments, String[] finalized) {
    }

    /** Media paths taken down (404) after the post was checked at submit. */
    static final Set<String> REMOVED = ConcurrentHashMap.newKeySet();

    static final Map<String, Upload> UPLOADS = new ConcurrentHashMap<>();
    static final AtomicLong IDS = new AtomicLong(1880028106020515840L);

    /** A video's bytes: ASCII, each position different, so a reordered or lost segment shows. */
    static final String VIDEO = video(2500);

    static String video(int length) {
        StringBuilder bytes = new StringBuilder();
        for (int i = 0; bytes.length() < length; i++) {
            bytes.append("frame").append(i).append(';');
        }
        return bytes.substring(0, length);
    }

    @BeforeEach
    void route() {
        x.on("GET", "/x-media/", r -> REMOVED.contains(r.path()) ? new FakeServer.Reply(404, "text/plain", "gone", 0)
                : switch (r.path().substring("/x-media/".length())) {
            case "photo.jpg", "removed.jpg" -> new FakeServer.Reply(200, "image/jpeg", "JPEG-photo-bytes", 0);
            case "clip.mp4" -> new FakeServer.Reply(200, "video/mp4", VIDEO, 0);
            default -> new FakeServer.Reply(404, "text/plain", "not found", 0);
        });
        x.on("POST", "/2/media/upload", XPublishingTest::upload);
        x.on("GET", "/2/media/upload", r -> {
            Map<String, String> q = query(r.query());
            Upload upload = UPLOADS.get(String.valueOf(q.get("media_id")));
            if (!"STATUS".equals(q.get("command")) || upload == null || !upload.bearer().equals(r.header("Authorization"))) {
                return invalid("media_id: unknown media");
            }
            return FakeServer.Reply.json(200, "{\"data\":{\"id\":\"" + q.get("media_id") + "\",\"media_key\":\"7_"
                    + q.get("media_id") + "\",\"processing_info\":" + PROCESSING.get(upload.bearer()).poll() + "}}");
        });
        // X's token endpoint: any code becomes the access token "x-pub-<code>".
        x.on("POST", "/token/x", r -> {
            String code = r.body().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
            return FakeServer.Reply.json(200, "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":"
                    + "\"x-pub-" + code + "\",\"scope\":\"tweet.read tweet.write users.read media.write offline.access\","
                    + "\"refresh_token\":\"x-pub-refresh-" + code + "\"}");
        });
        x.on("POST", "/2/tweets", r -> TWEETS.getOrDefault(String.valueOf(r.header("Authorization")),
                FakeServer.Reply.json(401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,"
                        + "\"detail\":\"Unauthorized\"}")));
    }

    static FakeServer.Reply invalid(String detail) {
        return FakeServer.Reply.json(400, "{\"title\":\"Invalid Request\",\"type\":\"https://api.twitter.com/2/"
                + "problems/invalid-request\",\"detail\":\"One or more parameters to your request was invalid.\","
                + "\"errors\":[{\"message\":\"" + detail + "\"}]}");
    }

    /** X's {@code POST /2/media/upload}: INIT, APPEND and FINALIZE, each multipart/form-data. */
    static FakeServer.Reply upload(FakeServer.Recorded r) {
        String bearer = String.valueOf(r.header("Authorization"));
        if (UPLOAD_REFUSALS.containsKey(bearer)) {
            return UPLOAD_REFUSALS.get(bearer);
        }
        if (!String.valueOf(r.header("Content-Type")).startsWith("multipart/form-data; boundary=")) {
            return invalid("multipart/form-data required");
        }
        Map<String, String> form = parts(r);
        String command = form.getOrDefault("command", "");
        if (command.equals("INIT")) {
            if (!String.valueOf(form.get("total_bytes")).matches("[1-9]\\d*")
                    || !String.valueOf(form.get("media_type")).matches("(image|video)/[a-z0-9.+-]+")
                    || !Set.of("tweet_image", "tweet_gif", "tweet_video").contains(form.get("media_category"))) {
                return invalid("INIT needs total_bytes, media_type and media_category: " + form.keySet());
            }
            String id = String.valueOf(IDS.incrementAndGet());
            UPLOADS.put(id, new Upload(bearer, Map.copyOf(form), new ConcurrentHashMap<>(), new String[1]));
            return FakeServer.Reply.json(200, "{\"data\":{\"id\":\"" + id + "\",\"media_key\":\"7_" + id
                    + "\",\"expires_after_secs\":86400}}");
        }
        Upload upload = UPLOADS.get(String.valueOf(form.get("media_id")));
        if (upload == null || !upload.bearer().equals(bearer)) {
            return invalid("media_id: unknown media");
        }
        if (command.equals("APPEND")) {
            if (!String.valueOf(form.get("segment_index")).matches("\\d{1,3}") || !form.containsKey("media")) {
                return invalid("APPEND needs segment_index and media");
            }
            upload.segments().put(Integer.parseInt(form.get("segment_index")), form.get("media"));
            return new FakeServer.Reply(204, "application/json", "", 0);
        }
        if (command.equals("FINALIZE")) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < upload.segments().size(); i++) {
                if (!upload.segments().containsKey(i)) {
                    return invalid("segment " + i + " missing");
                }
                all.append(upload.segments().get(i));
            }
            if (all.length() != Integer.parseInt(upload.init().get("total_bytes"))) {
                return invalid("File size mismatch: " + all.length() + " of " + upload.init().get("total_bytes"));
            }
            upload.finalized()[0] = all.toString();
            String id = form.get("media_id");
            Deque<String> states = PROCESSING.get(bearer);
            boolean processed = !upload.init().get("media_category").equals("tweet_image") && states != null;
            return FakeServer.Reply.json(200, "{\"data\":{\"id\":\"" + id + "\",\"media_key\":\"7_" + id
                    + "\",\"size\":" + all.length() + ",\"expires_after_secs\":86400"
                    + (processed ? ",\"processing_info\":" + states.poll() : "") + "}}");
        }
        return invalid("command: unknown " + command);
    }

    /** The fields of a multipart/form-data body (ASCII file parts as text). */
    static Map<String, String> parts(FakeServer.Recorded r) {
        String boundary = "--" + r.header("Content-Type").substring(r.header("Content-Type").indexOf("boundary=") + 9);
        Map<String, String> form = new LinkedHashMap<>();
        for (String part : r.body().split(java.util.regex.Pattern.quote(boundary))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0 || !part.endsWith("\r\n")) {
                continue;
            }
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(part.substring(0, split));
            if (name.find()) {
                form.put(name.group(1), part.substring(split + 4, part.length() - 2));
            }
        }
        return form;
    }

    /** A query string's parameters, decoded. */
    static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            q.put(java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                    eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return q;
    }

    /** The uploads of one account, in order. */
    static List<Upload> uploads(String bearer) {
        return UPLOADS.entrySet().stream().filter(e -> e.getValue().bearer().equals(bearer))
                .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    List<FakeServer.Recorded> uploadRequests(String bearer) {
        return x.requests().stream().filter(r -> r.path().equals("/2/media/upload"))
                .filter(r -> bearer.equals(r.header("Authorization"))).toList();
    }

    static String created(String id) {
        return "{\"data\":{\"id\":\"" + id + "\",\"edit_history_tweet_ids\":[\"" + id + "\"],\"text\":\"x\"}}";
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
    void mediaOnAnXApiPublisherIsTakenAtSubmitButAGifMustBeAlone() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        connected(ws, "code-pub-4");
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"X\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Look\","
                        + "\"mediaUrls\":[\"https://cdn.example/a.jpg\",\"https://cdn.example/b.png\"]}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/submit").then().statusCode(200);
        assertEquals("IN_REVIEW", status(ws, id));
        String gif = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"X\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Look\","
                        + "\"mediaUrls\":[\"https://cdn.example/a.jpg\",\"https://cdn.example/dance.gif\"]}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + gif + "/submit").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("mediaUrls[1]"))
                .body("errors[0].message", containsString("GIF"));
        assertEquals("DRAFT", status(ws, gif));
        // X_API fits X only, and takes no other field.
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"type\":\"X_API\"}")
                .put("/workspaces/" + ws + "/publishers/LINKEDIN").then().statusCode(422)
                .body("errors[0].field", equalTo("type"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"type\":\"X_API\",\"url\":\"https://x.example\"}")
                .put("/workspaces/" + ws + "/publishers/X").then().statusCode(422)
                .body("errors[0].field", equalTo("url"));
    }

    @Test
    void anImageIsUploadedAndThePostCarriesItsMediaId() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "code-pub-5");
        TWEETS.put(bearer, FakeServer.Reply.json(201, created("1445880548472328193")));
        String id = scheduledNow(ws, "{\"platform\":\"X\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Our shop\","
                + "\"mediaUrls\":[\"" + x.url() + "/x-media/photo.jpg\"]}");
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        assertEquals("https://x.com/i/web/status/1445880548472328193", post(ws, id).getString("permalink"));
        List<Upload> uploads = uploads(bearer);
        assertEquals(1, uploads.size());
        Upload upload = uploads.get(0);
        assertEquals("image/jpeg", upload.init().get("media_type"));
        assertEquals("tweet_image", upload.init().get("media_category"));
        assertEquals(String.valueOf("JPEG-photo-bytes".length()), upload.init().get("total_bytes"));
        assertEquals("JPEG-photo-bytes", upload.finalized()[0]);
        assertEquals(List.of("INIT", "APPEND", "FINALIZE"),
                uploadRequests(bearer).stream().map(r -> parts(r).get("command")).toList());
        String mediaId = UPLOADS.entrySet().stream().filter(e -> e.getValue() == upload).findFirst().get().getKey();
        List<FakeServer.Recorded> sent = tweets(bearer);
        assertEquals(1, sent.size());
        JsonNode body = JSON.readTree(sent.get(0).body());
        assertEquals("Our shop", body.get("text").asText());
        assertEquals(1, body.path("media").path("media_ids").size(), body.toString());
        assertEquals(mediaId, body.path("media").path("media_ids").get(0).asText());
    }

    @Test
    void aVideoIsAppendedInSegmentsAndPostedOnceXHasProcessedIt() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "code-pub-6");
        PROCESSING.put(bearer, new ConcurrentLinkedDeque<>(List.of("{\"state\":\"pending\",\"check_after_secs\":1}",
                "{\"state\":\"in_progress\",\"check_after_secs\":1,\"progress_percent\":40}",
                "{\"state\":\"succeeded\",\"progress_percent\":100}")));
        TWEETS.put(bearer, FakeServer.Reply.json(201, created("1445880548472328194")));
        String id = scheduledNow(ws, "{\"platform\":\"X\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Watch\","
                + "\"mediaUrls\":[\"" + x.url() + "/x-media/clip.mp4\"]}");
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        Upload upload = uploads(bearer).get(0);
        assertEquals(1, uploads(bearer).size());
        assertEquals(Map.of("command", "INIT", "media_type", "video/mp4", "total_bytes", "2500",
                "media_category", "tweet_video"), upload.init());
        // Segments of the configured 1000 bytes, in order, exactly the video's bytes.
        assertEquals(Map.of(0, VIDEO.substring(0, 1000), 1, VIDEO.substring(1000, 2000), 2, VIDEO.substring(2000)),
                upload.segments());
        assertEquals(VIDEO, upload.finalized()[0]);
        String mediaId = UPLOADS.entrySet().stream().filter(e -> e.getValue() == upload).findFirst().get().getKey();
        List<FakeServer.Recorded> statuses = x.requests().stream().filter(r -> r.method().equals("GET")
                && r.path().equals("/2/media/upload") && bearer.equals(r.header("Authorization"))).toList();
        assertEquals(2, statuses.size(), "STATUS asked until succeeded");
        assertEquals(Map.of("command", "STATUS", "media_id", mediaId), query(statuses.get(0).query()));
        JsonNode body = JSON.readTree(tweets(bearer).get(0).body());
        assertEquals(mediaId, body.path("media").path("media_ids").get(0).asText());
        assertTrue(tweets(bearer).get(0).headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Authorization")));
    }

    @Test
    void aVideoXCannotProcessIsFailedWithXsReasonAndNotPosted() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "code-pub-7");
        PROCESSING.put(bearer, new ConcurrentLinkedDeque<>(List.of("{\"state\":\"pending\",\"check_after_secs\":1}",
                "{\"state\":\"failed\",\"progress_percent\":12,\"error\":{\"code\":1,\"name\":\"InvalidMedia\","
                        + "\"message\":\"Unsupported video format\"}}")));
        TWEETS.put(bearer, FakeServer.Reply.json(201, created("1445880548472328195")));
        String id = scheduledNow(ws, "{\"platform\":\"X\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Watch\","
                + "\"mediaUrls\":[\"" + x.url() + "/x-media/clip.mp4\"]}");
        await("failure", () -> "FAILED".equals(status(ws, id)));
        String reason = post(ws, id).getString("publishing.failureReason");
        assertTrue(reason.contains("Unsupported video format") && reason.contains("/x-media/clip.mp4"), reason);
        assertEquals(0, tweets(bearer).size(), "nothing posted without its video");
        assertEquals(1, uploads(bearer).size(), "a refused video is not uploaded again");
    }

    @Test
    void aRefusedTokenOnUploadAsksToReconnectAndAMissingMediaIsFailedNamingIt() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "code-pub-8");
        UPLOAD_REFUSALS.put(bearer, FakeServer.Reply.json(401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\","
                + "\"status\":401,\"detail\":\"Unauthorized\"}"));
        String id = scheduledNow(ws, "{\"platform\":\"X\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Look\","
                + "\"mediaUrls\":[\"" + x.url() + "/x-media/photo.jpg\"]}");
        await("failure", () -> "FAILED".equals(status(ws, id)));
        assertTrue(post(ws, id).getString("publishing.failureReason").endsWith("reconnect the account"));
        assertEquals(1, uploadRequests(bearer).size(), "no retry with a refused token");
        assertEquals(0, tweets(bearer).size());
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/accounts/X").then().statusCode(200)
                .body("status", equalTo("RECONNECT")).body("reason", containsString("X refused the account's token"));

        // A media taken down after the post was checked at submit (its URL answers 404 when publishing).
        UUID other = Fixtures.workspace("UTC", "EUR");
        String fresh = connected(other, "code-pub-9");
        String missing = given().auth().oauth2(writer(other)).contentType(ContentType.JSON)
                .body("{\"platform\":\"X\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Look\","
                        + "\"mediaUrls\":[\"" + x.url() + "/x-media/removed.jpg\"]}")
                .post("/workspaces/" + other + "/posts").then().statusCode(201).extract().path("id");
        String url = "/workspaces/" + other + "/posts/" + missing;
        given().auth().oauth2(writer(other)).post(url + "/submit").then().statusCode(200);
        given().auth().oauth2(writer(other)).post(url + "/approve").then().statusCode(200);
        REMOVED.add("/x-media/removed.jpg");
        given().auth().oauth2(writer(other)).contentType(ContentType.JSON).body("{\"scheduledAt\":\"" + Instant.now()
                + "\"}").post(url + "/schedule").then().statusCode(200);
        await("failure", () -> "FAILED".equals(status(other, missing)));
        String reason = post(other, missing).getString("publishing.failureReason");
        assertTrue(reason.contains(x.url() + "/x-media/removed.jpg") && reason.contains("HTTP 404"), reason);
        assertEquals(0, uploadRequests(fresh).size());
        assertEquals(0, tweets(fresh).size());
    }

    @Test
    void mediaXRejectsIsFailedWithXsReasonAndAnUploadRateLimitWaitsForRetryAfter() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "code-pub-10");
        UPLOAD_REFUSALS.put(bearer, FakeServer.Reply.json(400, "{\"title\":\"Invalid Request\",\"type\":"
                + "\"https://api.twitter.com/2/problems/invalid-request\",\"detail\":\"One or more parameters to your "
                + "request was invalid.\",\"errors\":[{\"message\":\"media type unrecognized.\"}]}"));
        String id = scheduledNow(ws, "{\"platform\":\"X\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Look\","
                + "\"mediaUrls\":[\"" + x.url() + "/x-media/photo.jpg\"]}");
        await("failure", () -> "FAILED".equals(status(ws, id)));
        String reason = post(ws, id).getString("publishing.failureReason");
        assertTrue(reason.contains("X rejected the media " + x.url() + "/x-media/photo.jpg")
                && reason.contains("media type unrecognized."), reason);
        assertEquals(1, uploadRequests(bearer).size(), "a rejected media is not sent again");
        assertEquals(0, tweets(bearer).size());

        UPLOAD_REFUSALS.put(bearer, FakeServer.Reply.json(429, "{\"title\":\"Too Many Requests\",\"detail\":"
                + "\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}").withHeader("Retry-After", "600"));
        Instant before = Instant.now();
        String limited = scheduledNow(ws, "{\"platform\":\"X\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Later\","
                + "\"mediaUrls\":[\"" + x.url() + "/x-media/photo.jpg\"]}");
        await("rate limit", () -> post(ws, limited).get("publishing.nextAttemptAt") != null
                && post(ws, limited).getString("publishing.failureReason") != null);
        JsonPath view = post(ws, limited);
        assertEquals("PUBLISHING", view.getString("status"));
        assertTrue(view.getString("publishing.failureReason").contains("X rate limit"), view.prettify());
        assertFalse(Instant.parse(view.getString("publishing.nextAttemptAt")).isBefore(before.plusSeconds(600)));
        assertEquals(0, tweets(bearer).size());
    }
}
