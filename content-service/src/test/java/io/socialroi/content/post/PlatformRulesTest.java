package io.socialroi.content.post;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.writer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialroi.content.Fixtures;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each platform's rules are checked when a post is submitted or scheduled: a 422 naming caption or mediaUrls, and
 * the post, its revision and its history unchanged.
 */
@QuarkusTest
class PlatformRulesTest {

    static String create(UUID ws, String body) {
        return given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(body)
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
    }

    static JsonPath post(UUID ws, String id) {
        return given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    static int history(UUID ws, String id) {
        return given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id + "/history").then()
                .statusCode(200).extract().jsonPath().getList("items").size();
    }

    /** Submitting answers 422 with an error on {@code field} containing {@code message}; nothing changes. */
    static void refusedAtSubmit(UUID ws, String body, String field, String message) {
        String id = create(ws, body);
        JsonPath before = post(ws, id);
        int events = history(ws, id);
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/submit").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", org.hamcrest.Matchers.containsString(message));
        JsonPath after = post(ws, id);
        assertEquals("DRAFT", after.getString("status"));
        assertEquals(before.getString("updatedAt"), after.getString("updatedAt"));
        assertEquals(events, history(ws, id));
        assertEquals(1L, Fixtures.count("select revision from post where id = ?", UUID.fromString(id)));
    }

    static String repeat(int n) {
        return "a".repeat(n);
    }

    @Test
    void eachPlatformsMediaAndLengthRulesRefuseSubmission() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        refusedAtSubmit(ws, "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"No picture\"}",
                "mediaUrls", "INSTAGRAM needs an image or video (at least 1)");
        // TikTok: one video alone, or photos (a photo post).
        refusedAtSubmit(ws, "{\"platform\":\"TIKTOK\",\"funnelStage\":\"ACTION\",\"caption\":\"x\","
                + "\"mediaUrls\":[\"https://cdn.example/a.jpg\",\"https://cdn.example/b.mp4\"]}", "mediaUrls[1]",
                "on TIKTOK a video must be the post's only media");
        refusedAtSubmit(ws, "{\"platform\":\"TIKTOK\",\"funnelStage\":\"ACTION\",\"caption\":\"x\","
                + "\"mediaUrls\":[\"https://cdn.example/a.mp4\",\"https://cdn.example/b.mp4\"]}", "mediaUrls[0]",
                "on TIKTOK a video must be the post's only media");
        refusedAtSubmit(ws, "{\"platform\":\"YOUTUBE\",\"funnelStage\":\"ACTION\",\"caption\":\"x\"}", "mediaUrls",
                "YOUTUBE needs a video");
        refusedAtSubmit(ws, "{\"platform\":\"YOUTUBE\",\"funnelStage\":\"ACTION\",\"caption\":\"" + repeat(5001)
                + "\",\"mediaUrls\":[\"https://cdn.example/a.mp4\"]}", "caption", "YOUTUBE takes at most 5000");
        refusedAtSubmit(ws, "{\"platform\":\"PINTEREST\",\"funnelStage\":\"ACTION\",\"caption\":\"Pin\"}", "mediaUrls",
                "PINTEREST needs an image or video (at least 1)");
        refusedAtSubmit(ws, "{\"platform\":\"X\",\"funnelStage\":\"ACTION\",\"caption\":\"x\",\"mediaUrls\":["
                + "\"https://cdn.example/1.jpg\",\"https://cdn.example/2.jpg\",\"https://cdn.example/3.jpg\","
                + "\"https://cdn.example/4.jpg\",\"https://cdn.example/5.jpg\"]}", "mediaUrls", "X takes at most 4 media");
        refusedAtSubmit(ws, "{\"platform\":\"X\",\"funnelStage\":\"ACTION\",\"caption\":\"x\",\"mediaUrls\":["
                + "\"https://cdn.example/1.jpg\",\"https://cdn.example/2.mov\"]}", "mediaUrls[1]",
                "a video must be the post's only media");
        refusedAtSubmit(ws, "{\"platform\":\"TELEGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"" + repeat(4097) + "\"}",
                "caption", "TELEGRAM takes at most 4096");
        refusedAtSubmit(ws, "{\"platform\":\"TELEGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"" + repeat(1025)
                + "\",\"mediaUrls\":[\"https://cdn.example/a.jpg\"]}", "caption", "TELEGRAM takes at most 1024 with media");
        refusedAtSubmit(ws, "{\"platform\":\"DISCORD\",\"funnelStage\":\"ACTION\",\"caption\":\"" + repeat(2001) + "\"}",
                "caption", "DISCORD takes at most 2000");
        refusedAtSubmit(ws, "{\"platform\":\"WHATSAPP\",\"funnelStage\":\"ACTION\",\"caption\":\"" + repeat(1025) + "\"}",
                "caption", "WHATSAPP takes at most 1024");
        refusedAtSubmit(ws, "{\"platform\":\"PINTEREST\",\"funnelStage\":\"ACTION\",\"caption\":\"" + repeat(500)
                + "\",\"mediaUrls\":[\"https://cdn.example/a.jpg\",\"https://cdn.example/b.mp4\"]}", "mediaUrls[1]",
                "a video must be the post's only media");
    }

    @Test
    void postsThePlatformTakesAreSubmitted() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        for (String body : List.of(
                "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"" + repeat(2200)
                        + "\",\"mediaUrls\":[\"https://cdn.example/a.jpg\",\"https://cdn.example/b.mp4\"]}",
                // A media URL without a known extension is not refused for its type.
                "{\"platform\":\"TIKTOK\",\"funnelStage\":\"ACTION\",\"mediaUrls\":[\"https://cdn.example/v/123\"]}",
                // A TikTok photo post.
                "{\"platform\":\"TIKTOK\",\"funnelStage\":\"ACTION\",\"mediaUrls\":[\"https://cdn.example/a.jpg\","
                        + "\"https://cdn.example/b.png\"]}",
                "{\"platform\":\"TELEGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"" + repeat(4096) + "\"}",
                "{\"platform\":\"EMAIL\",\"funnelStage\":\"ACTION\",\"caption\":\"" + repeat(10000) + "\"}",
                "{\"platform\":\"QUORA\",\"funnelStage\":\"TRUST\",\"caption\":\"" + repeat(10000) + "\"}",
                "{\"platform\":\"X\",\"funnelStage\":\"ACTION\",\"caption\":\"" + repeat(280)
                        + "\",\"mediaUrls\":[\"https://cdn.example/a.mp4\"]}")) {
            String id = create(ws, body);
            given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/submit").then()
                    .statusCode(200).body("status", equalTo("IN_REVIEW"));
        }
    }

    /** A post approved before the rules (or before a rule changed) is stopped when it is scheduled. */
    @Test
    void schedulingChecksTheRulesAgainAndChangesNothing() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String id = create(ws, "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"Sale\","
                + "\"mediaUrls\":[\"https://cdn.example/a.jpg\"]}");
        String url = "/workspaces/" + ws + "/posts/" + id;
        given().auth().oauth2(writer(ws)).post(url + "/submit").then().statusCode(200);
        given().auth().oauth2(writer(ws)).post(url + "/approve").then().statusCode(200);
        try (Connection c = Fixtures.db(); var s = c.prepareStatement("update post set media_urls = '[]' where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            s.executeUpdate();
        }
        JsonPath before = post(ws, id);
        int events = history(ws, id);
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"scheduledAt\":\"2030-01-01T09:00:00Z\"}")
                .post(url + "/schedule").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("mediaUrls"));
        JsonPath after = post(ws, id);
        assertEquals("APPROVED", after.getString("status"));
        assertEquals(before.getString("scheduledAt"), after.getString("scheduledAt"));
        assertEquals(before.getString("updatedAt"), after.getString("updatedAt"));
        assertEquals(events, history(ws, id));
        assertEquals(0L, Fixtures.count("select count(*) from post where id = ? and next_attempt_at is not null",
                UUID.fromString(id)));
    }

    @Test
    void platformOptionsAreCheckedPerPlatformStoredShownAndPatched() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String video = ",\"mediaUrls\":[\"https://cdn.example/v.mp4\"]";
        String id = create(ws, "{\"platform\":\"YOUTUBE\",\"funnelStage\":\"INTEREST\",\"caption\":\"Steps\"" + video
                + ",\"platformOptions\":{\"title\":\"How we tie a bouquet\"}}");
        assertEquals("How we tie a bouquet", post(ws, id).getString("platformOptions.title"));
        try (Connection c = Fixtures.db(); var s = c.prepareStatement(
                "select platform_options->>'title' from post where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            var rs = s.executeQuery();
            rs.next();
            assertEquals("How we tie a bouquet", rs.getString(1));
        }
        // A merge patch changes one field of the options; null removes them.
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platformOptions\":{\"title\":\"Bouquets, step by step\"}}")
                .patch("/workspaces/" + ws + "/posts/" + id).then().statusCode(200)
                .body("platformOptions.title", equalTo("Bouquets, step by step"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platformOptions\":null}").patch("/workspaces/" + ws + "/posts/" + id).then().statusCode(200)
                .body("platformOptions", org.hamcrest.Matchers.nullValue());

        long posts = Fixtures.count("select count(*) from post where workspace_id = ?", ws);
        refusedAtCreate(ws, "{\"platform\":\"YOUTUBE\",\"funnelStage\":\"INTEREST\",\"caption\":\"x\"" + video
                + ",\"platformOptions\":{\"board\":\"123\"}}", "platformOptions.board");
        refusedAtCreate(ws, "{\"platform\":\"YOUTUBE\",\"funnelStage\":\"INTEREST\",\"caption\":\"x\"" + video
                + ",\"platformOptions\":{\"title\":\"" + repeat(101) + "\"}}", "platformOptions.title");
        refusedAtCreate(ws, "{\"platform\":\"YOUTUBE\",\"funnelStage\":\"INTEREST\",\"caption\":\"x\"" + video
                + ",\"platformOptions\":{\"title\":\"<b>Bold</b>\"}}", "platformOptions.title");
        refusedAtCreate(ws, "{\"platform\":\"REDDIT\",\"funnelStage\":\"INTEREST\",\"caption\":\"x\","
                + "\"platformOptions\":{\"title\":\"Flowers\",\"subreddit\":\"r/no spaces\"}}", "platformOptions.subreddit");
        refusedAtCreate(ws, "{\"platform\":\"PINTEREST\",\"funnelStage\":\"INTEREST\",\"caption\":\"x\","
                + "\"platformOptions\":{\"board\":\"weddings\"}}", "platformOptions.board");
        refusedAtCreate(ws, "{\"platform\":\"WHATSAPP\",\"funnelStage\":\"ACTION\",\"caption\":\"x\","
                + "\"platformOptions\":{\"template\":\"Spring Sale\"}}", "platformOptions.template");
        refusedAtCreate(ws, "{\"platform\":\"X\",\"funnelStage\":\"ACTION\",\"caption\":\"x\","
                + "\"platformOptions\":{\"template\":\"spring_sale\"}}", "platformOptions.template");
        refusedAtCreate(ws, "{\"platform\":\"EMAIL\",\"funnelStage\":\"ACTION\",\"caption\":\"x\","
                + "\"platformOptions\":{\"title\":\"Two\\nlines\"}}", "platformOptions.title");
        assertEquals(posts, Fixtures.count("select count(*) from post where workspace_id = ?", ws));
        // Moving a post to a platform its options do not apply to is refused too, and changes nothing.
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platformOptions\":{\"title\":\"T\"}}").patch("/workspaces/" + ws + "/posts/" + id).then()
                .statusCode(200);
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"TIKTOK\"}").patch("/workspaces/" + ws + "/posts/" + id).then().statusCode(422)
                .body("errors.field", hasItem("platformOptions.title"));
        assertEquals("YOUTUBE", post(ws, id).getString("platform"));

        for (String ok : List.of(
                "{\"platform\":\"REDDIT\",\"funnelStage\":\"INTEREST\",\"caption\":\"x\",\"platformOptions\":"
                        + "{\"title\":\"Peonies\",\"subreddit\":\"r/gardening\"}}",
                "{\"platform\":\"PINTEREST\",\"funnelStage\":\"INTEREST\",\"caption\":\"x\",\"mediaUrls\":"
                        + "[\"https://cdn.example/p.jpg\"],\"platformOptions\":{\"board\":\"549755885175\"}}",
                "{\"platform\":\"WHATSAPP\",\"funnelStage\":\"ACTION\",\"caption\":\"x\",\"platformOptions\":"
                        + "{\"template\":\"spring_sale_2026\"}}",
                "{\"platform\":\"EMAIL\",\"funnelStage\":\"ACTION\",\"caption\":\"x\",\"platformOptions\":"
                        + "{\"title\":\"Spring is here\"}}")) {
            String created = create(ws, ok);
            given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + created + "/submit").then()
                    .statusCode(200);
        }
    }

    static void refusedAtCreate(UUID ws, String body, String field) {
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(body).post("/workspaces/" + ws + "/posts")
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}
