package io.socialroi.reporting.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard as k8s runs it (k8s/base/kustomization.yaml): behind one Ingress, same-origin, with the services'
 * cluster-internal addresses in its configuration. The browser is told none of them: /config.json has only
 * relative (empty) bases, the CSP admits only 'self', and CORS admits only the public origin.
 */
@QuarkusTest
@TestProfile(SameOriginDashboardTest.BehindTheIngress.class)
class SameOriginDashboardTest {

    private static final String PUBLIC_ORIGIN = "https://suite.example.com";

    /** The settings the k8s overlays give reporting-service, with SUITE_*_URL the in-cluster Service names. */
    public static class BehindTheIngress implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("suite.dashboard.same-origin", "true",
                    "suite.dashboard.content-url", "http://content-service:8080",
                    "suite.dashboard.engagement-url", "http://engagement-service:8080",
                    "suite.dashboard.conversion-url", "http://conversion-service:8080",
                    "quarkus.http.cors.origins", PUBLIC_ORIGIN);
        }
    }

    @Test
    void configNamesNoServiceAddress() {
        given().get("/config.json").then().statusCode(200)
                .body("content", equalTo("")).body("engagement", equalTo(""))
                .body("conversion", equalTo("")).body("reporting", equalTo(""))
                .body(not(containsString("-service"))).body(not(containsString("8080")));
    }

    @Test
    void thePageMayConnectToItsOwnOriginOnly() {
        for (String path : new String[] {"/", "/dashboard/app.js", "/config.json"}) {
            given().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("connect-src 'self';"))
                    .header("Content-Security-Policy", not(containsString("-service")))
                    .body(not(containsString("content-service:8080")));
        }
    }

    @Test
    void corsAdmitsOnlyThePublicOrigin() {
        String costs = "/workspaces/0f1c2b3a-0000-4000-8000-000000000000/costs";
        given().header("Origin", PUBLIC_ORIGIN).header("Access-Control-Request-Method", "GET").options(costs).then()
                .header("Access-Control-Allow-Origin", equalTo(PUBLIC_ORIGIN));
        for (String origin : new String[] {"http://127.0.0.1:8084", "http://suite.example.com", "https://evil.example"}) {
            given().header("Origin", origin).header("Access-Control-Request-Method", "GET").options(costs).then()
                    .header("Access-Control-Allow-Origin", nullValue());
        }
    }
}
