package io.socialroi.content.calendar;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.writer;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CalendarTest {

    static String post(UUID ws, String platform, String localTime) {
        return given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"" + platform + "\",\"funnelStage\":\"ATTENTION\",\"caption\":\"c\","
                        + "\"scheduledAt\":\"" + localTime + "\"}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
    }

    @Test
    void postsFallOnTheirLocalDayAcrossTheClockChange() {
        UUID ws = Fixtures.workspace("America/New_York", "USD");
        String lateSaturday = post(ws, "X", "2027-03-13T23:30:00");
        String earlySunday = post(ws, "X", "2027-03-14T00:30:00");
        String lateSunday = post(ws, "TIKTOK", "2027-03-14T23:30:00");
        post(ws, "X", "2027-03-15T00:10:00");
        String url = "/workspaces/" + ws + "/calendar";
        given().auth().oauth2(TestTokens.workspace(ws, "content:read")).queryParam("from", "2027-03-13")
                .queryParam("to", "2027-03-14").get(url).then().statusCode(200)
                .body("timeZone", equalTo("America/New_York"))
                .body("days.date", equalTo(List.of("2027-03-13", "2027-03-14")))
                .body("days[0].posts.id", equalTo(List.of(lateSaturday)))
                .body("days[1].posts.id", equalTo(List.of(earlySunday, lateSunday)))
                .body("days[1].posts[0].scheduledAt", equalTo("2027-03-14T00:30:00-05:00"))
                .body("days[1].posts[1].scheduledAt", equalTo("2027-03-14T23:30:00-04:00"));
        given().auth().oauth2(writer(ws)).queryParam("from", "2027-03-14").queryParam("to", "2027-03-14")
                .queryParam("platform", "TIKTOK").get(url).then().statusCode(200)
                .body("days[0].posts.id", equalTo(List.of(lateSunday)));
        given().auth().oauth2(writer(ws)).queryParam("from", "2027-03-10").queryParam("to", "2027-03-11").get(url)
                .then().statusCode(200).body("days[0].posts.size()", equalTo(0)).body("days.size()", equalTo(2));
    }

    @Test
    void badPeriodsAreProblemsAndAccessIsChecked() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String url = "/workspaces/" + ws + "/calendar";
        String token = writer(ws);
        given().auth().oauth2(token).queryParam("to", "2027-01-01").get(url).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().auth().oauth2(token).queryParam("from", "2027-01-31").queryParam("to", "2027-01-01").get(url).then()
                .statusCode(422).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(token).queryParam("from", "2027-02-30").queryParam("to", "2027-03-01").get(url).then()
                .statusCode(422).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(token).queryParam("from", "2027-01-01").queryParam("to", "2029-01-01").get(url).then()
                .statusCode(422).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(token).queryParam("from", "2027-01-01").queryParam("to", "2027-01-02")
                .queryParam("platform", "FAX").get(url).then().statusCode(422);
        given().queryParam("from", "2027-01-01").queryParam("to", "2027-01-02").get(url).then().statusCode(401);
        given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).queryParam("from", "2027-01-01")
                .queryParam("to", "2027-01-02").get(url).then().statusCode(403);
        given().auth().oauth2(writer(Fixtures.workspace("UTC", "EUR"))).queryParam("from", "2027-01-01")
                .queryParam("to", "2027-01-02").get(url).then().statusCode(404);
    }
}
