package io.socialroi.content.campaign;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.count;
import static io.socialroi.content.Fixtures.writer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CampaignResourceTest {

    private static final String SPRING = "{\"name\":\"Spring Sale 2026!\",\"objective\":\"Sell the spring collection\","
            + "\"startDate\":\"2026-03-01\",\"endDate\":\"2026-03-31\",\"budget\":{\"amount\":\"2500.5\",\"currency\":\"EUR\"}}";

    @Test
    void createsReadsAndListsWithSlugAndMoney() {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(SPRING)
                .post("/workspaces/" + ws + "/campaigns").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/workspaces/" + ws + "/campaigns/"))
                .body("slug", equalTo("spring-sale-2026")).body("budget.amount", equalTo("2500.50"))
                .body("budget.currency", equalTo("EUR")).body("startDate", equalTo("2026-03-01"))
                .body("endDate", equalTo("2026-03-31")).body("workspaceId", equalTo(ws.toString()))
                .extract().path("id");
        given().auth().oauth2(TestTokens.workspace(ws, "content:read")).get("/workspaces/" + ws + "/campaigns/" + id)
                .then().statusCode(200).body("name", equalTo("Spring Sale 2026!"))
                .body("objective", equalTo("Sell the spring collection")).body("createdAt", notNullValue());
        // A second campaign with the same name gets its own slug.
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(SPRING)
                .post("/workspaces/" + ws + "/campaigns").then().statusCode(201).body("slug", equalTo("spring-sale-2026-2"));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/campaigns").then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].id", equalTo(id)).body("nextCursor", nullValue());
    }

    @Test
    void pagesWithCursor() {
        UUID ws = Fixtures.workspace("UTC", "USD");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(Fixtures.campaign(ws, "C" + i).toString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().auth().oauth2(writer(ws)).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/workspaces/" + ws + "/campaigns").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(created, seen);
        given().auth().oauth2(writer(ws)).queryParam("cursor", "garbage").get("/workspaces/" + ws + "/campaigns")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(writer(ws)).queryParam("limit", 501).get("/workspaces/" + ws + "/campaigns")
                .then().statusCode(422).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void patchChangesFieldsButNeverTheSlug() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        UUID id = Fixtures.campaign(ws, "Winter");
        String url = "/workspaces/" + ws + "/campaigns/" + id;
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"name\":\"Winter push\",\"budget\":{\"amount\":100,\"currency\":\"EUR\"},\"endDate\":\"2026-04-01\"}")
                .patch(url).then().statusCode(200).body("name", equalTo("Winter push")).body("slug", equalTo("winter"))
                .body("budget.amount", equalTo("100.00")).body("endDate", equalTo("2026-04-01"))
                .body("objective", equalTo("Sales"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"budget\":null}").patch(url)
                .then().statusCode(200).body("budget", nullValue()).body("name", equalTo("Winter push"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"slug\":\"other\"}").patch(url)
                .then().statusCode(422).body("errors[0].field", equalTo("slug"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"endDate\":\"2026-02-01\"}").patch(url)
                .then().statusCode(422).body("errors[0].field", equalTo("endDate"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("[1]").patch(url)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(writer(ws)).get(url).then().body("endDate", equalTo("2026-04-01"))
                .body("slug", equalTo("winter"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .patch("/workspaces/" + ws + "/campaigns/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String url = "/workspaces/" + ws + "/campaigns";
        String token = writer(ws);
        expect(token, url, "{\"name\":", 400, "");
        expect(token, url, SPRING.replace("\"2500.5\"", "\"-1\""), 422, "budget.amount");
        expect(token, url, SPRING.replace("\"2500.5\"", "\"12.345\""), 422, "budget.amount");
        expect(token, url, SPRING.replace("\"2500.5\"", "\"lots\""), 400, "budget.amount");
        expect(token, url, SPRING.replace("\"currency\":\"EUR\"", "\"currency\":\"USD\""), 422, "budget");
        expect(token, url, SPRING.replace("\"currency\":\"EUR\"", "\"currency\":\"EURO\""), 422, "budget.currency");
        expect(token, url, SPRING.replace("2026-03-31", "2026-02-30"), 400, "endDate");
        expect(token, url, SPRING.replace("2026-03-31", "2026-02-01"), 422, "endDate");
        expect(token, url, SPRING.replace("\"Spring Sale 2026!\"", "[1]"), 400, "name");
        expect(token, url, SPRING.replace("\"name\":\"Spring Sale 2026!\",", ""), 422, "name");
        expect(token, url, SPRING.replace("{\"name\"", "{\"slug\":\"Bad Slug\",\"name\""), 422, "slug");
        assertEquals(0, count("select count(*) from campaign where workspace_id = ?", ws));
    }

    private static void expect(String token, String url, String body, int status, String field) {
        var response = given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(url).then()
                .statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        if (!field.isEmpty()) {
            response.body("errors[0].field", equalTo(field));
        }
    }

    @Test
    void tokensScopesAndTenancy() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        UUID other = Fixtures.workspace("UTC", "EUR");
        UUID id = Fixtures.campaign(ws, "Mine");
        String url = "/workspaces/" + ws + "/campaigns";
        String body = SPRING;
        given().contentType(ContentType.JSON).body(body).post(url).then().statusCode(401)
                .contentType("application/problem+json");
        given().get(url + "/" + id).then().statusCode(401);
        given().auth().oauth2(TestTokens.workspace(ws, "content:read")).contentType(ContentType.JSON).body(body)
                .post(url).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(ws, "content:read")).contentType(ContentType.JSON)
                .body("{\"name\":\"x\"}").patch(url + "/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.workspace(ws, "engagement:read")).get(url).then().statusCode(403);
        given().auth().oauth2(writer(other)).get(url).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(writer(other)).get(url + "/" + id).then().statusCode(404);
        given().auth().oauth2(writer(other)).contentType(ContentType.JSON).body(body).post(url).then().statusCode(404);
        // The other workspace's own path does not reveal this campaign either.
        given().auth().oauth2(writer(other)).get("/workspaces/" + other + "/campaigns/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.service("content:read")).get(url + "/" + id).then().statusCode(200);
        assertEquals(1, count("select count(*) from campaign where workspace_id = ?", ws));
    }
}
