package io.socialroi.conversion;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.socialroi.testing.TestTokens;
import java.util.UUID;

/** Request helpers shared by the resource tests. */
public final class Api {

    private Api() {
    }

    /** A workspace credential of {@code ws} with read and write on conversions. */
    public static RequestSpecification as(UUID ws) {
        return given().auth().oauth2(TestTokens.workspace(ws, "conversions:read", "conversions:write"))
                .contentType(ContentType.JSON);
    }

    /** Posts one conversion and returns its id; the body must be new. */
    public static String purchase(UUID ws, String eventId, String customerId, String amount, String occurredAt,
            String extra) {
        return as(ws).body("{\"eventId\":\"" + eventId + "\",\"type\":\"PURCHASE\",\"value\":{\"amount\":\"" + amount
                + "\",\"currency\":\"EUR\"},\"occurredAt\":\"" + occurredAt + "\",\"customerId\":\"" + customerId + "\""
                + (extra == null ? "" : "," + extra) + "}")
                .post("/workspaces/" + ws + "/conversions").then().statusCode(201).extract().path("id");
    }

    public static String conversion(UUID ws, String eventId, String type, String customerId, String occurredAt,
            String extra) {
        return as(ws).body("{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + occurredAt
                + "\",\"customerId\":\"" + customerId + "\"" + (extra == null ? "" : "," + extra) + "}")
                .post("/workspaces/" + ws + "/conversions").then().statusCode(201).extract().path("id");
    }
}
