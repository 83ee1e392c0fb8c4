package io.socialroi.conversion.customer;

import static io.restassured.RestAssured.given;
import static io.socialroi.conversion.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.conversion.Api;
import io.socialroi.conversion.FakeServices;
import io.socialroi.conversion.Fakes;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerResourceTest {

    @FakeServices.Inject
    Fakes fakes;


    @AfterEach
    void closeBreaker() {
        io.socialroi.common.remote.RemotePolicy.resetAll();
    }

    @Test
    void lifetimeValueIncludesRepeatPurchases() {
        UUID ws = fakes.workspace();
        Api.purchase(ws, "o1", "cust-1", "120.00", "2026-10-01T10:00:00Z", null);
        Api.purchase(ws, "o2", "cust-1", "30.50", "2026-11-01T10:00:00Z", null);
        Api.conversion(ws, "l1", "LEAD", "cust-1", "2026-09-01T10:00:00Z", null);
        Api.purchase(ws, "o3", "cust-2", "99.00", "2026-11-01T10:00:00Z", null);
        as(ws).get("/workspaces/" + ws + "/customers/cust-1").then().statusCode(200)
                .body("customerId", equalTo("cust-1")).body("conversions", equalTo(3)).body("purchases", equalTo(2))
                .body("lifetimeValue.amount", equalTo("150.50")).body("lifetimeValue.currency", equalTo("EUR"))
                .body("averageOrderValue.amount", equalTo("75.25"))
                .body("firstPurchaseAt", equalTo("2026-10-01T10:00:00Z"))
                .body("firstConversionAt", equalTo("2026-09-01T10:00:00Z"));
        as(ws).get("/workspaces/" + ws + "/customers/nobody").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/workspaces/" + ws + "/customers/cust-1").then().statusCode(401);
        given().auth().oauth2(TestTokens.workspace(ws, "engagement:read")).get("/workspaces/" + ws + "/customers/cust-1")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.workspace(UUID.randomUUID(), "conversions:read"))
                .get("/workspaces/" + ws + "/customers/cust-1").then().statusCode(404);
    }

    @Test
    void journeyInterleavesTouchpointsAndConversions() {
        UUID ws = fakes.workspace();
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search", FakeServer.Reply.json(200,
                "{\"items\":[{\"eventId\":\"t1\",\"type\":\"LIKE\",\"platform\":\"INSTAGRAM\",\"actorId\":\"ig:1\","
                        + "\"occurredAt\":\"2026-10-01T09:00:00Z\",\"retargeting\":false},"
                        + "{\"eventId\":\"t2\",\"type\":\"DM\",\"platform\":\"INSTAGRAM\",\"actorId\":\"ig:1\","
                        + "\"occurredAt\":\"2026-10-20T09:00:00Z\",\"retargeting\":true}]}"));
        as(ws).body("{\"customerId\":\"cust-1\",\"actorId\":\"ig:1\",\"platform\":\"INSTAGRAM\"}")
                .post("/workspaces/" + ws + "/identities").then().statusCode(201);
        Api.purchase(ws, "o1", "cust-1", "50.00", "2026-10-10T10:00:00Z", null);
        Api.purchase(ws, "o2", "cust-1", "25.00", "2026-11-10T10:00:00Z", null);
        as(ws).get("/workspaces/" + ws + "/customers/cust-1/journey").then().statusCode(200)
                .body("customerId", equalTo("cust-1"))
                .body("items.kind", contains("TOUCHPOINT", "CONVERSION", "TOUCHPOINT", "CONVERSION"))
                .body("items.eventId", contains("t1", "o1", "t2", "o2"))
                .body("items[1].value.amount", equalTo("50.00")).body("items[2].retargeting", equalTo(true))
                .body("items[0].conversionId", nullValue());
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search", FakeServer.Reply.json(500, "{}"));
        as(ws).get("/workspaces/" + ws + "/customers/cust-1/journey").then().statusCode(503)
                .contentType("application/problem+json").body("title", equalTo("engagement-service unavailable"));
        as(ws).get("/workspaces/" + ws + "/customers/ghost/journey").then().statusCode(404);
    }
}
