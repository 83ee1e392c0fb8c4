package io.socialroi.conversion.attribution;

import static io.restassured.RestAssured.given;
import static io.socialroi.conversion.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.conversion.Api;
import io.socialroi.conversion.FakeServices;
import io.socialroi.conversion.Fakes;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.TestTokens;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AttributionResourceTest {

    static final String P1 = "11111111-1111-1111-1111-111111111111";
    static final String P2 = "22222222-2222-2222-2222-222222222222";
    static final String CAMPAIGN = "33333333-3333-3333-3333-333333333333";

    @FakeServices.Inject
    Fakes fakes;

    @Inject
    DataSource dataSource;


    @AfterEach
    void closeBreaker() {
        io.socialroi.common.remote.RemotePolicy.resetAll();
    }

    static String touch(String eventId, String type, String platform, String postId, String stage, String actorId,
            String clickId, String at) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"platform\":\"" + platform + "\","
                + "\"postId\":\"" + postId + "\",\"campaignId\":\"" + CAMPAIGN + "\",\"funnelStage\":\"" + stage + "\","
                + "\"actorId\":\"" + actorId + "\",\"clickId\":" + (clickId == null ? "null" : "\"" + clickId + "\"")
                + ",\"occurredAt\":\"" + at + "\",\"retargeting\":false}";
    }

    /**
     * cust-1 (Instagram actor ig:1) liked P1 on Instagram, clicked P2's link on TikTok as tt:7 (the click
     * c-1) after commenting on it, then bought for 120. The fake answers more than asked (an unrelated
     * actor, an impression, a like long ago); the capture keeps what belongs to the person.
     */
    void engagementKnows(UUID ws) {
        String items = String.join(",", List.of(
                touch("e0", "LIKE", "INSTAGRAM", P1, "ATTENTION", "ig:1", null, "2026-09-01T10:00:00Z"),
                touch("e1", "LIKE", "INSTAGRAM", P1, "ATTENTION", "ig:1", null, "2026-11-10T10:00:00Z"),
                touch("e2", "IMPRESSION", "INSTAGRAM", P1, "ATTENTION", "ig:1", null, "2026-11-12T10:00:00Z"),
                touch("e3", "COMMENT", "TIKTOK", P2, "ACTION", "tt:7", null, "2026-11-18T10:00:00Z"),
                touch("e4", "CLICK", "TIKTOK", P2, "ACTION", "tt:7", "c-1", "2026-11-19T10:00:00Z"),
                touch("e5", "LIKE", "TIKTOK", P2, "ACTION", "tt:999", null, "2026-11-19T11:00:00Z")));
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search",
                FakeServer.Reply.json(200, "{\"items\":[" + items + "]}"));
    }

    UUID journeyWorkspace() {
        UUID ws = fakes.workspace("Europe/Rome", "EUR");
        engagementKnows(ws);
        as(ws).body("{\"customerId\":\"cust-1\",\"actorId\":\"ig:1\",\"platform\":\"INSTAGRAM\"}")
                .post("/workspaces/" + ws + "/identities").then().statusCode(201);
        Api.purchase(ws, "order-1", "cust-1", "120.00", "2026-11-20T12:00:00Z", "\"clickId\":\"c-1\"");
        Api.conversion(ws, "lead-1", "LEAD", "cust-2", "2026-11-20T13:00:00Z", null);
        return ws;
    }

    String attribution(UUID ws) {
        return "/workspaces/" + ws + "/attribution";
    }

    @Test
    void lastTouchCreditsTheClickedPostAndReportsTheRestAsUnattributed() {
        UUID ws = journeyWorkspace();
        as(ws).get(attribution(ws) + "?from=2026-11-20&to=2026-11-20").then().statusCode(200)
                .body("model", equalTo("LAST_TOUCH")).body("groupBy", equalTo("post")).body("lookbackDays", equalTo(30))
                .body("rows", hasSize(1)).body("rows[0].key", equalTo(P2)).body("rows[0].conversions", equalTo(1))
                .body("rows[0].revenue.amount", equalTo("120.00")).body("rows[0].purchases", equalTo(1))
                .body("rows[0].newCustomers", equalTo(1)).body("rows[0].leads", equalTo(0))
                .body("attributed.conversions", equalTo(1)).body("attributed.revenue.amount", equalTo("120.00"))
                .body("unattributed.conversions", equalTo(1)).body("unattributed.leads", equalTo(1))
                .body("unattributed.revenue.amount", equalTo("0.00")).body("totals.conversions", equalTo(2))
                .body("customers", equalTo(1)).body("ltv.amount", equalTo("120.00"))
                .body("touchTypes", hasSize(9));
        String csv = as(ws).accept("text/csv").get(attribution(ws) + "?from=2026-11-20&to=2026-11-20").then()
                .statusCode(200).extract().asString();
        assertEquals("key,label,conversions,revenue,currency,leads,purchases,newCustomers,convertingPeople,leadPeople,"
                + "newCustomerPeople,leadOrCustomerPeople,ltv,funnelStage,platform,campaignId\n"
                + P2 + "," + P2 + ",1,120.00,EUR,0,1,1,1,0,1,1,120.00,ACTION,TIKTOK," + CAMPAIGN + "\n"
                + "attributed,Attributed,1,120.00,EUR,0,1,1,1,0,1,1,120.00,,,\n"
                + "unattributed,Unattributed,1,0.00,EUR,1,0,0,1,1,0,1,,,,\n", csv);
        FakeServer.Recorded search = fakes.engagement.requests().stream()
                .filter(r -> r.path().equals("/workspaces/" + ws + "/touchpoints/search")).findFirst().orElseThrow();
        assertTrue(search.header("Authorization").startsWith("Bearer "), "the service's own token");
        assertTrue(search.body().contains("\"actorIds\":[\"ig:1\"]"), search.body());
        assertTrue(search.body().contains("\"clickIds\":[\"c-1\"]"), search.body());
    }

    @Test
    void modelsWindowAndTouchTypesShareTheCredit() {
        UUID ws = journeyWorkspace();
        // LINEAR over LIKE (ig:1), COMMENT and CLICK (tt:7, the actor of click c-1); the impression does not count.
        as(ws).get(attribution(ws) + "?model=LINEAR&groupBy=platform").then().statusCode(200)
                .body("rows.key", contains("TIKTOK", "INSTAGRAM"))
                .body("rows[0].conversions", equalTo(0.666667f)).body("rows[0].revenue.amount", equalTo("80.00"))
                .body("rows[1].conversions", equalTo(0.333333f)).body("rows[1].revenue.amount", equalTo("40.00"))
                .body("rows[1].label", equalTo("Instagram")).body("attributed.revenue.amount", equalTo("120.00"));
        as(ws).get(attribution(ws) + "?model=LINEAR&groupBy=platform&touchTypes=CLICK").then().statusCode(200)
                .body("rows.key", contains("TIKTOK")).body("rows[0].conversions", equalTo(1));
        as(ws).get(attribution(ws) + "?model=LINEAR&groupBy=platform&touchTypes=like,IMPRESSION").then()
                .statusCode(200).body("rows.key", contains("INSTAGRAM")).body("rows[0].revenue.amount", equalTo("120.00"));
        // The like of September 1st is 80 days back: outside the default 30 days, inside 90.
        as(ws).get(attribution(ws) + "?model=FIRST_TOUCH&groupBy=funnelStage").then().statusCode(200)
                .body("rows.key", contains("ATTENTION"));
        // Over 90 days, likes and clicks: e0, e1 (P1) and e4 (P2): 40% + 20% to P1, 40% to P2.
        as(ws).get(attribution(ws) + "?model=POSITION_BASED&groupBy=post&lookbackDays=90&touchTypes=LIKE,CLICK").then()
                .statusCode(200).body("rows.key", contains(P1, P2)).body("rows[0].conversions", equalTo(0.6f))
                .body("rows[0].revenue.amount", equalTo("72.00")).body("rows[1].revenue.amount", equalTo("48.00"));
        as(ws).get(attribution(ws) + "?model=TIME_DECAY&groupBy=campaign&halfLifeDays=3.5").then().statusCode(200)
                .body("rows.key", contains(CAMPAIGN)).body("rows[0].conversions", equalTo(1));
        as(ws).get(attribution(ws) + "/compare?models=FIRST_TOUCH,LAST_TOUCH&groupBy=platform").then().statusCode(200)
                .body("models", contains("FIRST_TOUCH", "LAST_TOUCH"))
                .body("rows.key", contains("INSTAGRAM", "TIKTOK"))
                .body("rows[0].models.FIRST_TOUCH.revenue.amount", equalTo("120.00"))
                .body("rows[0].models.LAST_TOUCH.revenue.amount", equalTo("0.00"))
                .body("rows[1].models.LAST_TOUCH.conversions", equalTo(1))
                .body("attributed.conversions", equalTo(1)).body("unattributed.conversions", equalTo(1));
        as(ws).get(attribution(ws) + "/compare?groupBy=platform").then().statusCode(200)
                .body("models", hasSize(5));
    }

    @Test
    void periodsAreLocalDatesAndLtvCountsRepeatPurchases() {
        UUID ws = journeyWorkspace();
        // 23:30 UTC on the 24th is the 25th in Rome; a repeat purchase of cust-1 after the period.
        Api.purchase(ws, "order-2", "cust-1", "30.00", "2026-11-24T23:30:00Z", null);
        Api.purchase(ws, "order-3", "cust-3", "10.00", "2026-11-25T08:00:00Z", null);
        as(ws).get(attribution(ws) + "?from=2026-11-20&to=2026-11-24").then().statusCode(200)
                .body("totals.conversions", equalTo(2)).body("customers", equalTo(1)).body("ltv.amount", equalTo("150.00"));
        as(ws).get(attribution(ws) + "?from=2026-11-25&to=2026-11-25").then().statusCode(200)
                .body("totals.conversions", equalTo(2)).body("totals.purchases", equalTo(2))
                .body("totals.newCustomers", equalTo(1)).body("customers", equalTo(1)).body("ltv.amount", equalTo("10.00"));
        as(ws).get(attribution(ws) + "?from=2026-11-26").then().statusCode(200)
                .body("totals.conversions", equalTo(0)).body("customers", equalTo(0)).body("ltv.amount", equalTo("0.00"));
    }

    @Test
    void touchpointsAreCapturedOnceAndAgainForNewIdentities() throws Exception {
        UUID ws = journeyWorkspace();
        as(ws).get(attribution(ws)).then().statusCode(200);
        long searches = searches(ws);
        assertEquals(1, searches, "one batched search for both conversions");
        assertEquals(5, snapshotRows(ws), "e0, e1, e2 of ig:1 and e3, e4 of tt:7 (the actor of click c-1)");
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search", FakeServer.Reply.json(500, "{}"));
        as(ws).get(attribution(ws) + "?model=LINEAR").then().statusCode(200).body("attributed.conversions", equalTo(1));
        assertEquals(searches, searches(ws), "reports read captured touchpoints");
        as(ws).body("{\"customerId\":\"cust-1\",\"actorId\":\"fb:5\",\"platform\":\"FACEBOOK\"}")
                .post("/workspaces/" + ws + "/identities").then().statusCode(201);
        as(ws).get(attribution(ws)).then().statusCode(503).contentType("application/problem+json")
                .body("title", containsString("engagement-service")).header("Retry-After", equalTo("5"));
        assertEquals(5, snapshotRows(ws), "the failed capture changed nothing");
        engagementKnows(ws);
        as(ws).get(attribution(ws)).then().statusCode(200).body("attributed.conversions", equalTo(1));
        FakeServer.Recorded last = fakes.engagement.requests().stream()
                .filter(r -> r.path().equals("/workspaces/" + ws + "/touchpoints/search")).reduce((a, b) -> b)
                .orElseThrow();
        assertTrue(last.body().contains("fb:5"), last.body());
    }

    @Test
    void engagementDownIsA503AndNothingIsHalfWritten() throws Exception {
        UUID ws = fakes.workspace();
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search",
                FakeServer.Reply.json(200, "{\"items\":[]}").delayed(3000));
        Api.purchase(ws, "slow", "cust-9", "5.00", "2026-11-20T12:00:00Z", "\"actorIds\":[\"ig:9\"]");
        as(ws).get(attribution(ws)).then().statusCode(503).contentType("application/problem+json")
                .body("title", equalTo("engagement-service unavailable"));
        as(ws).get("/workspaces/" + ws + "/conversions").then().body("items[0].touchpoints", equalTo("PENDING"));
        assertEquals(0, snapshotRows(ws));
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search", FakeServer.Reply.json(503, "{}"));
        as(ws).get(attribution(ws)).then().statusCode(503).body("detail", containsString("503"));
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search",
                FakeServer.Reply.json(200, "{\"items\":[]}"));
        io.socialroi.common.remote.RemotePolicy.resetAll();
        as(ws).get(attribution(ws)).then().statusCode(200).body("unattributed.conversions", equalTo(1))
                .body("rows", hasSize(0));
        as(ws).get("/workspaces/" + ws + "/conversions").then().body("items[0].touchpoints", equalTo("CAPTURED"));
    }

    @Test
    void circuitBreakerStopsCallingAFailingEngagementService() {
        UUID ws = fakes.workspace();
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search", FakeServer.Reply.json(500, "{}"));
        Api.purchase(ws, "cb", "cust-8", "5.00", "2026-11-20T12:00:00Z", "\"actorIds\":[\"ig:8\"]");
        // The suite's one policy (suite-common RemotePolicy): the breaker opens once half of the last
        // suite.remote.breaker.window (20) calls failed; a POST search is never retried.
        for (int i = 0; i < 20; i++) {
            as(ws).get(attribution(ws)).then().statusCode(503);
        }
        long calls = searches(ws);
        as(ws).get(attribution(ws)).then().statusCode(503).body("detail", containsString("paused"));
        assertEquals(calls, searches(ws), "an open breaker does not call engagement-service");
    }

    @Test
    void captureBatchesManyConversionsIntoSearchesOfAtMostTwoHundredIds() throws Exception {
        UUID ws = fakes.workspace();
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search",
                FakeServer.Reply.json(200, "{\"items\":[]}"));
        StringBuilder batch = new StringBuilder("[");
        for (int c = 0; c < 12; c++) {
            StringBuilder actors = new StringBuilder();
            for (int a = 0; a < 100; a++) {
                actors.append(a == 0 ? "" : ",").append("\"ig:").append(c).append('-').append(a).append('"');
            }
            batch.append(c == 0 ? "" : ",").append("{\"eventId\":\"b").append(c).append("\",\"type\":\"LEAD\",")
                    .append("\"occurredAt\":\"2026-11-2").append(c % 3).append("T10:00:00Z\",\"customerId\":\"c")
                    .append(c).append("\",\"actorIds\":[").append(actors).append("]}");
        }
        as(ws).body(batch.append("]").toString()).post("/workspaces/" + ws + "/conversions").then().statusCode(200)
                .body("accepted", equalTo(12));
        as(ws).get(attribution(ws)).then().statusCode(200).body("unattributed.conversions", equalTo(12));
        List<FakeServer.Recorded> searches = fakes.engagement.requests().stream()
                .filter(r -> r.path().equals("/workspaces/" + ws + "/touchpoints/search")).toList();
        // 12 people of 100 actors each, two per search (suite.capture.search-ids = 200).
        assertEquals(6, searches.size());
        java.util.Set<String> asked = new java.util.HashSet<>();
        for (FakeServer.Recorded search : searches) {
            List<String> ids = io.restassured.path.json.JsonPath.from(search.body()).getList("actorIds");
            assertTrue(ids.size() <= 200, "at most 200 ids per search");
            asked.addAll(ids);
        }
        assertEquals(1200, asked.size());
        assertEquals(0, snapshotRows(ws));
        as(ws).get("/workspaces/" + ws + "/conversions?limit=500").then()
                .body("items.touchpoints", org.hamcrest.Matchers.everyItem(equalTo("CAPTURED")));
    }

    @Test
    void badParametersAndAccessAreProblems() {
        UUID ws = fakes.workspace();
        String path = attribution(ws);
        for (String[] bad : List.of(new String[] {"model=BEST", "model"}, new String[] {"lookbackDays=0", "lookbackDays"},
                new String[] {"lookbackDays=91", "lookbackDays"}, new String[] {"lookbackDays=x", "lookbackDays"},
                new String[] {"halfLifeDays=-1", "halfLifeDays"}, new String[] {"touchTypes=POKE", "touchTypes"},
                new String[] {"from=2026-13-01", "from"}, new String[] {"from=2026-11-02&to=2026-11-01", "to"},
                new String[] {"groupBy=day", "groupBy"}, new String[] {"model=LINEAR,FIRST_TOUCH", "model"})) {
            as(ws).get(path + "?" + bad[0]).then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[1]));
        }
        as(ws).get(path + "/compare?models=LINEAR,NOPE").then().statusCode(422).body("errors[0].field", equalTo("models"));
        given().get(path).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(ws, "engagement:read")).get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.workspace(UUID.randomUUID(), "conversions:read")).get(path).then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.workspace(UUID.randomUUID(), "conversions:read")).get(path + "/compare")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.service("conversions:read", "reports:read")).get(path).then().statusCode(200)
                .body("rows", hasSize(0)).body("attributed.revenue.currency", equalTo("EUR"));
    }

    long searches(UUID ws) {
        return fakes.engagement.requests().stream()
                .filter(r -> r.path().equals("/workspaces/" + ws + "/touchpoints/search")).count();
    }

    int snapshotRows(UUID ws) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM conversion_touchpoint WHERE workspace_id = ?")) {
            s.setObject(1, ws);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
