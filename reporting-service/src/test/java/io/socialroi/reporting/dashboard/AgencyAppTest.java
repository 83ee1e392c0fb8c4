package io.socialroi.reporting.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The agency app at /app/: served open as the dashboard is, as ES modules, with the dashboard's headers. */
@QuarkusTest
class AgencyAppTest {

    @Test
    void thePageAndItsModulesAreServedOpen() {
        given().get("/app/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("name=\"email\"")).body(containsString("name=\"password\""))
                .body(containsString("<script type=\"module\" src=\"/app/main.js\">"))
                .body(not(containsString("<script>")));
        for (String module : new String[] {"/app/main.js", "/app/lib/api.js", "/app/lib/time.js", "/app/views/compose.js",
            "/app/views/calendar.js", "/app/views/team.js"}) {
            // A module script is refused by the browser unless it comes as JavaScript (nosniff is on).
            given().get(module).then().statusCode(200).contentType(containsString("javascript"));
        }
        given().get("/app/app.css").then().statusCode(200).contentType(startsWith("text/css"));
    }

    @Test
    void theAppCarriesTheDashboardsSecurityHeadersAndMayShowHttpsMediaPreviews() {
        for (String path : new String[] {"/app/", "/app/index.html", "/app/main.js", "/app/no-such-file.js"}) {
            given().get(path).then()
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("Content-Security-Policy", containsString("img-src 'self' data: blob: https:;"))
                    .header("Content-Security-Policy", containsString("connect-src 'self' http://127.0.0.1:8081 "
                            + "http://127.0.0.1:8082 http://127.0.0.1:8083;"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("X-Content-Type-Options", equalTo("nosniff"));
        }
        // The dashboard itself keeps its stricter image policy.
        given().get("/").then().header("Content-Security-Policy", containsString("img-src 'self' data: blob:;"));
    }
}
