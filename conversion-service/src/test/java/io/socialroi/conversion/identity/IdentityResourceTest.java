package io.socialroi.conversion.identity;

import static io.restassured.RestAssured.given;
import static io.socialroi.conversion.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.conversion.FakeServices;
import io.socialroi.conversion.Fakes;
import io.socialroi.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdentityResourceTest {

    @FakeServices.Inject
    Fakes fakes;

    @Test
    void actorIsLinkedOnceToOneCustomer() {
        UUID ws = fakes.workspace();
        String path = "/workspaces/" + ws + "/identities";
        as(ws).body("{\"customerId\":\"cust-1\",\"actorId\":\"ig:1\",\"platform\":\"INSTAGRAM\"}").post(path)
                .then().statusCode(201).body("customerId", equalTo("cust-1")).body("ref", equalTo("ig:1"))
                .body("kind", equalTo("ACTOR")).body("platform", equalTo("INSTAGRAM"));
        as(ws).body("{\"customerId\":\"cust-1\",\"actorId\":\"ig:1\",\"platform\":\"INSTAGRAM\"}").post(path)
                .then().statusCode(200).body("ref", equalTo("ig:1"));
        as(ws).body("{\"customerId\":\"cust-2\",\"actorId\":\"ig:1\",\"platform\":\"INSTAGRAM\"}").post(path)
                .then().statusCode(409).contentType("application/problem+json");
        as(ws).body("{\"customerId\":\"cust-1\",\"actorId\":\"tt:9\",\"platform\":\"TIKTOK\"}").post(path)
                .then().statusCode(201);
        as(ws).get(path + "?customerId=cust-1").then().statusCode(200).body("ref", contains("ig:1", "tt:9"));
        as(ws).get(path + "?customerId=cust-2").then().statusCode(200).body("ref", org.hamcrest.Matchers.empty());
    }

    /** The customer's identities are the same whether the conversion's actorIds or the identity came first. */
    @Test
    void anIdentityAfterTheConversionThatNamedItsActorGivesTheLinkItsPlatform() {
        UUID ws = fakes.workspace();
        as(ws).body("{\"eventId\":\"lead-1\",\"type\":\"LEAD\",\"occurredAt\":\"2026-11-20T10:00:00Z\","
                + "\"customerId\":\"cust-3\",\"actorIds\":[\"li:7\"]}").post("/workspaces/" + ws + "/conversions")
                .then().statusCode(201);
        String path = "/workspaces/" + ws + "/identities";
        as(ws).get(path + "?customerId=cust-3").then().statusCode(200).body("ref", contains("li:7"))
                .body("platform", contains((Object) null));
        as(ws).body("{\"customerId\":\"cust-3\",\"actorId\":\"li:7\",\"platform\":\"LINKEDIN\"}").post(path)
                .then().statusCode(200).body("platform", equalTo("LINKEDIN"));
        as(ws).get(path + "?customerId=cust-3").then().statusCode(200).body("platform", contains("LINKEDIN"));
        // Once known, a platform is kept.
        as(ws).body("{\"customerId\":\"cust-3\",\"actorId\":\"li:7\",\"platform\":\"X\"}").post(path)
                .then().statusCode(200);
        as(ws).get(path + "?customerId=cust-3").then().statusCode(200).body("platform", contains("LINKEDIN"));
    }

    @Test
    void badInputAndAccessAreProblems() {
        UUID ws = fakes.workspace();
        String path = "/workspaces/" + ws + "/identities";
        as(ws).body("{\"customerId\":\"c\",\"actorId\":\"a\",\"platform\":\"MYSPACE\"}").post(path)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("platform"));
        as(ws).body("{\"customerId\":\" \",\"actorId\":\"a\",\"platform\":\"X\"}").post(path)
                .then().statusCode(422).body("errors[0].field", equalTo("customerId"));
        as(ws).body("{\"customerId\":\"c\",").post(path).then().statusCode(400);
        as(ws).body("{\"customerId\":[1],\"actorId\":\"a\",\"platform\":\"X\"}").post(path).then().statusCode(400);
        as(ws).get(path).then().statusCode(422).body("errors[0].field", equalTo("customerId"));
        String body = "{\"customerId\":\"c\",\"actorId\":\"a\",\"platform\":\"X\"}";
        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.workspace(ws, "conversions:read")).contentType(ContentType.JSON).body(body)
                .post(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.workspace(UUID.randomUUID(), "conversions:write"))
                .contentType(ContentType.JSON).body(body).post(path).then().statusCode(404);
        as(ws).get(path + "?customerId=c").then().statusCode(200).body("ref", org.hamcrest.Matchers.empty());
    }
}
