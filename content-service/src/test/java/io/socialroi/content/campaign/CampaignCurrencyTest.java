package io.socialroi.content.campaign;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.count;
import static io.socialroi.content.Fixtures.writer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.content.ContentFakes;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.FakeServer;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Budgets in another currency than the workspace's, converted with conversion-service's rate of the start date. */
@QuarkusTest
class CampaignCurrencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ContentFakes.Conversion
    FakeServer conversion;

    private static String campaign(String start, String amount, String currency) {
        return "{\"name\":\"Launch\",\"objective\":\"Sales\",\"startDate\":\"" + start + "\",\"budget\":{\"amount\":\""
                + amount + "\",\"currency\":\"" + currency + "\"}}";
    }

    private void rate(UUID ws, String currency, String day, String rate) {
        conversion.on("GET", "/workspaces/" + ws + "/exchange-rates/" + currency + "/" + day,
                FakeServer.Reply.json(200, "{\"currency\":\"" + currency + "\",\"date\":\"" + day + "\",\"rate\":\""
                        + rate + "\",\"workspaceCurrency\":\"EUR\"}"));
    }

    private List<FakeServer.Recorded> lookups(UUID ws) {
        return conversion.requests().stream().filter(r -> r.path().startsWith("/workspaces/" + ws + "/")).toList();
    }

    @Test
    void aBudgetInAnotherCurrencyIsKeptAsGivenAndConvertedHalfEvenWithTheRateOfTheStartDate() throws Exception {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        rate(ws, "USD", "2026-03-01", "0.5");
        // 10.05 USD x 0.5 = 5.025 EUR: half-even gives 5.02 (half-up would give 5.03), as conversion-service rounds.
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body(campaign("2026-03-01", "10.05", "USD")).post("/workspaces/" + ws + "/campaigns").then()
                .statusCode(201).body("budget.amount", equalTo("10.05")).body("budget.currency", equalTo("USD"))
                .body("budgetInWorkspaceCurrency.amount", equalTo("5.02"))
                .body("budgetInWorkspaceCurrency.currency", equalTo("EUR")).extract().path("id");
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/campaigns/" + id).then().statusCode(200)
                .body("budget.amount", equalTo("10.05")).body("budgetInWorkspaceCurrency.amount", equalTo("5.02"));
        FakeServer.Recorded lookup = lookups(ws).get(0);
        assertEquals("/workspaces/" + ws + "/exchange-rates/USD/2026-03-01", lookup.path());
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(lookup.header("Authorization")
                .substring("Bearer ".length()).split("\\.")[1]));
        assertEquals(ws.toString(), claims.get("ws").get(0).asText());
        assertEquals("conversions:read", claims.get("scope").asText());

        // JPY has no minor unit: 12345 JPY x 0.0061 = 75.3045 EUR -> 75.30.
        rate(ws, "JPY", "2026-04-01", "0.0061");
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"startDate\":\"2026-04-01\",\"budget\":{\"amount\":12345,\"currency\":\"JPY\"}}")
                .patch("/workspaces/" + ws + "/campaigns/" + id).then().statusCode(200)
                .body("budget.amount", equalTo("12345")).body("budget.currency", equalTo("JPY"))
                .body("budgetInWorkspaceCurrency.amount", equalTo("75.30"));
        // A change that touches neither the budget nor the start date needs no rate, even with conversion-service down.
        conversion.on("GET", "/workspaces/" + ws, FakeServer.Reply.json(503, "{\"status\":503}"));
        int before = lookups(ws).size();
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"name\":\"Launch II\"}")
                .patch("/workspaces/" + ws + "/campaigns/" + id).then().statusCode(200)
                .body("name", equalTo("Launch II")).body("budgetInWorkspaceCurrency.amount", equalTo("75.30"));
        assertEquals(before, lookups(ws).size());
    }

    @Test
    void aBudgetInTheWorkspaceCurrencyNeedsNoRate() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(campaign("2026-03-01", "99.9", "EUR"))
                .post("/workspaces/" + ws + "/campaigns").then().statusCode(201)
                .body("budget.amount", equalTo("99.90")).body("budgetInWorkspaceCurrency.amount", equalTo("99.90"))
                .body("budgetInWorkspaceCurrency.currency", equalTo("EUR"));
        assertTrue(lookups(ws).isEmpty());
    }

    @Test
    void withoutARateForTheStartDateTheBudgetIsRefusedAndNothingIsStored() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        rate(ws, "USD", "2026-03-02", "0.9");
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(campaign("2026-03-01", "100", "USD"))
                .post("/workspaces/" + ws + "/campaigns").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("budget"))
                .body("errors[0].message", containsString("2026-03-01"));
        // Decimals are checked against the budget's own currency: JPY has none.
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(campaign("2026-03-02", "1.5", "JPY"))
                .post("/workspaces/" + ws + "/campaigns").then().statusCode(422)
                .body("errors[0].field", equalTo("budget.amount"));
        assertEquals(0, count("select count(*) from campaign where workspace_id = ?", ws));
    }

    @Test
    void conversionServiceDownIsA503NamingItAndNothingIsStored() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        conversion.on("GET", "/workspaces/" + ws, FakeServer.Reply.json(503, "{\"status\":503}"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(campaign("2026-03-01", "100", "USD"))
                .post("/workspaces/" + ws + "/campaigns").then().statusCode(503)
                .contentType("application/problem+json").body("title", containsString("conversion-service"));
        assertEquals(0, count("select count(*) from campaign where workspace_id = ?", ws));
        // A campaign whose edit needs a rate keeps what it had.
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body(campaign("2026-03-01", "100", "EUR")).post("/workspaces/" + ws + "/campaigns").then()
                .statusCode(201).extract().path("id");
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"budget\":{\"amount\":\"50\",\"currency\":\"GBP\"}}")
                .patch("/workspaces/" + ws + "/campaigns/" + id).then().statusCode(503);
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/campaigns/" + id).then()
                .body("budget.currency", equalTo("EUR")).body("budget.amount", equalTo("100.00"));
    }

    @Test
    void aConversionServiceTooSlowToAnswerIsA503AndNothingIsStored() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        conversion.on("GET", "/workspaces/" + ws, FakeServer.Reply.json(200, "{\"currency\":\"USD\","
                + "\"date\":\"2026-03-01\",\"rate\":\"0.9\",\"workspaceCurrency\":\"EUR\"}").delayed(5000));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(campaign("2026-03-01", "100", "USD"))
                .post("/workspaces/" + ws + "/campaigns").then().statusCode(503)
                .contentType("application/problem+json").body("title", containsString("conversion-service"));
        assertEquals(0, count("select count(*) from campaign where workspace_id = ?", ws));
    }
}
