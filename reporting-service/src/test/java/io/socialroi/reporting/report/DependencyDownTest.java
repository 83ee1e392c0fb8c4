package io.socialroi.reporting.report;

import static io.restassured.RestAssured.given;
import static io.socialroi.reporting.report.Answers.engagementRow;
import static io.socialroi.reporting.report.Answers.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.socialroi.reporting.FakeServices;
import io.socialroi.testing.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * conversion-service is down (nothing listens on its port): every report is a 503 naming it, and after
 * repeated failures the circuit breaker answers without even trying. Runs in its own application instance so
 * the open circuit does not leak into other tests.
 */
@QuarkusTest
@TestProfile(DependencyDownTest.ConversionDown.class)
class DependencyDownTest {

    /** Points conversion-service at a port that was free a moment ago and is now closed. */
    public static class ConversionDown implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.conversion-service.url", "http://127.0.0.1:" + closedPort());
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void downServiceIsNamedAndTheCircuitOpens() {
        UUID ws = FakeServices.workspace("UTC", "EUR");
        Answers.campaigns(ws);
        Answers.onSummary(ws, group -> summary(engagementRow(null, 1, "LIKE", 1)));
        List<String> details = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            JsonPath problem = given().auth().oauth2(TestTokens.workspace(ws, "reports:read"))
                    .get("/workspaces/" + ws + "/reports/roi").then().statusCode(503)
                    .contentType("application/problem+json").extract().jsonPath();
            assertEquals("conversion-service unavailable", problem.getString("title"));
            details.add(problem.getString("detail"));
        }
        assertTrue(details.get(0).contains("unreachable"), details.get(0));
        assertTrue(details.get(details.size() - 1).contains("paused"), details.toString());
    }

    /**
     * A cost or hourly rate in another currency needs conversion-service's rate: with it down, a 503 naming it and
     * nothing stored. Money in the workspace's own currency does not need it.
     */
    @Test
    void otherCurrencyWhileConversionServiceIsDownIsA503AndStoresNothing() {
        UUID ws = FakeServices.workspace("UTC", "EUR");
        String write = TestTokens.workspace(ws, "costs:write");
        String read = TestTokens.workspace(ws, "reports:read");
        given().auth().oauth2(write).contentType("application/json").body("{\"category\":\"TOOLS\",\"amount\":"
                + "{\"amount\":\"12.00\",\"currency\":\"USD\"},\"incurredOn\":\"2026-11-20\"}")
                .post("/workspaces/" + ws + "/costs").then().statusCode(503).contentType("application/problem+json")
                .body("title", org.hamcrest.Matchers.equalTo("conversion-service unavailable"));
        given().auth().oauth2(write).contentType("application/json").body("{\"hourlyRate\":{\"amount\":\"30\","
                + "\"currency\":\"USD\"},\"minutesPerComment\":2,\"minutesPerDm\":5}")
                .put("/workspaces/" + ws + "/settings").then().statusCode(503)
                .body("title", org.hamcrest.Matchers.equalTo("conversion-service unavailable"));
        given().auth().oauth2(read).get("/workspaces/" + ws + "/costs").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(0));
        given().auth().oauth2(read).get("/workspaces/" + ws + "/settings").then().statusCode(200)
                .body("updatedAt", org.hamcrest.Matchers.nullValue());

        given().auth().oauth2(write).contentType("application/json").body("{\"category\":\"TOOLS\",\"amount\":"
                + "{\"amount\":\"12.00\",\"currency\":\"EUR\"},\"incurredOn\":\"2026-11-20\"}")
                .post("/workspaces/" + ws + "/costs").then().statusCode(201);
    }
}
