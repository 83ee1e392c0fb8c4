package io.socialroi.engagement.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.engagement.Api;
import io.socialroi.engagement.Db;
import io.socialroi.testing.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PostDirectoryResourceTest {

    private final UUID ws = UUID.randomUUID();
    private final UUID post = UUID.randomUUID();
    private final UUID campaign = UUID.randomUUID();

    private String body(String code) {
        return "{\"campaignId\":\"" + campaign + "\",\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\","
                + "\"trackedLink\":{\"code\":\"" + code + "\",\"destination\":\"https://shop.example/p?utm_source=instagram\"}}";
    }

    @Test
    void putStoresAndGetReturnsTheEntry() {
        String code = "c" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Api.directoryWriter(ws)).contentType(ContentType.JSON).body(body(code))
                .put("/workspaces/" + ws + "/posts/" + post).then().statusCode(200)
                .body("postId", equalTo(post.toString())).body("campaignId", equalTo(campaign.toString()))
                .body("platform", equalTo("INSTAGRAM")).body("funnelStage", equalTo("ACTION"))
                .body("trackedLink.code", equalTo(code))
                .body("trackedLink.destination", equalTo("https://shop.example/p?utm_source=instagram"));
        given().auth().oauth2(Api.directoryWriter(ws)).contentType(ContentType.JSON)
                .body("{\"campaignId\":null,\"platform\":\"TIKTOK\",\"funnelStage\":\"ATTENTION\",\"trackedLink\":null}")
                .put("/workspaces/" + ws + "/posts/" + post).then().statusCode(200).body("trackedLink", nullValue());
        given().auth().oauth2(Api.service()).get("/workspaces/" + ws + "/posts/" + post).then().statusCode(200)
                .body("platform", equalTo("TIKTOK")).body("funnelStage", equalTo("ATTENTION"))
                .body("campaignId", nullValue()).body("trackedLink", nullValue());
        assertEquals(1, Db.number("SELECT count(*) FROM post_directory WHERE workspace_id = ?", ws));
    }

    @Test
    void aCodeBelongsToOnePost() {
        String code = "d" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Api.directoryWriter(ws)).contentType(ContentType.JSON).body(body(code))
                .put("/workspaces/" + ws + "/posts/" + post).then().statusCode(200);
        given().auth().oauth2(Api.directoryWriter(ws)).contentType(ContentType.JSON).body(body(code))
                .put("/workspaces/" + ws + "/posts/" + UUID.randomUUID()).then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void authScopeAndTenancy() {
        String path = "/workspaces/" + ws + "/posts/" + post;
        given().contentType(ContentType.JSON).body(body("abcd1234")).put(path).then().statusCode(401)
                .contentType("application/problem+json");
        // A read-only service token (conversion-, reporting-service) cannot write.
        given().auth().oauth2(Api.service()).contentType(ContentType.JSON).body(body("abcd1234")).put(path)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Api.directoryWriter(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(body("abcd1234")).put(path).then().statusCode(404).contentType("application/problem+json");
        given().get(path).then().statusCode(401);
        given().auth().oauth2(Api.reader(ws)).get(path).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).get(path).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Api.service()).get(path).then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, Db.number("SELECT count(*) FROM post_directory WHERE workspace_id = ?", ws));
    }

    /**
     * The hijack of issue 13: an ingestion credential (engagement:write), one with every scope, the agency admin and
     * a manager's login each try to point the client's tracked link at another site. Each gets 403 problem+json, the
     * entry is unchanged, and a follower of the link is still sent to the client's shop.
     */
    @Test
    void nobodyButContentServiceCanRepointATrackedLink() {
        String code = "h" + UUID.randomUUID().toString().substring(0, 8);
        String path = "/workspaces/" + ws + "/posts/" + post;
        given().auth().oauth2(Api.directoryWriter(ws)).contentType(ContentType.JSON).body(body(code)).put(path).then()
                .statusCode(200);
        String[] every = {"content:read", "content:write", "engagement:read", "engagement:write", "conversions:read",
            "conversions:write", "reports:read", "costs:write"};
        String evil = "{\"campaignId\":null,\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\","
                + "\"trackedLink\":{\"code\":\"" + code + "\",\"destination\":\"https://evil.example/phish\"}}";
        for (String token : List.of(Api.writer(ws), TestTokens.workspace(ws, every), TestTokens.admin(),
                TestTokens.workspaces(List.of(ws), "MANAGER", every), TestTokens.workspaces(List.of(ws), "ADMIN", every))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(evil).put(path).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        assertEquals("https://shop.example/p?utm_source=instagram", Db.text(
                "SELECT link_destination FROM post_directory WHERE workspace_id = ? AND post_id = ?", ws, post));
        given().redirects().follow(false).get("/r/" + code).then().statusCode(302)
                .header("Location", startsWith("https://shop.example/p?utm_source=instagram&smclid="));
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        String path = "/workspaces/" + ws + "/posts/" + post;
        String token = Api.directoryWriter(ws);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"platform\":").put(path).then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"platform\":\"MYSPACE\",\"funnelStage\":\"ACTION\"}").put(path).then().statusCode(400)
                .body("errors[0].field", equalTo("platform"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"platform\":\"X\",\"funnelStage\":\"ACTION\",\"campaignId\":\"nope\"}").put(path).then()
                .statusCode(400).body("errors[0].field", equalTo("campaignId"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"platform\":\"X\"}").put(path).then()
                .statusCode(422).body("errors[0].field", equalTo("funnelStage"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"platform\":\"X\",\"funnelStage\":\"TRUST\",\"trackedLink\":{\"code\":\"a b\","
                        + "\"destination\":\"javascript:alert(1)\"}}").put(path).then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("trackedLink.code", "trackedLink.destination"));
        assertEquals(0, Db.number("SELECT count(*) FROM post_directory WHERE workspace_id = ?", ws));
    }
}
