package io.socialroi.reporting.report;

import static io.restassured.RestAssured.given;
import static io.socialroi.reporting.report.Answers.attribution;
import static io.socialroi.reporting.report.Answers.attributionRow;
import static io.socialroi.reporting.report.Answers.engagementRow;
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

    /** Engagement rates 0.2, 0.012, 0.15, 0.01 (median 0.081); revenue 0, 400, 500, 100 (median 250). */
    private void answers() {
        Answers.posts(ws, Answers.post(loud, campaign, "TIKTOK", "ATTENTION", "Dance challenge"),
                Answers.post(quiet, campaign, "LINKEDIN", "TRUST", "Quiet post"),
                Answers.post(star, campaign, "INSTAGRAM", "ACTION", "Star"),
                Answers.post(dud, campaign, "FACEBOOK", "INTEREST", "=HYPERLINK(1)"));
        Answers.onSummary(ws, group -> summary(engagementRow(null, 200, "IMPRESSION", 4000, "LIKE", 372, "DM", 9),
                engagementRow(loud.toString(), 100, "IMPRESSION", 1000, "LIKE", 200),
                engagementRow(quiet.toString(), 10, "IMPRESSION", 1000, "LIKE", 12),
                engagementRow(star.toString(), 80, "IMPRESSION", 1000, "LIKE", 150),
                engagementRow(dud.toString(), 5, "IMPRESSION", 1000, "LIKE", 10),
                engagementRow(null, 3, "DM", 9)));
        Answers.onAttribution(ws, group -> attribution("LAST_TOUCH", attributionRow(null, "10", "1000", "0", "3"),
                attributionRow(null, "0", "0", "0", "0"), "3", null,
                attributionRow(quiet.toString(), "4", "400.00", "0", "1"),
                attributionRow(star.toString(), "5", "500.00", "0", "1"),
                attributionRow(dud.toString(), "1", "100.00", "0", "1")));
    }

    @Test
    void verdictsAgainstTheMedians() {
        answers();
        JsonPath r = given().auth().oauth2(TestTokens.workspace(ws, "reports:read"))
                .get("/workspaces/" + ws + "/reports/engagement-vs-revenue?" + PERIOD).then().statusCode(200)
                .extract().jsonPath();
        assertNumber(0.081, r.get("thresholds.engagementRate"));
        assertEquals("250.00", r.getString("thresholds.revenue.amount"));
        assertTrue(r.getString("thresholds.rule").contains("median") || r.getString("thresholds.rule").contains(">="));
        assertEquals(List.of(star.toString(), quiet.toString(), dud.toString(), loud.toString()), r.getList("rows.key"));
        assertEquals(List.of("PERFORMER", "QUIET_CONVERTER", "UNDERPERFORMER", "VANITY"), r.getList("rows.verdict"));
        assertEquals("Quiet post", r.getString("rows[1].label"));
        assertEquals("LINKEDIN", r.getString("rows[1].platform"));
        assertEquals("TRUST", r.getString("rows[1].funnelStage"));
        assertNumber(0.012, r.get("rows[1].engagementRate"));
        assertNumber(0.4, r.get("rows[1].conversionRate"));
        assertEquals("400.00", r.getString("rows[1].revenue.amount"));
        assertNumber(0.4, r.get("rows[1].revenueShare"));
        assertNumber(0.2, r.get("rows[3].engagementRate"));
        assertNumber(0, r.get("rows[3].revenueShare"));
        assertNumber(0, r.get("rows[3].conversionRate"));
    }

    @Test
    void csvGuardsFormulasInLabels() {
        answers();
        String csv = given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).accept("text/csv")
                .get("/workspaces/" + ws + "/reports/engagement-vs-revenue?" + PERIOD).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("key,label,platform,funnelStage,impressions,engagements,engagementRate,conversions,"
                + "conversionRate,revenue,revenueShare,verdict", lines[0]);
        assertEquals(quiet + ",Quiet post,LINKEDIN,TRUST,1000,12,0.012,4,0.4,400.00,0.4,QUIET_CONVERTER", lines[2]);
        assertEquals(dud + ",'=HYPERLINK(1),FACEBOOK,INTEREST,1000,10,0.01,1,0.2,100.00,0.1,UNDERPERFORMER",
                lines[3]);
        assertEquals(5, lines.length);
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
