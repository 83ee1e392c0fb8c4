package io.socialroi.reporting.report;

import static io.restassured.RestAssured.given;
import static io.socialroi.reporting.report.Answers.attribution;
import static io.socialroi.reporting.report.Answers.attributionRow;
import static io.socialroi.reporting.report.Answers.engagementRow;
import static io.socialroi.reporting.report.Answers.summary;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.socialroi.reporting.FakeServices;
import io.socialroi.testing.FakeServer.Reply;
import io.socialroi.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A dependency that errors or is slow makes the report a 503 naming it, never a partial answer. */
@QuarkusTest
class DependencyFailureTest {

    private final UUID ws = FakeServices.workspace("UTC", "EUR");

    private void healthy() {
        Answers.campaigns(ws);
        Answers.posts(ws);
        Answers.onAttribution(ws, group -> attribution("LAST_TOUCH", attributionRow(null, "1", "10", "0", "1"),
                attributionRow(null, "0", "0", "0", "0"), "1", null));
        Answers.onSummary(ws, group -> summary(engagementRow(null, 1, "LIKE", 1)));
    }

    private ValidatableResponse report(String path, String accept) {
        return given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).accept(accept)
                .get("/workspaces/" + ws + "/reports/" + path).then();
    }

    @Test
    void erroringEngagementServiceIsNamed() {
        healthy();
        FakeServices.engagement().on("GET", "/workspaces/" + ws + "/engagement/summary",
                Reply.json(500, "{\"status\":500}"));
        report("roi", "application/json").statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5").body("title", equalTo("engagement-service unavailable"))
                .body("detail", containsString("HTTP 500")).body("type", containsString("dependency-unavailable"));
        report("roi", "text/csv").statusCode(503).contentType("application/problem+json")
                .body("title", equalTo("engagement-service unavailable"));
    }

    @Test
    void slowConversionServiceTimesOut() {
        healthy();
        FakeServices.conversion().on("GET", "/workspaces/" + ws + "/attribution",
                Reply.json(200, attribution("LAST_TOUCH", attributionRow(null, "1", "10", "0", "1"),
                        attributionRow(null, "0", "0", "0", "0"), "1", null)).delayed(4000));
        report("roi", "application/json").statusCode(503).contentType("application/problem+json")
                .body("title", equalTo("conversion-service unavailable"))
                .body("detail", containsString("did not answer in time"));
    }

    /** A big workspace whose attribution takes longer than a request waits: 503 first, then the kept answer. */
    @Test
    void aSlowAnswerIsKeptForTheNextRequest() throws InterruptedException {
        healthy();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        FakeServices.conversion().on("GET", "/workspaces/" + ws + "/attribution", r -> {
            calls.incrementAndGet();
            return Reply.json(200, attribution("LAST_TOUCH", attributionRow(null, "3", "120.00", "1", "2"),
                    attributionRow(null, "0", "0", "0", "0"), "2", null, attributionRow(null, "3", "120.00", "1", "2")))
                    .delayed(2500);
        });
        report("roi", "application/json").statusCode(503).header("Retry-After", "5")
                .body("title", equalTo("conversion-service unavailable"))
                .body("detail", containsString("still being fetched"));
        ValidatableResponse answer = null;
        for (int i = 0; i < 40 && answer == null; i++) {
            Thread.sleep(250);
            ValidatableResponse r = report("roi", "application/json");
            if (r.extract().statusCode() == 200) {
                answer = r;
            }
        }
        org.junit.jupiter.api.Assertions.assertNotNull(answer, "the slow answer was never served");
        answer.body("totals.revenue.amount", equalTo("120.00"));
        org.junit.jupiter.api.Assertions.assertEquals(1, calls.get(), "one call, shared by the waiting requests");
    }

    @Test
    void erroringContentServiceIsNamed() {
        healthy();
        FakeServices.content().on("GET", "/workspaces/" + ws + "/posts", Reply.json(502, "{}"));
        report("roi?groupBy=post", "application/json").statusCode(503).contentType("application/problem+json")
                .body("title", equalTo("content-service unavailable"));
    }

    @Test
    void unreadableAnswerIsAFailureNotZeroes() {
        healthy();
        FakeServices.conversion().on("GET", "/workspaces/" + ws + "/attribution",
                new Reply(200, "application/json", "{\"rows\": [", 0));
        report("roi", "application/json").statusCode(503).body("title", equalTo("conversion-service unavailable"));
    }

    /**
     * DATA_DRIVEN's calls (seconds of learning for a new period) have a breaker and a bulkhead of their own: a run of
     * them failing opens neither for the rule models' calls, so the other reports go on answering (issue 15: after a
     * person moved a DATA_DRIVEN report's period thirty times, every other report of the benchmark was a 503).
     */
    @Test
    void failingDataDrivenCallsLeaveTheOtherReportsAnswering() {
        healthy();
        String lastTouch = attribution("LAST_TOUCH", attributionRow(null, "1", "10", "0", "1"),
                attributionRow(null, "0", "0", "0", "0"), "1", null, attributionRow(null, "1", "10", "0", "1"));
        java.util.concurrent.atomic.AtomicInteger learned = new java.util.concurrent.atomic.AtomicInteger();
        FakeServices.conversion().on("GET", "/workspaces/" + ws + "/attribution", r -> {
            if ("DATA_DRIVEN".equals(Answers.param(r.query(), "model"))) {
                learned.incrementAndGet();
                return Reply.json(500, "{\"status\":500}");
            }
            return Reply.json(200, lastTouch);
        });
        try {
            for (int i = 0; i < 15; i++) {
                report("roi?model=DATA_DRIVEN&from=2026-10-" + (10 + i) + "&to=2026-11-01", "application/json")
                        .statusCode(503).body("title", equalTo("conversion-service unavailable"));
            }
            int calls = learned.get();
            // Its breaker is open: the next DATA_DRIVEN report is refused without a call ...
            report("roi?model=DATA_DRIVEN&from=2026-09-01&to=2026-11-01", "application/json").statusCode(503)
                    .body("detail", containsString("paused"));
            org.junit.jupiter.api.Assertions.assertEquals(calls, learned.get(), "no call while the breaker is open");
            // ... and the rule models' reports still answer, with the numbers conversion-service gave.
            report("roi?from=2026-09-01&to=2026-11-01", "application/json").statusCode(200)
                    .body("totals.conversions", equalTo(1.0f));
            report("funnel?from=2026-09-01&to=2026-11-01", "application/json").statusCode(200);
        } finally {
            io.socialroi.common.remote.RemotePolicy.resetAll();
        }
    }
}
