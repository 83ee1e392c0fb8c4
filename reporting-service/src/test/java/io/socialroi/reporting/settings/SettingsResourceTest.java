package io.socialroi.reporting.settings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
class SettingsResourceTest {

    private static final String BODY = "{\"hourlyRate\":{\"amount\":\"30\",\"currency\":\"EUR\"},"
            + "\"minutesPerComment\":2,\"minutesPerDm\":4.5}";

    static ValidatableResponse put(UUID ws, String body) {
        return given().auth().oauth2(TestTokens.workspace(ws, "costs:write")).contentType(ContentType.JSON)
                .body(body).put("/workspaces/" + ws + "/settings").then();
    }

    private static ValidatableResponse get(UUID ws) {
        return given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).get("/workspaces/" + ws + "/settings")
                .then();
    }

    @Test
    void defaultsUntilSetThenStored() {
        UUID ws = FakeServices.workspace("UTC", "EUR");
        get(ws).statusCode(200).body("hourlyRate.amount", equalTo("0.00")).body("hourlyRate.currency", equalTo("EUR"))
                .body("minutesPerComment", equalTo(0)).body("minutesPerDm", equalTo(0))
                .body("updatedAt", nullValue());
        put(ws, BODY).statusCode(200).body("hourlyRate.amount", equalTo("30.00")).body("minutesPerComment", equalTo(2))
                .body("minutesPerDm", equalTo(4.5f)).body("updatedAt", notNullValue());
        put(ws, BODY.replace("\"30\"", "\"45.50\"")).statusCode(200);
        get(ws).statusCode(200).body("hourlyRate.amount", equalTo("45.50")).body("minutesPerComment", equalTo(2))
                .body("minutesPerDm", equalTo(4.5f));
    }

    @Test
    void authScopeAndTenancy() {
        UUID ws = FakeServices.workspace("UTC", "EUR");
        String path = "/workspaces/" + ws + "/settings";
        given().contentType(ContentType.JSON).body(BODY).put(path).then().statusCode(401)
                .contentType("application/problem+json");
        given().get(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).contentType(ContentType.JSON).body(BODY)
                .put(path).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(ws, "engagement:read")).get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.workspace(UUID.randomUUID(), "costs:write")).contentType(ContentType.JSON)
                .body(BODY).put(path).then().statusCode(404).contentType("application/problem+json");
        get(ws).body("updatedAt", nullValue());
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        UUID ws = FakeServices.workspace("UTC", "EUR");
        put(ws, BODY.replace("\"30\"", "\"-5\"")).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("hourlyRate.amount"));
        put(ws, BODY.replace("EUR", "GBP")).statusCode(422).body("errors[0].field", equalTo("hourlyRate.currency"));
        put(ws, BODY.replace("\"minutesPerComment\":2", "\"minutesPerComment\":-1")).statusCode(422)
                .body("errors[0].field", equalTo("minutesPerComment"));
        put(ws, BODY.replace("\"minutesPerComment\":2", "\"minutesPerComment\":\"two\"")).statusCode(400)
                .body("errors[0].field", equalTo("minutesPerComment"));
        put(ws, "{\"hourlyRate\":").statusCode(400).contentType("application/problem+json");
        put(ws, "{}").statusCode(422).contentType("application/problem+json");
        get(ws).body("updatedAt", nullValue()).body("hourlyRate.amount", equalTo("0.00"));
    }
}
