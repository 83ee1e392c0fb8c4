package io.socialroi.reporting.report;

import static io.restassured.RestAssured.given;
import static io.socialroi.reporting.report.Answers.attribution;
import static io.socialroi.reporting.report.Answers.attributionRow;
import static io.socialroi.reporting.report.Answers.engagementRow;
import static io.socialroi.reporting.report.Answers.peopleRow;
import static io.socialroi.reporting.report.Answers.withPeople;
import static io.socialroi.reporting.report.Answers.summary;
import static io.socialroi.reporting.report.RoiReportTest.assertNumber;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.socialroi.reporting.FakeServices;
import io.socialroi.testing.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EngagementVsRevenueTest {

    private static final String PERIOD = "from=2026-11-01&to=2026-11-30";

    private final UUID ws = FakeServices.workspace("UTC", "EUR");
    private final UUID campaign = UUID.randomUUID();
    private final UUID loud = UUID.randomUUID();
    private final UUID quiet = UUID.randomUUID();
    private final UUID star = UUID.randomUUID();
    private final UUID dud = UUID.randomUUID();
    private final UUID meh = UUID.randomUUID();
    private final UUID farm = UUID.randomUUID();

    /**
     * Real engagement rates 0.2, 0.012, 0.15, 0.01, 0.1 and 0.002 for the farm-liked post (302 likes, 300 of them
     * from a flagged burst: 0.302 counted raw), median 0.056; revenue 0, 400, 500, 100, 50, 600, median 250.
     */
    private void answers() {
        Answers.posts(ws, Answers.post(loud, campaign, "TIKTOK", "ATTENTION", "Dance challenge"),
                Answers.post(quiet, campaign, "LINKEDIN", "TRUST", "Quiet post"),
                Answers.post(star, campaign, "INSTAGRAM", "ACTION", "Star"),
                Answers.post(dud, campaign, "FACEBOOK", "INTEREST", "=HYPERLINK(1)"),
                Answers.post(meh, campaign, "X", "INTEREST", "Meh"),
                Answers.post(farm, campaign, "INSTAGRAM", "ATTENTION", "Farm-liked"));
        Answers.onSummary(ws, group -> summary(
                peopleRow(null, 300, 217, 217, 0, "IMPRESSION", 6000, "LIKE", 774, "DM", 9),
                peopleRow(loud.toString(), 0, 100, 100, 0, "IMPRESSION", 1000, "LIKE", 200),
                peopleRow(quiet.toString(), 0, 10, 10, 0, "IMPRESSION", 1000, "LIKE", 12),
                peopleRow(star.toString(), 0, 80, 80, 0, "IMPRESSION", 1000, "LIKE", 150),
                peopleRow(dud.toString(), 0, 5, 5, 0, "IMPRESSION", 1000, "LIKE", 10),
                peopleRow(meh.toString(), 0, 20, 20, 0, "IMPRESSION", 1000, "LIKE", 100),
                peopleRow(farm.toString(), 300, 2, 2, 0, "IMPRESSION", 1000, "LIKE", 302),
                engagementRow(null, 3, "DM", 9)));
        Answers.onAttribution(ws, group -> attribution("LINEAR",
                withPeople(attributionRow(null, "12.47", "1650", "0", "3"), 13, 3, 3),
                attributionRow(null, "0", "0", "0", "0"), "3", null,
                withPeople(attributionRow(quiet.toString(), "4", "400.00", "0", "1"), 4, 1, 1),
                withPeople(attributionRow(star.toString(), "5", "500.00", "0", "1"), 5, 1, 1),
                withPeople(attributionRow(dud.toString(), "1", "100.00", "0", "1"), 1, 1, 1),
                withPeople(attributionRow(meh.toString(), "1", "50.00", "0", "0"), 1, 0, 0),
                // 2.47 credited conversions from 3 people of whom 2 engaged (one bought through a shared link).
                withPeople(attributionRow(farm.toString(), "2.47", "600.00", "0", "0"), 3, 0, 0)));
    }

    @Test
    void verdictsAgainstTheMediansOfRealEngagement() {
        answers();
        JsonPath r = given().auth().oauth2(TestTokens.workspace(ws, "reports:read"))
                .get("/workspaces/" + ws + "/reports/engagement-vs-revenue?" + PERIOD).then().statusCode(200)
                .extract().jsonPath();
        assertNumber(0.056, r.get("thresholds.engagementRate"));
        assertEquals("250.00", r.getString("thresholds.revenue.amount"));
        assertTrue(r.getString("thresholds.rule").contains("flagged"), r.getString("thresholds.rule"));
        assertEquals(List.of(farm.toString(), star.toString(), quiet.toString(), dud.toString(), meh.toString(),
                loud.toString()), r.getList("rows.key"));
        // Counted raw (0.302) the farm-liked post would be the top PERFORMER; its real engagement is tiny.
        assertEquals(List.of("QUIET_CONVERTER", "PERFORMER", "QUIET_CONVERTER", "UNDERPERFORMER", "VANITY", "VANITY"),
                r.getList("rows.verdict"));
        assertEquals(2, r.getInt("rows[0].engagements"));
        assertEquals(302, r.getInt("rows[0].rawEngagements"));
        assertEquals(300, r.getInt("rows[0].flaggedEngagements"));
        assertNumber(0.002, r.get("rows[0].engagementRate"));
        // 3 converting people, 2 engaged: 100%, not 2.47 / 1 = 247%.
        assertNumber(1.0, r.get("rows[0].conversionRate"));
        assertNumber(2.47, r.get("rows[0].conversions"));
        for (Object rate : r.getList("rows.conversionRate")) {
            assertTrue(((Number) rate).doubleValue() <= 1.0, "conversion rate " + rate);
        }

        assertEquals("Quiet post", r.getString("rows[2].label"));
        assertEquals("LINKEDIN", r.getString("rows[2].platform"));
        assertEquals("TRUST", r.getString("rows[2].funnelStage"));
        assertNumber(0.012, r.get("rows[2].engagementRate"));
        // 4 converting people of the 10 who engaged.
        assertNumber(0.4, r.get("rows[2].conversionRate"));
        assertEquals("400.00", r.getString("rows[2].revenue.amount"));
        assertNumber(0.2424, r.get("rows[2].revenueShare"));
        assertNumber(0.2, r.get("rows[5].engagementRate"));
        assertNumber(0, r.get("rows[5].revenueShare"));
        assertNumber(0, r.get("rows[5].conversionRate"));
    }

    @Test
    void csvGuardsFormulasInLabels() {
        answers();
        String csv = given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).accept("text/csv")
                .get("/workspaces/" + ws + "/reports/engagement-vs-revenue?" + PERIOD).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("key,label,platform,funnelStage,impressions,engagements,engagementRate,conversions,"
                + "conversionRate,revenue,revenueShare,verdict,rawEngagements,flaggedEngagements", lines[0]);
        assertEquals(farm + ",Farm-liked,INSTAGRAM,ATTENTION,1000,2,0.002,2.47,1,600.00,0.3636,QUIET_CONVERTER,302,300",
                lines[1]);
        assertEquals(quiet + ",Quiet post,LINKEDIN,TRUST,1000,12,0.012,4,0.4,400.00,0.2424,QUIET_CONVERTER,12,0",
                lines[3]);
        assertEquals(dud + ",'=HYPERLINK(1),FACEBOOK,INTEREST,1000,10,0.01,1,0.2,100.00,0.0606,UNDERPERFORMER,10,0",
                lines[4]);
        assertEquals(7, lines.length);
    }

    @Test
    void authAndBadInput() {
        String path = "/workspaces/" + ws + "/reports/engagement-vs-revenue";
        given().get(path).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(ws, "content:read")).get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.workspace(UUID.randomUUID(), "reports:read")).get(path).then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).get(path + "?model=BEST").then()
                .statusCode(422).contentType("application/problem+json");
    }
}
