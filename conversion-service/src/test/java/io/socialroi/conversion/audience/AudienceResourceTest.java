package io.socialroi.conversion.audience;

import static io.restassured.RestAssured.given;
import static io.socialroi.conversion.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.conversion.FakeServices;
import io.socialroi.conversion.Fakes;
import io.socialroi.conversion.conversion.Emails;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.TestTokens;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AudienceResourceTest {

    static final String CAMPAIGN = "44444444-4444-4444-4444-444444444444";

    @FakeServices.Inject
    Fakes fakes;


    @AfterEach
    void closeBreaker() {
        io.socialroi.common.remote.RemotePolicy.resetAll();
    }

    static String actor(String id, boolean retargeted) {
        return "{\"actorId\":\"" + id + "\",\"platform\":\"INSTAGRAM\",\"lastEngagedAt\":\"2026-11-20T10:00:00Z\","
                + "\"events\":4,\"intentScore\":55.5,\"retargeted\":" + retargeted + "}";
    }

    /** Engaged: ig:1 (retargeted, bought), ig:2 (not retargeted, left a lead), tt:3 (retargeted, nothing). */
    UUID workspace() {
        UUID ws = fakes.workspace();
        fakes.engagement.on("POST", "/workspaces/" + ws + "/actors/search", r -> r.body().contains("\"cursor\":\"p2\"")
                ? FakeServer.Reply.json(200, "{\"items\":[" + actor("tt:3", true) + "],\"nextCursor\":null}")
                : FakeServer.Reply.json(200, "{\"items\":[" + actor("ig:1", true) + "," + actor("ig:2", false)
                        + "],\"nextCursor\":\"p2\"}"));
        String yesterday = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).withNano(0).toString();
        as(ws).body("{\"eventId\":\"o1\",\"type\":\"PURCHASE\",\"value\":{\"amount\":\"10\",\"currency\":\"EUR\"},"
                + "\"occurredAt\":\"" + yesterday + "\",\"customerId\":\"cust-1\",\"actorIds\":[\"ig:1\"],"
                + "\"email\":\"Ana@Example.com\"}").post("/workspaces/" + ws + "/conversions").then().statusCode(201);
        as(ws).body("{\"eventId\":\"l1\",\"type\":\"LEAD\",\"occurredAt\":\"" + yesterday + "\",\"actorIds\":[\"ig:2\"]}")
                .post("/workspaces/" + ws + "/conversions").then().statusCode(201);
        return ws;
    }

    String create(UUID ws, boolean excludeConverted) {
        return as(ws).body("{\"name\":\"Warm\",\"engagedWithinDays\":14,\"campaignId\":\"" + CAMPAIGN + "\","
                + "\"funnelStages\":[\"TRUST\"],\"minIntent\":40,\"excludeConverted\":" + excludeConverted + "}")
                .post("/workspaces/" + ws + "/audiences").then().statusCode(201)
                .body("name", equalTo("Warm")).body("engagedWithinDays", equalTo(14))
                .body("funnelStages", contains("TRUST")).body("minIntent", equalTo(40))
                .body("excludeConverted", equalTo(excludeConverted)).extract().path("id");
    }

    @Test
    void membersArePagedAndConvertedOnesExcluded() {
        UUID ws = workspace();
        String id = create(ws, true);
        String members = "/workspaces/" + ws + "/audiences/" + id + "/members";
        as(ws).get(members + "?limit=2").then().statusCode(200).body("items", empty())
                .body("nextCursor", equalTo("p2"));
        as(ws).get(members + "?limit=2&cursor=p2").then().statusCode(200).body("items.actorId", contains("tt:3"))
                .body("items[0].retargeted", equalTo(true)).body("items[0].converted", equalTo(false))
                .body("nextCursor", nullValue());
        FakeServer.Recorded search = fakes.engagement.requests().stream()
                .filter(r -> r.path().equals("/workspaces/" + ws + "/actors/search")).findFirst().orElseThrow();
        assertTrue(search.body().contains("\"campaignId\":\"" + CAMPAIGN + "\""), search.body());
        assertTrue(search.body().contains("\"funnelStages\":[\"TRUST\"]"), search.body());
        assertTrue(search.body().contains("\"minIntent\":40"), search.body());
        assertTrue(search.body().contains("\"since\":"), search.body());
        as(ws).get("/workspaces/" + ws + "/audiences/" + id).then().statusCode(200).body("id", equalTo(id));
        as(ws).get("/workspaces/" + ws + "/audiences").then().statusCode(200).body("items.id", contains(id));
    }

    @Test
    void deletedAudienceIsGoneAndOtherWorkspacesCannotDeleteIt() {
        UUID ws = workspace();
        String keep = create(ws, true);
        String gone = create(ws, false);
        String path = "/workspaces/" + ws + "/audiences/";
        given().auth().oauth2(TestTokens.workspace(UUID.randomUUID(), "conversions:write")).delete(path + gone)
                .then().statusCode(404).contentType("application/problem+json");
        as(ws).get(path + gone).then().statusCode(200);
        as(ws).delete(path + gone).then().statusCode(204);
        as(ws).get(path + gone).then().statusCode(404).contentType("application/problem+json");
        as(ws).get(path + gone + "/members").then().statusCode(404);
        as(ws).delete(path + gone).then().statusCode(404).contentType("application/problem+json");
        as(ws).delete(path + "not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        as(ws).get("/workspaces/" + ws + "/audiences").then().statusCode(200).body("items.id", contains(keep));
    }

    @Test
    void csvHasHashedIdentifiersInTheCustomerListLayout() {
        UUID ws = workspace();
        String id = create(ws, false);
        String csv = as(ws).accept("text/csv").get("/workspaces/" + ws + "/audiences/" + id + "/members").then()
                .statusCode(200).contentType("text/csv")
                // Three rows, one of which (ig:1, linked to Ana's purchase) an ad platform can match by e-mail.
                .header("Audience-Members", "3").header("Audience-Matchable-Members", "1")
                .header("Audience-Holdout-Members", "0")
                .extract().asString();
        assertEquals("email,extern_id\n"
                + Emails.sha256("ana@example.com") + "," + Emails.sha256("ig:1") + "\n"
                + "," + Emails.sha256("ig:2") + "\n"
                + "," + Emails.sha256("tt:3") + "\n", csv);
    }

    @Test
    void anAudienceTooLargeToExportIsRefusedNotCutShort() {
        UUID ws = fakes.workspace();
        // engagement-service always has another page: more than 200 pages of 500 members.
        int[] page = {0};
        fakes.engagement.on("POST", "/workspaces/" + ws + "/actors/search", r -> FakeServer.Reply.json(200,
                "{\"items\":[" + actor("ig:many-" + (page[0]++), false) + "],\"nextCursor\":\"more\"}"));
        String id = create(ws, false);
        as(ws).accept("text/csv").get("/workspaces/" + ws + "/audiences/" + id + "/members").then().statusCode(422)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("audience-too-large"))
                .body("detail", org.hamcrest.Matchers.containsString("100000"));
        assertEquals(AudienceMembers.MAX_PAGES, page[0], "read up to the bound, then refused");
        as(ws).get("/workspaces/" + ws + "/audiences/" + id + "/lift").then().statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void liftComparesMembersReachedByRetargetingWithTheRest() {
        UUID ws = workspace();
        String id = create(ws, true);
        as(ws).get("/workspaces/" + ws + "/audiences/" + id + "/lift").then().statusCode(200)
                .body("reached.members", equalTo(2)).body("reached.converted", equalTo(1))
                .body("reached.conversionRate", equalTo(0.5f)).body("notReached.members", equalTo(1))
                .body("notReached.converted", equalTo(1)).body("notReached.conversionRate", equalTo(1.0f))
                .body("lift", equalTo(-0.5f)).body("method", equalTo("OBSERVATIONAL"))
                .body("verdict", equalTo("NO_HOLDOUT")).body("holdoutPercent", equalTo(0));
    }

    @Test
    void badInputAccessAndOutagesAreProblems() {
        UUID ws = fakes.workspace();
        String path = "/workspaces/" + ws + "/audiences";
        as(ws).body("{\"name\":\"A\",\"engagedWithinDays\":0}").post(path).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("engagedWithinDays"));
        as(ws).body("{\"name\":\"A\",\"engagedWithinDays\":7,\"minIntent\":101}").post(path).then().statusCode(422)
                .body("errors[0].field", equalTo("minIntent"));
        as(ws).body("{\"name\":\"A\",\"engagedWithinDays\":7,\"funnelStages\":[\"NOPE\"]}").post(path).then()
                .statusCode(400).contentType("application/problem+json");
        as(ws).body("{\"engagedWithinDays\":7}").post(path).then().statusCode(422).body("errors[0].field", equalTo("name"));
        as(ws).body("{\"name\":").post(path).then().statusCode(400);
        as(ws).body("{\"name\":\"A\",\"engagedWithinDays\":\"soon\"}").post(path).then().statusCode(400);
        as(ws).get(path).then().statusCode(200).body("items", empty());
        String body = "{\"name\":\"A\",\"engagedWithinDays\":7}";
        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.workspace(ws, "conversions:read")).contentType(ContentType.JSON).body(body)
                .post(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.workspace(UUID.randomUUID(), "conversions:write"))
                .contentType(ContentType.JSON).body(body).post(path).then().statusCode(404);
        as(ws).get(path + "/" + UUID.randomUUID() + "/members").then().statusCode(404);
        String id = as(ws).body(body).post(path).then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.workspace(UUID.randomUUID(), "conversions:read"))
                .get(path + "/" + id + "/members").then().statusCode(404);
        fakes.engagement.on("POST", "/workspaces/" + ws + "/actors/search", FakeServer.Reply.json(500, "{}"));
        as(ws).get(path + "/" + id + "/members").then().statusCode(503)
                .body("title", equalTo("engagement-service unavailable"));
        as(ws).get(path + "/" + id + "/lift").then().statusCode(503);
    }

    /**
     * The fake implements the contract's {@code types} filter: vw:1 only watched the review video (VIEW),
     * ig:5 only liked, im:1 was only shown it (IMPRESSION). Flagged actors are the fake's bot:1, left out
     * unless {@code includeFlagged}.
     */
    UUID viewersWorkspace() {
        UUID ws = fakes.workspace();
        fakes.engagement.on("POST", "/workspaces/" + ws + "/actors/search", r -> {
            String body = r.body();
            java.util.List<String> items = new java.util.ArrayList<>();
            boolean typed = body.contains("\"types\":[");
            String types = typed ? body.substring(body.indexOf("\"types\":[")) : "";
            types = types.isEmpty() ? "" : types.substring(0, types.indexOf(']'));
            if (!typed || types.contains("\"VIEW\"")) {
                items.add(actor("vw:1", false));
            }
            if (!typed || types.contains("\"LIKE\"")) {
                items.add(actor("ig:5", false));
            }
            if (typed && types.contains("\"IMPRESSION\"")) {
                items.add(actor("im:1", false));
            }
            if (body.contains("\"includeFlagged\":true")) {
                items.add(actor("bot:1", false));
            }
            return FakeServer.Reply.json(200, "{\"items\":[" + String.join(",", items) + "],\"nextCursor\":null}");
        });
        return ws;
    }

    @Test
    void anAudienceOfViewersOnlyHoldsThePeopleWhoWatched() {
        UUID ws = viewersWorkspace();
        String id = as(ws).body("{\"name\":\"Watched the review\",\"engagedWithinDays\":30,\"eventTypes\":[\"view\"]}")
                .post("/workspaces/" + ws + "/audiences").then().statusCode(201)
                .body("eventTypes", contains("VIEW")).extract().path("id");
        as(ws).get("/workspaces/" + ws + "/audiences/" + id).then().statusCode(200).body("eventTypes", contains("VIEW"));
        as(ws).get("/workspaces/" + ws + "/audiences/" + id + "/members").then().statusCode(200)
                .body("items.actorId", contains("vw:1"));
        FakeServer.Recorded search = fakes.engagement.requests().stream()
                .filter(r -> r.path().equals("/workspaces/" + ws + "/actors/search")).reduce((a, b) -> b).orElseThrow();
        assertTrue(search.body().contains("\"types\":[\"VIEW\"]"), search.body());
        assertTrue(search.body().contains("\"includeFlagged\":false"), search.body());
    }

    @Test
    void theDefaultAudienceCountsViewersButNotImpressionsNorFlaggedActors() {
        UUID ws = viewersWorkspace();
        String id = as(ws).body("{\"name\":\"Engaged\",\"engagedWithinDays\":30}")
                .post("/workspaces/" + ws + "/audiences").then().statusCode(201)
                .body("eventTypes", contains("VIEW", "LIKE", "COMMENT", "SHARE", "SAVE", "CLICK", "FOLLOW", "DM",
                        "MENTION")).extract().path("id");
        as(ws).get("/workspaces/" + ws + "/audiences/" + id + "/members").then().statusCode(200)
                .body("items.actorId", contains("vw:1", "ig:5"));
        FakeServer.Recorded search = fakes.engagement.requests().stream()
                .filter(r -> r.path().equals("/workspaces/" + ws + "/actors/search")).reduce((a, b) -> b).orElseThrow();
        assertTrue(search.body().contains("\"types\":[\"VIEW\",\"LIKE\",\"COMMENT\",\"SHARE\",\"SAVE\",\"CLICK\","
                + "\"FOLLOW\",\"DM\",\"MENTION\"]"), search.body());
        assertTrue(search.body().contains("\"includeFlagged\":false"), search.body());
    }

    @Test
    void unknownEventTypesAre422AndStoreNothing() {
        UUID ws = viewersWorkspace();
        for (String types : new String[] {"[\"VIEW\",\"WATCH\"]", "[]", "[\"\"]"}) {
            as(ws).body("{\"name\":\"Bad\",\"engagedWithinDays\":30,\"eventTypes\":" + types + "}")
                    .post("/workspaces/" + ws + "/audiences").then().statusCode(422)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("eventTypes"));
        }
        as(ws).get("/workspaces/" + ws + "/audiences").then().statusCode(200).body("items", empty());
    }
}
