package io.socialroi.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.socialroi.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
        Set<String> acknowledged = new HashSet<>();
        List<Integer> statuses = new ArrayList<>();
        boolean sawUnavailable = false;
        boolean sawNotReady = false;

        for (int batch = 0; batch < 30; batch++) {
            if (batch == 5) {
                suite.databaseProxy("engagement-service").cut();
            }
            if (batch == 15) {
                suite.databaseProxy("engagement-service").restore();
            }
            if (batch >= 5 && batch < 15 && given().baseUri(suite.engagement()).get("/q/health/ready").statusCode() == 503) {
                sawNotReady = true;
            }
            List<String> ids = new ArrayList<>();
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String id = "evt-" + UUID.randomUUID();
                ids.add(id);
                events.add(Map.of("eventId", id, "type", "LIKE", "platform", "TIKTOK", "actorId", "tt:" + i,
                        "postId", UUID.randomUUID().toString(),
                        "occurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(i).toString()));
            }
            Response response = given().baseUri(suite.engagement()).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(events).post("/workspaces/" + ws + "/events");
            statuses.add(response.statusCode());
            if (response.statusCode() == 200) {
                assertEquals(200, response.jsonPath().getInt("accepted"), response.asString());
                acknowledged.addAll(ids);
            } else {
                assertEquals(503, response.statusCode(), "only 503 while the database is down: " + response.asString());
                assertTrue(response.contentType().startsWith("application/problem+json"));
                assertTrue(response.header("Retry-After") != null, "Retry-After on 503");
                sawUnavailable = true;
            }
            Thread.sleep(batch >= 5 && batch < 15 ? 300 : 50);
        }
        assertTrue(sawUnavailable, "ingestion answered 503 while the database was down: " + statuses);
        assertTrue(sawNotReady, "readiness reported the database outage");

        // Recovered by itself: the last batches were acknowledged, and readiness is back.
        assertEquals(200, statuses.get(statuses.size() - 1), statuses.toString());
        Eventually.await("engagement-service ready again", Duration.ofSeconds(30), () ->
                given().baseUri(suite.engagement()).get("/q/health/ready").statusCode() == 200 ? true : null);

        try (Connection c = TestDatabase.connect(suite.database("engagement-service"));
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM engagement_event WHERE workspace_id = ? AND event_id = ANY (?)")) {
            s.setObject(1, UUID.fromString(ws));
            s.setArray(2, c.createArrayOf("text", acknowledged.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(acknowledged.size(), rs.getLong(1), "every acknowledged event is stored");
            }
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
