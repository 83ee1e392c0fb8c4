package io.socialroi.reporting.report;

import static io.restassured.RestAssured.given;
import static io.socialroi.reporting.report.Answers.attribution;
import static io.socialroi.reporting.report.Answers.attributionRow;
import static io.socialroi.reporting.report.Answers.peopleRow;
import static io.socialroi.reporting.report.Answers.summary;
import static io.socialroi.reporting.report.Answers.withPeople;
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

    /** People at every stage: the workspace's and campaign A's. */
    private void answers() {
        Answers.onAttribution(ws, group -> attribution("LAST_TOUCH",
                withPeople(attributionRow(null, "4.5", "150", "3.5", "1"), 5, 4, 1),
                attributionRow(null, "2", "50", "1", "0"), "1", null,
                withPeople(attributionRow(campaignA.toString(), "3", "120", "2", "1"), 3, 2, 1)));
        Answers.onSummary(ws, group -> summary(
                peopleRow(null, 100, 400, 300, 25, "IMPRESSION", 5000, "LIKE", 350, "CLICK", 25),
                peopleRow(campaignA.toString(), 0, 80, 60, 20, "IMPRESSION", 1000, "LIKE", 50, "CLICK", 20)));
    }

    private JsonPath funnel(String query) {
        return given().auth().oauth2(TestTokens.workspace(ws, "reports:read"))
                .get("/workspaces/" + ws + "/reports/funnel?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void workspaceFunnelCountsPeople() {
        answers();
        JsonPath f = funnel(PERIOD);
        assertEquals(List.of("IMPRESSIONS", "ENGAGED", "CLICKS", "LEADS", "CUSTOMERS"), f.getList("stages.stage"));
        // People reached (not 5000 impression events), engaged for real, clicked, with a lead, new customers.
        assertEquals(List.of(400, 300, 25, 4, 1), f.getList("stages.count"));
        assertEquals(List.of(400, 300, 25, 4, 1), f.getList("stages.stageCount"));
        assertNull(f.get("stages[0].rate"));
        assertNull(f.get("stages[0].dropOff"));
        assertNull(f.get("stages[0].lost"));
        assertNumber(0.75, f.get("stages[1].rate"));
        assertNumber(0.25, f.get("stages[1].dropOff"));
        assertEquals(100, f.getInt("stages[1].lost"));
        assertNumber(0.0833, f.get("stages[2].rate"));
        assertNumber(0.9167, f.get("stages[2].dropOff"));
        assertNumber(0.16, f.get("stages[3].rate"));
        assertEquals(21, f.getInt("stages[3].lost"));
        assertNumber(0.25, f.get("stages[4].rate"));
        assertNumber(0.75, f.get("stages[4].dropOff"));
    }

    /**
     * Awkward people counts: engaged above reached, more leads than clickers (leads by DM), more new customers
     * than leads (a purchase without a lead). Each stage shows the people who got at least this far, so the funnel
     * never widens, every rate is within 0..1 and nothing is lost below zero; stageCount keeps the stage's own count.
     */
    @Test
    void awkwardCountsStillGiveAFunnelThatNeverWidens() {
        Answers.onSummary(ws, group -> summary(peopleRow(null, 0, 10, 12, 2, "IMPRESSION", 40, "LIKE", 30, "CLICK", 2)));
        Answers.onAttribution(ws, group -> attribution("LINEAR",
                withPeople(attributionRow(null, "7", "700", "5", "7"), 9, 5, 7),
                attributionRow(null, "0", "0", "0", "0"), "7", null));
        JsonPath f = funnel(PERIOD);
        assertEquals(List.of(12, 12, 7, 7, 7), f.getList("stages.count"));
        assertEquals(List.of(10, 12, 2, 5, 7), f.getList("stages.stageCount"));
        List<Integer> counts = f.getList("stages.count");
        for (int i = 1; i < counts.size(); i++) {
            assertTrue(counts.get(i) <= counts.get(i - 1), "stage " + i + " widens: " + counts);
            double rate = ((Number) f.get("stages[" + i + "].rate")).doubleValue();
            double dropOff = ((Number) f.get("stages[" + i + "].dropOff")).doubleValue();
            assertTrue(rate >= 0 && rate <= 1, "rate " + rate);
            assertTrue(dropOff >= 0 && dropOff <= 1, "drop-off " + dropOff);
            assertTrue(f.getInt("stages[" + i + "].lost") >= 0);
        }
        assertNumber(1.0, f.get("stages[1].rate"));
        assertNumber(0.5833, f.get("stages[2].rate"));
        assertNumber(1.0, f.get("stages[3].rate"));
        assertNumber(0.0, f.get("stages[4].dropOff"));
    }

    @Test
    void campaignFunnelReadsItsRowsAndPassesTheCampaign() {
        answers();
        JsonPath f = funnel(PERIOD + "&campaignId=" + campaignA);
        assertEquals(campaignA.toString(), f.getString("campaignId"));
        assertEquals(List.of(80, 60, 20, 2, 1), f.getList("stages.count"));
        assertNumber(0.3333, f.get("stages[2].rate"));
        assertNumber(0.1, f.get("stages[3].rate"));
        assertNumber(0.5, f.get("stages[4].rate"));
        assertTrue(FakeServices.engagement().requests().stream().anyMatch(r -> r.path().contains(ws.toString())
                && r.query().contains("campaignId=" + campaignA)));

        JsonPath empty = funnel(PERIOD + "&campaignId=" + UUID.randomUUID());
        assertEquals(List.of(0, 0, 0, 0, 0), empty.getList("stages.count"));
        assertNull(empty.get("stages[1].rate"));
        assertNull(empty.get("stages[4].dropOff"));
    }

    @Test
    void csvAndBadInput() {
        answers();
        String csv = given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).accept("text/csv")
                .get("/workspaces/" + ws + "/reports/funnel?" + PERIOD).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertEquals(List.of("stage,count,rate,dropOff,lost,stageCount", "IMPRESSIONS,400,,,,400",
                "ENGAGED,300,0.75,0.25,100,300", "CLICKS,25,0.0833,0.9167,275,25", "LEADS,4,0.16,0.84,21,4",
                "CUSTOMERS,1,0.25,0.75,3,1"), List.of(csv.split("\r\n")));
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
