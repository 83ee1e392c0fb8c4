package io.socialroi.conversion.attribution;

import static io.socialroi.conversion.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.conversion.FakeServices;
import io.socialroi.conversion.Fakes;
import io.socialroi.testing.FakeServer;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Path analysis through the endpoint, on PostgreSQL, against journeys worked out by hand (workspace in UTC, EUR,
 * period 2026-10-01..31, default lookback 30 days and touch types, every touch a LIKE unless said otherwise):
 *
 * <pre>
 * c1  IG/ATTENTION 10-01 10:00, IG/INTEREST 10-02 10:00, EMAIL/ACTION 10-03 10:00; buys 30.00 10-04 10:00
 *     platform INSTAGRAM > EMAIL (repeat collapsed), stage ATTENTION > INTEREST > ACTION; 3 d = 259,200 s
 *     c1 buys again 10-25 after a WHATSAPP touch 10-24: a repeat purchase, in no path
 * c2  FACEBOOK IMPRESSION 10-04 12:00 (not a default touch type), IG/ATTENTION 10-05 00:00, EMAIL/ACTION 10-06 00:00;
 *     buys 20.00 10-06 12:00: INSTAGRAM > EMAIL, ATTENTION > ACTION; 1.5 d = 129,600 s
 * c3  TIKTOK/ATTENTION 10-10 00:00, IG/TRUST 06:00, EMAIL/ACTION 12:00; buys 50.00 10-11 00:00:
 *     TIKTOK > INSTAGRAM > EMAIL, ATTENTION > TRUST > ACTION; 86,400 s
 * c4  IG/INTEREST 10-20 00:00, IG/INTEREST 01:00, EMAIL/ACTION 02:00; buys 10.00 03:00: INSTAGRAM > EMAIL,
 *     INTEREST > ACTION; 10,800 s
 * c5  FACEBOOK, TIKTOK, YOUTUBE, PINTEREST, LINKEDIN, X (ATTENTION) 10-12 00:00..05:00, EMAIL/ACTION 06:00;
 *     buys 40.00 10:00: seven steps, past maxLength 6: FACEBOOK > TIKTOK > YOUTUBE > PINTEREST > … > EMAIL;
 *     ATTENTION > ACTION; 36,000 s
 * c6  buys 25.00 10-15 without any touch: unattributed
 * c8  bought 09-20 (before the period), buys again 10-05 after an IG touch: not a first purchase
 * c9  a LEAD 10-08 after an IG touch; x10 a PURCHASE without customer 10-09 after an IG touch: neither is one
 * Non-converting (touches in the period, first purchase 11-05, after it):
 * n1  IG/ATTENTION 10-25, EMAIL/ACTION 10-26   n2  IG/ATTENTION 10-27, 10-28
 * n3  IG/INTEREST 10-28, EMAIL/ACTION 10-29    n4  TIKTOK/ATTENTION 10-29
 *
 * First purchases 6 (175.00), with a path 5 (150.00), unattributed 1 (25.00, share 1/6).
 * By platform:  INSTAGRAM > EMAIL     3 (c1 c2 c4) 60.00  share 1/2  non-conv 2 (n1 n3)  rate 3/5 = 0.6
 *                 seconds 259,200 129,600 10,800: median 129,600, mean 399,600 / 3 = 133,200
 *               FACEBOOK > … > EMAIL  1  40.00 share 0.166667 rate 1  36,000 s  (F before T: by path on a tie)
 *               TIKTOK > INSTAGRAM > EMAIL 1 50.00 rate 1  86,400 s
 *               attributed: 3 paths, 4 non-converting, rate 5/9 = 0.555556; seconds 10,800 36,000 86,400 129,600
 *               259,200: median 86,400, mean 522,000 / 5 = 104,400
 * By stage:     ATTENTION > ACTION    2 (c2 c5) 60.00 share 1/3  non-conv 1 (n1)  rate 2/3; median = mean =
 *                 (36,000 + 129,600) / 2 = 82,800
 *               ATTENTION > INTEREST > ACTION 1 (c1), ATTENTION > TRUST > ACTION 1 (c3), INTEREST > ACTION 1 (c4)
 *                 with n3: rate 1/2
 * </pre>
 */
@QuarkusTest
class PathAnalysisTest {

    @FakeServices.Inject
    Fakes fakes;

    @Inject
    AttributionService service;

    @Inject
    ObjectMapper json;

    record Touch(String id, String type, String platform, String stage, String actor, String at) {

        String json() {
            return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"platform\":\"" + platform + "\","
                    + "\"postId\":\"" + UUID.nameUUIDFromBytes((platform + stage).getBytes()) + "\",\"campaignId\":null,"
                    + "\"funnelStage\":\"" + stage + "\",\"actorId\":\"" + actor + "\",\"clickId\":null,"
                    + "\"occurredAt\":\"" + at + "\",\"retargeting\":false}";
        }
    }

    record Conversion(String eventId, String type, String customer, String amount, String at, String actor) {

        String json(boolean withActor) {
            return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\""
                    + (amount == null ? "" : ",\"value\":{\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}")
                    + ",\"occurredAt\":\"" + at + "\"" + (customer == null ? "" : ",\"customerId\":\"" + customer + "\"")
                    + (withActor ? ",\"actorIds\":[\"" + actor + "\"]" : "") + "}";
        }
    }

    static final List<Touch> TOUCHES = new ArrayList<>();
    static final List<Conversion> CONVERSIONS = new ArrayList<>();

    static void touch(String id, String platform, String stage, String actor, String at) {
        TOUCHES.add(new Touch(id, "LIKE", platform, stage, actor, at));
    }

    static void buy(String eventId, String customer, String amount, String at) {
        CONVERSIONS.add(new Conversion(eventId, "PURCHASE", customer, amount, at, "a:" + customer));
    }

    static {
        touch("c1-1", "INSTAGRAM", "ATTENTION", "a:c1", "2026-10-01T10:00:00Z");
        touch("c1-2", "INSTAGRAM", "INTEREST", "a:c1", "2026-10-02T10:00:00Z");
        touch("c1-3", "EMAIL", "ACTION", "a:c1", "2026-10-03T10:00:00Z");
        buy("c1-order", "c1", "30.00", "2026-10-04T10:00:00Z");
        touch("c1-4", "WHATSAPP", "ACTION", "a:c1", "2026-10-24T10:00:00Z");
        buy("c1-repeat", "c1", "99.00", "2026-10-25T10:00:00Z");

        TOUCHES.add(new Touch("c2-0", "IMPRESSION", "FACEBOOK", "ATTENTION", "a:c2", "2026-10-04T12:00:00Z"));
        touch("c2-1", "INSTAGRAM", "ATTENTION", "a:c2", "2026-10-05T00:00:00Z");
        touch("c2-2", "EMAIL", "ACTION", "a:c2", "2026-10-06T00:00:00Z");
        buy("c2-order", "c2", "20.00", "2026-10-06T12:00:00Z");

        touch("c3-1", "TIKTOK", "ATTENTION", "a:c3", "2026-10-10T00:00:00Z");
        touch("c3-2", "INSTAGRAM", "TRUST", "a:c3", "2026-10-10T06:00:00Z");
        touch("c3-3", "EMAIL", "ACTION", "a:c3", "2026-10-10T12:00:00Z");
        buy("c3-order", "c3", "50.00", "2026-10-11T00:00:00Z");

        touch("c4-1", "INSTAGRAM", "INTEREST", "a:c4", "2026-10-20T00:00:00Z");
        touch("c4-2", "INSTAGRAM", "INTEREST", "a:c4", "2026-10-20T01:00:00Z");
        touch("c4-3", "EMAIL", "ACTION", "a:c4", "2026-10-20T02:00:00Z");
        buy("c4-order", "c4", "10.00", "2026-10-20T03:00:00Z");

        String[] long7 = {"FACEBOOK", "TIKTOK", "YOUTUBE", "PINTEREST", "LINKEDIN", "X", "EMAIL"};
        for (int i = 0; i < long7.length; i++) {
            touch("c5-" + i, long7[i], i == 6 ? "ACTION" : "ATTENTION", "a:c5", "2026-10-12T0" + i + ":00:00Z");
        }
        buy("c5-order", "c5", "40.00", "2026-10-12T10:00:00Z");

        buy("c6-order", "c6", "25.00", "2026-10-15T12:00:00Z");

        buy("c8-first", "c8", "15.00", "2026-09-20T12:00:00Z");
        touch("c8-1", "INSTAGRAM", "ATTENTION", "a:c8", "2026-10-04T12:00:00Z");
        buy("c8-second", "c8", "15.00", "2026-10-05T12:00:00Z");

        touch("c9-1", "INSTAGRAM", "ATTENTION", "a:c9", "2026-10-07T12:00:00Z");
        CONVERSIONS.add(new Conversion("c9-lead", "LEAD", "c9", null, "2026-10-08T12:00:00Z", "a:c9"));
        touch("x10-1", "INSTAGRAM", "ATTENTION", "a:x10", "2026-10-08T12:00:00Z");
        CONVERSIONS.add(new Conversion("x10-order", "PURCHASE", null, "5.00", "2026-10-09T12:00:00Z", "a:x10"));

        touch("n1-1", "INSTAGRAM", "ATTENTION", "a:n1", "2026-10-25T10:00:00Z");
        touch("n1-2", "EMAIL", "ACTION", "a:n1", "2026-10-26T10:00:00Z");
        touch("n2-1", "INSTAGRAM", "ATTENTION", "a:n2", "2026-10-27T10:00:00Z");
        touch("n2-2", "INSTAGRAM", "ATTENTION", "a:n2", "2026-10-28T10:00:00Z");
        touch("n3-1", "INSTAGRAM", "INTEREST", "a:n3", "2026-10-28T10:00:00Z");
        touch("n3-2", "EMAIL", "ACTION", "a:n3", "2026-10-29T10:00:00Z");
        touch("n4-1", "TIKTOK", "ATTENTION", "a:n4", "2026-10-29T10:00:00Z");
        for (String n : List.of("n1", "n2", "n3", "n4")) {
            buy(n + "-order", n, "1.00", "2026-11-05T12:00:00Z");
        }
    }

    /** The data in its natural order: one batch, each conversion naming its actor. */
    UUID naturalOrder() {
        UUID ws = fakes.workspace("UTC", "EUR");
        engagementAnswers(ws, TOUCHES);
        as(ws).body("[" + String.join(",", CONVERSIONS.stream().map(c -> c.json(true)).toList()) + "]")
                .post("/workspaces/" + ws + "/conversions/batch").then().statusCode(200)
                .body("accepted", equalTo(CONVERSIONS.size()));
        return ws;
    }

    /**
     * The same data the other way round: conversions one at a time, latest first, the customers' actors linked only
     * after their purchases (so their conversions are captured again), engagement-service answering in reverse.
     */
    UUID reverseOrder() {
        UUID ws = fakes.workspace("UTC", "EUR");
        List<Touch> reversed = new ArrayList<>(TOUCHES);
        Collections.reverse(reversed);
        engagementAnswers(ws, reversed);
        List<Conversion> conversions = new ArrayList<>(CONVERSIONS);
        Collections.reverse(conversions);
        for (Conversion c : conversions) {
            as(ws).body(c.json(c.customer() == null)).post("/workspaces/" + ws + "/conversions").then().statusCode(201);
        }
        // Read a report before the identities exist: its captures are stale once they are linked.
        as(ws).get(paths(ws, "")).then().statusCode(200).body("attributed.conversions", equalTo(0));
        conversions.stream().filter(c -> c.customer() != null).map(Conversion::customer).distinct().forEach(customer ->
                as(ws).body("{\"customerId\":\"" + customer + "\",\"actorId\":\"a:" + customer + "\",\"platform\":"
                        + "\"INSTAGRAM\"}").post("/workspaces/" + ws + "/identities").then().statusCode(201));
        return ws;
    }

    /**
     * engagement-service holds every touch: the touchpoint search answers them, and the journey search answers the
     * journeys of the actors conversion-service does not exclude (here every actor converts, so none).
     */
    void engagementAnswers(UUID ws, List<Touch> touches) {
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search", FakeServer.Reply.json(200,
                "{\"items\":[" + String.join(",", touches.stream().map(Touch::json).toList()) + "]}"));
        fakes.journeys(ws, touches.stream().map(Touch::json).toList());
    }

    static String paths(UUID ws, String query) {
        return "/workspaces/" + ws + "/attribution/paths?from=2026-10-01&to=2026-10-31" + query;
    }

    @Test
    void platformPathsCountsRatesAndTimesAsComputedByHand() throws Exception {
        UUID ws = naturalOrder();
        as(ws).get(paths(ws, "")).then().statusCode(200)
                .body("by", equalTo("platform")).body("maxLength", equalTo(6)).body("limit", equalTo(20))
                .body("lookbackDays", equalTo(30)).body("currency", equalTo("EUR"))
                .body("rows.key", contains("INSTAGRAM > EMAIL", "FACEBOOK > TIKTOK > YOUTUBE > PINTEREST > … > EMAIL",
                        "TIKTOK > INSTAGRAM > EMAIL"))
                .body("rows[0].path", contains("INSTAGRAM", "EMAIL"))
                .body("rows[0].label", equalTo("Instagram > Email"))
                .body("rows[0].elided", equalTo(false))
                .body("rows[0].conversions", equalTo(3)).body("rows[0].revenue.amount", equalTo("60.00"))
                .body("rows[0].share", equalTo(0.5f))
                .body("rows[0].nonConvertingJourneys", equalTo(2)).body("rows[0].journeys", equalTo(5))
                .body("rows[0].conversionRate", equalTo(0.6f))
                .body("rows[0].medianSecondsToConvert", equalTo(129_600))
                .body("rows[0].meanSecondsToConvert", equalTo(133_200))
                .body("rows[1].path", contains("FACEBOOK", "TIKTOK", "YOUTUBE", "PINTEREST", "…", "EMAIL"))
                .body("rows[1].elided", equalTo(true))
                .body("rows[1].label", equalTo("Facebook > Tiktok > Youtube > Pinterest > … > Email"))
                .body("rows[1].conversions", equalTo(1)).body("rows[1].revenue.amount", equalTo("40.00"))
                .body("rows[1].share", equalTo(0.166667f)).body("rows[1].conversionRate", equalTo(1))
                .body("rows[1].medianSecondsToConvert", equalTo(36_000))
                .body("rows[2].revenue.amount", equalTo("50.00")).body("rows[2].nonConvertingJourneys", equalTo(0))
                .body("rows[2].medianSecondsToConvert", equalTo(86_400))
                .body("rows[2].meanSecondsToConvert", equalTo(86_400))
                .body("attributed.conversions", equalTo(5)).body("attributed.revenue.amount", equalTo("150.00"))
                .body("attributed.share", equalTo(0.833333f)).body("attributed.paths", equalTo(3))
                .body("attributed.nonConvertingJourneys", equalTo(4)).body("attributed.journeys", equalTo(9))
                .body("attributed.conversionRate", equalTo(0.555556f))
                .body("attributed.medianSecondsToConvert", equalTo(86_400))
                .body("attributed.meanSecondsToConvert", equalTo(104_400))
                .body("unattributed.conversions", equalTo(1)).body("unattributed.revenue.amount", equalTo("25.00"))
                .body("unattributed.share", equalTo(0.166667f))
                .body("totals.conversions", equalTo(6)).body("totals.revenue.amount", equalTo("175.00"))
                .body("totals.share", equalTo(1))
                .body("note", containsString("belong to no converting person"));
        // Memory and SQL give the same answer, byte for byte.
        PathQuery q = PathQuery.parse("2026-10-01", "2026-10-31", "platform", null, null, null, null, 90);
        assertEquals(json.writeValueAsString(service.paths(ws, q, false)),
                json.writeValueAsString(service.paths(ws, q, true)));
    }

    /**
     * People who engaged in the period and never converted, from engagement-service's journey search: nv1 (IG, EMAIL)
     * and nv2 (IG, IG, EMAIL: collapsed) take INSTAGRAM > EMAIL, nv3 TIKTOK (no row of its own), nv4 only saw an
     * impression (not a counted type). INSTAGRAM > EMAIL: 3 conversions, 2 + 2 non-converting, rate 3/7 = 0.428571;
     * attributed: 4 + 3 = 7 non-converting, rate 5/12 = 0.416667.
     */
    @Test
    void neverConvertingJourneysLowerThePathConversionRates() throws Exception {
        UUID ws = fakes.workspace("UTC", "EUR");
        List<Touch> touches = new ArrayList<>(TOUCHES);
        touches.add(new Touch("nv1-1", "LIKE", "INSTAGRAM", "ATTENTION", "a:nv1", "2026-10-20T10:00:00Z"));
        touches.add(new Touch("nv1-2", "CLICK", "EMAIL", "ACTION", "a:nv1", "2026-10-21T10:00:00Z"));
        touches.add(new Touch("nv2-1", "LIKE", "INSTAGRAM", "ATTENTION", "a:nv2", "2026-10-22T10:00:00Z"));
        touches.add(new Touch("nv2-2", "VIEW", "INSTAGRAM", "INTEREST", "a:nv2", "2026-10-23T10:00:00Z"));
        touches.add(new Touch("nv2-3", "LIKE", "EMAIL", "ACTION", "a:nv2", "2026-10-24T10:00:00Z"));
        touches.add(new Touch("nv3-1", "SAVE", "TIKTOK", "ATTENTION", "a:nv3", "2026-10-25T10:00:00Z"));
        touches.add(new Touch("nv4-1", "IMPRESSION", "INSTAGRAM", "ATTENTION", "a:nv4", "2026-10-26T10:00:00Z"));
        engagementAnswers(ws, touches);
        as(ws).body("[" + String.join(",", CONVERSIONS.stream().map(c -> c.json(true)).toList()) + "]")
                .post("/workspaces/" + ws + "/conversions/batch").then().statusCode(200);
        as(ws).get(paths(ws, "")).then().statusCode(200)
                .body("rows.key", contains("INSTAGRAM > EMAIL", "FACEBOOK > TIKTOK > YOUTUBE > PINTEREST > … > EMAIL",
                        "TIKTOK > INSTAGRAM > EMAIL"))
                .body("rows[0].conversions", equalTo(3)).body("rows[0].nonConvertingJourneys", equalTo(4))
                .body("rows[0].journeys", equalTo(7)).body("rows[0].conversionRate", equalTo(0.428571f))
                .body("rows[1].conversionRate", equalTo(1)).body("rows[2].nonConvertingJourneys", equalTo(0))
                .body("attributed.nonConvertingJourneys", equalTo(7)).body("attributed.journeys", equalTo(12))
                .body("attributed.conversionRate", equalTo(0.416667f));
        PathQuery q = PathQuery.parse("2026-10-01", "2026-10-31", "platform", null, null, null, null, 90);
        assertEquals(json.writeValueAsString(service.paths(ws, q, false)),
                json.writeValueAsString(service.paths(ws, q, true)));
    }

    @Test
    void funnelStagePathsAsComputedByHand() throws Exception {
        UUID ws = naturalOrder();
        as(ws).get(paths(ws, "&by=funnelStage")).then().statusCode(200)
                .body("by", equalTo("funnelStage"))
                .body("rows.key", contains("ATTENTION > ACTION", "ATTENTION > INTEREST > ACTION",
                        "ATTENTION > TRUST > ACTION", "INTEREST > ACTION"))
                .body("rows.label", contains("Attention > Action", "Attention > Interest > Action",
                        "Attention > Trust > Action", "Interest > Action"))
                .body("rows.conversions", contains(2, 1, 1, 1))
                .body("rows.revenue.amount", contains("60.00", "30.00", "50.00", "10.00"))
                .body("rows.share", contains(0.333333f, 0.166667f, 0.166667f, 0.166667f))
                .body("rows.nonConvertingJourneys", contains(1, 0, 0, 1))
                .body("rows.conversionRate", contains(0.666667f, 1, 1, 0.5f))
                .body("rows.medianSecondsToConvert", contains(82_800, 259_200, 86_400, 10_800))
                .body("rows.meanSecondsToConvert", contains(82_800, 259_200, 86_400, 10_800))
                .body("attributed.paths", equalTo(4)).body("attributed.nonConvertingJourneys", equalTo(4));
        PathQuery q = PathQuery.parse("2026-10-01", "2026-10-31", "funnelStage", null, null, null, null, 90);
        assertEquals(json.writeValueAsString(service.paths(ws, q, false)),
                json.writeValueAsString(service.paths(ws, q, true)));
    }

    @Test
    void maxLengthLimitAndTouchTypesShapeThePaths() {
        UUID ws = naturalOrder();
        // maxLength 3: the seven steps keep the first one, "…" and the last; three steps stay as they are.
        as(ws).get(paths(ws, "&maxLength=3")).then().statusCode(200)
                .body("rows.key", contains("INSTAGRAM > EMAIL", "FACEBOOK > … > EMAIL", "TIKTOK > INSTAGRAM > EMAIL"))
                .body("rows.elided", contains(false, true, false));
        // limit 2: two rows, the totals still over every path.
        as(ws).get(paths(ws, "&limit=2")).then().statusCode(200).body("rows", hasSize(2))
                .body("attributed.paths", equalTo(3)).body("attributed.conversions", equalTo(5));
        // With impressions counted c2's path starts on Facebook, and its time from there: 10-04 12:00 to 10-06 12:00.
        as(ws).get(paths(ws, "&touchTypes=IMPRESSION,LIKE")).then().statusCode(200)
                .body("touchTypes", contains("IMPRESSION", "LIKE"))
                .body("rows.find { it.key == 'FACEBOOK > INSTAGRAM > EMAIL' }.conversions", equalTo(1))
                .body("rows.find { it.key == 'FACEBOOK > INSTAGRAM > EMAIL' }.medianSecondsToConvert",
                        equalTo(172_800))
                .body("rows.find { it.key == 'INSTAGRAM > EMAIL' }.conversions", equalTo(2));
        // Lookback 1 day: c1 keeps EMAIL only (10-03 10:00 is exactly one day before), c2 EMAIL (12 h before).
        as(ws).get(paths(ws, "&lookbackDays=1")).then().statusCode(200)
                .body("rows.find { it.key == 'EMAIL' }.conversions", equalTo(2))
                .body("rows.find { it.key == 'EMAIL' }.medianSecondsToConvert", equalTo(64_800));
    }

    @Test
    void theSameDataInAnotherOrderGivesTheSameAnswer() {
        UUID natural = naturalOrder();
        UUID reverse = reverseOrder();
        for (String query : List.of("", "&by=funnelStage", "&maxLength=3&limit=2", "&touchTypes=IMPRESSION,LIKE")) {
            String a = as(natural).get(paths(natural, query)).then().statusCode(200).extract().asString();
            String b = as(reverse).get(paths(reverse, query)).then().statusCode(200).extract().asString();
            assertEquals(a, b, query);
        }
        String csv = io.restassured.RestAssured.given().auth().oauth2(io.socialroi.testing.TestTokens.workspace(natural,
                "conversions:read")).accept("text/csv").get(paths(natural, "")).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertEquals(ReportCsv.PATHS_HEADER + "\n"
                + "INSTAGRAM > EMAIL,Instagram > Email,2,false,3,60.00,EUR,0.5,2,5,0.6,129600,133200\n"
                + "FACEBOOK > TIKTOK > YOUTUBE > PINTEREST > … > EMAIL,Facebook > Tiktok > Youtube > Pinterest > … > Email,"
                + "6,true,1,40.00,EUR,0.166667,0,1,1,36000,36000\n"
                + "TIKTOK > INSTAGRAM > EMAIL,Tiktok > Instagram > Email,3,false,1,50.00,EUR,0.166667,0,1,1,86400,86400\n"
                + "attributed,Attributed,,,5,150.00,EUR,0.833333,4,9,0.555556,86400,104400\n"
                + "unattributed,Unattributed,,,1,25.00,EUR,0.166667,,,,,\n", csv);
    }

    @Test
    void anEmptyWorkspaceAndAnOpenEnd() {
        UUID empty = fakes.workspace("UTC", "EUR");
        engagementAnswers(empty, List.of());
        as(empty).get(paths(empty, "")).then().statusCode(200).body("rows", hasSize(0))
                .body("attributed.conversions", equalTo(0)).body("attributed.share", nullValue())
                .body("attributed.conversionRate", nullValue()).body("attributed.medianSecondsToConvert", nullValue())
                .body("totals.conversions", equalTo(0)).body("totals.revenue.amount", equalTo("0.00"));
        // Another workspace's data is not in it, and an open end knows no non-converting journey (n1 and n3 are first
        // purchases with INSTAGRAM > EMAIL now: 5 of them).
        UUID ws = naturalOrder();
        as(ws).get("/workspaces/" + ws + "/attribution/paths?from=2026-10-01").then().statusCode(200)
                .body("to", nullValue())
                .body("rows[0].key", equalTo("INSTAGRAM > EMAIL")).body("rows[0].conversions", equalTo(5))
                .body("rows[0].conversionRate", nullValue()).body("attributed.conversionRate", nullValue())
                .body("attributed.nonConvertingJourneys", equalTo(0))
                .body("note", containsString("open at the end"));
        as(empty).get(paths(empty, "")).then().statusCode(200).body("totals.conversions", equalTo(0));
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        UUID ws = fakes.workspace("UTC", "EUR");
        for (String[] bad : new String[][] {{"by=post", "by"}, {"by=campaign", "by"}, {"by=day", "by"},
            {"limit=0", "limit"}, {"limit=101", "limit"}, {"limit=abc", "limit"}, {"limit=1.5", "limit"},
            {"maxLength=2", "maxLength"}, {"maxLength=21", "maxLength"}, {"maxLength=x", "maxLength"},
            {"lookbackDays=0", "lookbackDays"}, {"lookbackDays=91", "lookbackDays"}, {"touchTypes=FOO", "touchTypes"},
            {"from=2026-02-30", "from"}, {"to=2026-13-01", "to"}, {"from=2026-11-22&to=2026-11-01", "to"}}) {
            as(ws).get("/workspaces/" + ws + "/attribution/paths?" + bad[0]).then().statusCode(422)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(bad[1]));
        }
    }
}
