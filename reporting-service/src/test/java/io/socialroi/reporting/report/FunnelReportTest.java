package io.socialroi.reporting.report;

import static io.restassured.RestAssured.given;
import static io.socialroi.reporting.report.Answers.attribution;
import static io.socialroi.reporting.report.Answers.attributionRow;
import static io.socialroi.reporting.report.Answers.engagementRow;
import static io.socialroi.reporting.report.Answers.summary;
import static io.socialroi.reporting.report.RoiReportTest.assertNumber;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.socialroi.reporting.FakeServices;
import io.socialroi.testing.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FunnelReportTest {

    private static final String PERIOD = "from=2026-11-01&to=2026-11-30";

    private final UUID ws = FakeServices.workspace("UTC", "EUR");
    private final UUID campaignA = UUID.randomUUID();

    private void answers() {
        Answers.onAttribution(ws, group -> attribution("LAST_TOUCH", attributionRow(null, "4.5", "150", "3.5", "1"),
                attributionRow(null, "2", "50", "1", "0"), "1", null,
                attributionRow(campaignA.toString(), "3", "120", "2", "1")));
        Answers.onSummary(ws, group -> summary(
                engagementRow(null, 300, "IMPRESSION", 5000, "LIKE", 350, "CLICK", 25),
                engagementRow(campaignA.toString(), 60, "IMPRESSION", 1000, "LIKE", 50, "CLICK", 20)));
    }

    private JsonPath funnel(String query) {
        return given().auth().oauth2(TestTokens.workspace(ws, "reports:read"))
                .get("/workspaces/" + ws + "/reports/funnel?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void workspaceFunnelWithRatesAndDropOff() {
        answers();
        JsonPath f = funnel(PERIOD);
        assertEquals(List.of("IMPRESSIONS", "ENGAGED", "CLICKS", "LEADS", "CUSTOMERS"), f.getList("stages.stage"));
        assertNumber(5000, f.get("stages[0].count"));
        assertNull(f.get("stages[0].rate"));
        assertNull(f.get("stages[0].dropOff"));
        assertNumber(300, f.get("stages[1].count"));
        assertNumber(0.06, f.get("stages[1].rate"));
        assertNumber(0.94, f.get("stages[1].dropOff"));
        assertNumber(4700, f.get("stages[1].lost"));
        assertNumber(25, f.get("stages[2].count"));
        assertNumber(0.0833, f.get("stages[2].rate"));
        assertNumber(0.9167, f.get("stages[2].dropOff"));
        assertNumber(3.5, f.get("stages[3].count"));
        assertNumber(0.14, f.get("stages[3].rate"));
        assertNumber(21.5, f.get("stages[3].lost"));
        assertNumber(1, f.get("stages[4].count"));
        assertNumber(0.2857, f.get("stages[4].rate"));
        assertNumber(0.7143, f.get("stages[4].dropOff"));
    }

    @Test
    void campaignFunnelReadsItsRowsAndPassesTheCampaign() {
        answers();
        JsonPath f = funnel(PERIOD + "&campaignId=" + campaignA);
        assertEquals(campaignA.toString(), f.getString("campaignId"));
        assertEquals(List.of(1000f, 60f, 20f, 2f, 1f), f.getList("stages.count"));
        assertNumber(0.3333, f.get("stages[2].rate"));
        assertNumber(0.1, f.get("stages[3].rate"));
        assertNumber(0.5, f.get("stages[4].rate"));
        assertTrue(FakeServices.engagement().requests().stream().anyMatch(r -> r.path().contains(ws.toString())
                && r.query().contains("campaignId=" + campaignA)));

        JsonPath empty = funnel(PERIOD + "&campaignId=" + UUID.randomUUID());
        assertEquals(List.of(0f, 0f, 0f, 0f, 0f), empty.getList("stages.count"));
        assertNull(empty.get("stages[1].rate"));
        assertNull(empty.get("stages[4].dropOff"));
    }

    @Test
    void csvAndBadInput() {
        answers();
        String csv = given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).accept("text/csv")
                .get("/workspaces/" + ws + "/reports/funnel?" + PERIOD).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertEquals(List.of("stage,count,rate,dropOff,lost", "IMPRESSIONS,5000,,,", "ENGAGED,300,0.06,0.94,4700",
                "CLICKS,25,0.0833,0.9167,275", "LEADS,3.5,0.14,0.86,21.5", "CUSTOMERS,1,0.2857,0.7143,2.5"),
                List.of(csv.split("\r\n")));
        String token = TestTokens.workspace(ws, "reports:read");
        given().auth().oauth2(token).get("/workspaces/" + ws + "/reports/funnel?campaignId=abc").then()
                .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("campaignId"));
        given().auth().oauth2(token).get("/workspaces/" + ws + "/reports/funnel?to=2026-02-30").then()
                .statusCode(422).body("errors[0].field", equalTo("to"));
        given().get("/workspaces/" + ws + "/reports/funnel").then().statusCode(401);
        given().auth().oauth2(TestTokens.workspace(ws, "costs:write")).get("/workspaces/" + ws + "/reports/funnel")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.workspace(UUID.randomUUID(), "reports:read"))
                .get("/workspaces/" + ws + "/reports/funnel").then().statusCode(404);
    }
}
