package io.socialroi.engagement.summary;

import static io.restassured.RestAssured.given;
import static io.socialroi.engagement.Api.event;
import static io.socialroi.engagement.Api.send;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialroi.engagement.Api;
import io.socialroi.engagement.ContentFake;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real audience on one post and a bot farm on another: the scores must tell them apart, from behaviour
 * alone (bursts across many posts, accounts that only like, identical comments).
 */
@QuarkusTest
class SummaryResourceTest {

    private static final String DAY = "2026-11-18";

    private final UUID ws = UUID.randomUUID();
    private final UUID campaignReal = UUID.randomUUID();
    private final UUID campaignFarm = UUID.randomUUID();
    private final UUID realPost = UUID.randomUUID();
    private final UUID farmPost = UUID.randomUUID();
    private final String code = "s" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> events = new ArrayList<>();
    private int seq;

    @BeforeEach
    void workspace() {
        ContentFake.workspace(ws, "Europe/Rome");
        Api.registerPost(ws, realPost, campaignReal, "INSTAGRAM", "ACTION", code, "https://shop.example/");
        Api.registerPost(ws, farmPost, campaignFarm, "TIKTOK", "ATTENTION", null, null);
    }

    private void add(String type, UUID post, String platform, String actor, Instant at, String extra) {
        events.add(event("e" + seq++, type, post, actor, at.toString(), extra).replace("\"INSTAGRAM\"",
                "\"" + platform + "\""));
    }

    private void realAudience() {
        Instant base = Instant.parse(DAY + "T08:00:00Z");
        for (int i = 0; i < 20; i++) {
            String actor = "ig:real" + i;
            Instant at = base.plusSeconds(i * 1200L);
            for (int k = 0; k < 5; k++) {
                add("IMPRESSION", realPost, "INSTAGRAM", actor, at.plusSeconds(k), "");
            }
            add("LIKE", realPost, "INSTAGRAM", actor, at.plusSeconds(60), "");
            add("COMMENT", realPost, "INSTAGRAM", actor, at.plusSeconds(200),
                    ",\"attributes\":{\"text\":\"Does it come in size " + (36 + i) + "?\"}");
            if (i % 2 == 0) {
                add("SAVE", realPost, "INSTAGRAM", actor, at.plusSeconds(300), "");
            }
            if (i % 4 == 0) {
                add("DM", realPost, "INSTAGRAM", actor, at.plusSeconds(400), "");
                add("CLICK", realPost, "INSTAGRAM", actor, at.plusSeconds(500), "");
            }
        }
    }

    private void botFarm() {
        Instant burst = Instant.parse(DAY + "T12:00:00Z");
        for (int b = 0; b < 30; b++) {
            // 25 likes within one minute, across 25 posts: no human does that.
            add("LIKE", farmPost, "TIKTOK", "tt:bot" + b, burst.plusSeconds(b), "");
            for (int p = 1; p < 25; p++) {
                add("LIKE", UUID.nameUUIDFromBytes(("farm" + p).getBytes()), "TIKTOK", "tt:bot" + b,
                        burst.plusSeconds(b + p), "");
            }
        }
        for (int c = 0; c < 10; c++) {
            add("COMMENT", farmPost, "TIKTOK", "tt:cmt" + c, burst.plusSeconds(3600L + c * 600),
                    ",\"attributes\":{\"text\":\"  Nice  PIC!! 🔥\"}");
        }
        for (int v = 0; v < 100; v++) {
            add("IMPRESSION", farmPost, "TIKTOK", "tt:viewer" + v, burst.plusSeconds(v), "");
        }
    }

    private void load() {
        realAudience();
        botFarm();
        send(ws, String.join(",", events).transform(s -> "[" + s + "]")).then().statusCode(200)
                .body("accepted", equalTo(events.size()));
    }

    private JsonPath summary(String query) {
        return given().auth().oauth2(Api.reader(ws)).get("/workspaces/" + ws + "/engagement/summary?" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theBotFarmIsSuspiciousAndTheRealAudienceIsNot() {
        load();
        JsonPath byPost = summary("from=" + DAY + "&to=" + DAY + "&groupBy=post");
        String real = "rows.find { it.key == '" + realPost + "' }";
        String farm = "rows.find { it.key == '" + farmPost + "' }";
        // Real audience: 20 likes, 20 comments, 10 saves, 5 DMs, 5 clicks; 100 impressions from 20 people.
        org.junit.jupiter.api.Assertions.assertEquals(20, byPost.getInt(real + ".counts.LIKE"));
        org.junit.jupiter.api.Assertions.assertEquals(60, byPost.getInt(real + ".engagements"));
        org.junit.jupiter.api.Assertions.assertEquals(100, byPost.getInt(real + ".impressions"));
        org.junit.jupiter.api.Assertions.assertEquals(20, byPost.getInt(real + ".uniqueActors"));
        org.junit.jupiter.api.Assertions.assertEquals(0.6, byPost.getDouble(real + ".engagementRate"), 1e-9);
        org.junit.jupiter.api.Assertions.assertEquals(0.0, byPost.getDouble(real + ".suspiciousShare"), 1e-9);
        org.junit.jupiter.api.Assertions.assertEquals(100.0, byPost.getDouble(real + ".qualityScore"), 1e-9);
        // (20x1 + 20x3 + 10x6 + 5x10 + 5x8) / (10 x 60) = 230 / 600
        org.junit.jupiter.api.Assertions.assertEquals(38.3, byPost.getDouble(real + ".intentScore"), 1e-9);

        // Bot farm: 30 burst likers, 10 identical comments, 100 impressions.
        org.junit.jupiter.api.Assertions.assertEquals(40, byPost.getInt(farm + ".engagements"));
        org.junit.jupiter.api.Assertions.assertEquals(40, byPost.getInt(farm + ".uniqueActors"));
        org.junit.jupiter.api.Assertions.assertEquals(1.0, byPost.getDouble(farm + ".suspiciousShare"), 1e-9);
        org.junit.jupiter.api.Assertions.assertEquals(0.0, byPost.getDouble(farm + ".qualityScore"), 1e-9);
        org.junit.jupiter.api.Assertions.assertEquals(0.0, byPost.getDouble(farm + ".intentScore"), 1e-9);
        org.junit.jupiter.api.Assertions.assertEquals("Post " + farmPost.toString().substring(0, 8),
                byPost.getString(farm + ".label"));

        // Totals: every post of the workspace, the 24 other farm posts included.
        org.junit.jupiter.api.Assertions.assertEquals(60 + 40 + 30 * 24, byPost.getInt("totals.engagements"));
        org.junit.jupiter.api.Assertions.assertEquals(60, byPost.getInt("totals.uniqueActors"));
        org.junit.jupiter.api.Assertions.assertEquals(760.0 / 820, byPost.getDouble("totals.suspiciousShare"), 1e-4);

        JsonPath byPlatform = summary("from=" + DAY + "&to=" + DAY + "&groupBy=platform");
        org.junit.jupiter.api.Assertions.assertEquals("Tiktok",
                byPlatform.getString("rows.find { it.key == 'TIKTOK' }.label"));
        org.junit.jupiter.api.Assertions.assertEquals(1.0,
                byPlatform.getDouble("rows.find { it.key == 'TIKTOK' }.suspiciousShare"), 1e-9);
        JsonPath byCampaign = summary("from=" + DAY + "&to=" + DAY + "&groupBy=campaign&campaignId=" + campaignReal);
        org.junit.jupiter.api.Assertions.assertEquals(1, byCampaign.getList("rows").size());
        org.junit.jupiter.api.Assertions.assertEquals(campaignReal.toString(), byCampaign.getString("rows[0].key"));
        org.junit.jupiter.api.Assertions.assertEquals(60, byCampaign.getInt("totals.engagements"));
        JsonPath byStage = summary("from=" + DAY + "&to=" + DAY + "&groupBy=funnelStage");
        org.junit.jupiter.api.Assertions.assertEquals(40, byStage.getInt("rows.find { it.key == 'ATTENTION' }.engagements"));
        org.junit.jupiter.api.Assertions.assertEquals(720, byStage.getInt("rows.find { it.key == 'none' }.engagements"));
    }

    @Test
    void weightsAndThresholdsArePerWorkspace() {
        load();
        given().auth().oauth2(Api.reader(ws)).get("/workspaces/" + ws + "/engagement/settings").then().statusCode(200)
                .body("intentWeights.DM", equalTo(10.0f)).body("burstPerMinute", equalTo(20));
        given().auth().oauth2(Api.writer(ws)).contentType(ContentType.JSON)
                .body("{\"intentWeights\":{\"LIKE\":10},\"burstPerMinute\":1000,\"onlyLikesMin\":1000,"
                        + "\"identicalCommentActors\":1000}")
                .put("/workspaces/" + ws + "/engagement/settings").then().statusCode(200)
                .body("intentWeights.LIKE", equalTo(10.0f)).body("intentWeights.DM", equalTo(10.0f));
        JsonPath byPost = summary("from=" + DAY + "&to=" + DAY);
        String farm = "rows.find { it.key == '" + farmPost + "' }";
        org.junit.jupiter.api.Assertions.assertEquals(0.0, byPost.getDouble(farm + ".suspiciousShare"), 1e-9);
        // 30 likes at 10 and 10 comments at 3 against 40 events at 10.
        org.junit.jupiter.api.Assertions.assertEquals(82.5, byPost.getDouble(farm + ".intentScore"), 1e-9);
        // Another workspace keeps the defaults.
        UUID other = UUID.randomUUID();
        given().auth().oauth2(Api.reader(other)).get("/workspaces/" + other + "/engagement/settings").then()
                .statusCode(200).body("intentWeights.LIKE", equalTo(1.0f));
    }

    @Test
    void badSettingsAreRejected() {
        String path = "/workspaces/" + ws + "/engagement/settings";
        given().auth().oauth2(Api.writer(ws)).contentType(ContentType.JSON).body("{\"intentWeights\":{\"POKE\":3}}")
                .put(path).then().statusCode(422).body("errors[0].field", equalTo("intentWeights.POKE"));
        given().auth().oauth2(Api.writer(ws)).contentType(ContentType.JSON).body("{\"intentWeights\":{\"DM\":-1}}")
                .put(path).then().statusCode(422).body("errors[0].field", equalTo("intentWeights.DM"));
        given().auth().oauth2(Api.writer(ws)).contentType(ContentType.JSON).body("{\"burstPerMinute\":0}")
                .put(path).then().statusCode(422).body("errors[0].field", equalTo("burstPerMinute"));
        given().auth().oauth2(Api.writer(ws)).contentType(ContentType.JSON).body("{\"burstPerMinute\":\"many\"}")
                .put(path).then().statusCode(400).body("errors[0].field", equalTo("burstPerMinute"));
        given().auth().oauth2(Api.writer(ws)).contentType(ContentType.JSON).body("{").put(path).then().statusCode(400);
        given().auth().oauth2(Api.reader(ws)).contentType(ContentType.JSON).body("{}").put(path).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{}").put(path).then().statusCode(401);
        given().auth().oauth2(Api.writer(UUID.randomUUID())).contentType(ContentType.JSON).body("{}").put(path).then()
                .statusCode(404);
        given().auth().oauth2(Api.reader(ws)).get(path).then().statusCode(200).body("burstPerMinute", equalTo(20));
    }

    @Test
    void daysAreLocalToTheWorkspaceAndBotClicksAreApart() {
        // 23:30 UTC on the 18th is 00:30 on the 19th in Rome.
        send(ws, "[" + event("late", "LIKE", realPost, "ig:a", DAY + "T23:30:00Z", "") + ","
                + event("early", "LIKE", realPost, "ig:b", DAY + "T22:30:00Z", "") + "]").then().statusCode(200);
        given().redirects().follow(false).header("User-Agent", "Twitterbot/1.0").get("/r/" + code).then().statusCode(302);
        JsonPath byDay = summary("from=2026-11-18&to=2026-11-19&groupBy=day");
        org.junit.jupiter.api.Assertions.assertEquals(List.of("2026-11-18", "2026-11-19"), byDay.getList("rows.key"));
        org.junit.jupiter.api.Assertions.assertEquals(1, byDay.getInt("rows[0].counts.LIKE"));
        org.junit.jupiter.api.Assertions.assertEquals(1, byDay.getInt("rows[1].counts.LIKE"));
        JsonPath today = summary("from=2026-01-01&to=2026-12-31");
        org.junit.jupiter.api.Assertions.assertEquals(1, today.getInt("totals.botClicks"));
        org.junit.jupiter.api.Assertions.assertEquals(0, today.getInt("totals.counts.CLICK"));
        given().auth().oauth2(Api.reader(ws)).get("/workspaces/" + ws + "/engagement/summary?from=2026-11-19&to=2026-11-19")
                .then().statusCode(200).body("rows[0].engagementRate", nullValue())
                .body("totals.engagements", equalTo(1)).body("timeZone", equalTo("Europe/Rome"));
    }

    @Test
    void badParametersAuthAndTenancy() {
        String path = "/workspaces/" + ws + "/engagement/summary";
        String token = Api.reader(ws);
        given().auth().oauth2(token).get(path + "?to=2026-11-18").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().auth().oauth2(token).get(path + "?from=2026-13-01&to=2026-11-18").then().statusCode(422)
                .body("errors[0].field", equalTo("from"));
        given().auth().oauth2(token).get(path + "?from=2026-11-18&to=2026-11-01").then().statusCode(422)
                .body("errors[0].field", equalTo("to"));
        given().auth().oauth2(token).get(path + "?from=2026-11-01&to=2026-11-18&groupBy=week").then().statusCode(422)
                .body("errors[0].field", equalTo("groupBy"));
        given().auth().oauth2(token).get(path + "?from=2026-11-01&to=2026-11-18&campaignId=x").then().statusCode(422)
                .body("errors[0].field", equalTo("campaignId"));
        given().get(path + "?from=2026-11-01&to=2026-11-18").then().statusCode(401);
        given().auth().oauth2(Api.writer(ws)).get(path + "?from=2026-11-01&to=2026-11-18").then().statusCode(403);
        given().auth().oauth2(Api.reader(UUID.randomUUID())).get(path + "?from=2026-11-01&to=2026-11-18").then()
                .statusCode(404).contentType("application/problem+json");
        // A workspace content-service does not know is a 404; a broken content-service a 503 naming it.
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(Api.reader(unknown)).get("/workspaces/" + unknown
                + "/engagement/summary?from=2026-11-01&to=2026-11-18").then().statusCode(404);
        UUID broken = UUID.randomUUID();
        ContentFake.workspace(broken, null);
        given().auth().oauth2(Api.reader(broken)).get("/workspaces/" + broken
                + "/engagement/summary?from=2026-11-01&to=2026-11-18").then().statusCode(503)
                .contentType("application/problem+json").body("title", equalTo("content-service unavailable"));
        given().auth().oauth2(token).get(path + "?from=2026-11-01&to=2026-11-18").then().statusCode(200)
                .body("totals.engagements", equalTo(0)).body("totals.intentScore", lessThan(0.1f))
                .body("totals.qualityScore", equalTo(0.0f)).body("rows.size()", equalTo(0))
                .body("totals.counts.size()", greaterThan(9));
    }
}
