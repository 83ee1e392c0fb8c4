package io.socialroi.reporting.report;

import static io.restassured.RestAssured.given;
import static io.socialroi.reporting.report.Answers.attribution;
import static io.socialroi.reporting.report.Answers.attributionRow;
import static io.socialroi.reporting.report.Answers.engagementRow;
import static io.socialroi.reporting.report.Answers.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.reporting.FakeServices;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One report request is one trace: the calls it makes to content-, engagement- and conversion-service carry a W3C
 * traceparent with the trace id of the request (here given by the caller, as a gateway or another service would).
 */
@QuarkusTest
class TracePropagationTest {

    private final UUID ws = FakeServices.workspace("UTC", "EUR");

    @Test
    void aReportsCallsToTheOtherServicesContinueItsTrace() {
        Answers.campaigns(ws);
        Answers.posts(ws);
        Answers.onAttribution(ws, group -> attribution("LAST_TOUCH", attributionRow(null, "1", "10", "0", "1"),
                attributionRow(null, "0", "0", "0", "0"), "1", null));
        Answers.onSummary(ws, group -> summary(engagementRow(null, 1, "LIKE", 1)));
        String traceId = UUID.randomUUID().toString().replace("-", "");
        given().auth().oauth2(TestTokens.workspace(ws, "reports:read"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/workspaces/" + ws + "/reports/roi").then().statusCode(200);

        assertTraced(FakeServices.engagement(), "/workspaces/" + ws + "/engagement/summary", traceId);
        assertTraced(FakeServices.conversion(), "/workspaces/" + ws + "/attribution", traceId);
        assertTraced(FakeServices.content(), "/workspaces/" + ws + "/", traceId);
    }

    private static void assertTraced(FakeServer service, String pathPrefix, String traceId) {
        List<FakeServer.Recorded> calls = service.requests().stream()
                .filter(r -> r.path().startsWith(pathPrefix)).toList();
        assertFalse(calls.isEmpty(), "no call to " + pathPrefix);
        for (FakeServer.Recorded call : calls) {
            String traceparent = call.header("traceparent");
            assertNotNull(traceparent, call.path() + " carries no traceparent");
            assertEquals(traceId, traceparent.split("-")[1], call.path() + ": " + traceparent);
        }
    }
}
