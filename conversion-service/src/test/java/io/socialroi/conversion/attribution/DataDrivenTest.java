package io.socialroi.conversion.attribution;

import static io.socialroi.conversion.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.conversion.FakeServices;
import io.socialroi.conversion.Fakes;
import io.socialroi.testing.FakeServer;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DATA_DRIVEN through the endpoints, on PostgreSQL, with the example worked out by hand (channels = platforms,
 * A = FACEBOOK, B = INSTAGRAM, C = TIKTOK; period 2026-10-01..31, UTC; every conversion a purchase of 1.00 EUR):
 *
 * <pre>
 * 20 x A > B > conversion     (touches 10-05, 10-06, purchase 10-10)
 * 10 x A > C > conversion     (the last of them buys on 10-31)
 * 10 x B > null, 10 x C > null, 10 x A > B > null
 *      (touches 10-20, 10-21 inside the period; these people buy on 11-05, after it, so inside the period
 *       they are the non-converting journeys: people with touches in the period and no conversion in it)
 *
 * Transitions: START -> A 40, -> B 10, -> C 10 (of 60); A -> B 30, A -> C 10 (of 40);
 *              B -> conv 20, B -> null 20; C -> conv 10, C -> null 10.
 * P(conv)          = 4/6 (3/4 . 1/2 + 1/4 . 1/2) + 1/6 . 1/2 + 1/6 . 1/2       = 1/3 + 1/6 = 1/2
 * without A (START -> A goes to null): 1/6 . 1/2 + 1/6 . 1/2                   = 1/6  -> RE_A = 1 - (1/6)/(1/2) = 2/3
 * without B: 4/6 (1/4 . 1/2) + 1/6 . 1/2                                       = 1/6  -> RE_B = 2/3
 * without C: 4/6 (3/4 . 1/2) + 1/6 . 1/2                                       = 1/3  -> RE_C = 1/3
 * Credit: A > B journeys 2/3 : 2/3 = 1/2 each; A > C journeys 2/3 : 1/3, i.e. 0.666667 / 0.333333 of a conversion
 *         (the leftover millionth goes to A, which lost more by rounding down) and 0.67 / 0.33 EUR.
 *   A = 20 x 0.5 + 10 x 0.666667 = 16.66667 conversions, 10.00 + 6.70 = 16.70 EUR
 *   B = 20 x 0.5                  = 10 conversions,       10.00 EUR
 *   C = 10 x 0.333333             = 3.33333 conversions,  3.30 EUR          (sum 30 conversions, 30.00 EUR)
 *
 * Shapley, v(S) = converting journeys whose channel set lies in S = 20 [AB in S] + 10 [AC in S] (three players):
 * Over the six orders, each channel's marginal contribution v(before + c) - v(before):
 *          ABC  ACB  BAC  BCA  CAB  CBA
 *   A       0    0   20   30   10   30    -> 90/6 = 15
 *   B      20   20    0    0   20    0    -> 60/6 = 10
 *   C      10   10   10    0    0    0    -> 30/6 = 5
 *   (15 + 10 + 5 = 30 = v(ABC)). Credit by Shapley weights: A > B 15 : 10 = 0.6 / 0.4, A > C 15 : 5 = 0.75 / 0.25:
 *   A = 12 + 7.5 = 19.5, B = 8, C = 2.5 conversions (and the same in EUR).
 * </pre>
 */
@QuarkusTest
class DataDrivenTest {

    @FakeServices.Inject
    Fakes fakes;

    @Inject
    AttributionService service;

    @Inject
    ObjectMapper json;

    static final String A = "FACEBOOK";
    static final String B = "INSTAGRAM";
    static final String C = "TIKTOK";

    private UUID handExample() {
        return handExample(List.of());
    }

    /** The hand example; {@code more}: touches engagement-service also holds (of people who never convert, say). */
    private UUID handExample(List<String> more) {
        UUID ws = fakes.workspace("UTC", "EUR");
        List<String> touches = new ArrayList<>(more);
        List<String> conversions = new ArrayList<>();
        int[] n = {0};
        class Person {
            void of(String name, String first, String second, String touchDay, String buyAt) {
                String actor = "x:" + name;
                touches.add(touch(name + "-1", first, actor, touchDay + "T10:00:00Z"));
                if (second != null) {
                    touches.add(touch(name + "-2", second, actor, touchDay.substring(0, 8)
                            + String.format("%02d", Integer.parseInt(touchDay.substring(8)) + 1) + "T10:00:00Z"));
                }
                conversions.add("{\"eventId\":\"order-" + name + "\",\"type\":\"PURCHASE\",\"value\":{\"amount\":\"1.00\","
                        + "\"currency\":\"EUR\"},\"occurredAt\":\"" + buyAt + "\",\"customerId\":\"" + name + "\","
                        + "\"actorIds\":[\"" + actor + "\"]}");
                n[0]++;
            }
        }
        Person p = new Person();
        for (int i = 0; i < 20; i++) {
            p.of("ab" + i, A, B, "2026-10-05", "2026-10-10T12:00:00Z");
        }
        for (int i = 0; i < 10; i++) {
            p.of("ac" + i, A, C, "2026-10-05", i == 9 ? "2026-10-31T12:00:00Z" : "2026-10-10T12:00:00Z");
        }
        for (int i = 0; i < 10; i++) {
            p.of("b" + i, B, null, "2026-10-20", "2026-11-05T12:00:00Z");
            p.of("c" + i, C, null, "2026-10-20", "2026-11-05T12:00:00Z");
            p.of("abnull" + i, A, B, "2026-10-20", "2026-11-05T12:00:00Z");
        }
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search",
                FakeServer.Reply.json(200, "{\"items\":[" + String.join(",", touches) + "]}"));
        // The hand example's people all convert, in the period or after it: the journey search leaves them all out.
        fakes.journeys(ws, touches);
        as(ws).body("[" + String.join(",", conversions) + "]").post("/workspaces/" + ws + "/conversions/batch").then()
                .statusCode(200).body("accepted", equalTo(n[0]));
        return ws;
    }

    static String touch(String eventId, String platform, String actor, String at) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"LIKE\",\"platform\":\"" + platform + "\","
                + "\"postId\":\"" + UUID.nameUUIDFromBytes(platform.getBytes()) + "\",\"campaignId\":null,"
                + "\"funnelStage\":\"ATTENTION\",\"actorId\":\"" + actor + "\",\"clickId\":null,\"occurredAt\":\"" + at
                + "\",\"retargeting\":false}";
    }

    static String report(UUID ws, String query) {
        return "/workspaces/" + ws + "/attribution?groupBy=platform&from=2026-10-01&to=2026-10-31&" + query;
    }

    @Test
    void markovRemovalEffectsAndCreditAsComputedByHand() throws Exception {
        UUID ws = handExample();
        as(ws).get(report(ws, "model=DATA_DRIVEN")).then().statusCode(200)
                .body("model", equalTo("DATA_DRIVEN"))
                .body("rows.key", contains(A, B, C))
                .body("rows.conversions", contains(16.66667f, 10, 3.33333f))
                .body("rows.revenue.amount", contains("16.70", "10.00", "3.30"))
                .body("attributed.conversions", equalTo(30)).body("attributed.revenue.amount", equalTo("30.00"))
                .body("dataDriven.method", equalTo("MARKOV")).body("dataDriven.requestedMethod", equalTo("MARKOV"))
                .body("dataDriven.convertingJourneys", equalTo(30)).body("dataDriven.nonConvertingJourneys", equalTo(30))
                .body("dataDriven.channels", equalTo(3)).body("dataDriven.conversionProbability", equalTo(0.5f))
                .body("dataDriven.effects.key", contains(A, B, C))
                .body("dataDriven.effects.label", contains("Facebook", "Instagram", "Tiktok"))
                .body("dataDriven.effects.removalEffect", contains(0.666667f, 0.666667f, 0.333333f))
                .body("dataDriven.note", nullValue());
        // The rule models answer without a dataDriven object.
        as(ws).get(report(ws, "model=LINEAR")).then().statusCode(200).body("dataDriven", nullValue());
        // Memory and SQL give the same answer, byte for byte (non-converting journeys included).
        ReportQuery q = ReportQuery.parse("DATA_DRIVEN", "model", null, null, null, "2026-10-01", "2026-10-31",
                "platform", null, 90);
        assertEquals(json.writeValueAsString(service.report(ws, q, false)),
                json.writeValueAsString(service.report(ws, q, true)));
    }

    @Test
    void shapleyValuesAndCreditAsComputedByHand() {
        UUID ws = handExample();
        as(ws).get(report(ws, "model=DATA_DRIVEN&method=SHAPLEY")).then().statusCode(200)
                .body("rows.key", contains(A, B, C))
                .body("rows.conversions", contains(19.5f, 8, 2.5f))
                .body("rows.revenue.amount", contains("19.50", "8.00", "2.50"))
                .body("dataDriven.method", equalTo("SHAPLEY")).body("dataDriven.channels", equalTo(3))
                .body("dataDriven.effects.key", contains(A, B, C))
                .body("dataDriven.effects.shapleyValue", contains(15, 10, 5))
                .body("dataDriven.conversionProbability", nullValue());
        as(ws).get(report(ws, "model=DATA_DRIVEN&method=BAYES")).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("method"));
    }

    @Test
    void compareShowsDataDrivenBesideTheRuleModels() {
        UUID ws = handExample();
        as(ws).get("/workspaces/" + ws + "/attribution/compare?models=LINEAR,DATA_DRIVEN&groupBy=platform"
                + "&from=2026-10-01&to=2026-10-31").then().statusCode(200)
                .body("models", contains("LINEAR", "DATA_DRIVEN"))
                .body("rows.find { it.key == 'FACEBOOK' }.models.DATA_DRIVEN.conversions", equalTo(16.66667f))
                .body("rows.find { it.key == 'FACEBOOK' }.models.LINEAR.conversions", equalTo(15))
                .body("rows.find { it.key == 'TIKTOK' }.models.DATA_DRIVEN.revenue.amount", equalTo("3.30"))
                .body("dataDriven.method", equalTo("MARKOV"));
        // The default comparison stays the five rule models.
        as(ws).get("/workspaces/" + ws + "/attribution/compare?groupBy=platform&from=2026-10-01&to=2026-10-31").then()
                .statusCode(200).body("models", contains("FIRST_TOUCH", "LAST_TOUCH", "LINEAR", "TIME_DECAY",
                        "POSITION_BASED")).body("dataDriven", nullValue());
    }

    @Test
    void belowThirtyConvertingJourneysTheCreditIsLinearWithANote() {
        UUID ws = handExample();
        // Until 10-30 the last A > C buyer has not converted: 29 converting journeys, 31 non-converting.
        String period = "/workspaces/" + ws + "/attribution?groupBy=platform&from=2026-10-01&to=2026-10-30&";
        Map<String, Object> dataDriven = as(ws).get(period + "model=DATA_DRIVEN").then().statusCode(200)
                .body("dataDriven.method", equalTo("LINEAR")).body("dataDriven.requestedMethod", equalTo("MARKOV"))
                .body("dataDriven.convertingJourneys", equalTo(29)).body("dataDriven.nonConvertingJourneys", equalTo(31))
                .body("dataDriven.note", containsString("Fewer than 30 converting journeys"))
                .body("dataDriven.note", containsString("(29)"))
                .body("dataDriven.effects.size()", equalTo(0))
                .extract().jsonPath().getMap("$");
        Map<String, Object> linear = as(ws).get(period + "model=LINEAR").then().statusCode(200).extract().jsonPath()
                .getMap("$");
        assertEquals(linear.get("rows"), dataDriven.get("rows"));
        assertEquals(linear.get("attributed"), dataDriven.get("attributed"));
    }

    /**
     * 30 people who liked on TikTok in the period and never converted, from engagement-service's journey search
     * (and one whose like is after the period, which does not count). The chain of the class comment becomes:
     * <pre>
     * START -> A 40, -> B 10, -> C 40 (of 90); A -> B 30, -> C 10 (of 40); B -> conv 20, -> null 20;
     * C -> conv 10, -> null 10 + 30 = 40 (of 50): x_B = 1/2, x_C = 1/5, x_A = 3/4 . 1/2 + 1/4 . 1/5 = 17/40
     * P(conv)   = 40/90 . 17/40 + 10/90 . 1/2 + 40/90 . 1/5 = (17 + 5 + 8) / 90 = 1/3
     * without A: (5 + 8) / 90 = 13/90                      -> RE_A = 1 - 13/30 = 17/30 = 0.566667
     * without B: x_A = 1/4 . 1/5 = 1/20: (2 + 8) / 90      -> RE_B = 1 - 10/30 = 2/3
     * without C: x_A = 3/8: (15 + 5) / 90 = 20/90           -> RE_C = 1 - 20/30 = 1/3
     * Credit: A > B 17/30 : 2/3 = 17 : 20 -> 0.459459 / 0.540541 (the leftover millionth to B, the larger
     *         remainder), 0.46 / 0.54 EUR; A > C 17/30 : 1/3 = 17 : 10 -> 0.629630 / 0.370370, 0.63 / 0.37 EUR.
     *   A = 20 x 0.459459 + 10 x 0.629630 = 15.48548, 9.20 + 6.30 = 15.50 EUR
     *   B = 20 x 0.540541 = 10.81082, 10.80 EUR;  C = 10 x 0.370370 = 3.7037, 3.70 EUR   (30 and 30.00 in all)
     * </pre>
     */
    @Test
    void neverConvertingJourneysChangeTheRemovalEffectsAsComputedByHand() throws Exception {
        List<String> never = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            never.add(touch("nv-" + i, C, "nv:" + i, "2026-10-15T10:00:00Z"));
        }
        never.add(touch("late-1", A, "nv:late", "2026-11-01T00:00:00Z"));
        UUID ws = handExample(never);
        as(ws).get(report(ws, "model=DATA_DRIVEN")).then().statusCode(200)
                .body("dataDriven.method", equalTo("MARKOV"))
                .body("dataDriven.convertingJourneys", equalTo(30)).body("dataDriven.nonConvertingJourneys", equalTo(60))
                .body("dataDriven.conversionProbability", equalTo(0.333333f))
                .body("dataDriven.effects.key", contains(B, A, C))
                .body("dataDriven.effects.removalEffect", contains(0.666667f, 0.566667f, 0.333333f))
                .body("dataDriven.note", nullValue())
                .body("rows.key", contains(A, B, C))
                .body("rows.conversions", contains(15.48548f, 10.81082f, 3.7037f))
                .body("rows.revenue.amount", contains("15.50", "10.80", "3.70"))
                .body("attributed.conversions", equalTo(30)).body("attributed.revenue.amount", equalTo("30.00"));
        ReportQuery q = ReportQuery.parse("DATA_DRIVEN", "model", null, null, null, "2026-10-01", "2026-10-31",
                "platform", null, 90);
        assertEquals(json.writeValueAsString(service.report(ws, q, false)),
                json.writeValueAsString(service.report(ws, q, true)));
        FakeServer.Recorded search = fakes.engagement.requests().stream()
                .filter(r -> r.path().equals("/workspaces/" + ws + "/journeys/search")).reduce((a, b) -> b).orElseThrow();
        Map<?, ?> body = json.readValue(search.body(), Map.class);
        assertEquals("PLATFORM", body.get("groupBy"));
        assertEquals("2026-10-01T00:00:00Z", body.get("from"));
        assertEquals("2026-11-01T00:00:00Z", body.get("to"));
        assertEquals(60, ((List<?>) body.get("excludeActors")).size(), "the 60 converting people's actors");
    }

    /**
     * Nobody is counted twice: the actors of converting people (an actor linked to a customer who bought in the
     * period, the visitor behind a later lead's click, the conversions' own actors) are in the exclusion list, so
     * only the people who never converted are added to the 30 later converters of the hand example and the lead: nv:1,
     * and a customer linked to an actor who has no conversion at all (a known person, but not a converting one).
     */
    @Test
    void theExclusionListKeepsConvertingPeoplesActorsOut() throws Exception {
        UUID click = UUID.randomUUID();
        String clickTouch = "{\"eventId\":\"clk-1\",\"type\":\"CLICK\",\"platform\":\"" + C + "\",\"postId\":\""
                + UUID.nameUUIDFromBytes(C.getBytes()) + "\",\"campaignId\":null,\"funnelStage\":\"ACTION\","
                + "\"actorId\":\"visitor:v1\",\"clickId\":\"" + click + "\",\"occurredAt\":\"2026-10-15T10:00:00Z\","
                + "\"retargeting\":false}";
        UUID ws = handExample(List.of(clickTouch, touch("alt-1", C, "ig:ab0-alt", "2026-10-16T10:00:00Z"),
                touch("nv-1", C, "nv:1", "2026-10-17T10:00:00Z"), touch("walker-1", C, "ig:walker",
                        "2026-10-18T10:00:00Z")));
        as(ws).body("{\"customerId\":\"walker\",\"actorId\":\"ig:walker\",\"platform\":\"INSTAGRAM\"}")
                .post("/workspaces/" + ws + "/identities").then().statusCode(201);
        as(ws).body("{\"customerId\":\"ab0\",\"actorId\":\"ig:ab0-alt\",\"platform\":\"INSTAGRAM\"}")
                .post("/workspaces/" + ws + "/identities").then().statusCode(201);
        as(ws).body("{\"eventId\":\"lead-clk\",\"type\":\"LEAD\",\"occurredAt\":\"2026-11-10T12:00:00Z\","
                + "\"customerId\":\"clk\",\"clickId\":\"" + click + "\"}").post("/workspaces/" + ws + "/conversions")
                .then().statusCode(201);
        as(ws).get(report(ws, "model=DATA_DRIVEN")).then().statusCode(200)
                .body("dataDriven.convertingJourneys", equalTo(30))
                // 30 later buyers + the lead's visitor (captured, a later converter) + nv:1 and ig:walker (never
                // converted).
                .body("dataDriven.nonConvertingJourneys", equalTo(33));
        FakeServer.Recorded search = fakes.engagement.requests().stream()
                .filter(r -> r.path().equals("/workspaces/" + ws + "/journeys/search")).reduce((a, b) -> b).orElseThrow();
        List<?> excluded = (List<?>) json.readValue(search.body(), Map.class).get("excludeActors");
        assertTrue(excluded.containsAll(List.of("ig:ab0-alt", "visitor:v1", "x:ab0", "x:abnull9")), excluded.toString());
        assertFalse(excluded.contains("nv:1"));
        assertFalse(excluded.contains("ig:walker"), "a linked customer without a conversion is not converting");
        // Path analysis counts the same people: c: nv:1 is one more TIKTOK journey beside the 10 later TikTok buyers.
        as(ws).get("/workspaces/" + ws + "/attribution/paths?from=2026-10-01&to=2026-10-31").then().statusCode(200)
                .body("attributed.nonConvertingJourneys", equalTo(33));
    }

    @Test
    void engagementServiceDownIsA503NamingItNotOtherNumbers() {
        UUID ws = handExample();
        fakes.engagement.on("POST", "/workspaces/" + ws + "/journeys/search", FakeServer.Reply.json(503, "{}"));
        as(ws).get(report(ws, "model=DATA_DRIVEN&method=SHAPLEY")).then().statusCode(503)
                .contentType("application/problem+json").body("title", containsString("engagement-service"));
        as(ws).get("/workspaces/" + ws + "/attribution/paths?from=2026-10-01&to=2026-10-31").then().statusCode(503)
                .contentType("application/problem+json").body("title", containsString("engagement-service"));
        // The rule models and an open-ended path analysis do not need it.
        as(ws).get(report(ws, "model=LINEAR")).then().statusCode(200);
        as(ws).get("/workspaces/" + ws + "/attribution/paths?from=2026-10-01").then().statusCode(200);
        io.socialroi.common.remote.RemotePolicy.resetAll();
    }

    /**
     * One journey search at a time per replica (suite.attribution.journeys.concurrency): while one DATA_DRIVEN report
     * learns a new period, another new period waits its turn (suite.attribution.journeys.wait, 300 ms in tests), then
     * is a 503 learning-busy with Retry-After, searching nothing; the rule models answer meanwhile, and the search
     * that held the turn ends with its answer. Then the next one gets the turn.
     */
    @Test
    void oneSearchAtATimeTheNextWaitsThenIsA503AndRuleModelsAnswer() throws Exception {
        UUID ws = handExample();
        String path = "/workspaces/" + ws + "/journeys/search";
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        fakes.engagement.on("POST", path, r -> {
            entered.countDown();
            try {
                release.await(1500, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeServer.Reply.json(200, "{\"items\":[],\"actors\":0,\"paths\":0,\"truncated\":false,"
                    + "\"omittedJourneys\":0}");
        });
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var first = pool.submit(() -> as(ws).get(report(ws, "model=DATA_DRIVEN")).then().extract().statusCode());
            assertTrue(entered.await(10, java.util.concurrent.TimeUnit.SECONDS), "the first search reached engagement");
            long searches = fakes.engagement.requests().stream().filter(r -> r.path().equals(path)).count();
            as(ws).get("/workspaces/" + ws + "/attribution?groupBy=platform&from=2026-10-02&to=2026-10-31"
                    + "&model=DATA_DRIVEN").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "2").body("type", containsString("learning-busy"));
            assertEquals(searches, fakes.engagement.requests().stream().filter(r -> r.path().equals(path)).count(),
                    "the refused report searched nothing");
            as(ws).get(report(ws, "model=LINEAR")).then().statusCode(200).body("attributed.conversions", equalTo(30));
            release.countDown();
            assertEquals(200, first.get(10, java.util.concurrent.TimeUnit.SECONDS));
        }
        as(ws).get("/workspaces/" + ws + "/attribution?groupBy=platform&from=2026-10-03&to=2026-10-31"
                + "&model=DATA_DRIVEN").then().statusCode(200);
    }

    /**
     * The kept never-converting answers are bounded by their steps, not only their number (12 answers of 40 days at
     * 2M events held 200 MB of a 256 MB heap): beyond the bound the least recently used one goes, so asking its
     * period again searches again, while the one asked last is still answered from memory.
     */
    @Test
    void keptAnswersAreBoundedByTheirSteps() {
        UUID ws = handExample();
        String path = "/workspaces/" + ws + "/journeys/search";
        fakes.engagement.on("POST", path, FakeServer.Reply.json(200, "{\"items\":[{\"path\":[\"A\",\"B\",\"A\","
                + "\"C\"],\"journeys\":3},{\"path\":[\"B\"],\"journeys\":2}],\"actors\":5,\"paths\":2,"
                + "\"truncated\":false,\"omittedJourneys\":0}"));
        java.util.function.LongSupplier searches = () -> fakes.engagement.requests().stream()
                .filter(r -> r.path().equals(path)).count();
        String first = "/workspaces/" + ws + "/attribution?groupBy=platform&from=2026-10-04&to=2026-10-31"
                + "&model=DATA_DRIVEN";
        String second = "/workspaces/" + ws + "/attribution?groupBy=platform&from=2026-10-05&to=2026-10-31"
                + "&model=DATA_DRIVEN";
        long limit = NeverConverting.keptStepsLimit;
        // Room for one answer of these (4 + 2 and 1 + 2 steps with the arrays' headers); each has the 5 people the
        // fake engagement-service names plus the 30 later converters of the hand example.
        NeverConverting.keptStepsLimit = 12;
        try {
            as(ws).get(first).then().statusCode(200).body("dataDriven.nonConvertingJourneys", equalTo(35));
            long afterFirst = searches.getAsLong();
            as(ws).get(first).then().statusCode(200);
            assertEquals(afterFirst, searches.getAsLong(), "kept");
            as(ws).get(second).then().statusCode(200).body("dataDriven.nonConvertingJourneys", equalTo(35));
            long afterSecond = searches.getAsLong();
            assertEquals(afterFirst + 1, afterSecond);
            as(ws).get(second).then().statusCode(200);
            assertEquals(afterSecond, searches.getAsLong(), "the last one asked is kept");
            as(ws).get(first).then().statusCode(200).body("dataDriven.nonConvertingJourneys", equalTo(35));
            assertEquals(afterSecond + 1, searches.getAsLong(), "the first one was dropped for the second");
        } finally {
            NeverConverting.keptStepsLimit = limit;
        }
    }
}
