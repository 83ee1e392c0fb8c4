package io.socialroi.content.workspace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.socialroi.content.ContentFakes;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.TestTokens;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Editing, archiving and unarchiving a workspace (issue 16): the agency admin only, validated, nothing half-done. */
@QuarkusTest
class WorkspaceEditTest {

    @ContentFakes.Conversion
    FakeServer conversion;

    @ContentFakes.Reporting
    FakeServer reporting;

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }

    /** name, time_zone, currency, archived_at as stored. */
    private static List<String> row(UUID ws) throws Exception {
        try (Connection c = Fixtures.db(); var s = c.prepareStatement(
                "select name, time_zone, currency, archived_at from workspace where id = ?")) {
            s.setObject(1, ws);
            ResultSet rs = s.executeQuery();
            rs.next();
            return java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getObject(4) == null ? null : "archived");
        }
    }

    @Test
    void theAdminRenamesAndMovesAWorkspaceAndTheChangeIsStored() throws Exception {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        admin().body("{\"name\":\"  Bakery Rossi & Figli \",\"timeZone\":\"America/New_York\"}")
                .patch("/workspaces/" + ws).then().statusCode(200)
                .body("id", equalTo(ws.toString())).body("name", equalTo("Bakery Rossi & Figli"))
                .body("timeZone", equalTo("America/New_York")).body("currency", equalTo("EUR"))
                .body("updatedAt", notNullValue()).body("archived", equalTo(false));
        assertEquals(java.util.Arrays.asList("Bakery Rossi & Figli", "America/New_York", "EUR", null), row(ws));
        admin().get("/workspaces/" + ws).then().statusCode(200).body("name", equalTo("Bakery Rossi & Figli"))
                .body("timeZone", equalTo("America/New_York"));
    }

    @Test
    void theCurrencyChangesWhileTheWorkspaceHoldsNoMoneyAnywhere() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        conversion.on("GET", "/workspaces/" + ws + "/conversions", FakeServer.Reply.json(200, "{\"items\":[],\"nextCursor\":null}"));
        reporting.on("GET", "/workspaces/" + ws + "/costs", FakeServer.Reply.json(200, "{\"items\":[],\"nextCursor\":null}"));
        reporting.on("GET", "/workspaces/" + ws + "/settings",
                FakeServer.Reply.json(200, "{\"hourlyRate\":{\"amount\":\"0\",\"currency\":\"EUR\"}}"));
        admin().body("{\"currency\":\"USD\"}").patch("/workspaces/" + ws).then().statusCode(200)
                .body("currency", equalTo("USD"));
        assertEquals("USD", row(ws).get(2));
        // Each service was asked with content-service's own token, bound to this workspace.
        FakeServer.Recorded asked = conversion.requests().stream()
                .filter(r -> r.path().equals("/workspaces/" + ws + "/conversions")).findFirst().orElseThrow();
        assertEquals("limit=1", asked.query());
        assertEquals(true, asked.header("Authorization").startsWith("Bearer "));
    }

    @Test
    void aNewCurrencyIsRefusedWithA409WhileMoneyIsStoredInTheOldOne() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        given().auth().oauth2(Fixtures.writer(ws)).contentType(ContentType.JSON)
                .body("{\"name\":\"Spring\",\"objective\":\"Sales\",\"startDate\":\"2026-03-01\","
                        + "\"budget\":{\"amount\":\"500\",\"currency\":\"EUR\"}}")
                .post("/workspaces/" + ws + "/campaigns").then().statusCode(201);
        reporting.on("GET", "/workspaces/" + ws + "/costs",
                FakeServer.Reply.json(200, "{\"items\":[{\"id\":\"" + UUID.randomUUID() + "\"}],\"nextCursor\":null}"));
        admin().body("{\"currency\":\"USD\",\"name\":\"Renamed\"}").patch("/workspaces/" + ws).then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(409))
                .body("detail", containsString("1 campaign budget"))
                .body("detail", containsString("costs (reporting-service)"))
                .body("detail", not(containsString("conversions")));
        // Nothing changed, not even the name sent with it.
        assertEquals(java.util.Arrays.asList("Client", "UTC", "EUR", null), row(ws));
        // Keeping the currency while renaming needs nobody else.
        admin().body("{\"currency\":\"EUR\",\"name\":\"Renamed\"}").patch("/workspaces/" + ws).then().statusCode(200)
                .body("name", equalTo("Renamed"));
    }

    @Test
    void aServiceThatCannotSayIsA503AndTheCurrencyStays() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        conversion.on("GET", "/workspaces/" + ws + "/conversions", FakeServer.Reply.json(503, "{\"status\":503}"));
        admin().body("{\"currency\":\"GBP\"}").patch("/workspaces/" + ws).then().statusCode(503)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("conversion-service"));
        assertEquals("EUR", row(ws).get(2));
    }

    @Test
    void badInputIsA422ProblemAndChangesNothing() throws Exception {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        admin().body("{\"timeZone\":\"Mars/Olympus\"}").patch("/workspaces/" + ws).then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("timeZone"));
        admin().body("{\"currency\":\"EURO\"}").patch("/workspaces/" + ws).then().statusCode(422)
                .body("errors[0].field", equalTo("currency"));
        admin().body("{\"currency\":\"XYZ\"}").patch("/workspaces/" + ws).then().statusCode(422)
                .body("errors[0].field", equalTo("currency"));
        admin().body("{\"name\":\"   \"}").patch("/workspaces/" + ws).then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
        admin().body("{\"name\":\"" + "x".repeat(201) + "\"}").patch("/workspaces/" + ws).then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
        admin().body("{\"name\":null}").patch("/workspaces/" + ws).then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
        admin().body("{\"name\":[1]}").patch("/workspaces/" + ws).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        admin().body("{\"name\":").patch("/workspaces/" + ws).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        admin().body("[]").patch("/workspaces/" + ws).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        assertEquals(java.util.Arrays.asList("Client", "Europe/Rome", "EUR", null), row(ws));
        admin().body("{\"name\":\"X\"}").patch("/workspaces/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void anArchivedWorkspaceIsListedOnlyOnAskingTakesNoNewWorkAndStaysReadable() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        UUID campaign = Fixtures.campaign(ws, "Before");
        admin().post("/workspaces/" + ws + "/archive").then().statusCode(200)
                .body("archived", equalTo(true)).body("archivedAt", notNullValue());
        assertEquals("archived", row(ws).get(3));
        // Archiving again changes nothing.
        String at = admin().get("/workspaces/" + ws).then().statusCode(200).body("archived", equalTo(true))
                .extract().path("archivedAt");
        admin().post("/workspaces/" + ws + "/archive").then().statusCode(200).body("archivedAt", equalTo(at));

        admin().get("/workspaces?limit=500").then().statusCode(200).body("items.id", not(hasItem(ws.toString())));
        admin().get("/workspaces?limit=500&archived=true").then().statusCode(200)
                .body("items.id", hasItem(ws.toString())).body("items.archived", not(hasItem(false)));
        admin().get("/workspaces?archived=yes").then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("archived"));
        // Its own token still reads it and what it holds.
        String reader = TestTokens.workspace(ws, "content:read", "reports:read");
        given().auth().oauth2(reader).get("/workspaces/" + ws).then().statusCode(200).body("archived", equalTo(true));
        given().auth().oauth2(reader).get("/workspaces/" + ws + "/campaigns/" + campaign).then().statusCode(200);

        long campaigns = Fixtures.count("select count(*) from campaign where workspace_id = ?", ws);
        long posts = Fixtures.count("select count(*) from post where workspace_id = ?", ws);
        given().auth().oauth2(Fixtures.writer(ws)).contentType(ContentType.JSON)
                .body("{\"name\":\"After\",\"objective\":\"Sales\",\"startDate\":\"2026-03-01\"}")
                .post("/workspaces/" + ws + "/campaigns").then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("archived"));
        given().auth().oauth2(Fixtures.writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"Hello\"}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(409));
        assertEquals(campaigns, Fixtures.count("select count(*) from campaign where workspace_id = ?", ws));
        assertEquals(posts, Fixtures.count("select count(*) from post where workspace_id = ?", ws));

        admin().post("/workspaces/" + ws + "/unarchive").then().statusCode(200)
                .body("archived", equalTo(false)).body("archivedAt", nullValue());
        assertEquals(null, row(ws).get(3));
        admin().get("/workspaces?limit=500").then().body("items.id", hasItem(ws.toString()));
        given().auth().oauth2(Fixtures.writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"Hello\"}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201);
    }

    @Test
    void aWorkspaceWithScheduledPostsIsNotArchived() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String writer = Fixtures.writer(ws);
        String post = given().auth().oauth2(writer).contentType(ContentType.JSON)
                .body("{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\",\"mediaUrls\":[\"https://cdn.example/p.jpg\"],\"caption\":\"Hello\"}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        for (String action : List.of("submit", "approve")) {
            given().auth().oauth2(writer).contentType(ContentType.JSON).body("{\"comment\":\"ok\"}")
                    .post("/workspaces/" + ws + "/posts/" + post + "/" + action).then().statusCode(200);
        }
        given().auth().oauth2(writer).contentType(ContentType.JSON).body("{\"scheduledAt\":\"2035-01-01T09:00:00Z\"}")
                .post("/workspaces/" + ws + "/posts/" + post + "/schedule").then().statusCode(200);
        admin().post("/workspaces/" + ws + "/archive").then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("1 post is scheduled"));
        assertEquals(null, row(ws).get(3));
    }

    @Test
    void onlyTheAgencyAdminEditsOrArchives() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String all = TestTokens.workspace(ws, "content:read", "content:write", "conversions:write", "costs:write");
        String viewer = TestTokens.workspaces(List.of(ws), "CLIENT_VIEWER", "content:read");
        String other = TestTokens.workspace(UUID.randomUUID(), "content:read", "content:write");
        for (String token : List.of(all, viewer, other)) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"Sneaky\"}")
                    .patch("/workspaces/" + ws).then().statusCode(403).contentType(startsWith("application/problem+json"));
            given().auth().oauth2(token).post("/workspaces/" + ws + "/archive").then().statusCode(403)
                    .contentType(startsWith("application/problem+json"));
            given().auth().oauth2(token).post("/workspaces/" + ws + "/unarchive").then().statusCode(403)
                    .contentType(startsWith("application/problem+json"));
        }
        given().contentType(ContentType.JSON).body("{\"name\":\"Sneaky\"}").patch("/workspaces/" + ws).then()
                .statusCode(401).contentType(startsWith("application/problem+json"));
        given().post("/workspaces/" + ws + "/archive").then().statusCode(401);
        admin().post("/workspaces/" + UUID.randomUUID() + "/archive").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        assertEquals(java.util.Arrays.asList("Client", "UTC", "EUR", null), row(ws));
    }
}
