package io.socialroi.reporting.cost;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.socialroi.reporting.FakeServices;
import io.socialroi.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CostResourceTest {

    private static final String AD = "{\"category\":\"AD_SPEND\",\"amount\":{\"amount\":\"40.00\",\"currency\":\"EUR\"},"
            + "\"incurredOn\":\"2026-11-20\",\"platform\":\"INSTAGRAM\"}";

    static ValidatableResponse post(UUID ws, String body) {
        return given().auth().oauth2(TestTokens.workspace(ws, "costs:write")).contentType(ContentType.JSON)
                .body(body).post("/workspaces/" + ws + "/costs").then();
    }

    static String cost(String category, String amount, String date, String ties) {
        return "{\"category\":\"" + category + "\",\"amount\":{\"amount\":\"" + amount + "\",\"currency\":\"EUR\"},"
                + "\"incurredOn\":\"" + date + "\"" + ties + "}";
    }

    private static ValidatableResponse list(UUID ws, String query) {
        return given().auth().oauth2(TestTokens.workspace(ws, "reports:read"))
                .get("/workspaces/" + ws + "/costs" + query).then();
    }

    @Test
    void recordsACostAndListsIt() {
        UUID ws = FakeServices.workspace("Europe/Rome", "EUR");
        UUID campaign = UUID.randomUUID();
        String id = post(ws, cost("AD_SPEND", "40", "2026-11-20", ",\"campaignId\":\"" + campaign
                + "\",\"platform\":\"INSTAGRAM\",\"note\":\"boost\"")).statusCode(201)
                .header("Location", containsString("/workspaces/" + ws + "/costs/")).body("id", notNullValue()).body("category", equalTo("AD_SPEND"))
                .body("amount.amount", equalTo("40.00")).body("amount.currency", equalTo("EUR"))
                .body("incurredOn", equalTo("2026-11-20")).body("campaignId", equalTo(campaign.toString()))
                .body("postId", nullValue()).body("platform", equalTo("INSTAGRAM")).body("note", equalTo("boost"))
                .extract().path("id");
        list(ws, "").statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(id))
                .body("items[0].amount.amount", equalTo("40.00")).body("nextCursor", nullValue());
    }

    @Test
    void oneCostIsReadAndCorrectedAndBadCorrectionsChangeNothing() {
        UUID ws = FakeServices.workspace("UTC", "EUR");
        String id = post(ws, AD).statusCode(201).extract().path("id");
        String path = "/workspaces/" + ws + "/costs/" + id;
        String write = TestTokens.workspace(ws, "costs:write");
        given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).get(path).then().statusCode(200)
                .body("id", equalTo(id)).body("amount.amount", equalTo("40.00")).body("platform", equalTo("INSTAGRAM"));
        given().auth().oauth2(write).contentType(ContentType.JSON)
                .body(cost("PRODUCTION", "45.5", "2026-11-21", ",\"note\":\"fixed\"")).put(path).then().statusCode(200)
                .body("id", equalTo(id)).body("category", equalTo("PRODUCTION")).body("amount.amount", equalTo("45.50"))
                .body("platform", nullValue()).body("note", equalTo("fixed"));
        given().auth().oauth2(write).contentType(ContentType.JSON).body(cost("AD_SPEND", "-1", "2026-11-21", ""))
                .put(path).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("amount.amount"));
        given().auth().oauth2(write).contentType(ContentType.JSON).body("{\"category\":").put(path).then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(write).contentType(ContentType.JSON).body(AD.replace("}", ",\"bogus\":1}")).put(path)
                .then().statusCode(400).body("errors[0].field", equalTo("bogus"));
        list(ws, "").body("items", hasSize(1)).body("items[0].amount.amount", equalTo("45.50"))
                .body("items[0].incurredOn", equalTo("2026-11-21"));
        given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).get("/workspaces/" + ws + "/costs/"
                + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listFiltersAndPages() {
        UUID ws = FakeServices.workspace("UTC", "EUR");
        UUID post = UUID.randomUUID();
        post(ws, cost("AD_SPEND", "10", "2026-11-01", "")).statusCode(201);
        post(ws, cost("PRODUCTION", "20.5", "2026-11-02", ",\"postId\":\"" + post + "\"")).statusCode(201);
        post(ws, cost("TOOLS", "30", "2026-11-03", ",\"platform\":\"TIKTOK\"")).statusCode(201);
        post(ws, cost("AD_SPEND", "40", "2026-11-04", ",\"platform\":\"TIKTOK\"")).statusCode(201);

        list(ws, "?from=2026-11-02&to=2026-11-03").body("items.amount.amount", contains("20.50", "30.00"));
        list(ws, "?category=ad_spend").body("items.amount.amount", contains("10.00", "40.00"));
        list(ws, "?platform=TIKTOK&category=AD_SPEND").body("items.amount.amount", contains("40.00"));
        list(ws, "?postId=" + post).body("items.category", contains("PRODUCTION"));

        String cursor = list(ws, "?limit=3").body("items.incurredOn",
                contains("2026-11-01", "2026-11-02", "2026-11-03")).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        list(ws, "?limit=3&cursor=" + cursor).body("items.incurredOn", contains("2026-11-04"))
                .body("nextCursor", nullValue());
    }

    @Test
    void sameIdempotencyKeyStoresOnce() {
        UUID ws = FakeServices.workspace("UTC", "EUR");
        String token = TestTokens.workspace(ws, "costs:write");
        String first = given().auth().oauth2(token).header("Idempotency-Key", "k-1").contentType(ContentType.JSON)
                .body(AD).post("/workspaces/" + ws + "/costs").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).header("Idempotency-Key", "k-1").contentType(ContentType.JSON).body(AD)
                .post("/workspaces/" + ws + "/costs").then().statusCode(201).body("id", equalTo(first))
                .header("Idempotent-Replayed", "true");
        given().auth().oauth2(token).header("Idempotency-Key", "k-1").contentType(ContentType.JSON)
                .body(AD.replace("40.00", "41.00")).post("/workspaces/" + ws + "/costs").then().statusCode(422)
                .contentType("application/problem+json");
        list(ws, "").body("items", hasSize(1));
    }

    @Test
    void authScopeAndTenancy() {
        UUID ws = FakeServices.workspace("UTC", "EUR");
        String path = "/workspaces/" + ws + "/costs";
        given().contentType(ContentType.JSON).body(AD).post(path).then().statusCode(401)
                .contentType("application/problem+json");
        given().get(path).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).contentType(ContentType.JSON).body(AD)
                .post(path).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(ws, "content:read")).get(path).then().statusCode(403);
        UUID other = UUID.randomUUID();
        given().auth().oauth2(TestTokens.workspace(other, "costs:write")).contentType(ContentType.JSON).body(AD)
                .post(path).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(other, "reports:read")).get(path).then().statusCode(404);
        // A workspace content-service does not know is a 404 too, even for the admin.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(AD)
                .post("/workspaces/" + other + "/costs").then().statusCode(404);
        list(ws, "").body("items", hasSize(0));
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        UUID ws = FakeServices.workspace("UTC", "EUR");
        post(ws, cost("AD_SPEND", "-1", "2026-11-20", "")).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("amount.amount"));
        post(ws, AD.replace("\"EUR\"", "\"USD\"")).statusCode(422).body("errors[0].field", equalTo("amount.currency"));
        post(ws, cost("AD_SPEND", "1.001", "2026-11-20", "")).statusCode(422)
                .body("errors[0].field", equalTo("amount.amount"));
        post(ws, AD.replace("AD_SPEND", "BRIBES")).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"));
        post(ws, AD.replace("2026-11-20", "2026-13-45")).statusCode(400).body("errors[0].field", equalTo("incurredOn"));
        post(ws, AD.replace("\"40.00\"", "\"forty\"")).statusCode(400).body("errors[0].field", equalTo("amount.amount"));
        post(ws, AD.replace("INSTAGRAM", "MYSPACE")).statusCode(400).body("errors[0].field", equalTo("platform"));
        post(ws, "{\"category\":").statusCode(400).contentType("application/problem+json");
        post(ws, "{\"category\":\"TOOLS\"}").statusCode(422).contentType("application/problem+json");
        post(ws, AD.replace("\"platform\":\"INSTAGRAM\"", "\"postId\":\"nope\"")).statusCode(400)
                .body("errors[0].field", equalTo("postId"));
        list(ws, "").body("items", hasSize(0));
        list(ws, "?from=yesterday").statusCode(422).body("errors[0].field", equalTo("from"));
        list(ws, "?category=BRIBES").statusCode(422).body("errors[0].field", equalTo("category"));
        list(ws, "?limit=0").statusCode(422).body("errors[0].field", equalTo("limit"));
        list(ws, "?cursor=garbage").statusCode(422).body("errors[0].field", equalTo("cursor"));
    }
}
