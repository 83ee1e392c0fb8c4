package io.socialroi.reporting.cost;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.reporting.FakeServices;
import io.socialroi.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DELETE /workspaces/{ws}/costs/{costId}: a cost recorded by mistake goes, and only with the right to write costs. */
@QuarkusTest
class CostDeletionTest {

    private static final String AD = "{\"category\":\"AD_SPEND\",\"amount\":{\"amount\":\"40.00\",\"currency\":\"EUR\"},"
            + "\"incurredOn\":\"2026-11-20\"}";

    @Test
    void aDeletedCostIsGoneAndDeletingItAgainIsA404() {
        UUID ws = FakeServices.workspace("Europe/Rome", "EUR");
        String keep = CostResourceTest.post(ws, AD).statusCode(201).extract().path("id");
        String wrong = CostResourceTest.post(ws, AD).statusCode(201).extract().path("id");
        String write = TestTokens.workspace(ws, "costs:write", "reports:read");
        given().auth().oauth2(write).delete("/workspaces/" + ws + "/costs/" + wrong).then().statusCode(204);
        given().auth().oauth2(write).get("/workspaces/" + ws + "/costs/" + wrong).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(write).delete("/workspaces/" + ws + "/costs/" + wrong).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        // The other cost and the other operations on one cost are untouched.
        given().auth().oauth2(write).get("/workspaces/" + ws + "/costs").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(keep));
        given().auth().oauth2(write).contentType("application/json").body(AD.replace("40.00", "41.00"))
                .put("/workspaces/" + ws + "/costs/" + keep).then().statusCode(200).body("amount.amount", equalTo("41.00"));
    }

    @Test
    void onlyTheWorkspacesCostWritersMayDelete() {
        UUID ws = FakeServices.workspace("UTC", "EUR");
        UUID other = FakeServices.workspace("UTC", "EUR");
        String id = CostResourceTest.post(ws, AD).statusCode(201).extract().path("id");
        String path = "/workspaces/" + ws + "/costs/" + id;
        given().delete(path).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(other, "costs:write")).delete(path).then().statusCode(404)
                .contentType("application/problem+json");
        // A cost id of this workspace under another workspace's path is not found there either.
        given().auth().oauth2(TestTokens.workspace(other, "costs:write")).delete("/workspaces/" + other + "/costs/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).delete(path).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(ws, "costs:write")).delete("/workspaces/" + ws + "/costs/not-a-uuid")
                .then().statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                        .and(org.hamcrest.Matchers.lessThan(500))).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).get(path).then().statusCode(200)
                .body("id", equalTo(id));
    }
}
