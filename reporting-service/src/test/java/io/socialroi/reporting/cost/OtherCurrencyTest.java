package io.socialroi.reporting.cost;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.socialroi.reporting.FakeServices;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.FakeServer.Reply;
import io.socialroi.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Costs and the hourly rate in another currency than the workspace's: accepted when conversion-service has the
 * workspace's exchange rate for that currency and day, converted as conversion-service converts a conversion's
 * value (amount x rate, half-even to the workspace currency's minor unit), with the amount as sent kept; a 422
 * naming the field without a rate.
 */
@QuarkusTest
class OtherCurrencyTest {

    /** conversion-service's rate of {@code currency} for every day (the day asked is echoed back). */
    private static void rate(UUID ws, String currency, String rate, String workspaceCurrency) {
        String prefix = "/workspaces/" + ws + "/exchange-rates/" + currency + "/";
        FakeServices.conversion().on("GET", prefix, r -> Reply.json(200, "{\"currency\":\"" + currency
                + "\",\"date\":\"" + r.path().substring(prefix.length()) + "\",\"rate\":\"" + rate
                + "\",\"workspaceCurrency\":\"" + workspaceCurrency + "\"}"));
    }

    /** A rate on one day only: any other day is conversion-service's 404. */
    private static void rateOn(UUID ws, String currency, String day, String rate, String workspaceCurrency) {
        FakeServices.conversion().on("GET", "/workspaces/" + ws + "/exchange-rates/" + currency + "/" + day,
                Reply.json(200, "{\"currency\":\"" + currency + "\",\"date\":\"" + day + "\",\"rate\":\"" + rate
                        + "\",\"workspaceCurrency\":\"" + workspaceCurrency + "\"}"));
    }

    private static String cost(String amount, String currency, String day) {
        return "{\"category\":\"AD_SPEND\",\"amount\":{\"amount\":\"" + amount + "\",\"currency\":\"" + currency
                + "\"},\"incurredOn\":\"" + day + "\"}";
    }

    private static ValidatableResponse post(UUID ws, String body) {
        return given().auth().oauth2(TestTokens.workspace(ws, "costs:write")).contentType(ContentType.JSON)
                .body(body).post("/workspaces/" + ws + "/costs").then();
    }

    private static ValidatableResponse list(UUID ws) {
        return given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).get("/workspaces/" + ws + "/costs")
                .then().statusCode(200);
    }

    private static ValidatableResponse putSettings(UUID ws, String amount, String currency) {
        return given().auth().oauth2(TestTokens.workspace(ws, "costs:write")).contentType(ContentType.JSON)
                .body("{\"hourlyRate\":{\"amount\":\"" + amount + "\",\"currency\":\"" + currency
                        + "\"},\"minutesPerComment\":2,\"minutesPerDm\":5}")
                .put("/workspaces/" + ws + "/settings").then();
    }

    private static ValidatableResponse getSettings(UUID ws) {
        return given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).get("/workspaces/" + ws + "/settings")
                .then().statusCode(200);
    }

    @Test
    void aCostInAnotherCurrencyIsConvertedWithThatDaysRateAndKeptAsSent() {
        UUID ws = FakeServices.workspace("Europe/Rome", "EUR");
        rateOn(ws, "USD", "2026-11-20", "0.5", "EUR");
        // 10.05 x 0.5 = 5.025: half-even gives 5.02 (half-up would give 5.03), as conversion-service rounds.
        post(ws, cost("10.05", "USD", "2026-11-20")).statusCode(201)
                .body("amount.amount", equalTo("5.02")).body("amount.currency", equalTo("EUR"))
                .body("originalAmount.amount", equalTo("10.05")).body("originalAmount.currency", equalTo("USD"))
                .body("exchangeRate", equalTo("0.5"));
        list(ws).body("items", hasSize(1)).body("items[0].amount.amount", equalTo("5.02"))
                .body("items[0].originalAmount.amount", equalTo("10.05")).body("items[0].exchangeRate", equalTo("0.5"));
        FakeServer.Recorded asked = FakeServices.conversion().requests().stream()
                .filter(r -> r.path().equals("/workspaces/" + ws + "/exchange-rates/USD/2026-11-20")).findFirst()
                .orElseThrow();
        assertEquals("Bearer reporting-service-token", asked.header("Authorization"));

        // The workspace's own currency needs no rate and keeps no original.
        post(ws, cost("7.10", "EUR", "2026-11-21")).statusCode(201).body("amount.amount", equalTo("7.10"))
                .body("originalAmount", nullValue()).body("exchangeRate", nullValue());
    }

    /** Correcting a cost (PUT) follows the same rules: a new day's rate, or back to the workspace currency. */
    @Test
    void aCorrectedCostIsConvertedWithItsNewDaysRate() {
        UUID ws = FakeServices.workspace("UTC", "EUR");
        rateOn(ws, "USD", "2026-11-20", "0.5", "EUR");
        rateOn(ws, "USD", "2026-11-21", "0.9215", "EUR");
        String id = post(ws, cost("40.00", "EUR", "2026-11-20")).statusCode(201).extract().path("id");
        String path = "/workspaces/" + ws + "/costs/" + id;
        String write = TestTokens.workspace(ws, "costs:write");
        // 33.33 x 0.9215 = 30.713595: 30.71.
        given().auth().oauth2(write).contentType(ContentType.JSON).body(cost("33.33", "USD", "2026-11-21")).put(path)
                .then().statusCode(200).body("id", equalTo(id)).body("amount.amount", equalTo("30.71"))
                .body("originalAmount.amount", equalTo("33.33")).body("exchangeRate", equalTo("0.9215"));
        // No rate that day: 422, and the cost stays as it was.
        given().auth().oauth2(write).contentType(ContentType.JSON).body(cost("50.00", "USD", "2026-11-22")).put(path)
                .then().statusCode(422).body("errors[0].field", equalTo("amount.currency"));
        given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).get(path).then().statusCode(200)
                .body("amount.amount", equalTo("30.71")).body("incurredOn", equalTo("2026-11-21"));
        given().auth().oauth2(write).contentType(ContentType.JSON).body(cost("12.00", "EUR", "2026-11-22")).put(path)
                .then().statusCode(200).body("amount.amount", equalTo("12.00")).body("originalAmount", nullValue())
                .body("exchangeRate", nullValue());
        list(ws).body("items", hasSize(1));
        given().auth().oauth2(write).contentType(ContentType.JSON).body(cost("1", "EUR", "2026-11-22"))
                .put("/workspaces/" + ws + "/costs/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aWorkspaceWithoutMinorUnitsGetsWholeAmounts() {
        UUID ws = FakeServices.workspace("Asia/Tokyo", "JPY");
        rateOn(ws, "EUR", "2026-11-20", "161.37", "JPY");
        // 12.34 x 161.37 = 1991.3058 yen: 1991.
        post(ws, cost("12.34", "EUR", "2026-11-20")).statusCode(201).body("amount.amount", equalTo("1991"))
                .body("amount.currency", equalTo("JPY")).body("originalAmount.amount", equalTo("12.34"))
                .body("exchangeRate", equalTo("161.37"));
    }

    @Test
    void withoutARateForThatDayTheCostIsA422NamingTheFieldAndNothingIsStored() {
        UUID ws = FakeServices.workspace("UTC", "EUR");
        rateOn(ws, "USD", "2026-11-20", "0.9215", "EUR");
        post(ws, cost("40.00", "USD", "2026-11-21")).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("amount.currency"))
                .body("errors[0].message", containsString("no exchange rate for USD on 2026-11-21"));
        post(ws, cost("40.00", "GBP", "2026-11-20")).statusCode(422).body("errors[0].field", equalTo("amount.currency"));
        // Finer than the sent currency's minor unit is refused before any rate is asked.
        post(ws, cost("40.001", "USD", "2026-11-20")).statusCode(422).body("errors[0].field", equalTo("amount.amount"));
        post(ws, cost("1", "XYZ", "2026-11-20")).statusCode(422).body("errors[0].field", equalTo("amount.currency"));
        list(ws).body("items", hasSize(0));
    }

    @Test
    void theHourlyRateInAnotherCurrencyIsConvertedWithTodaysRate() {
        UUID ws = FakeServices.workspace("Europe/Rome", "EUR");
        rate(ws, "USD", "0.9215", "EUR");
        // 30.00 x 0.9215 = 27.645: half-even 27.64.
        String day = putSettings(ws, "30.00", "USD").statusCode(200).body("hourlyRate.amount", equalTo("27.64"))
                .body("hourlyRate.currency", equalTo("EUR")).body("originalHourlyRate.amount", equalTo("30.00"))
                .body("originalHourlyRate.currency", equalTo("USD")).body("exchangeRate", equalTo("0.9215"))
                .extract().path("exchangeRateDate");
        FakeServices.conversion().requests().stream()
                .filter(r -> r.path().equals("/workspaces/" + ws + "/exchange-rates/USD/" + day)).findFirst()
                .orElseThrow(() -> new AssertionError("the rate of the day shown was not the one asked: " + day));
        getSettings(ws).body("hourlyRate.amount", equalTo("27.64")).body("originalHourlyRate.amount", equalTo("30.00"))
                .body("exchangeRateDate", equalTo(day));

        // Back to the workspace currency: no original, no rate.
        putSettings(ws, "31", "EUR").statusCode(200).body("hourlyRate.amount", equalTo("31.00"))
                .body("originalHourlyRate", nullValue()).body("exchangeRate", nullValue());
    }

    @Test
    void withoutARateTheHourlyRateIsA422AndTheSettingsStay() {
        UUID ws = FakeServices.workspace("UTC", "EUR");
        putSettings(ws, "30", "EUR").statusCode(200);
        putSettings(ws, "30", "CHF").statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("hourlyRate.currency"))
                .body("errors[0].message", containsString("no exchange rate for CHF"));
        getSettings(ws).body("hourlyRate.amount", equalTo("30.00")).body("hourlyRate.currency", equalTo("EUR"));
    }
}
