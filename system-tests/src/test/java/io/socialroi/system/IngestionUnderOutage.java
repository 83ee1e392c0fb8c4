package io.socialroi.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Sends batches of events to engagement-service while a test takes its database away and brings it back:
 * every answer is either 200 with the whole batch accepted, or 503 problem+json with {@code Retry-After}.
 * Records what was acknowledged, the statuses, and whether readiness reported the outage.
 */
final class IngestionUnderOutage {

    /** What a test does to the database before a batch: cut it, restore it. */
    interface Step {
        void run() throws Exception;
    }

    final Set<String> acknowledged = new HashSet<>();
    final List<Integer> statuses = new ArrayList<>();
    boolean sawNotReady;

    private IngestionUnderOutage() {
    }

    /** {@code batches} batches of {@code size}; {@code down} runs before batch {@code downAt}, {@code up} before {@code upAt}. */
    static IngestionUnderOutage run(String engagementUrl, String ws, String token, int batches, int size, int downAt,
            Step down, int upAt, Step up) throws Exception {
        IngestionUnderOutage run = new IngestionUnderOutage();
        for (int batch = 0; batch < batches; batch++) {
            if (batch == downAt) {
                down.run();
            }
            if (batch == upAt) {
                up.run();
            }
            boolean outage = batch >= downAt && batch < upAt;
            if (outage && given().baseUri(engagementUrl).get("/q/health/ready").statusCode() == 503) {
                run.sawNotReady = true;
            }
            List<String> ids = new ArrayList<>();
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String id = "evt-" + UUID.randomUUID();
                ids.add(id);
                events.add(Map.of("eventId", id, "type", i % 5 == 0 ? "COMMENT" : "LIKE", "platform", "INSTAGRAM",
                        "actorId", "ig:" + (batch * size + i), "postId", UUID.randomUUID().toString(),
                        "occurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(i).toString()));
            }
            Response response = given().baseUri(engagementUrl).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(events).post("/workspaces/" + ws + "/events");
            run.statuses.add(response.statusCode());
            if (response.statusCode() == 200) {
                assertEquals(size, response.jsonPath().getInt("accepted"), response.asString());
                run.acknowledged.addAll(ids);
            } else {
                assertEquals(503, response.statusCode(), "only 503 while the database is down: " + response.asString());
                assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
                assertTrue(response.header("Retry-After") != null, "Retry-After on 503");
            }
            SuiteCluster.sleep(outage ? 300 : 30);
        }
        return run;
    }

    /** How many of the acknowledged events of {@code ws} the database holds. */
    long stored(Connection c, String ws) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM engagement_event WHERE workspace_id = ? AND event_id = ANY (?)")) {
            s.setObject(1, UUID.fromString(ws));
            s.setArray(2, c.createArrayOf("text", acknowledged.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
