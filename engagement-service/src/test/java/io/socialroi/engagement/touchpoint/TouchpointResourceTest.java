package io.socialroi.engagement.touchpoint;

import static io.restassured.RestAssured.given;
import static io.socialroi.engagement.Api.event;
import static io.socialroi.engagement.Api.send;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.engagement.Api;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TouchpointResourceTest {

    private final UUID ws = UUID.randomUUID();
    private final UUID post = UUID.randomUUID();
    private final UUID campaign = UUID.randomUUID();

    private void history() {
        // Sent before content-service registered the post: enriched from the directory when read.
        send(ws, "[" + event("t3", "SAVE", post, "ig:1", "2026-11-18T12:00:00Z", ",\"retargeting\":true") + ","
                + event("t1", "LIKE", post, "ig:1", "2026-11-18T10:00:00Z", "") + ","
                + event("t2", "COMMENT", post, "ig:1", "2026-11-18T10:00:00Z", "") + ","
                + event("t4", "DM", null, "ig:1", "2026-11-19T10:00:00Z", "") + ","
                + event("o1", "LIKE", post, "ig:2", "2026-11-18T11:00:00Z", "") + "]").then().statusCode(200);
        Api.registerPost(ws, post, campaign, "INSTAGRAM", "TRUST", null, null);
    }

    @Test
    void aPersonsTouchpointsInOrderBeforeAnInstant() {
        history();
        given().auth().oauth2(Api.reader(ws)).queryParam("actorId", "ig:1")
                .queryParam("before", "2026-11-19T00:00:00+01:00").get("/workspaces/" + ws + "/touchpoints").then()
                .statusCode(200)
                .body("items.eventId", equalTo(List.of("t1", "t2", "t3")))
                .body("items[0].campaignId", equalTo(campaign.toString()))
                .body("items[0].campaignOrigin", equalTo("POST"))
                .body("items[0].funnelStage", equalTo("TRUST")).body("items[0].platform", equalTo("INSTAGRAM"))
                .body("items[0].postId", equalTo(post.toString())).body("items[0].actorId", equalTo("ig:1"))
                .body("items[2].retargeting", equalTo(true)).body("items[0].retargeting", equalTo(false));
        given().auth().oauth2(Api.reader(ws)).get("/workspaces/" + ws + "/touchpoints?actorId=ig:1").then()
                .statusCode(200).body("items.eventId", equalTo(List.of("t1", "t2", "t3", "t4")))
                .body("items[3].postId", equalTo(null)).body("items[3].campaignId", equalTo(null));
    }

    @Test
    void aClickIdFindsTheClickAndEverythingItsVisitorDid() {
        String code = "t" + UUID.randomUUID().toString().substring(0, 8);
        String other = "u" + UUID.randomUUID().toString().substring(0, 8);
        Api.registerPost(ws, post, campaign, "FACEBOOK", "ACTION", code, "https://shop.example/");
        Api.registerPost(ws, UUID.randomUUID(), campaign, "FACEBOOK", "ACTION", other, "https://shop.example/o");
        String agent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120 Safari/537.36";
        var first = given().redirects().follow(false).header("User-Agent", agent).get("/r/" + code);
        String visitor = first.cookie("smv");
        String firstClick = first.header("Location").replaceAll(".*smclid=", "");
        // The same browser on another link of the workspace: another click of the same actor.
        String secondClick = given().redirects().follow(false).header("User-Agent", agent).cookie("smv", visitor)
                .get("/r/" + other).header("Location").replaceAll(".*smclid=", "");
        given().redirects().follow(false).header("User-Agent", agent).get("/r/" + code).then().statusCode(302);
        String actor = io.socialroi.engagement.Db.text("SELECT actor_id FROM engagement_event WHERE workspace_id = ? "
                + "AND click_id = ?::uuid", ws, firstClick);
        given().auth().oauth2(Api.reader(ws)).get("/workspaces/" + ws + "/touchpoints?clickId=" + secondClick).then()
                .statusCode(200).body("items", hasSize(2)).body("items.clickId", equalTo(List.of(firstClick, secondClick)))
                .body("items[0].type", equalTo("CLICK")).body("items[0].actorId", equalTo(actor))
                .body("items[0].platform", equalTo("FACEBOOK")).body("items[0].funnelStage", equalTo("ACTION"));
    }

    @Test
    void batchedSearchFiltersByWindowAndType() {
        history();
        String body = "{\"actorIds\":[\"ig:1\",\"ig:2\",\"ig:nobody\"],\"clickIds\":[\"" + UUID.randomUUID() + "\"],"
                + "\"before\":\"2026-11-19T09:00:00Z\",\"after\":\"2026-11-18T10:30:00Z\"}";
        given().auth().oauth2(TestTokensHolder.service()).contentType(ContentType.JSON).body(body)
                .post("/workspaces/" + ws + "/touchpoints/search").then().statusCode(200)
                .body("items.eventId", equalTo(List.of("o1", "t3")));
        given().auth().oauth2(Api.service()).contentType(ContentType.JSON)
                .body("{\"actorIds\":[\"ig:1\",\"ig:2\"],\"types\":[\"LIKE\",\"DM\"]}")
                .post("/workspaces/" + ws + "/touchpoints/search").then().statusCode(200)
                .body("items.eventId", equalTo(List.of("t1", "o1", "t4")));
    }

    @Test
    void badSearchesAreProblems() {
        String path = "/workspaces/" + ws + "/touchpoints";
        String token = Api.reader(ws);
        String service = Api.service();
        given().auth().oauth2(token).get(path).then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(token).get(path + "?actorId=a&clickId=" + UUID.randomUUID()).then().statusCode(422);
        given().auth().oauth2(token).get(path + "?clickId=nope").then().statusCode(422)
                .body("errors[0].field", equalTo("clickId"));
        given().auth().oauth2(token).get(path + "?actorId=a&before=tomorrow").then().statusCode(422)
                .body("errors[0].field", equalTo("before"));
        given().auth().oauth2(service).contentType(ContentType.JSON).body("{}").post(path + "/search").then()
                .statusCode(422).body("errors[0].field", equalTo("actorIds"));
        String tooMany = IntStream.range(0, 1001).mapToObj(i -> "\"a" + i + "\"").collect(Collectors.joining(",", "[", "]"));
        given().auth().oauth2(service).contentType(ContentType.JSON).body("{\"actorIds\":" + tooMany + "}")
                .post(path + "/search").then().statusCode(422);
        given().auth().oauth2(service).contentType(ContentType.JSON).body("{\"clickIds\":[\"x\"]}").post(path + "/search")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(service).contentType(ContentType.JSON).body("{\"actorIds\":[\"a\"],\"types\":[\"POKE\"]}")
                .post(path + "/search").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(service).contentType(ContentType.JSON).body("{\"actorIds\":[\"a\"],\"before\":\"soon\"}")
                .post(path + "/search").then().statusCode(400);
        given().auth().oauth2(service).contentType(ContentType.JSON).body("{\"actorIds\":").post(path + "/search").then()
                .statusCode(400);
        given().get(path + "?actorId=a").then().statusCode(401);
        given().auth().oauth2(Api.writer(ws)).get(path + "?actorId=a").then().statusCode(403);
        given().auth().oauth2(Api.reader(UUID.randomUUID())).get(path + "?actorId=a").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"actorIds\":[\"a\"]}").post(path + "/search").then()
                .statusCode(401);
        given().auth().oauth2(Api.writer(ws)).contentType(ContentType.JSON).body("{\"actorIds\":[\"a\"]}")
                .post(path + "/search").then().statusCode(403);
        // A service-to-service endpoint (CONTRACTS.md): the workspace's own reader is refused, a service token
        // bound to another workspace gets the 404 of a missing workspace.
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"actorIds\":[\"a\"]}")
                .post(path + "/search").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(io.socialroi.testing.TestTokens.serviceFor(UUID.randomUUID(), "engagement:read"))
                .contentType(ContentType.JSON).body("{\"actorIds\":[\"a\"]}").post(path + "/search").then()
                .statusCode(404);
    }

    /** conversion-service calls with its own service token. */
    private static final class TestTokensHolder {
        static String service() {
            return io.socialroi.testing.TestTokens.service("engagement:read");
        }
    }
}
