package io.socialroi.engagement.event;

import static io.restassured.RestAssured.given;
import static io.socialroi.engagement.Api.event;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.socialroi.engagement.Api;
import io.socialroi.engagement.Db;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Ingestion is limited per credential (suite.rate-limit.ingest.*, here a burst of 3 refilled at 1 a minute so
 * the test cannot race the refill): over the limit a 429 problem+json with Retry-After, RateLimit and
 * RateLimit-Policy, the refused batch is not stored, and another credential is not affected.
 */
@QuarkusTest
@TestProfile(IngestRateLimitTest.SmallLimit.class)
class IngestRateLimitTest {

    /** A deployment with a tiny ingestion limit. */
    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("suite.rate-limit.ingest.per-minute", "1", "suite.rate-limit.ingest.burst", "3");
        }
    }

    private static final String AT = "2026-11-20T10:00:00Z";
    private final UUID ws = UUID.randomUUID();
    private final UUID post = UUID.randomUUID();

    private Response send(String token, UUID workspace, String id) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("[" + event(id, "LIKE", post, "ig:1", AT, "") + "]").post("/workspaces/" + workspace + "/events");
    }

    private long stored(UUID workspace) {
        return Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ?", workspace);
    }

    @Test
    void thePolicyIsTheIngestMethodWithItsConfiguredLimits() throws Exception {
        Method ingest = EventResource.class.getMethod("ingest", UUID.class, String.class, java.io.InputStream.class);
        assertTrue(ingest.isAnnotationPresent(io.socialroi.common.http.RateLimited.class));
        // The policy is the method name; its keys exist in suite-common's defaults, so a deployment can tune them.
        assertEquals("ingest", ingest.getName());
        var config = ConfigProvider.getConfig();
        assertEquals(1L, config.getValue("suite.rate-limit.ingest.per-minute", Long.class));
        assertEquals(3L, config.getValue("suite.rate-limit.ingest.burst", Long.class));
    }

    @Test
    void overTheLimitA429ProblemStoresNothingAndOtherCredentialsGoOn() {
        String token = Api.writer(ws);
        for (int i = 0; i < 3; i++) {
            send(token, ws, "ok-" + i).then().statusCode(200).body("accepted", equalTo(1))
                    .header("RateLimit", matchesPattern("limit=3, remaining=" + (2 - i) + ", reset=\\d+"));
        }
        Response refused = send(token, ws, "refused");
        refused.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429))
                .body("type", equalTo("https://socialroi.io/problems/rate-limited"))
                .header("Retry-After", matchesPattern("[1-9]\\d*"))
                .header("RateLimit", matchesPattern("limit=3, remaining=0, reset=\\d+"))
                .header("RateLimit-Policy", equalTo("1;w=60;burst=3"));
        assertTrue(Long.parseLong(refused.header("Retry-After")) <= 60, refused.header("Retry-After"));
        assertEquals(3, stored(ws));
        assertEquals(0, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ? AND event_id = 'refused'",
                ws));
        assertEquals(3, Db.number("SELECT sum(events) FROM engagement_rollup WHERE workspace_id = ?", ws));

        // Still refused: the limit holds, it is not a one-off.
        send(token, ws, "refused").then().statusCode(429).header("Retry-After", notNullValue());

        // Another credential, even on the same workspace, has its own budget.
        UUID other = UUID.randomUUID();
        send(Api.writer(other), other, "other-0").then().statusCode(200).body("accepted", equalTo(1));
        String user = io.socialroi.testing.TestTokens.workspaces(java.util.List.of(ws), "MANAGER", "engagement:write");
        send(user, ws, "user-0").then().statusCode(200).body("accepted", equalTo(1));
        assertEquals(4, stored(ws));
        assertEquals(1, stored(other));
    }
}
