package io.socialroi.content.post;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.writer;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.TestTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PostLifecycleTest {

    private static ValidatableResponse act(UUID ws, String id, String action, String body) {
        var request = given().auth().oauth2(writer(ws));
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post("/workspaces/" + ws + "/posts/" + id + "/" + action).then();
    }

    private static String post(UUID ws) {
        return PostResourceTest.create(ws, PostResourceTest.body("INSTAGRAM", "ACTION", null, null)).getString("id");
    }

    @Test
    void walksTheLifecycleAndKeepsWhoDidWhat() {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        String id = post(ws);
        String at = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        act(ws, id, "submit", null).statusCode(200).body("status", equalTo("IN_REVIEW"));
        act(ws, id, "reject", "{\"comment\":\"Too long\"}").statusCode(200).body("status", equalTo("DRAFT"));
        act(ws, id, "submit", "").statusCode(200).body("status", equalTo("IN_REVIEW"));
        act(ws, id, "approve", "{\"comment\":\"Great\"}").statusCode(200).body("status", equalTo("APPROVED"));
        act(ws, id, "schedule", "{\"scheduledAt\":\"" + at + "\"}").statusCode(200).body("status", equalTo("SCHEDULED"));
        act(ws, id, "unschedule", null).statusCode(200).body("status", equalTo("APPROVED"));
        act(ws, id, "schedule", null).statusCode(200).body("status", equalTo("SCHEDULED"));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id + "/history").then().statusCode(200)
                .body("items.action", equalTo(List.of("created", "submit", "reject", "submit", "approve", "schedule",
                        "unschedule", "schedule")))
                .body("items[2].comment", equalTo("Too long")).body("items[2].fromStatus", equalTo("IN_REVIEW"))
                .body("items[2].toStatus", equalTo("DRAFT")).body("items[4].actor", equalTo("client-" + ws));
    }

    @Test
    void illegalMovesAre409AndChangeNothing() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String id = post(ws);
        for (String action : List.of("approve", "reject", "schedule", "unschedule", "retry")) {
            act(ws, id, action, null).statusCode(409).contentType("application/problem+json")
                    .body("status", equalTo(409));
        }
        act(ws, id, "submit", null).statusCode(200);
        act(ws, id, "submit", null).statusCode(409);
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id).then()
                .body("status", equalTo("IN_REVIEW"));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id + "/history").then()
                .body("items.action", equalTo(List.of("created", "submit")));
    }

    @Test
    void schedulingValidatesTheTime() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String id = post(ws);
        act(ws, id, "submit", null).statusCode(200);
        act(ws, id, "approve", null).statusCode(200);
        act(ws, id, "schedule", null).statusCode(422).body("errors[0].field", equalTo("scheduledAt"));
        act(ws, id, "schedule", "{\"scheduledAt\":\"2020-01-01T00:00:00Z\"}").statusCode(422)
                .body("errors[0].field", equalTo("scheduledAt"));
        act(ws, id, "schedule", "{\"scheduledAt\":\"soon\"}").statusCode(422);
        act(ws, id, "schedule", "{\"scheduledAt\":").statusCode(400).contentType("application/problem+json");
        act(ws, id, "schedule", "{\"comment\":[1]}").statusCode(400).body("errors[0].field", equalTo("comment"));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id).then()
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void localTimesFollowTheDaylightSavingRule() {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        String id = post(ws);
        act(ws, id, "submit", null).statusCode(200);
        act(ws, id, "approve", null).statusCode(200);
        // 02:30 does not exist on 28 March 2027 in Rome: it moves forward by the one-hour gap.
        act(ws, id, "schedule", "{\"scheduledAt\":\"2027-03-28T02:30:00\"}").statusCode(200)
                .body("scheduledAt", equalTo("2027-03-28T03:30:00+02:00"));
        act(ws, id, "unschedule", null).statusCode(200);
        // 02:30 happens twice on 31 October 2027: the first (summer time) occurrence.
        act(ws, id, "schedule", "{\"scheduledAt\":\"2027-10-31T02:30:00\"}").statusCode(200)
                .body("scheduledAt", equalTo("2027-10-31T02:30:00+02:00"));
        act(ws, id, "unschedule", null).statusCode(200);
        act(ws, id, "schedule", "{\"scheduledAt\":\"2027-10-31T02:30:00+01:00\"}").statusCode(200)
                .body("scheduledAt", equalTo("2027-10-31T02:30:00+01:00"));
        org.junit.jupiter.api.Assertions.assertEquals(1, Fixtures.count(
                "select count(*) from post where id = ?::uuid and scheduled_at = '2027-10-31T01:30:00Z'", id));
    }

    @Test
    void editingAnApprovedPostWithdrawsTheApprovalAndPublishedPostsCannotChange() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String id = post(ws);
        act(ws, id, "submit", null).statusCode(200);
        act(ws, id, "approve", null).statusCode(200);
        String url = "/workspaces/" + ws + "/posts/" + id;
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"caption\":\"Changed\"}").patch(url)
                .then().statusCode(200).body("status", equalTo("DRAFT"));
        given().auth().oauth2(writer(ws)).get(url + "/history").then()
                .body("items[3].comment", equalTo("changed caption; approval withdrawn"));
        org.junit.jupiter.api.Assertions.assertEquals(1, Fixtures.count(
                "update post set status = 'PUBLISHED' where id = ?::uuid returning 1", id));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"caption\":\"Again\"}").patch(url)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(writer(ws)).get(url).then().body("caption", equalTo("Changed"));
    }

    @Test
    void movesNeedWriteScopeAndTheWorkspace() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String id = post(ws);
        String url = "/workspaces/" + ws + "/posts/" + id + "/submit";
        given().post(url).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(ws, "content:read")).post(url).then().statusCode(403);
        given().auth().oauth2(writer(Fixtures.workspace("UTC", "EUR"))).post(url).then().statusCode(404);
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + UUID.randomUUID() + "/submit")
                .then().statusCode(404);
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id).then()
                .body("status", equalTo("DRAFT"));
    }
}
