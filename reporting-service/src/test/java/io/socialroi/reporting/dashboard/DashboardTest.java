package io.socialroi.reporting.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.reporting.FakeServices;
import io.socialroi.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DashboardTest {

    @Test
    void thePageIsServedOpenWithASignInForm() {
        given().get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("name=\"email\"")).body(containsString("name=\"password\""))
                .body(containsString("/dashboard/app.js")).body(not(containsString("<script>")));
        given().get("/dashboard/app.js").then().statusCode(200).body(containsString("/auth/login"));
        given().get("/dashboard/charts.js").then().statusCode(200).body(containsString("SuiteCharts"));
        given().get("/dashboard/app.css").then().statusCode(200).contentType(startsWith("text/css"));
    }

    @Test
    void theDashboardCarriesSecurityHeaders() {
        for (String path : new String[] {"/", "/dashboard/app.js", "/config.json"}) {
            given().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("connect-src 'self' http://127.0.0.1:8081 "
                            + "http://127.0.0.1:8082 http://127.0.0.1:8083;"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("no-referrer"));
        }
    }

    @Test
    void configTellsThePageWhereEachServiceIs() {
        given().get("/config.json").then().statusCode(200)
                .body("content", equalTo("http://127.0.0.1:8081"))
                .body("engagement", equalTo("http://127.0.0.1:8082"))
                .body("conversion", equalTo("http://127.0.0.1:8083"))
                .body("reporting", equalTo(""));
    }

    @Test
    void corsAllowsOnlyTheDashboardOrigin() {
        given().header("Origin", "http://127.0.0.1:8084").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/workspaces/0f1c2b3a-0000-4000-8000-000000000000/costs").then()
                .header("Access-Control-Allow-Origin", equalTo("http://127.0.0.1:8084"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", "http://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/workspaces/0f1c2b3a-0000-4000-8000-000000000000/costs").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "http://evil.example").get("/config.json").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void everyDashboardAnswerIsProtectedAndApiAnswersAreNotSniffed() {
        for (String path : new String[] {"/index.html", "/dashboard/charts.js", "/dashboard/no-such-file.js"}) {
            given().get(path).then().header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("object-src 'none'"))
                    .header("X-Frame-Options", equalTo("DENY")).header("X-Content-Type-Options", equalTo("nosniff"));
        }
        UUID ws = FakeServices.workspace("UTC", "EUR");
        given().accept("text/csv").get("/workspaces/" + ws + "/reports/roi").then().statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff"));
        given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).get("/workspaces/" + ws + "/costs").then()
                .statusCode(200).header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void corsIsClosedToUnknownOriginsOnEveryKindOfPath() {
        UUID ws = FakeServices.workspace("UTC", "EUR");
        for (String path : new String[] {"/", "/dashboard/app.js", "/workspaces/" + ws + "/reports/roi",
            "/workspaces/" + ws + "/settings", "/workspaces/" + ws + "/costs"}) {
            for (String origin : new String[] {"http://evil.example", "null", "http://127.0.0.1:8084.evil.example",
                "https://127.0.0.1:8084"}) {
                given().header("Origin", origin).header("Access-Control-Request-Method", "PUT")
                        .header("Access-Control-Request-Headers", "authorization,content-type").options(path).then()
                        .header("Access-Control-Allow-Origin", nullValue())
                        .header("Access-Control-Allow-Credentials", nullValue());
                given().header("Origin", origin).auth().oauth2(TestTokens.workspace(ws, "reports:read")).get(path)
                        .then().header("Access-Control-Allow-Origin", nullValue());
            }
        }
    }
}
