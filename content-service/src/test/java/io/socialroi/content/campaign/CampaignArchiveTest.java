package io.socialroi.content.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Archiving a campaign (issue 16): hidden from the default list, takes no posts, keeps the ones it has. */
@QuarkusTest
class CampaignArchiveTest {

    private static long archived(UUID campaign) {
        return Fixtures.count("select count(*) from campaign where id = ? and archived_at is not null", campaign);
    }

    private static String post(UUID ws, UUID campaign) {
        return given().auth().oauth2(Fixtures.writer(ws)).contentType(ContentType.JSON)
                .body("{\"campaignId\":\"" + campaign + "\",\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\","
                        + "\"caption\":\"Hello\"}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
    }

    @Test
    void anArchivedCampaignLeavesTheDefaultListAndComesBack() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        UUID kept = Fixtures.campaign(ws, "Kept");
        UUID gone = Fixtures.campaign(ws, "Gone");
        String writer = Fixtures.writer(ws);
        given().auth().oauth2(writer).post("/workspaces/" + ws + "/campaigns/" + gone + "/archive").then()
                .statusCode(200).body("id", equalTo(gone.toString())).body("archived", equalTo(true))
                .body("archivedAt", notNullValue()).body("name", equalTo("Gone"));
        assertEquals(1, archived(gone));
        given().auth().oauth2(writer).get("/workspaces/" + ws + "/campaigns").then().statusCode(200)
                .body("items.id", equalTo(List.of(kept.toString())));
        given().auth().oauth2(writer).get("/workspaces/" + ws + "/campaigns?archived=true").then().statusCode(200)
                .body("items.id", equalTo(List.of(gone.toString()))).body("items[0].archived", equalTo(true));
        given().auth().oauth2(writer).get("/workspaces/" + ws + "/campaigns?archived=maybe").then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("archived"));
        // Still readable by id.
        given().auth().oauth2(writer).get("/workspaces/" + ws + "/campaigns/" + gone).then().statusCode(200)
                .body("archived", equalTo(true));

        given().auth().oauth2(writer).post("/workspaces/" + ws + "/campaigns/" + gone + "/unarchive").then()
                .statusCode(200).body("archived", equalTo(false)).body("archivedAt", nullValue());
        assertEquals(0, archived(gone));
        given().auth().oauth2(writer).get("/workspaces/" + ws + "/campaigns").then()
                .body("items.id", equalTo(List.of(kept.toString(), gone.toString())));
    }

    @Test
    void noPostIsPutIntoAnArchivedCampaignButItsOwnPostsStayEditable() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        UUID campaign = Fixtures.campaign(ws, "Autumn");
        UUID other = Fixtures.campaign(ws, "Winter");
        String inside = post(ws, campaign);
        String outside = post(ws, other);
        String writer = Fixtures.writer(ws);
        given().auth().oauth2(writer).post("/workspaces/" + ws + "/campaigns/" + campaign + "/archive").then()
                .statusCode(200);
        long posts = Fixtures.count("select count(*) from post where workspace_id = ?", ws);

        given().auth().oauth2(writer).contentType(ContentType.JSON)
                .body("{\"campaignId\":\"" + campaign + "\",\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\","
                        + "\"caption\":\"Late\"}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("campaignId"));
        assertEquals(posts, Fixtures.count("select count(*) from post where workspace_id = ?", ws));
        given().auth().oauth2(writer).contentType(ContentType.JSON).body("{\"campaignId\":\"" + campaign + "\"}")
                .patch("/workspaces/" + ws + "/posts/" + outside).then().statusCode(422)
                .body("errors[0].field", equalTo("campaignId"));
        assertEquals(1, Fixtures.count("select count(*) from post where id = ? and campaign_id = ?",
                UUID.fromString(outside), other));
        // A post already in it can still be edited.
        given().auth().oauth2(writer).contentType(ContentType.JSON).body("{\"caption\":\"Edited\"}")
                .patch("/workspaces/" + ws + "/posts/" + inside).then().statusCode(200)
                .body("caption", equalTo("Edited")).body("campaignId", equalTo(campaign.toString()));
    }

    @Test
    void archivingNeedsContentWriteOfThisWorkspace() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        UUID campaign = Fixtures.campaign(ws, "Guarded");
        String viewer = TestTokens.workspaces(List.of(ws), "CLIENT_VIEWER", "content:read");
        given().auth().oauth2(viewer).post("/workspaces/" + ws + "/campaigns/" + campaign + "/archive").then()
                .statusCode(403).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(TestTokens.workspace(UUID.randomUUID(), "content:write"))
                .post("/workspaces/" + ws + "/campaigns/" + campaign + "/archive").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(Fixtures.writer(ws)).post("/workspaces/" + ws + "/campaigns/" + UUID.randomUUID()
                + "/archive").then().statusCode(404).contentType(startsWith("application/problem+json"));
        assertEquals(0, archived(campaign));
        given().auth().oauth2(Fixtures.writer(ws)).get("/workspaces/" + ws + "/campaigns").then()
                .body("items.id", hasItem(campaign.toString())).body("items.archived", not(hasItem(true)));
    }
}
