package io.socialroi.content.publish;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.await;
import static io.socialroi.content.Fixtures.writer;
import static io.socialroi.content.publish.NativePublishingTest.configure;
import static io.socialroi.content.publish.NativePublishingTest.post;
import static io.socialroi.content.publish.NativePublishingTest.scheduledNow;
import static io.socialroi.content.publish.NativePublishingTest.status;
import static io.socialroi.content.publish.PinterestPublishingTest.refused;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Posting to LinkedIn with the versioned Posts API ({@code POST /rest/posts}) as the publisher's author, against a
 * fake that answers as LinkedIn documents: 201 with the post's URN in {@code x-restli-id}; errors
 * {@code {"status","serviceErrorCode","code","message"}} (401, 403, 422, 429, 5xx).
 */
@QuarkusTest
class LinkedInPublishingTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String AUTHOR = "urn:li:organization:5515715";

    @ContentFakes.OAuth
    FakeServer fake;

    static final Map<String, Function<FakeServer.Recorded, FakeServer.Reply>> POSTS = new ConcurrentHashMap<>();
    static final AtomicInteger IMAGES = new AtomicInteger();

    static final String UNAUTHORIZED = "{\"serviceErrorCode\":65601,\"code\":\"REVOKED_ACCESS_TOKEN\",\"message\":"
            + "\"The token used in the request has been revoked by the user\",\"status\":401}";

    @BeforeEach
    void route() {
        // LinkedIn's token endpoint (client secret in the body): any code becomes the access token "AQV-<code>".
        fake.on("POST", "/token/linkedin", r -> {
            String code = r.body().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
            return FakeServer.Reply.json(200, "{\"access_token\":\"AQV-" + code + "\",\"expires_in\":5184000,"
                    + "\"scope\":\"w_member_social w_organization_social r_organization_social\"}");
        });
        // The media host, and LinkedIn's Images API: each initializeUpload answers a new upload URL (on the fake)
        // and image URN; the upload URL takes the bytes with 201.
        fake.on("GET", "/li-media/", r -> new FakeServer.Reply(200, r.path().endsWith(".pdf") ? "application/pdf"
                : "image/jpeg", "JPEG-BYTES-" + r.path().substring("/li-media/".length()), 0));
        fake.on("POST", "/linkedin/rest/images", r -> {
            if (!("Bearer AQV-li-code-img").equals(r.header("Authorization"))) {
                return FakeServer.Reply.json(401, UNAUTHORIZED);
            }
            int n = IMAGES.incrementAndGet();
            return FakeServer.Reply.json(200, "{\"value\":{\"uploadUrlExpiresAt\":1650567510704,\"uploadUrl\":\""
                    + fake.url() + "/dms-uploads/sp/D5610AQ" + n + "/uploaded-image/0?ca=vector_feedshare\","
                    + "\"image\":\"urn:li:image:C4E10AQ" + n + "\"}}");
        });
        fake.on("PUT", "/dms-uploads/", new FakeServer.Reply(201, "text/plain", null, 0));
        // A video host, and LinkedIn's Videos API: initializeUpload answers the video's URN and parts of 1000 bytes
        // on the fake, each part PUT answers its ETag, finalizeUpload takes the ETags in order (VIDEO_PUTS fails
        // chosen part uploads with a 500).
        fake.on("GET", "/li-video/", r -> new FakeServer.Reply(200, "video/mp4", video(r.path().endsWith("big.mp4")
                ? 5000 : 2500), 0));
        fake.on("POST", "/linkedin/rest/videos", r -> {
            if (!("Bearer AQV-li-code-vid").equals(r.header("Authorization"))) {
                return FakeServer.Reply.json(401, UNAUTHORIZED);
            }
            JsonNode body = read(r.body());
            if (r.query().equals("action=initializeUpload")) {
                JsonNode init = body.path("initializeUploadRequest");
                long size = init.path("fileSizeBytes").asLong();
                if (!AUTHOR.equals(init.path("owner").asText()) || size <= 0) {
                    return FakeServer.Reply.json(400, "{\"status\":400,\"code\":\"INVALID_PARAMS\",\"message\":"
                            + "\"owner and fileSizeBytes are required\"}");
                }
                int n = VIDEOS.incrementAndGet();
                StringBuilder parts = new StringBuilder();
                for (long first = 0; first < size; first += 1000) {
                    parts.append(parts.isEmpty() ? "" : ",").append("{\"uploadUrl\":\"").append(fake.url())
                            .append("/li-video-upload/").append(n).append("/").append(first / 1000)
                            .append("?ca=vector_feedshare\",\"firstByte\":").append(first).append(",\"lastByte\":")
                            .append(Math.min(size, first + 1000) - 1).append("}");
                }
                return FakeServer.Reply.json(200, "{\"value\":{\"uploadUrlsExpireAt\":1650567510704,\"video\":"
                        + "\"urn:li:video:C5F10AQ" + n + "\",\"uploadInstructions\":[" + parts + "],\"uploadToken\":\"\"}}");
            }
            if (r.query().equals("action=finalizeUpload")) {
                JsonNode fin = body.path("finalizeUploadRequest");
                String n = fin.path("video").asText().replace("urn:li:video:C5F10AQ", "");
                List<String> expected = new java.util.ArrayList<>();
                for (int i = 0; i < VIDEO_PARTS.getOrDefault(n, 0); i++) {
                    expected.add("\"etag-" + n + "-" + i + "\"");
                }
                List<String> sent = new java.util.ArrayList<>();
                fin.path("uploadedPartIds").forEach(id -> sent.add(id.asText()));
                return sent.equals(expected) && fin.has("uploadToken")
                        ? new FakeServer.Reply(200, "application/json", null, 0)
                        : FakeServer.Reply.json(400, "{\"status\":400,\"code\":\"INVALID_PARAMS\",\"message\":"
                                + "\"uploadedPartIds do not match the upload\"}");
            }
            return FakeServer.Reply.json(400, "{\"status\":400,\"message\":\"unknown action\"}");
        });
        fake.on("PUT", "/li-video-upload/", r -> {
            String[] at = r.path().split("/");
            if (VIDEO_PUTS.incrementAndGet() == FAIL_PUT.get()) {
                return FakeServer.Reply.json(500, "{\"status\":500,\"message\":\"Internal Server Error\"}");
            }
            VIDEO_PARTS.merge(at[2], 1, Integer::sum);
            return new FakeServer.Reply(200, "text/plain", null, 0).withHeader("ETag", "\"etag-" + at[2] + "-" + at[3]
                    + "\"");
        });
        fake.on("POST", "/linkedin/rest/posts", r -> POSTS.getOrDefault(String.valueOf(r.header("Authorization")),
                x -> FakeServer.Reply.json(401, UNAUTHORIZED)).apply(r));
    }

    static final AtomicInteger VIDEOS = new AtomicInteger();
    static final AtomicInteger VIDEO_PUTS = new AtomicInteger();
    static final AtomicInteger FAIL_PUT = new AtomicInteger();
    /** Parts uploaded per video number. */
    static final Map<String, Integer> VIDEO_PARTS = new ConcurrentHashMap<>();

    /** A video's bytes: {@code size} printable characters, different at every position of a part. */
    static String video(int size) {
        StringBuilder bytes = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            bytes.append((char) ('a' + (i * 7 + i / 1000) % 26));
        }
        return bytes.toString();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            return JSON.missingNode();
        }
    }

    static String connected(UUID ws, String code) {
        String state = given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/accounts/LINKEDIN/authorizations")
                .then().statusCode(201).extract().path("state");
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"state\":\"" + state + "\",\"code\":\"" + code + "\"}")
                .post("/workspaces/" + ws + "/accounts/LINKEDIN/authorizations/complete").then().statusCode(200);
        JsonPath publisher = configure(ws, "LINKEDIN", "{\"type\":\"LINKEDIN_API\",\"author\":\" " + AUTHOR + " \"}");
        assertEquals(AUTHOR, publisher.getString("author"));
        return "Bearer AQV-" + code;
    }

    List<FakeServer.Recorded> posts(String bearer) {
        return fake.requests().stream().filter(r -> r.path().equals("/linkedin/rest/posts"))
                .filter(r -> bearer.equals(r.header("Authorization"))).toList();
    }

    static FakeServer.Reply created(String urn) {
        return new FakeServer.Reply(201, "application/json", null, 0).withHeader("x-restli-id", urn);
    }

    @Test
    void aTextPostWithTheTrackedLinkAsArticleGoesOutAsTheAuthorEscapedAndVersioned() throws Exception {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        String bearer = connected(ws, "li-code-1");
        POSTS.put(bearer, r -> created("urn:li:share:7213456789012345678"));
        String id = scheduledNow(ws, "{\"platform\":\"LINKEDIN\",\"funnelStage\":\"TRUST\",\"caption\":\"Spring "
                + "(finally) is here: #peonies by @fiori [50% off]\",\"callToAction\":\"Order\","
                + "\"landingUrl\":\"https://fiori.example/peonies\"}");
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        JsonPath view = post(ws, id);
        assertEquals("urn:li:share:7213456789012345678", view.getString("remoteId"));
        assertEquals("https://www.linkedin.com/feed/update/urn:li:share:7213456789012345678/",
                view.getString("permalink"));
        List<FakeServer.Recorded> sent = posts(bearer);
        assertEquals(1, sent.size());
        FakeServer.Recorded call = sent.get(0);
        assertEquals("202511", call.header("Linkedin-Version"));
        assertEquals("2.0.0", call.header("X-Restli-Protocol-Version"));
        assertTrue(call.header("Content-Type").startsWith("application/json"));
        JsonNode body = JSON.readTree(call.body());
        String link = view.getString("trackedLink.url");
        assertEquals(AUTHOR, body.get("author").asText());
        assertEquals(LinkedInPublisher.little("Spring (finally) is here: #peonies by @fiori [50% off]\n\nOrder: " + link),
                body.get("commentary").asText());
        assertTrue(body.get("commentary").asText().startsWith("Spring \\(finally\\) is here: \\#peonies by \\@fiori "
                + "\\[50% off\\]"), body.get("commentary").asText());
        assertEquals("PUBLIC", body.get("visibility").asText());
        assertEquals("MAIN_FEED", body.at("/distribution/feedDistribution").asText());
        assertEquals("PUBLISHED", body.get("lifecycleState").asText());
        assertEquals(link, body.at("/content/article/source").asText());
        assertEquals("Spring (finally) is here: #peonies by @fiori [50% off]", body.at("/content/article/title").asText());
    }

    @Test
    void imagesAreUploadedWithTheImagesApiAndPostedAsMediaOrMultiImage() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "li-code-img");
        POSTS.put(bearer, r -> created("urn:li:share:7213456789012340001"));
        String one = scheduledNow(ws, "{\"platform\":\"LINKEDIN\",\"funnelStage\":\"TRUST\",\"caption\":\"Our shop\","
                + "\"landingUrl\":\"https://fiori.example/shop\",\"mediaUrls\":[\"" + fake.url() + "/li-media/shop.jpg\"]}");
        await("publication", () -> "PUBLISHED".equals(status(ws, one)));
        List<FakeServer.Recorded> inits = fake.requests().stream().filter(r -> r.path().equals("/linkedin/rest/images"))
                .filter(r -> bearer.equals(r.header("Authorization"))).toList();
        assertEquals(1, inits.size());
        assertEquals("action=initializeUpload", inits.get(0).query());
        assertEquals("202511", inits.get(0).header("Linkedin-Version"));
        assertEquals(AUTHOR, JSON.readTree(inits.get(0).body()).at("/initializeUploadRequest/owner").asText());
        List<FakeServer.Recorded> uploads = fake.requests().stream().filter(r -> r.path().startsWith("/dms-uploads/"))
                .filter(r -> bearer.equals(r.header("Authorization"))).toList();
        assertEquals(1, uploads.size());
        assertEquals("JPEG-BYTES-shop.jpg", uploads.get(0).body());
        assertEquals("image/jpeg", uploads.get(0).header("Content-Type"));
        JsonNode body = JSON.readTree(posts(bearer).get(0).body());
        String urn = body.at("/content/media/id").asText();
        assertTrue(urn.startsWith("urn:li:image:C4E10AQ"), body.toString());
        assertTrue(body.at("/content/article").isMissingNode(), "media instead of the article: " + body);
        // The tracked link stays in the commentary.
        assertTrue(body.get("commentary").asText().contains(LinkedInPublisher.little(post(ws, one).getString(
                "trackedLink.url"))), body.get("commentary").asText());

        String two = scheduledNow(ws, "{\"platform\":\"LINKEDIN\",\"funnelStage\":\"TRUST\",\"caption\":\"Two\","
                + "\"mediaUrls\":[\"" + fake.url() + "/li-media/a.jpg\",\"" + fake.url() + "/li-media/b.jpg\"]}");
        await("publication", () -> "PUBLISHED".equals(status(ws, two)));
        JsonNode multi = JSON.readTree(posts(bearer).get(1).body()).at("/content/multiImage/images");
        assertEquals(2, multi.size(), multi.toString());
        assertTrue(multi.get(0).get("id").asText().startsWith("urn:li:image:"));
        assertFalse(multi.get(0).get("id").asText().equals(multi.get(1).get("id").asText()));

        // Media that is not an image is FAILED, and nothing is posted.
        String pdf = scheduledNow(ws, "{\"platform\":\"LINKEDIN\",\"funnelStage\":\"TRUST\",\"caption\":\"Doc\","
                + "\"mediaUrls\":[\"" + fake.url() + "/li-media/menu.pdf\"]}");
        await("failure", () -> "FAILED".equals(status(ws, pdf)));
        assertTrue(post(ws, pdf).getString("publishing.failureReason").contains("is not an image"));
        assertEquals(2, posts(bearer).size());
    }

    @Test
    void aVideoIsUploadedInPartsWithTheVideosApiFinalizedWithItsETagsAndPostedAsMedia() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "li-code-vid");
        POSTS.put(bearer, r -> created("urn:li:share:7213456789012347777"));
        // The first attempt's second part fails (500): retried, a new upload, the post made once.
        FAIL_PUT.set(VIDEO_PUTS.get() + 2);
        String id = scheduledNow(ws, "{\"platform\":\"LINKEDIN\",\"funnelStage\":\"TRUST\",\"caption\":"
                + "\"Behind the counter\",\"mediaUrls\":[\"" + fake.url() + "/li-video/counter.mp4\"]}");
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        assertEquals("urn:li:share:7213456789012347777", post(ws, id).getString("remoteId"));
        assertEquals(2, post(ws, id).getInt("publishing.attempts"));

        List<FakeServer.Recorded> calls = fake.requests().stream().filter(r -> r.path().equals("/linkedin/rest/videos"))
                .filter(r -> bearer.equals(r.header("Authorization"))).toList();
        assertEquals(List.of("action=initializeUpload", "action=initializeUpload", "action=finalizeUpload"),
                calls.stream().map(FakeServer.Recorded::query).toList());
        JsonNode init = JSON.readTree(calls.get(1).body()).path("initializeUploadRequest");
        assertEquals(AUTHOR, init.path("owner").asText());
        assertEquals(2500, init.path("fileSizeBytes").asInt());
        assertFalse(init.path("uploadCaptions").asBoolean(true));
        assertFalse(init.path("uploadThumbnail").asBoolean(true));
        assertEquals("202511", calls.get(1).header("Linkedin-Version"));
        assertEquals("2.0.0", calls.get(1).header("X-Restli-Protocol-Version"));
        String urn = JSON.readTree(posts(bearer).get(0).body()).at("/content/media/id").asText();
        assertTrue(urn.startsWith("urn:li:video:C5F10AQ"), urn);
        String n = urn.substring("urn:li:video:C5F10AQ".length());
        // The second upload's three parts carry the video's bytes, in order; finalize names their ETags in order.
        List<FakeServer.Recorded> parts = fake.requests().stream()
                .filter(r -> r.method().equals("PUT") && r.path().startsWith("/li-video-upload/" + n + "/")).toList();
        assertEquals(3, parts.size());
        assertEquals(video(2500), String.join("", parts.stream().map(FakeServer.Recorded::body).toList()));
        assertEquals(List.of(1000, 1000, 500), parts.stream().map(r -> r.body().length()).toList());
        assertEquals("application/octet-stream", parts.get(0).header("Content-Type"));
        JsonNode fin = JSON.readTree(calls.get(2).body()).path("finalizeUploadRequest");
        assertEquals(urn, fin.path("video").asText());
        assertEquals("", fin.path("uploadToken").asText());
        List<String> partIds = new java.util.ArrayList<>();
        fin.path("uploadedPartIds").forEach(p -> partIds.add(p.asText()));
        assertEquals(List.of("\"etag-" + n + "-0\"", "\"etag-" + n + "-1\"", "\"etag-" + n + "-2\""), partIds);
        assertEquals(1, posts(bearer).size(), "the post is made once");
        JsonNode body = JSON.readTree(posts(bearer).get(0).body());
        assertTrue(body.at("/content/article").isMissingNode(), body.toString());
        assertEquals(0, fake.requests().stream().filter(r -> r.path().equals("/linkedin/rest/images"))
                .filter(r -> bearer.equals(r.header("Authorization"))).count());

        // A video larger than suite.publishing.linkedin.max-video-bytes (4096 here) is FAILED before any upload.
        String big = scheduledNow(ws, "{\"platform\":\"LINKEDIN\",\"funnelStage\":\"TRUST\",\"caption\":\"Long\","
                + "\"mediaUrls\":[\"" + fake.url() + "/li-video/big.mp4\"]}");
        await("failure", () -> "FAILED".equals(status(ws, big)));
        assertEquals("the video " + fake.url() + "/li-video/big.mp4 is larger than the 4096 bytes the LinkedIn "
                + "publisher uploads (suite.publishing.linkedin.max-video-bytes)",
                post(ws, big).getString("publishing.failureReason"));
        assertEquals(3, fake.requests().stream().filter(r -> r.path().equals("/linkedin/rest/videos"))
                .filter(r -> bearer.equals(r.header("Authorization"))).count());
        assertEquals(1, posts(bearer).size());
    }

    @Test
    void everyReservedCharacterOfTheLittleTextFormatIsEscaped() {
        assertEquals("a\\\\b \\| \\{x\\} \\@y \\[z\\] \\(w\\) \\<v\\> \\#tag \\*bold\\* \\_u\\_ \\~s\\~ plain: 50% & \"q\"",
                LinkedInPublisher.little("a\\b | {x} @y [z] (w) <v> #tag *bold* _u_ ~s~ plain: 50% & \"q\""));
        assertEquals("", LinkedInPublisher.little(""));
    }

    @Test
    void aRevokedTokenAsksToReconnectAndRefusalsFailWithLinkedInsMessage() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "li-code-2");
        POSTS.put(bearer, r -> FakeServer.Reply.json(401, UNAUTHORIZED));
        String revoked = scheduledNow(ws, "{\"platform\":\"LINKEDIN\",\"funnelStage\":\"TRUST\",\"caption\":\"Hello\"}");
        await("failure", () -> "FAILED".equals(status(ws, revoked)));
        assertTrue(post(ws, revoked).getString("publishing.failureReason").endsWith("reconnect the account"));
        assertEquals(1, posts(bearer).size());
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/accounts/LINKEDIN").then().statusCode(200)
                .body("status", equalTo("RECONNECT")).body("reason", containsString("REVOKED_ACCESS_TOKEN"));

        String again = connected(ws, "li-code-3");
        Map<Integer, String> refusals = Map.of(
                422, "{\"errorDetailType\":\"com.linkedin.common.error.BadRequest\",\"code\":\"DUPLICATE_POST\","
                        + "\"message\":\"Content is a duplicate of urn:li:share:7213456789012345678\",\"status\":422}",
                403, "{\"serviceErrorCode\":100,\"code\":\"ACCESS_DENIED\",\"message\":\"Not enough permissions to "
                        + "access: partnerApiPostsExternal.CREATE.20251101\",\"status\":403}",
                400, "{\"serviceErrorCode\":100,\"code\":\"INVALID_PARAMS\",\"message\":\"/author :: "
                        + "\\\"urn:li:organization:5515715\\\" does not match urn:li:company\",\"status\":400}");
        for (var refusal : refusals.entrySet()) {
            POSTS.put(again, r -> FakeServer.Reply.json(refusal.getKey(), refusal.getValue()));
            String id = scheduledNow(ws, "{\"platform\":\"LINKEDIN\",\"funnelStage\":\"TRUST\",\"caption\":\"Again "
                    + refusal.getKey() + "\"}");
            await("failure", () -> "FAILED".equals(status(ws, id)));
            String reason = post(ws, id).getString("publishing.failureReason");
            assertTrue(reason.startsWith("LinkedIn refused the post (HTTP " + refusal.getKey() + ", "), reason);
            assertEquals(1, post(ws, id).getInt("publishing.attempts"));
        }
        assertEquals(3, posts(again).size());
    }

    @Test
    void throttlingAndServerErrorsAreRetriedAndThePostIsPublishedOnce() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String bearer = connected(ws, "li-code-4");
        AtomicInteger calls = new AtomicInteger();
        POSTS.put(bearer, r -> switch (calls.incrementAndGet()) {
            case 1 -> FakeServer.Reply.json(429, "{\"message\":\"Resource level throttle APPLICATION DAY limit for "
                    + "calls to this resource is reached.\",\"status\":429}");
            case 2 -> FakeServer.Reply.json(500, "{\"message\":\"Internal Server Error\",\"status\":500}");
            default -> created("urn:li:ugcPost:7213456789012345999");
        });
        String id = scheduledNow(ws, "{\"platform\":\"LINKEDIN\",\"funnelStage\":\"TRUST\",\"caption\":\"Third time\"}");
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        assertEquals(3, posts(bearer).size());
        assertEquals(3, post(ws, id).getInt("publishing.attempts"));
        assertEquals("urn:li:ugcPost:7213456789012345999", post(ws, id).getString("remoteId"));
    }

    @Test
    void theAuthorIsRequiredAndCheckedAndAVideoWithOtherMediaIsRefusedAtSubmit() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        for (String body : List.of("{\"type\":\"LINKEDIN_API\"}", "{\"type\":\"LINKEDIN_API\",\"author\":\" \"}",
                "{\"type\":\"LINKEDIN_API\",\"author\":\"urn:li:company:5515715\"}",
                "{\"type\":\"LINKEDIN_API\",\"author\":\"urn:li:organization:acme\"}")) {
            given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(body)
                    .put("/workspaces/" + ws + "/publishers/LINKEDIN").then().statusCode(422)
                    .contentType("application/problem+json").body("errors.field", containsInAnyOrder("author"));
        }
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers/LINKEDIN").then().statusCode(404);
        // author belongs to LINKEDIN_API only.
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"type\":\"X_API\",\"author\":\"" + AUTHOR + "\"}")
                .put("/workspaces/" + ws + "/publishers/X").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("author"));
        JsonPath member = configure(ws, "LINKEDIN", "{\"type\":\"LINKEDIN_API\",\"author\":\"urn:li:person:8675309\"}");
        assertEquals("urn:li:person:8675309", member.getString("author"));
        // A video alone is taken; with other media PlatformRules refuses it (LinkedIn: a video is a post's only media).
        String alone = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"platform\":"
                + "\"LINKEDIN\",\"funnelStage\":\"TRUST\",\"caption\":\"Look\",\"mediaUrls\":"
                + "[\"https://cdn.fiori.example/a.mp4\"]}").post("/workspaces/" + ws + "/posts").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + alone + "/submit").then()
                .statusCode(200);
        refused(ws, "{\"platform\":\"LINKEDIN\",\"funnelStage\":\"TRUST\",\"caption\":\"Look\","
                + "\"mediaUrls\":[\"https://cdn.fiori.example/a.jpg\",\"https://cdn.fiori.example/a.mp4\"]}",
                "mediaUrls[1]");
    }
}
