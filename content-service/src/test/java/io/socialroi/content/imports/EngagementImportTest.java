package io.socialroi.content.imports;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.writer;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialroi.content.ContentFakes;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.FakeServer;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Engagement pulled back from the platforms: each importer against a fake of the platform's documented read API,
 * the events written through (a fake of) engagement-service's {@code POST /events}, which dedupes by event id as
 * the real one does; Meta's signed webhooks.
 */
@QuarkusTest
class EngagementImportTest {


    @ContentFakes.OAuth
    FakeServer platforms;

    @ContentFakes.Engagement
    FakeServer engagement;

    @Inject
    ImportRunner runner;

    @Inject
    EntityManager em;

    /** What engagement-service stored, by workspace: event id -> the event as sent. */
    static final Map<String, Map<String, JsonNode>> STORED = new ConcurrentHashMap<>();
    /** Whether the fake engagement-service is down. */
    static volatile boolean engagementDown;

    @BeforeEach
    void route() {
        for (String platform : List.of("x", "reddit", "facebook", "youtube", "pinterest", "tiktok",
                "linkedin")) {
            boolean graph = platform.equals("facebook");
            platforms.on(graph ? "GET" : "POST", "/token/" + platform, r -> {
                String source = graph ? r.query() : r.body();
                String code = source.replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
                return FakeServer.Reply.json(200, "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\""
                        + platform + "-imp-" + code + "\",\"refresh_token\":\"" + platform + "-r-" + code + "\"}");
            });
        }
        engagement.on("POST", "/workspaces/", r -> io.socialroi.content.FakeIngestion.answer(r, STORED, engagementDown));
    }

    static void connect(UUID ws, String platform, String code) {
        String state = given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/accounts/" + platform
                + "/authorizations").then().statusCode(201).extract().path("state");
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"state\":\"" + state + "\",\"code\":\"" + code + "\"}")
                .post("/workspaces/" + ws + "/accounts/" + platform + "/authorizations/complete").then().statusCode(200);
    }

    /** A post as its publisher leaves it once the platform took it: PUBLISHED with the platform's id. */
    UUID published(UUID ws, String platform, String remoteId) {
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"" + platform + "\",\"funnelStage\":\"TRUST\",\"caption\":\"Our new bouquet\","
                        + "\"mediaUrls\":[\"https://cdn.fiori.example/b.jpg\"]}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update post set status = 'PUBLISHED',"
                + " remote_id = ?3, published_at = now() where workspace_id = ?1 and id = ?2").setParameter(1, ws)
                .setParameter(2, UUID.fromString(id)).setParameter(3, remoteId).executeUpdate());
        return UUID.fromString(id);
    }

    static JsonPath metrics(UUID ws, UUID post) {
        return given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + post + "/platform-metrics")
                .then().statusCode(200).extract().jsonPath();
    }

    static Map<String, JsonNode> stored(UUID ws) {
        return STORED.getOrDefault(ws.toString(), Map.of());
    }

    @Test
    void xRepliesLikersAndRepostersBecomeEventsAndItsCountsStayCounts() {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        connect(ws, "X", "imp-x-1");
        String tweet = "1850000000000000101";
        UUID post = published(ws, "X", tweet);
        String bearer = "Bearer x-imp-imp-x-1";
        platforms.on("GET", "/2/tweets/", r -> {
            if (!bearer.equals(r.header("Authorization"))) {
                return FakeServer.Reply.json(401, "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Unauthorized\"}");
            }
            String path = r.path();
            if (path.equals("/2/tweets/search/recent")) {
                assertTrue(r.query().contains("query=conversation_id%3A" + tweet), r.query());
                if (!r.query().contains("next_token=")) {
                    return FakeServer.Reply.json(200, "{\"data\":[{\"id\":\"1850000000000000201\",\"author_id\":\"77\","
                            + "\"created_at\":\"2026-12-01T10:00:00.000Z\",\"text\":\"Love it! Price?\"}],"
                            + "\"meta\":{\"result_count\":1,\"next_token\":\"page2\"}}");
                }
                return FakeServer.Reply.json(200, "{\"data\":[{\"id\":\"1850000000000000202\",\"author_id\":\"78\","
                        + "\"created_at\":\"2026-12-01T11:30:00.000Z\",\"text\":\"Where is the shop?\"}],"
                        + "\"meta\":{\"result_count\":1}}");
            }
            if (path.equals("/2/tweets/" + tweet)) {
                return FakeServer.Reply.json(200, "{\"data\":{\"id\":\"" + tweet + "\",\"text\":\"Our new bouquet\","
                        + "\"public_metrics\":{\"retweet_count\":1,\"reply_count\":2,\"like_count\":2,\"quote_count\":0,"
                        + "\"bookmark_count\":3,\"impression_count\":1543}}}");
            }
            if (path.equals("/2/tweets/" + tweet + "/liking_users")) {
                return FakeServer.Reply.json(200, "{\"data\":[{\"id\":\"77\",\"name\":\"A\",\"username\":\"a\"},"
                        + "{\"id\":\"79\",\"name\":\"B\",\"username\":\"b\"}],\"meta\":{\"result_count\":2}}");
            }
            if (path.equals("/2/tweets/" + tweet + "/retweeted_by")) {
                // Not in this account's access tier: skipped, the rest still counts.
                return FakeServer.Reply.json(403, "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"tier\"}");
            }
            return FakeServer.Reply.json(404, "{\"title\":\"Not Found\",\"status\":404}");
        });
        assertTrue(runner.importNow(ws, post));
        Map<String, JsonNode> events = stored(ws);
        assertEquals(Set.of("x:reply:1850000000000000201", "x:reply:1850000000000000202",
                "x:like:" + tweet + ":77", "x:like:" + tweet + ":79"), events.keySet());
        JsonNode reply = events.get("x:reply:1850000000000000201");
        assertEquals("COMMENT", reply.path("type").asText());
        assertEquals("x:77", reply.path("actorId").asText());
        assertEquals("X", reply.path("platform").asText());
        assertEquals(post.toString(), reply.path("postId").asText());
        assertEquals("2026-12-01T10:00:00Z", reply.path("occurredAt").asText());
        assertEquals("Love it! Price?", reply.path("attributes").path("text").asText());
        assertEquals("LIKE", events.get("x:like:" + tweet + ":79").path("type").asText());

        JsonPath m = metrics(ws, post);
        assertEquals(true, m.getBoolean("imported"));
        assertEquals(4, m.getInt("eventsStored"));
        assertNull(m.getString("lastError"));
        Map<String, Integer> counts = m.getList("metrics", Map.class).stream().collect(Collectors.toMap(
                x -> (String) x.get("metric"), x -> ((Number) x.get("value")).intValue()));
        assertEquals(Map.of("impressions", 1543, "likes", 2, "replies", 2, "reposts", 1, "quotes", 0, "bookmarks", 3),
                counts);

        // Read again: the same ids, so engagement-service stores nothing new.
        assertTrue(runner.importNow(ws, post));
        assertEquals(4, stored(ws).size());
        assertEquals(4, metrics(ws, post).getInt("eventsStored"));
    }

    @Test
    void aTokenXRefusesMarksTheAccountForReconnectAndSaysSo() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        connect(ws, "X", "imp-x-revoked");
        UUID post = published(ws, "X", "1850000000000000999");
        platforms.on("GET", "/2/tweets/", FakeServer.Reply.json(401,
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Unauthorized\"}"));
        runner.importNow(ws, post);
        assertTrue(metrics(ws, post).getString("lastError").endsWith("reconnect the account"),
                metrics(ws, post).getString("lastError"));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/accounts/X").then().statusCode(200)
                .body("status", equalTo("RECONNECT"));
        assertEquals(0, stored(ws).size());
    }

    @Test
    void whenEngagementServiceIsDownTheReadIsMadeAgainAndNothingIsLost() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        connect(ws, "REDDIT", "imp-rd-1");
        UUID post = published(ws, "REDDIT", "t3_1h2x3y5");
        platforms.on("GET", "/reddit/comments/", r -> {
            assertEquals("/reddit/comments/1h2x3y5", r.path());
            assertEquals("bearer reddit-imp-imp-rd-1", r.header("Authorization"));
            return FakeServer.Reply.json(200, "[{\"kind\":\"Listing\",\"data\":{\"children\":[{\"kind\":\"t3\",\"data\":"
                    + "{\"id\":\"1h2x3y5\",\"score\":42,\"num_comments\":3,\"upvote_ratio\":0.97}}]}},"
                    + "{\"kind\":\"Listing\",\"data\":{\"children\":["
                    + "{\"kind\":\"t1\",\"data\":{\"id\":\"c1\",\"author\":\"baker\",\"author_fullname\":\"t2_aa\","
                    + "\"created_utc\":1764583200.0,\"body\":\"Great crumb\",\"replies\":{\"kind\":\"Listing\",\"data\":"
                    + "{\"children\":[{\"kind\":\"t1\",\"data\":{\"id\":\"c2\",\"author\":\"op\",\"author_fullname\":"
                    + "\"t2_bb\",\"created_utc\":1764586800,\"body\":\"Thanks!\",\"replies\":\"\"}}]}}}},"
                    + "{\"kind\":\"t1\",\"data\":{\"id\":\"c3\",\"author\":\"[deleted]\",\"created_utc\":1764590400,"
                    + "\"body\":\"[removed]\",\"replies\":\"\"}},"
                    + "{\"kind\":\"more\",\"data\":{\"count\":0,\"children\":[]}}]}}]");
        });
        engagementDown = true;
        try {
            runner.importNow(ws, post);
        } finally {
            engagementDown = false;
        }
        JsonPath failed = metrics(ws, post);
        assertTrue(failed.getString("lastError").contains("engagement-service"), failed.getString("lastError"));
        assertEquals(0, failed.getList("metrics").size());

        runner.importNow(ws, post);
        Map<String, JsonNode> events = stored(ws);
        assertEquals(Set.of("reddit:comment:c1", "reddit:comment:c2"), events.keySet());
        assertEquals("reddit:t2_aa", events.get("reddit:comment:c1").path("actorId").asText());
        assertEquals("2025-12-01T10:00:00Z", events.get("reddit:comment:c1").path("occurredAt").asText());
        JsonPath ok = metrics(ws, post);
        assertNull(ok.getString("lastError"));
        assertEquals(List.of("comments", "score", "upvotePercent"), ok.getList("metrics.metric"));
        assertEquals(List.of(3, 42, 97), ok.getList("metrics.value"));
    }

    @Test
    void facebookCommentsAndReactionsComeWithThePageToken() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        connect(ws, "FACEBOOK", "imp-fb-1");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into publisher (workspace_id, platform,"
                + " type, url, target, updated_at) values (?1, 'FACEBOOK', 'WEBHOOK', 'https://hooks.agency.example/fb',"
                + " '1010', now())").setParameter(1, ws).executeUpdate());
        UUID post = published(ws, "FACEBOOK", "1010_2020");
        List<String> tokens = new ArrayList<>();
        platforms.on("GET", "/graph/v21.0/", r -> {
            String token = r.query().replaceAll(".*(?:^|&)access_token=([^&]+).*", "$1");
            tokens.add(r.path() + " " + token);
            try {
                // Every call proves the app: appsecret_proof = HMAC-SHA256(token) under the Facebook app's secret.
                String proof = sign(token, "facebook-secret").substring("sha256=".length());
                if (!r.query().contains("appsecret_proof=" + proof)) {
                    return FakeServer.Reply.json(400, "{\"error\":{\"message\":\"Invalid appsecret_proof provided in the "
                            + "API argument\",\"type\":\"GraphMethodException\",\"code\":100}}");
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            switch (r.path()) {
                case "/graph/v21.0/1010" -> {
                    return token.equals("facebook-imp-imp-fb-1")
                            ? FakeServer.Reply.json(200, "{\"access_token\":\"page-token-1010\",\"id\":\"1010\"}")
                            : FakeServer.Reply.json(400, "{\"error\":{\"message\":\"Invalid OAuth access token.\","
                                    + "\"type\":\"OAuthException\",\"code\":190}}");
                }
                case "/graph/v21.0/1010_2020/comments" -> {
                    if (!r.query().contains("after=")) {
                        return FakeServer.Reply.json(200, "{\"data\":[{\"id\":\"2020_1\",\"from\":{\"id\":\"501\","
                                + "\"name\":\"Ada\"},\"message\":\"How much?\",\"created_time\":\"2026-12-01T09:00:00+0000\"},"
                                + "{\"id\":\"2020_2\",\"message\":\"private\",\"created_time\":\"2026-12-01T09:05:00+0000\"}],"
                                + "\"paging\":{\"cursors\":{\"before\":\"b\",\"after\":\"c2\"},\"next\":\"https://graph.facebook.com/next\"}}");
                    }
                    return FakeServer.Reply.json(200, "{\"data\":[{\"id\":\"2020_3\",\"from\":{\"id\":\"1010\",\"name\":"
                            + "\"Fiori\"},\"message\":\"Thanks!\",\"created_time\":\"2026-12-01T09:10:00+0000\"},"
                            + "{\"id\":\"2020_4\",\"from\":{\"id\":\"502\",\"name\":\"Bo\"},\"message\":\"Ordered\","
                            + "\"created_time\":\"2026-12-01T10:00:00+0000\"}],\"paging\":{\"cursors\":{\"after\":\"c3\"}}}");
                }
                case "/graph/v21.0/1010_2020/reactions" -> {
                    return FakeServer.Reply.json(200, "{\"data\":[{\"id\":\"501\",\"type\":\"LOVE\"},{\"id\":\"503\","
                            + "\"type\":\"LIKE\"}],\"paging\":{\"cursors\":{\"after\":\"x\"}}}");
                }
                case "/graph/v21.0/1010_2020" -> {
                    return FakeServer.Reply.json(200, "{\"id\":\"1010_2020\",\"shares\":{\"count\":4},\"reactions\":"
                            + "{\"data\":[],\"summary\":{\"total_count\":2}},\"comments\":{\"data\":[],\"summary\":"
                            + "{\"total_count\":4}}}");
                }
                case "/graph/v21.0/1010_2020/insights" -> {
                    return FakeServer.Reply.json(400, "{\"error\":{\"message\":\"(#10) Requires read_insights\","
                            + "\"type\":\"OAuthException\",\"code\":10}}");
                }
                default -> {
                    return FakeServer.Reply.json(404, "{\"error\":{\"message\":\"Unknown path\",\"code\":803}}");
                }
            }
        });
        runner.importNow(ws, post);
        assertTrue(tokens.stream().filter(t -> t.contains("1010_2020")).allMatch(t -> t.endsWith(" page-token-1010")),
                tokens.toString());
        Map<String, JsonNode> events = stored(ws);
        assertEquals(Set.of("facebook:comment:2020_1", "facebook:comment:2020_4", "facebook:reaction:1010_2020:501",
                "facebook:reaction:1010_2020:503"), events.keySet());
        assertEquals("2026-12-01T09:00:00Z", events.get("facebook:comment:2020_1").path("occurredAt").asText());
        assertEquals("facebook:502", events.get("facebook:comment:2020_4").path("actorId").asText());
        JsonPath m = metrics(ws, post);
        assertEquals(List.of("comments", "reactions", "shares"), m.getList("metrics.metric"));
        assertEquals(List.of(4, 2, 4), m.getList("metrics.value"));
    }

    @Test
    void youtubeCommentsBecomeEventsAndPinterestAndTikTokCountsStayCounts() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        connect(ws, "YOUTUBE", "imp-yt-1");
        connect(ws, "PINTEREST", "imp-pin-1");
        connect(ws, "TIKTOK", "imp-tt-1");
        UUID video = published(ws, "YOUTUBE", "dQw4w9WgXcQ");
        UUID pin = published(ws, "PINTEREST", "813744226420795884");
        UUID clip = published(ws, "TIKTOK", "7297519624021133610");
        platforms.on("GET", "/youtube/youtube/v3/", r -> {
            if (!"Bearer youtube-imp-imp-yt-1".equals(r.header("Authorization"))) {
                return FakeServer.Reply.json(401, "{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\"}}");
            }
            if (r.path().endsWith("/videos")) {
                return FakeServer.Reply.json(200, "{\"items\":[{\"id\":\"dQw4w9WgXcQ\",\"statistics\":{\"viewCount\":"
                        + "\"1520\",\"likeCount\":\"33\",\"favoriteCount\":\"0\",\"commentCount\":\"2\"}}]}");
            }
            String first = "{\"id\":\"Ugz1\",\"snippet\":{\"topLevelComment\":{\"snippet\":{\"authorChannelId\":"
                    + "{\"value\":\"UCaa\"},\"textOriginal\":\"Which lens?\",\"publishedAt\":\"2026-12-02T08:00:00Z\"}}}}";
            String second = "{\"id\":\"Ugz2\",\"snippet\":{\"topLevelComment\":{\"snippet\":{\"authorChannelId\":"
                    + "{\"value\":\"UCbb\"},\"textOriginal\":\"Booked a session\",\"publishedAt\":\"2026-12-02T09:00:00Z\"}}}}";
            return r.query().contains("pageToken=p2")
                    ? FakeServer.Reply.json(200, "{\"items\":[" + second + "]}")
                    : FakeServer.Reply.json(200, "{\"items\":[" + first + "],\"nextPageToken\":\"p2\"}");
        });
        platforms.on("GET", "/pinterest/v5/pins/", r -> "Bearer pinterest-imp-imp-pin-1".equals(r.header("Authorization"))
                ? FakeServer.Reply.json(200, "{\"id\":\"813744226420795884\",\"pin_metrics\":{\"90d\":{\"pin_click\":7},"
                        + "\"lifetime_metrics\":{\"impression\":1200,\"save\":45,\"pin_click\":80,\"outbound_click\":31,"
                        + "\"reaction\":9,\"comment\":1}}}")
                : FakeServer.Reply.json(401, "{\"code\":2,\"message\":\"Authentication failed.\"}"));
        platforms.on("POST", "/tiktok/v2/video/query/", r -> r.body().contains("7297519624021133610")
                && "Bearer tiktok-imp-imp-tt-1".equals(r.header("Authorization"))
                ? FakeServer.Reply.json(200, "{\"data\":{\"videos\":[{\"id\":\"7297519624021133610\",\"view_count\":9000,"
                        + "\"like_count\":700,\"comment_count\":12,\"share_count\":30}],\"cursor\":0,\"has_more\":false},"
                        + "\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"2023\"}}")
                : FakeServer.Reply.json(401, "{\"data\":{},\"error\":{\"code\":\"access_token_invalid\",\"message\":"
                        + "\"The access token is invalid or not found in the request.\",\"log_id\":\"2024\"}}"));
        runner.importNow(ws, video);
        runner.importNow(ws, pin);
        runner.importNow(ws, clip);
        Map<String, JsonNode> events = stored(ws);
        assertEquals(Set.of("youtube:comment:Ugz1", "youtube:comment:Ugz2"), events.keySet());
        assertEquals("youtube:UCbb", events.get("youtube:comment:Ugz2").path("actorId").asText());
        assertEquals(List.of("comments", "likes", "views"), metrics(ws, video).getList("metrics.metric"));
        assertEquals(List.of(2, 33, 1520), metrics(ws, video).getList("metrics.value"));
        assertEquals(List.of("comments", "impressions", "outboundClicks", "pinClicks", "reactions", "saves"),
                metrics(ws, pin).getList("metrics.metric"));
        assertEquals(List.of(1, 1200, 31, 80, 9, 45), metrics(ws, pin).getList("metrics.value"));
        assertEquals(List.of("comments", "likes", "shares", "views"), metrics(ws, clip).getList("metrics.metric"));
        assertEquals(List.of(12, 700, 30, 9000), metrics(ws, clip).getList("metrics.value"));
        assertEquals(0, metrics(ws, clip).getInt("eventsStored"));
    }

    @Test
    void linkedInCommentsBecomeEventsWithoutThePagesOwnAndItsCountsStayCounts() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        connect(ws, "LINKEDIN", "imp-li-1");
        String page = "urn:li:organization:2414183";
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into publisher (workspace_id, platform,"
                + " type, target, updated_at) values (?1, 'LINKEDIN', 'LINKEDIN_API', ?2, now())").setParameter(1, ws)
                .setParameter(2, page).executeUpdate());
        String share = "urn:li:share:7213456789012345678";
        UUID post = published(ws, "LINKEDIN", share);
        // LinkedIn's Comments API, pages of 100 by start: a full first page (the Page's own reply among them), then 2.
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String actor = i == 1 ? page : "urn:li:person:m" + i;
            first.add("{\"actor\":\"" + actor + "\",\"id\":\"70000000000000" + (1000 + i) + "\",\"commentUrn\":"
                    + "\"urn:li:comment:(urn:li:activity:7213456789012345600,70000000000000" + (1000 + i) + ")\","
                    + "\"created\":{\"actor\":\"" + actor + "\",\"time\":" + (1764583200000L + i * 60_000L) + "},"
                    + "\"message\":{\"attributes\":[],\"text\":\"Comment " + i + "\"},\"object\":"
                    + "\"urn:li:activity:7213456789012345600\"}");
        }
        String second = "{\"actor\":\"urn:li:person:zz9\",\"id\":\"700000000000002000\",\"created\":{\"actor\":"
                + "\"urn:li:person:zz9\",\"time\":1764590400000},\"message\":{\"text\":\"Do you ship to Milan?\"}},"
                + "{\"actor\":\"urn:li:organization:99\",\"commentUrn\":\"urn:li:comment:(urn:li:activity:1,2001)\","
                + "\"created\":{\"time\":1764594000000},\"message\":{\"text\":\"Partners!\"}}";
        String bearer = "Bearer linkedin-imp-imp-li-1";
        platforms.on("GET", "/linkedin/rest/", r -> {
            if (!bearer.equals(r.header("Authorization"))) {
                return FakeServer.Reply.json(401, "{\"status\":401,\"serviceErrorCode\":65600,\"code\":"
                        + "\"INVALID_ACCESS_TOKEN\",\"message\":\"Invalid access token\"}");
            }
            if (!"202511".equals(r.header("Linkedin-Version")) || !"2.0.0".equals(r.header("X-Restli-Protocol-Version"))) {
                return FakeServer.Reply.json(426, "{\"status\":426,\"code\":\"NONEXISTENT_VERSION\",\"message\":"
                        + "\"Requested version is not active\"}");
            }
            if (r.path().equals("/linkedin/rest/socialMetadata/" + share)) {
                return FakeServer.Reply.json(200, "{\"reactionSummaries\":{\"LIKE\":{\"reactionType\":\"LIKE\","
                        + "\"count\":40},\"PRAISE\":{\"reactionType\":\"PRAISE\",\"count\":2}},\"commentsState\":"
                        + "\"OPEN\",\"commentSummary\":{\"count\":102,\"topLevelCount\":102},\"entity\":\"" + share + "\"}");
            }
            if (r.path().equals("/linkedin/rest/socialActions/" + share + "/comments")) {
                if (r.query().equals("start=0&count=100")) {
                    return FakeServer.Reply.json(200, "{\"paging\":{\"start\":0,\"count\":100,\"total\":102,"
                            + "\"links\":[]},\"elements\":[" + String.join(",", first) + "]}");
                }
                if (r.query().equals("start=100&count=100")) {
                    return FakeServer.Reply.json(200, "{\"paging\":{\"start\":100,\"count\":100,\"total\":102,"
                            + "\"links\":[]},\"elements\":[" + second + "]}");
                }
            }
            return FakeServer.Reply.json(404, "{\"status\":404,\"code\":\"NOT_FOUND\",\"message\":\"Not found\"}");
        });
        assertTrue(runner.importNow(ws, post));
        // The URN went URL-encoded into the path, as LinkedIn requires.
        assertTrue(platforms.requests().stream().anyMatch(r -> r.path().equals("/linkedin/rest/socialActions/" + share
                + "/comments")));
        Map<String, JsonNode> events = stored(ws);
        assertEquals(101, events.size(), events.keySet().toString());
        assertTrue(!events.containsKey("linkedin:comment:700000000000001001"), "the Page's own reply is no engagement");
        JsonNode c = events.get("linkedin:comment:700000000000001000");
        assertEquals("COMMENT", c.path("type").asText());
        assertEquals("linkedin:urn:li:person:m0", c.path("actorId").asText());
        assertEquals("LINKEDIN", c.path("platform").asText());
        assertEquals(post.toString(), c.path("postId").asText());
        assertEquals("2025-12-01T10:00:00Z", c.path("occurredAt").asText());
        assertEquals("Comment 0", c.path("attributes").path("text").asText());
        JsonNode last = events.get("linkedin:comment:700000000000002000");
        assertEquals("linkedin:urn:li:person:zz9", last.path("actorId").asText());
        assertEquals("2025-12-01T12:00:00Z", last.path("occurredAt").asText());
        assertEquals("Do you ship to Milan?", last.path("attributes").path("text").asText());
        assertEquals("linkedin:urn:li:organization:99",
                events.get("linkedin:comment:urn:li:comment:(urn:li:activity:1,2001)").path("actorId").asText());
        JsonPath m = metrics(ws, post);
        assertNull(m.getString("lastError"));
        assertEquals(101, m.getInt("eventsStored"));
        assertEquals(List.of("comments", "reactions"), m.getList("metrics.metric"));
        assertEquals(List.of(102, 42), m.getList("metrics.value"));

        // Read again: the same ids, nothing new stored.
        assertTrue(runner.importNow(ws, post));
        assertEquals(101, stored(ws).size());
        assertEquals(101, metrics(ws, post).getInt("eventsStored"));

        // Without the permission to read comments (403) the counts still come; a refused token asks to reconnect.
        platforms.on("GET", "/linkedin/rest/socialActions/", FakeServer.Reply.json(403, "{\"status\":403,"
                + "\"serviceErrorCode\":100,\"code\":\"ACCESS_DENIED\",\"message\":\"Not enough permissions to access: "
                + "GET /socialActions/{id}/comments\"}"));
        assertTrue(runner.importNow(ws, post));
        assertNull(metrics(ws, post).getString("lastError"));
        assertEquals(List.of(102, 42), metrics(ws, post).getList("metrics.value"));
        platforms.on("GET", "/linkedin/rest/socialMetadata/", FakeServer.Reply.json(500, "{\"status\":500,"
                + "\"message\":\"Internal Server Error\"}"));
        assertTrue(runner.importNow(ws, post));
        assertEquals("LinkedIn answered HTTP 500: Internal Server Error", metrics(ws, post).getString("lastError"));
        platforms.on("GET", "/linkedin/rest/socialMetadata/", FakeServer.Reply.json(401, "{\"status\":401,"
                + "\"serviceErrorCode\":65601,\"code\":\"REVOKED_ACCESS_TOKEN\",\"message\":\"The token used in the "
                + "request has been revoked by the user\"}"));
        assertTrue(runner.importNow(ws, post));
        assertEquals("LinkedIn answered HTTP 401: REVOKED_ACCESS_TOKEN, The token used in the request has been revoked"
                + " by the user: reconnect the account", metrics(ws, post).getString("lastError"));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/accounts/LINKEDIN").then().statusCode(200)
                .body("status", equalTo("RECONNECT"));
        assertEquals(101, stored(ws).size());
    }

    static String sign(String body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void metaWebhooksAreTakenOnlySignedAndGiveTheImportersEventIds() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into publisher (workspace_id, platform, type, url, target, updated_at) values"
                    + " (?1, 'FACEBOOK', 'WEBHOOK', 'https://hooks.agency.example/fb', '3030', now()),"
                    + " (?1, 'INSTAGRAM', 'WEBHOOK', 'https://hooks.agency.example/ig', '1784', now())")
                    .setParameter(1, ws).executeUpdate();
        });
        UUID fb = published(ws, "FACEBOOK", "3030_4040");
        UUID ig = published(ws, "INSTAGRAM", "17895695668004550");
        String body = "{\"object\":\"page\",\"entry\":[{\"id\":\"3030\",\"time\":1764583200,\"changes\":["
                + "{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\",\"comment_id\":\"4040_9\","
                + "\"post_id\":\"3030_4040\",\"from\":{\"id\":\"601\",\"name\":\"Cy\"},\"message\":\"Booked!\","
                + "\"created_time\":1764583100}},"
                + "{\"field\":\"feed\",\"value\":{\"item\":\"reaction\",\"verb\":\"add\",\"reaction_type\":\"like\","
                + "\"post_id\":\"3030_4040\",\"from\":{\"id\":\"602\"},\"created_time\":1764583150}},"
                + "{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\",\"comment_id\":\"7_1\","
                + "\"post_id\":\"3030_7\",\"from\":{\"id\":\"603\"},\"message\":\"not ours\",\"created_time\":1764583160}}]}]}";
        given().contentType(ContentType.JSON).body(body).post("/hooks/meta").then().statusCode(401)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", sign(body, "wrong-secret")).body(body)
                .post("/hooks/meta").then().statusCode(401);
        assertEquals(0, stored(ws).size());

        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", sign(body, "facebook-secret")).body(body)
                .post("/hooks/meta").then().statusCode(200).body("changes", equalTo(3)).body("stored", equalTo(2))
                .body("unmatched", equalTo(1));
        Map<String, JsonNode> events = stored(ws);
        assertEquals(Set.of("facebook:comment:4040_9", "facebook:reaction:3030_4040:602"), events.keySet());
        assertEquals(fb.toString(), events.get("facebook:comment:4040_9").path("postId").asText());
        assertEquals("2025-12-01T09:58:20Z", events.get("facebook:comment:4040_9").path("occurredAt").asText());
        // Meta delivers again: nothing new.
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", sign(body, "facebook-secret")).body(body)
                .post("/hooks/meta").then().statusCode(200).body("stored", equalTo(0)).body("duplicates", equalTo(2));

        String igBody = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"1784\",\"time\":1764590000,\"changes\":[{"
                + "\"field\":\"comments\",\"value\":{\"from\":{\"id\":\"232323\",\"username\":\"dee\"},\"media\":{\"id\":"
                + "\"17895695668004550\",\"media_product_type\":\"FEED\"},\"id\":\"17865799348089039\",\"text\":\"Wow\"}}]}]}";
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", sign(igBody, "facebook-secret"))
                .body(igBody).post("/hooks/meta").then().statusCode(200).body("stored", equalTo(1));
        JsonNode comment = stored(ws).get("instagram:comment:17865799348089039");
        assertEquals(ig.toString(), comment.path("postId").asText());
        assertEquals("instagram:232323", comment.path("actorId").asText());

        engagementDown = true;
        try {
            String again = igBody.replace("17865799348089039", "17865799348089040");
            given().contentType(ContentType.JSON).header("X-Hub-Signature-256", sign(again, "facebook-secret"))
                    .body(again).post("/hooks/meta").then().statusCode(503).contentType("application/problem+json");
        } finally {
            engagementDown = false;
        }
    }

    @Test
    void whatsAppRepliesToTheWorkspacesNumberAreItsDirectMessages() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String number = "1065403522" + (100 + new java.util.Random().nextInt(900));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into publisher (workspace_id, platform,"
                + " type, target, updated_at) values (?1, 'WHATSAPP', 'WHATSAPP_API', ?2, now())").setParameter(1, ws)
                .setParameter(2, number).executeUpdate());
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"" + number + "\"},\"contacts\":[{\"profile\":{\"name\":\"Kerry\"},"
                + "\"wa_id\":\"16505551234\"}],\"messages\":[{\"from\":\"16505551234\",\"id\":\"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQz\","
                + "\"timestamp\":\"1764583200\",\"text\":{\"body\":\"Is the bouquet still available?\"},\"type\":\"text\"},"
                + "{\"from\":\"393471234567\",\"id\":\"wamid.HBgLMzkzNDcxMjM0NTY3\",\"timestamp\":\"1764583260\",\"type\":\"text\","
                + "\"text\":{\"body\":\"Yes please\"}}]},\"field\":\"messages\"},"
                + "{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\"" + number + "\"},"
                + "\"statuses\":[{\"id\":\"wamid.sent\",\"status\":\"delivered\",\"timestamp\":\"1764583300\","
                + "\"recipient_id\":\"16505551234\"}]},\"field\":\"messages\"}]}]}";
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", sign(body, "facebook-secret")).body(body)
                .post("/hooks/meta").then().statusCode(200).body("stored", equalTo(2)).body("unmatched", equalTo(0));
        Map<String, JsonNode> events = stored(ws);
        assertEquals(Set.of("whatsapp:message:wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQz", "whatsapp:message:wamid.HBgLMzkzNDcxMjM0NTY3"),
                events.keySet());
        JsonNode dm = events.get("whatsapp:message:wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQz");
        assertEquals("DM", dm.path("type").asText());
        assertEquals("WHATSAPP", dm.path("platform").asText());
        assertEquals("whatsapp:16505551234", dm.path("actorId").asText());
        assertTrue(dm.path("postId").isMissingNode(), dm.toString());
        assertEquals("2025-12-01T10:00:00Z", dm.path("occurredAt").asText());
        // A number no workspace sends from: nothing stored, counted as not ours.
        String other = body.replace(number, "999000111");
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", sign(other, "facebook-secret")).body(other)
                .post("/hooks/meta").then().statusCode(200).body("stored", equalTo(0)).body("unmatched", equalTo(2));
    }

    @Test
    void metasSubscriptionHandshakeEchoesTheChallengeForTheRightTokenOnly() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "meta-verify-token-test")
                .queryParam("hub.challenge", "1158201444").get("/hooks/meta").then().statusCode(200)
                .body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444").get("/hooks/meta").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void platformMetricsBelongToTheirWorkspace() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        UUID other = Fixtures.workspace("UTC", "EUR");
        UUID post = published(ws, "X", "1850000000000000555");
        given().auth().oauth2(writer(other)).get("/workspaces/" + ws + "/posts/" + post + "/platform-metrics").then()
                .statusCode(404);
        given().auth().oauth2(writer(other)).get("/workspaces/" + other + "/posts/" + post + "/platform-metrics").then()
                .statusCode(404).contentType("application/problem+json");
        JsonPath before = metrics(ws, post);
        assertEquals(0, before.getList("metrics").size());
        assertNull(before.getString("lastImportedAt"));
    }
}
