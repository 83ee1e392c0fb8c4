package io.socialroi.content.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /workspaces/{ws}/credentials: the admin sees a workspace's credentials, revoked ones marked, no secret. */
@QuarkusTest
class CredentialListTest {

    private static String create(UUID ws, String name) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"scopes\":[\"conversions:write\"]}")
                .post("/workspaces/" + ws + "/credentials").then().statusCode(201).extract().path("clientId");
    }

    @Test
    void listsTheWorkspacesCredentialsWithoutSecretsAndPages() {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        UUID other = Fixtures.workspace("UTC", "USD");
        String shop = create(ws, "Shop");
        String crm = create(ws, "CRM");
        create(other, "Elsewhere");
        given().auth().oauth2(TestTokens.admin()).delete("/workspaces/" + ws + "/credentials/" + crm).then().statusCode(204);

        String path = "/workspaces/" + ws + "/credentials";
        given().auth().oauth2(TestTokens.admin()).get(path).then().statusCode(200).body("items", hasSize(2))
                .body("items.find { it.clientId == '" + shop + "' }.active", equalTo(true))
                .body("items.find { it.clientId == '" + shop + "' }.name", equalTo("Shop"))
                .body("items.find { it.clientId == '" + shop + "' }.scopes", equalTo(List.of("conversions:write")))
                .body("items.find { it.clientId == '" + shop + "' }.revokedAt", nullValue())
                .body("items.find { it.clientId == '" + crm + "' }.active", equalTo(false))
                .body("items.find { it.clientId == '" + crm + "' }.revokedAt", notNullValue())
                .body("items[0]", not(hasKey("clientSecret"))).body("items[0]", not(hasKey("secretHash")))
                .body("nextCursor", nullValue());
        String cursor = given().auth().oauth2(TestTokens.admin()).queryParam("limit", 1).get(path).then().statusCode(200)
                .body("items", hasSize(1)).extract().path("nextCursor");
        given().auth().oauth2(TestTokens.admin()).queryParam("limit", 1).queryParam("cursor", cursor).get(path).then()
                .statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue());
        given().auth().oauth2(TestTokens.admin()).queryParam("limit", 0).get(path).then().statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void onlyTheAgencyAdminListsCredentials() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String path = "/workspaces/" + ws + "/credentials";
        given().get(path).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(ws, "content:read", "content:write", "conversions:write"))
                .get(path).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspaces(List.of(ws), "CLIENT_VIEWER", "content:read")).get(path).then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).get("/workspaces/" + UUID.randomUUID() + "/credentials").then()
                .statusCode(404).contentType("application/problem+json");
    }
}
