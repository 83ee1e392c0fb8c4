package io.socialroi.reporting.report;

import static io.restassured.RestAssured.given;
import static io.socialroi.reporting.report.Answers.attribution;
import static io.socialroi.reporting.report.Answers.attributionRow;
import static io.socialroi.reporting.report.Answers.engagementRow;
import static io.socialroi.reporting.report.Answers.peopleRow;
import static io.socialroi.reporting.report.Answers.withFields;
import static io.socialroi.reporting.report.Answers.withPeople;
import static io.socialroi.reporting.report.Answers.summary;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.socialroi.reporting.FakeServices;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.TestTokens;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RoiReportTest {

    private static final String PERIOD = "from=2026-11-01&to=2026-11-30";

    private final UUID ws = FakeServices.workspace("Europe/Rome", "EUR");
    private final UUID campaignA = UUID.randomUUID();
    private final UUID campaignB = UUID.randomUUID();
    private final UUID post1 = UUID.randomUUID();
    private final UUID post2 = UUID.randomUUID();

    static JsonPath roi(UUID ws, String query) {
        return given().auth().oauth2(TestTokens.workspace(ws, "reports:read"))
                .get("/workspaces/" + ws + "/reports/roi?" + query).then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    /** Two campaigns, engagement with DMs that belong to no campaign, costs in and out of the period. */
    private void twoCampaigns() {
        Answers.campaigns(ws, campaignA.toString(), "Spring sale", campaignB.toString(), "Brand, awareness");
        Answers.posts(ws, Answers.post(post1, campaignA, "INSTAGRAM", "ACTION", "Buy now"),
                Answers.post(post2, campaignB, "TIKTOK", "ATTENTION", "Dance"));
        Answers.onAttribution(ws, group -> attribution("LINEAR",
                withPeople(attributionRow(null, "4.5", "150.00", "3.5", "1"), 4, 3, 1),
                attributionRow(null, "2", "50.00", "1", "0"), "3", "80.00",
                withFields(withPeople(attributionRow(campaignA.toString(), "3", "120.00", "2", "1"), 3, 2, 1),
                        "\"ltv\":" + Answers.money("80.00")),
                withPeople(attributionRow(campaignB.toString(), "1.5", "30.00", "1.5", "0"), 2, 2, 0)));
        // 50 of Brand's likes come from flagged actors (a bought-likes burst): real engagement leaves them out.
        Answers.onSummary(ws, group -> summary(
                peopleRow(null, 50, 300, 280, 30, "IMPRESSION", 5000, "LIKE", 350, "COMMENT", 30, "DM", 6, "CLICK", 20),
                peopleRow(campaignA.toString(), 0, 60, 60, 15, "IMPRESSION", 1000, "LIKE", 50, "COMMENT", 10,
                        "CLICK", 20),
                peopleRow(campaignB.toString(), 50, 250, 200, 0, "IMPRESSION", 4000, "LIKE", 300, "COMMENT", 20)));
        Answers.cost(ws, "AD_SPEND", "40", "2026-11-05", ",\"campaignId\":\"" + campaignA + "\"");
        Answers.cost(ws, "PRODUCTION", "10", "2026-11-06", ",\"postId\":\"" + post1 + "\"");
        Answers.cost(ws, "AD_SPEND", "25", "2026-11-30", ",\"campaignId\":\"" + campaignB + "\"");
        Answers.cost(ws, "TOOLS", "15", "2026-11-01", "");
        Answers.cost(ws, "AD_SPEND", "999", "2026-12-01", ",\"campaignId\":\"" + campaignA + "\"");
        Answers.cost(ws, "AGENCY_FEE", "5", "2026-10-31", "");
        Answers.settings(ws, "30", "2", "5");
    }

    @Test
    void roiByCampaignWithHandComputedNumbers() {
        twoCampaigns();
        JsonPath report = roi(ws, PERIOD + "&groupBy=campaign&model=linear&lookbackDays=14");
        assertEquals("campaign", report.getString("groupBy"));
        assertEquals("Europe/Rome", report.getString("timeZone"));
        assertEquals("LINEAR", report.getString("attribution.model"));
        assertEquals(List.of(campaignA.toString(), campaignB.toString(), "unassigned"), report.getList("rows.key"));
        assertEquals(List.of("Spring sale", "Brand, awareness", "Not tied to a campaign"), report.getList("rows.label"));

        // Spring sale: 40 ad spend + 10 production (tied through its post) + 10 comments x 2 min at 30/h = 60 spend.
        Map<String, Object> a = report.getMap("rows[0]");
        assertEquals("60.00", amount(a, "spend"));
        assertEquals("40.00", amount(a, "adSpend"));
        assertEquals("10.00", amount(a, "communityManagement"));
        assertEquals("120.00", amount(a, "revenue"));
        assertEquals("60.00", amount(a, "profit"));
        assertNumber(1.0, a.get("roi"));
        assertNumber(3.0, a.get("roas"));
        assertNumber(3.0, a.get("conversions"));
        assertNumber(2.0, a.get("leads"));
        assertNumber(1.0, a.get("customers"));
        assertEquals("60.00", amount(a, "cac"));
        assertEquals("30.00", amount(a, "cpl"));
        // 3 converting people of 60 who engaged for real.
        assertNumber(0.05, a.get("conversionRate"));
        assertEquals(80, a.get("engagements"));
        assertEquals(80, a.get("rawEngagements"));
        assertEquals(0, a.get("flaggedEngagements"));
        assertEquals(1000, a.get("impressions"));
        assertNumber(0.08, a.get("engagementRate"));
        assertEquals("0.75", amount(a, "costPerEngagement"));
        // The lifetime value of the customers whose first purchase was credited to the campaign.
        assertEquals("80.00", amount(a, "ltv"));
        assertNull(a.get("funnelStage"));

        // Brand: 25 ad spend + 20 comments x 2 min = 20 -> 45 spend for 30 revenue; no customer, so no CAC.
        Map<String, Object> b = report.getMap("rows[1]");
        assertEquals("45.00", amount(b, "spend"));
        assertEquals("-15.00", amount(b, "profit"));
        assertNumber(-0.3333, b.get("roi"));
        assertNumber(1.2, b.get("roas"));
        assertNull(b.get("cac"));
        assertEquals("30.00", amount(b, "cpl"));
        // 2 converting people of 200 real engagers; 270 real engagements of 320 (50 flagged) on 4000 impressions.
        assertNumber(0.01, b.get("conversionRate"));
        assertEquals(270, b.get("engagements"));
        assertEquals(320, b.get("rawEngagements"));
        assertEquals(50, b.get("flaggedEngagements"));
        assertNumber(0.0675, b.get("engagementRate"));
        // 45 spend / 270 real engagements (not 320).
        assertEquals("0.17", amount(b, "costPerEngagement"));
        assertNull(b.get("ltv"));

        // Unassigned: the tools cost and 6 DMs x 5 min that engagement-service counts in no campaign.
        Map<String, Object> u = report.getMap("rows[2]");
        assertEquals("30.00", amount(u, "spend"));
        assertEquals("15.00", amount(u, "communityManagement"));
        assertEquals("0.00", amount(u, "revenue"));
        assertNumber(-1.0, u.get("roi"));
        assertNull(u.get("roas"));
        assertNull(u.get("cpl"));
        assertNull(u.get("conversionRate"));
        assertNull(u.get("engagementRate"));
        assertEquals(6, u.get("engagements"));
        assertEquals(6, u.get("rawEngagements"));
        assertEquals("5.00", amount(u, "costPerEngagement"));

        Map<String, Object> t = report.getMap("totals");
        assertEquals("135.00", amount(t, "spend"));
        assertEquals("65.00", amount(t, "adSpend"));
        assertEquals("45.00", amount(t, "communityManagement"));
        assertEquals("150.00", amount(t, "revenue"));
        assertEquals("15.00", amount(t, "profit"));
        assertNumber(0.1111, t.get("roi"));
        assertNumber(2.3077, t.get("roas"));
        assertNumber(4.5, t.get("conversions"));
        assertNumber(3.5, t.get("leads"));
        assertEquals("135.00", amount(t, "cac"));
        assertEquals("38.57", amount(t, "cpl"));
        // 4 converting people of the 280 who engaged for real in the whole workspace.
        assertNumber(0.0143, t.get("conversionRate"));
        assertEquals(356, t.get("engagements"));
        assertEquals(406, t.get("rawEngagements"));
        assertEquals(50, t.get("flaggedEngagements"));
        assertNumber(0.0712, t.get("engagementRate"));
        assertEquals("0.38", amount(t, "costPerEngagement"));
        assertEquals("80.00", amount(t, "ltv"));
        assertTotalsAreTheSumOfRows(report);

        assertNumber(2.0, report.get("unattributed.conversions"));
        assertEquals("50.00", report.getString("unattributed.revenue.amount"));

        FakeServer.Recorded call = FakeServices.conversion().requests().stream()
                .filter(r -> r.path().equals("/workspaces/" + ws + "/attribution")).findFirst().orElseThrow();
        assertEquals("Bearer reporting-service-token", call.header("Authorization"));
        for (String part : List.of("model=LINEAR", "lookbackDays=14", "groupBy=campaign", "from=2026-11-01",
                "to=2026-11-30")) {
            assertTrue(call.query().contains(part), call.query());
        }
    }

    /**
     * By post: one actor liked post2 40 times in a minute (engagement-service flags it), so post2 has 45 likes
     * but 5 of them real; engagement rate and cost per engagement use the 5. Each row carries the post's current
     * funnel stage (engagement-service's directory, else content-service's) and the LTV of its new customers.
     */
    @Test
    void roiByPostCountsRealEngagementAndCarriesStageAndLtv() {
        UUID post3 = UUID.randomUUID();
        Answers.posts(ws, Answers.post(post1, campaignA, "INSTAGRAM", "ACTION", "Buy now"),
                Answers.post(post2, campaignA, "TIKTOK", "ATTENTION", "Dance"),
                Answers.post(post3, campaignA, "LINKEDIN", "TRUST", "Case study"));
        Answers.onSummary(ws, group -> summary(
                peopleRow(null, 40, 45, 42, 5, "IMPRESSION", 1000, "LIKE", 60, "COMMENT", 4, "CLICK", 5),
                withFields(peopleRow(post1.toString(), 0, 20, 20, 5, "IMPRESSION", 500, "LIKE", 15, "COMMENT", 4,
                        "CLICK", 5), "\"postId\":\"" + post1 + "\",\"funnelStage\":\"ACTION\""),
                // The editor moved post2 to INTEREST: the summary says so before content-service's list does.
                withFields(peopleRow(post2.toString(), 40, 25, 22, 0, "IMPRESSION", 500, "LIKE", 45),
                        "\"postId\":\"" + post2 + "\",\"funnelStage\":\"INTEREST\"")));
        Answers.onAttribution(ws, group -> attribution("LAST_TOUCH",
                withPeople(attributionRow(null, "3", "230.00", "2", "1"), 3, 3, 1),
                attributionRow(null, "0", "0", "0", "0"), "1", "350.00",
                withFields(withPeople(attributionRow(post1.toString(), "2", "200.00", "1", "1"), 2, 2, 1),
                        "\"ltv\":" + Answers.money("350.00") + ",\"funnelStage\":\"ACTION\""),
                withPeople(attributionRow(post2.toString(), "1", "30.00", "1", "0"), 1, 1, 0)));
        Answers.cost(ws, "AD_SPEND", "10", "2026-11-10", ",\"postId\":\"" + post2 + "\"");
        Answers.cost(ws, "PRODUCTION", "5", "2026-11-10", ",\"postId\":\"" + post3 + "\"");

        JsonPath report = roi(ws, PERIOD + "&groupBy=post");
        assertEquals(List.of(post1.toString(), post2.toString(), post3.toString()), report.getList("rows.key"));
        assertEquals(List.of("ACTION", "INTEREST", "TRUST"), report.getList("rows.funnelStage"));

        Map<String, Object> one = report.getMap("rows[0]");
        assertEquals(24, one.get("engagements"));
        assertEquals(24, one.get("rawEngagements"));
        assertEquals(0, one.get("flaggedEngagements"));
        assertNumber(0.048, one.get("engagementRate"));
        assertNumber(0.1, one.get("conversionRate"));
        assertEquals("350.00", amount(one, "ltv"));

        Map<String, Object> farmed = report.getMap("rows[1]");
        assertEquals(5, farmed.get("engagements"), "the bursty actor's 40 likes are not real engagement");
        assertEquals(45, farmed.get("rawEngagements"));
        assertEquals(40, farmed.get("flaggedEngagements"));
        assertNumber(0.01, farmed.get("engagementRate"));
        assertEquals("2.00", amount(farmed, "costPerEngagement"));
        // 1 converting person of the 22 who engaged for real.
        assertNumber(0.0455, farmed.get("conversionRate"));
        assertNull(farmed.get("ltv"));

        Map<String, Object> t = report.getMap("totals");
        assertEquals(29, t.get("engagements"));
        assertEquals(69, t.get("rawEngagements"));
        assertEquals(40, t.get("flaggedEngagements"));
        assertNumber(0.029, t.get("engagementRate"));
        assertNumber(0.0714, t.get("conversionRate"));
        assertEquals("350.00", amount(t, "ltv"));
        assertTotalsAreTheSumOfRows(report);
        assertTrue(report.getList("notes").stream().anyMatch(n -> String.valueOf(n).startsWith("40 engagements came "
                + "from people flagged")), report.getList("notes").toString());
    }

    /** More people converted than engaged (a purchase through a shared link): the rate stops at 100%. */
    @Test
    void conversionRateNeverExceedsOne() {
        Answers.posts(ws, Answers.post(post1, campaignA, "INSTAGRAM", "ACTION", "Buy now"));
        Answers.onSummary(ws, group -> summary(peopleRow(null, 0, 1, 1, 1, "CLICK", 1),
                peopleRow(post1.toString(), 0, 1, 1, 1, "CLICK", 1)));
        Answers.onAttribution(ws, group -> attribution("LINEAR",
                withPeople(attributionRow(null, "2.47", "247.00", "0", "2.47"), 3, 3, 3),
                attributionRow(null, "0", "0", "0", "0"), "3", null,
                withPeople(attributionRow(post1.toString(), "2.47", "247.00", "0", "2.47"), 3, 3, 3)));
        JsonPath report = roi(ws, PERIOD + "&groupBy=post");
        assertNumber(1.0, report.get("rows[0].conversionRate"));
        assertNumber(1.0, report.get("totals.conversionRate"));
    }

    @Test
    void thinFlowGivesRoiTwoAndRoasThree() {
        Answers.posts(ws, Answers.post(post1, campaignA, "INSTAGRAM", "ACTION", "Buy now"));
        Answers.onAttribution(ws, group -> attribution("LAST_TOUCH", attributionRow(null, "1", "120.00", "0", "1"),
                attributionRow(null, "0", "0.00", "0", "0"), "1", "120.00",
                attributionRow(post1.toString(), "1", "120.00", "0", "1")));
        Answers.onSummary(ws, group -> summary(engagementRow(null, 1, "CLICK", 1),
                engagementRow(post1.toString(), 1, "CLICK", 1)));
        Answers.cost(ws, "AD_SPEND", "40", "2026-11-10", ",\"postId\":\"" + post1 + "\"");
        JsonPath report = roi(ws, PERIOD + "&groupBy=post");
        assertEquals(List.of(post1.toString()), report.getList("rows.key"));
        assertEquals("Buy now", report.getString("rows[0].label"));
        assertNumber(2.0, report.get("rows[0].roi"));
        assertNumber(3.0, report.get("rows[0].roas"));
        assertNumber(2.0, report.get("totals.roi"));
        assertNumber(3.0, report.get("totals.roas"));
        assertEquals("80.00", report.getString("totals.profit.amount"));
    }

    @Test
    void costsFollowTheirPostToPlatformAndFunnelStage() {
        Answers.posts(ws, Answers.post(post1, campaignA, "INSTAGRAM", "ACTION", "Buy now"),
                Answers.post(post2, campaignB, "TIKTOK", "ATTENTION", "Dance"));
        Answers.onAttribution(ws, group -> attribution("LAST_TOUCH", attributionRow(null, "2", "90.00", "1", "1"),
                attributionRow(null, "0", "0", "0", "0"), "1", null,
                attributionRow(group.equals("platform") ? "INSTAGRAM" : "ACTION", "2", "90.00", "1", "1")));
        Answers.onSummary(ws, group -> summary(engagementRow(null, 0)));
        Answers.cost(ws, "PRODUCTION", "30", "2026-11-10", ",\"postId\":\"" + post1 + "\"");
        Answers.cost(ws, "AD_SPEND", "20", "2026-11-10", ",\"postId\":\"" + post2 + "\"");
        Answers.cost(ws, "AD_SPEND", "5", "2026-11-10", ",\"platform\":\"TIKTOK\"");

        JsonPath byPlatform = roi(ws, PERIOD + "&groupBy=platform");
        assertEquals(List.of("INSTAGRAM", "TIKTOK"), byPlatform.getList("rows.key"));
        assertEquals(List.of("Instagram", "Tiktok"), byPlatform.getList("rows.label"));
        assertEquals("30.00", byPlatform.getString("rows[0].spend.amount"));
        assertNumber(2.0, byPlatform.get("rows[0].roi"));
        assertNull(byPlatform.get("rows[0].roas"));
        assertEquals("25.00", byPlatform.getString("rows[1].spend.amount"));
        assertNumber(-1.0, byPlatform.get("rows[1].roi"));
        assertTotalsAreTheSumOfRows(byPlatform);

        JsonPath byStage = roi(ws, PERIOD + "&groupBy=funnelStage");
        assertEquals(List.of("ACTION", "ATTENTION", "unassigned"), byStage.getList("rows.key"));
        assertEquals(List.of("30.00", "20.00", "5.00"), byStage.getList("rows.spend.amount"));
        assertEquals("55.00", byStage.getString("totals.spend.amount"));
        assertTotalsAreTheSumOfRows(byStage);
    }

    @Test
    void emptyWorkspaceGivesNullRatiosNotErrors() {
        Answers.campaigns(ws);
        Answers.onAttribution(ws, group -> attribution("LAST_TOUCH", attributionRow(null, "0", "0", "0", "0"),
                attributionRow(null, "0", "0", "0", "0"), "0", null));
        Answers.onSummary(ws, group -> summary(engagementRow(null, 0)));
        JsonPath report = roi(ws, PERIOD);
        assertEquals(List.of(), report.getList("rows"));
        assertEquals("0.00", report.getString("totals.spend.amount"));
        for (String ratio : List.of("roi", "roas", "cac", "cpl", "conversionRate", "engagementRate",
                "costPerEngagement", "ltv")) {
            assertNull(report.get("totals." + ratio), ratio);
        }
    }

    @Test
    void csvHasAHeaderTheRowsAndTheTotals() {
        twoCampaigns();
        String csv = given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).accept("text/csv")
                .get("/workspaces/" + ws + "/reports/roi?" + PERIOD + "&groupBy=campaign").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("roi-campaign-2026-11-01-2026-11-30.csv"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(5, lines.length, csv);
        assertEquals("key,label,currency,spend,adSpend,communityManagement,revenue,profit,roi,roas,conversions,leads,"
                + "customers,cac,cpl,conversionRate,engagements,impressions,engagementRate,costPerEngagement,ltv,"
                + "rawEngagements,flaggedEngagements,funnelStage", lines[0]);
        assertEquals(campaignA + ",Spring sale,EUR,60.00,40.00,10.00,120.00,60.00,1,3,3,2,1,60.00,30.00,0.05,80,1000,"
                + "0.08,0.75,80.00,80,0,", lines[1]);
        assertTrue(lines[2].endsWith(",0.0675,0.17,,320,50,"), lines[2]);
        assertTrue(lines[2].startsWith(campaignB + ",\"Brand, awareness\",EUR,45.00,"), lines[2]);
        assertTrue(lines[3].startsWith("unassigned,Not tied to a campaign,EUR,30.00,"), lines[3]);
        assertTrue(lines[4].startsWith("totals,Total,EUR,135.00,65.00,45.00,150.00,15.00,0.1111,2.3077,"), lines[4]);
    }

    /**
     * The drill-down from a campaign row: campaignId with the posts grouping keeps the campaign's posts (by the
     * row's campaignId, else the post's), asks engagement-service for the campaign, keeps the campaign's costs
     * (those tied to none of its posts in the unassigned row) and takes the totals' people and LTV from the
     * campaign's own attribution row, so the totals are the campaign's row of the report grouped by campaign.
     */
    @Test
    void aCampaignsPostsAddUpToTheCampaignsRow() {
        UUID post3 = UUID.randomUUID();
        Answers.campaigns(ws, campaignA.toString(), "Spring sale", campaignB.toString(), "Brand, awareness");
        Answers.posts(ws, Answers.post(post1, campaignA, "INSTAGRAM", "ACTION", "Buy now"),
                Answers.post(post2, campaignB, "TIKTOK", "ATTENTION", "Dance"),
                Answers.post(post3, campaignA, "X", "TRUST", "Thread"));
        String attributed = withPeople(attributionRow(null, "4.5", "150.00", "3.5", "1"), 4, 3, 1);
        String unattributed = attributionRow(null, "2", "50.00", "1", "0");
        Answers.onAttribution(ws, group -> "post".equals(group)
                ? attribution("LINEAR", attributed, unattributed, "3", "80.00",
                        withFields(withPeople(attributionRow(post1.toString(), "2", "90.00", "1", "1"), 2, 1, 1),
                                "\"campaignId\":\"" + campaignA + "\""),
                        withFields(attributionRow(post2.toString(), "1.5", "30.00", "1.5", "0"),
                                "\"campaignId\":\"" + campaignB + "\""),
                        // No campaignId on the row: the post's campaign decides.
                        withPeople(attributionRow(post3.toString(), "1", "30.00", "1", "0"), 1, 1, 0))
                : attribution("LINEAR", attributed, unattributed, "3", "80.00",
                        withFields(withPeople(attributionRow(campaignA.toString(), "3", "120.00", "2", "1"), 3, 2, 1),
                                "\"ltv\":" + Answers.money("80.00")),
                        withPeople(attributionRow(campaignB.toString(), "1.5", "30.00", "1.5", "0"), 2, 2, 0)));
        FakeServices.engagement().on("GET", "/workspaces/" + ws + "/engagement/summary",
                r -> r.query().contains("campaignId=" + campaignA)
                        ? io.socialroi.testing.FakeServer.Reply.json(200, summary(
                                peopleRow(null, 0, 60, 55, 15, "IMPRESSION", 1000, "LIKE", 60, "COMMENT", 10),
                                peopleRow(post1.toString(), 0, 40, 40, 15, "IMPRESSION", 600, "LIKE", 40, "COMMENT", 10),
                                peopleRow(post3.toString(), 0, 20, 20, 0, "IMPRESSION", 400, "LIKE", 20)))
                        : r.query().contains("campaignId=")
                                ? io.socialroi.testing.FakeServer.Reply.json(200, summary(peopleRow(null, 0, 0, 0, 0)))
                                : io.socialroi.testing.FakeServer.Reply.json(200, summary(
                                        peopleRow(null, 0, 60, 55, 15, "IMPRESSION", 1000, "LIKE", 60, "COMMENT", 10),
                                        peopleRow(campaignA.toString(), 0, 60, 55, 15, "IMPRESSION", 1000, "LIKE", 60,
                                                "COMMENT", 10))));
        Answers.cost(ws, "AD_SPEND", "40", "2026-11-05", ",\"campaignId\":\"" + campaignA + "\"");
        Answers.cost(ws, "PRODUCTION", "10", "2026-11-06", ",\"postId\":\"" + post1 + "\"");
        Answers.cost(ws, "AD_SPEND", "25", "2026-11-30", ",\"campaignId\":\"" + campaignB + "\"");
        Answers.cost(ws, "TOOLS", "15", "2026-11-01", "");
        Answers.settings(ws, "30", "2", "5");

        JsonPath report = roi(ws, PERIOD + "&campaignId=" + campaignA + "&model=LINEAR");
        assertEquals("post", report.getString("groupBy"));
        assertEquals(campaignA.toString(), report.getString("campaignId"));
        assertEquals(List.of(post1.toString(), post3.toString(), "unassigned"), report.getList("rows.key"));
        assertEquals(List.of("Buy now", "Thread", "Not tied to a post"), report.getList("rows.label"));
        // Buy now: 10 production + 10 comments x 2 min at 30/h; Thread: nothing spent; the campaign's 40 ad spend
        // is tied to none of its posts.
        assertEquals(List.of("20.00", "0.00", "40.00"), report.getList("rows.spend.amount"));
        assertEquals(List.of("90.00", "30.00", "0.00"), report.getList("rows.revenue.amount"));
        assertEquals(List.of("ACTION", "TRUST"), report.getList("rows.funnelStage").subList(0, 2));
        assertTotalsAreTheSumOfRows(report);
        // The totals are Spring sale's row of the report grouped by campaign.
        Map<String, Object> totals = report.getMap("totals");
        Map<String, Object> spring = roi(ws, PERIOD + "&groupBy=campaign&model=LINEAR").getMap("rows[0]");
        for (String money : List.of("spend", "revenue", "profit", "cac", "cpl", "ltv")) {
            assertEquals(amount(spring, money), amount(totals, money), money);
        }
        assertEquals("60.00", amount(totals, "spend"));
        assertEquals("120.00", amount(totals, "revenue"));
        assertNumber(1.0, totals.get("roi"));
        assertNumber(3.0, totals.get("conversions"));
        assertNumber(1.0, totals.get("customers"));
        // 3 converting people (the campaign's row) of the 55 who engaged for real with the campaign.
        assertNumber(0.0545, totals.get("conversionRate"));
        assertEquals("80.00", amount(totals, "ltv"));
        assertEquals("0.00", report.getString("unattributed.revenue.amount"));

        JsonPath unknown = roi(ws, PERIOD + "&campaignId=" + UUID.randomUUID());
        assertEquals(List.of(), unknown.getList("rows"));
        assertEquals("0.00", unknown.getString("totals.revenue.amount"));
    }

    @Test
    void campaignIdNarrowsOnlyThePostsGroupingAndKeepsTenancy() {
        String path = "/workspaces/" + ws + "/reports/roi?" + PERIOD;
        String token = TestTokens.workspace(ws, "reports:read");
        for (String query : List.of("&campaignId=nope", "&campaignId=" + campaignA + "&groupBy=campaign",
                "&campaignId=" + campaignA + "&groupBy=platform")) {
            given().auth().oauth2(token).get(path + query).then().statusCode(422)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("campaignId"));
        }
        given().auth().oauth2(TestTokens.workspace(UUID.randomUUID(), "reports:read"))
                .get(path + "&campaignId=" + campaignA).then().statusCode(404).contentType("application/problem+json");
        given().get(path + "&campaignId=" + campaignA).then().statusCode(401);
    }

    /**
     * model=DATA_DRIVEN and its method go to conversion-service as given; the report echoes them and says in a note
     * what the model learned from, and its fallback when it fell back.
     */
    @Test
    void dataDrivenIsPassedThroughWithItsMethodAndExplainedInANote() {
        twoCampaigns();
        Answers.onAttribution(ws, group -> attribution("DATA_DRIVEN",
                withPeople(attributionRow(null, "4.5", "150.00", "3.5", "1"), 4, 3, 1),
                attributionRow(null, "2", "50.00", "1", "0"), "3", "80.00",
                withPeople(attributionRow(campaignA.toString(), "3.2", "125.00", "2", "1"), 3, 2, 1),
                withPeople(attributionRow(campaignB.toString(), "1.3", "25.00", "1.5", "0"), 2, 2, 0))
                .replaceFirst("}$", ",\"dataDriven\":{\"method\":\"LINEAR\",\"requestedMethod\":\"SHAPLEY\","
                        + "\"convertingJourneys\":4,\"nonConvertingJourneys\":9,\"channels\":2,\"effects\":[],"
                        + "\"note\":\"Fewer than 30 converting journeys with a counted touch in the period (4).\"}}"));
        JsonPath report = roi(ws, PERIOD + "&groupBy=campaign&model=data_driven&method=shapley");
        assertEquals("DATA_DRIVEN", report.getString("attribution.model"));
        assertEquals("SHAPLEY", report.getString("attribution.method"));
        assertEquals("125.00", report.getString("rows.find { it.key == '" + campaignA + "' }.revenue.amount"));
        assertTrue(report.getList("notes", String.class).contains("Data-driven credit (LINEAR), learned from 4 "
                + "converting and 9 non-converting journeys over 2 channels. Fewer than 30 converting journeys with a "
                + "counted touch in the period (4)."), report.getList("notes").toString());
        FakeServer.Recorded call = FakeServices.conversion().requests().stream()
                .filter(r -> r.path().equals("/workspaces/" + ws + "/attribution")).reduce((a, b) -> b).orElseThrow();
        assertTrue(call.query().contains("model=DATA_DRIVEN"), call.query());
        assertTrue(call.query().contains("method=SHAPLEY"), call.query());
        // Without method nothing is sent and nothing is echoed: conversion-service's default (MARKOV) applies.
        assertNull(roi(ws, PERIOD + "&groupBy=campaign&model=LINEAR").get("attribution.method"));
    }

    @Test
    void badParametersAreProblems() {
        String path = "/workspaces/" + ws + "/reports/roi?";
        String token = TestTokens.workspace(ws, "reports:read");
        Map<String, String> cases = Map.of("from=2026-13-01", "from", "to=yesterday", "to",
                "from=2026-11-10&to=2026-11-01", "to", "groupBy=day", "groupBy", "model=MAGIC", "model",
                "lookbackDays=0", "lookbackDays", "halfLifeDays=-2", "halfLifeDays", "touchTypes=LIKE,PRAYER",
                "touchTypes", "from=2020-01-01&to=2026-01-01", "to", "model=DATA_DRIVEN&method=BAYES", "method");
        cases.forEach((query, field) -> given().auth().oauth2(token).get(path + query).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field)));
        given().auth().oauth2(token).accept("text/csv").get(path + "groupBy=day").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("groupBy"));
    }

    @Test
    void authScopeAndTenancy() {
        String path = "/workspaces/" + ws + "/reports/roi";
        given().get(path).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(ws, "costs:write")).get(path).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(UUID.randomUUID(), "reports:read")).get(path).then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(TestTokens.admin()).get("/workspaces/" + UUID.randomUUID() + "/reports/roi").then()
                .statusCode(404).body("title", equalTo("Not Found")).body("errors", nullValue());
        given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).get(path + "?groupBy=nope").then()
                .body("errors", hasSize(1)).body("errors.field", contains("groupBy"));
    }

    static String amount(Map<String, Object> row, String field) {
        @SuppressWarnings("unchecked")
        Map<String, Object> money = (Map<String, Object>) row.get(field);
        return money == null ? null : (String) money.get("amount");
    }

    static void assertNumber(double expected, Object actual) {
        assertTrue(actual instanceof Number, "expected a number but was " + actual);
        assertEquals(expected, ((Number) actual).doubleValue(), 1e-6);
    }

    /** Every additive field of the totals equals the sum of the rows' (money exactly, shared credit to 1e-6, as JSON floats). */
    static void assertTotalsAreTheSumOfRows(JsonPath report) {
        List<Map<String, Object>> rows = report.getList("rows");
        Map<String, Object> totals = report.getMap("totals");
        for (String money : List.of("spend", "adSpend", "communityManagement", "revenue", "profit")) {
            BigDecimal sum = rows.stream().map(r -> new BigDecimal(amount(r, money))).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            assertEquals(0, sum.compareTo(new BigDecimal(amount(totals, money))), money);
        }
        for (String count : List.of("conversions", "leads", "customers", "engagements", "rawEngagements",
                "flaggedEngagements", "impressions")) {
            double sum = rows.stream().mapToDouble(r -> ((Number) r.get(count)).doubleValue()).sum();
            assertEquals(sum, ((Number) totals.get(count)).doubleValue(), 1e-6, count);
        }
    }
}
