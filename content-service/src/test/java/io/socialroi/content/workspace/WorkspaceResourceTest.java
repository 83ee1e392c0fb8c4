package io.socialroi.content.workspace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkspaceResourceTest {

    static String create(String name, String zone, String currency) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"timeZone\":\"" + zone + "\",\"currency\":\"" + currency + "\"}")
                .post("/workspaces").then().statusCode(201).extract().path("id");
    }

    @Test
    void adminCreatesAndReadsWorkspace() {
        String id = create("Bakery Rossi", "Europe/Rome", "EUR");
        given().auth().oauth2(TestTokens.admin()).get("/workspaces/" + id).then().statusCode(200)
                .body("name", equalTo("Bakery Rossi")).body("timeZone", equalTo("Europe/Rome"))
                .body("currency", equalTo("EUR")).body("createdAt", notNullValue());
        given().auth().oauth2(TestTokens.admin()).get("/workspaces?limit=500").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void workspaceTokenSeesOnlyItsOwnWorkspace() {
        String mine = create("Mine", "UTC", "USD");
        String other = create("Other", "UTC", "USD");
        String token = TestTokens.workspace(UUID.fromString(mine), "content:read");
        given().auth().oauth2(token).get("/workspaces/" + mine).then().statusCode(200).body("id", equalTo(mine));
        given().auth().oauth2(token).get("/workspaces/" + other).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(token).get("/workspaces").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(mine));
    }

    @Test
    void onlyAdminCreatesWorkspaces() {
        String body = "{\"name\":\"X\",\"timeZone\":\"UTC\",\"currency\":\"EUR\"}";
        given().contentType(ContentType.JSON).body(body).post("/workspaces").then().statusCode(401)
                .contentType("application/problem+json").body("title", equalTo("Unauthorized"));
        given().auth().oauth2("not-a-jwt").contentType(ContentType.JSON).body(body).post("/workspaces")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(UUID.randomUUID(), "content:write")).contentType(ContentType.JSON)
                .body(body).post("/workspaces").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"timeZone\":\"Mars/Olympus\",\"currency\":\"EUR\"}")
                .post("/workspaces").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("timeZone"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"timeZone\":\"UTC\",\"currency\":\"EURO\"}")
                .post("/workspaces").then().statusCode(422).body("errors[0].field", equalTo("currency"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":")
                .post("/workspaces").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":[1],\"timeZone\":\"UTC\",\"currency\":\"EUR\"}")
                .post("/workspaces").then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"timeZone\":\"UTC\",\"currency\":\"EUR\"}")
                .post("/workspaces").then().statusCode(422).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(admin).get("/workspaces?limit=500").then()
                .body("items.name", org.hamcrest.Matchers.not(hasItem("X")));
    }

    @Test
    void oversizeBodyIs413ProblemAndStoresNothing() {
        String name = "Huge " + UUID.randomUUID();
        String body = "{\"name\":\"" + name + "\",\"timeZone\":\"UTC\",\"currency\":\"EUR\",\"pad\":\""
                + "x".repeat(1_100_000) + "\"}";
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body).post("/workspaces")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        given().auth().oauth2(TestTokens.admin()).get("/workspaces?limit=500").then()
                .body("items.name", org.hamcrest.Matchers.not(hasItem(name)));
    }

    @Test
    void invalidUtf8AndUnknownFieldsAreRefused() {
        byte[] invalid = "{\"name\":\"\u00ff\",\"timeZone\":\"UTC\",\"currency\":\"EUR\"}".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1);
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(invalid).post("/workspaces")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
