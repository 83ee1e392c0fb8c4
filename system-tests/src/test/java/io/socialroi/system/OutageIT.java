package io.socialroi.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.socialroi.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outages with the real packaged services: PostgreSQL crashing under ingestion loses no acknowledged
 * event and the service recovers without a restart; a service that is down leaves the others answering,
 * with a 503 naming it where they depend on it.
 */
class OutageIT {

    private static SuiteCluster suite;

    @BeforeAll
    static void startSuite() {
        suite = SuiteCluster.get();
    }

    @Test
    void databaseCrashDuringIngestionLosesNoAcknowledgedEvent() throws Exception {
        Map<String, String> created = FoundationFlowIT.workspaceWithToken("Outage Ltd");
        String ws = created.get("ws");
        String token = created.get("token");
        IngestionUnderOutage run = IngestionUnderOutage.run(suite.engagement(), ws, token, 30, 200,
                5, () -> suite.databaseProxy("engagement-service").cut(),
                15, () -> suite.databaseProxy("engagement-service").restore());
        List<Integer> statuses = run.statuses;
        assertTrue(statuses.contains(503), "ingestion answered 503 while the database was down: " + statuses);
        assertTrue(run.sawNotReady, "readiness reported the database outage");

        // Recovered by itself: the last batches were acknowledged, and readiness is back.
        assertEquals(200, statuses.get(statuses.size() - 1), statuses.toString());
        Eventually.await("engagement-service ready again", Duration.ofSeconds(30), () ->
                given().baseUri(suite.engagement()).get("/q/health/ready").statusCode() == 200 ? true : null);

        try (Connection c = TestDatabase.connect(suite.database("engagement-service"))) {
            assertEquals(run.acknowledged.size(), run.stored(c, ws), "every acknowledged event is stored");
        }
    }

    @Test
    void aServiceDownLeavesTheOthersAnsweringWithA503NamingIt() {
        Map<String, String> created = FoundationFlowIT.workspaceWithToken("Down Ltd");
        String ws = created.get("ws");
        String token = created.get("token");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        suite.kill("conversion-service");
        try {
            Response roi = given().baseUri(suite.reporting()).auth().oauth2(token).queryParam("from", today)
                    .queryParam("to", today).get("/workspaces/" + ws + "/reports/roi");
            assertEquals(503, roi.statusCode(), roi.asString());
            assertTrue(roi.contentType().startsWith("application/problem+json"));
            assertTrue(roi.asString().contains("conversion-service"), roi.asString());
            // The others keep answering.
            given().baseUri(suite.content()).auth().oauth2(token).get("/workspaces/" + ws).then().statusCode(200);
            given().baseUri(suite.engagement()).auth().oauth2(token).queryParam("from", today).queryParam("to", today)
                    .get("/workspaces/" + ws + "/engagement/summary").then().statusCode(200);
        } finally {
            suite.restart("conversion-service");
        }
        given().baseUri(suite.reporting()).auth().oauth2(token).queryParam("from", today).queryParam("to", today)
                .get("/workspaces/" + ws + "/reports/roi").then().statusCode(200);
    }
}
