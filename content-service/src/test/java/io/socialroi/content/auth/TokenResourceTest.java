package io.socialroi.content.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.testing.TestTokens;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TokenResourceTest {

    private static String workspace() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"Acme\",\"timeZone\":\"America/New_York\",\"currency\":\"USD\"}")
                .post("/workspaces").then().statusCode(201).extract().path("id");
    }

    private static String token(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret).post("/auth/token").then().statusCode(200)
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(3600))
                .extract().path("access_token");
    }

    @Test
    void adminCredentialFromConfigurationGetsAnAdminToken() {
        String admin = token("test-admin", "test-admin-secret");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"A\",\"timeZone\":\"UTC\",\"currency\":\"EUR\"}")
                .post("/workspaces").then().statusCode(201);
    }

    @Test
    void workspaceCredentialIsHashedBoundAndRevocable() throws Exception {
        String ws = workspace();
        var created = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"Shop\",\"scopes\":[\"content:read\",\"conversions:write\"]}")
                .post("/workspaces/" + ws + "/credentials").then().statusCode(201)
                .body("clientId", notNullValue()).body("clientSecret", notNullValue())
                .extract().jsonPath();
        String clientId = created.getString("clientId");
        String secret = created.getString("clientSecret");

        String jdbcUrl = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class);
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "");
                var s = c.prepareStatement("select secret_hash, scopes from credential where client_id = ?")) {
            s.setString(1, clientId);
            ResultSet rs = s.executeQuery();
            rs.next();
            assertNotEquals(secret, rs.getString(1));
            assertEquals(Secrets.hash(secret), rs.getString(1));
            assertEquals("content:read conversions:write", rs.getString(2));
        }

        String token = token(clientId, secret);
        given().auth().oauth2(token).get("/workspaces/" + ws).then().statusCode(200).body("id", equalTo(ws));
        given().auth().oauth2(token).get("/workspaces/" + workspace()).then().statusCode(404);
        // The credential cannot act as admin.
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"x\",\"scopes\":[\"content:read\"]}")
                .post("/workspaces/" + ws + "/credentials").then().statusCode(403);

        given().auth().oauth2(TestTokens.admin()).delete("/workspaces/" + ws + "/credentials/" + clientId)
                .then().statusCode(204);
        given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret).post("/auth/token").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void credentialCreationIsIdempotentWithoutKeepingTheSecretReadable() throws Exception {
        String ws = workspace();
        String key = java.util.UUID.randomUUID().toString();
        String body = "{\"name\":\"CRM\",\"scopes\":[\"conversions:write\"]}";
        var first = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/workspaces/" + ws + "/credentials").then().statusCode(201).extract();
        var replay = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/workspaces/" + ws + "/credentials").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract();
        String clientId = first.path("clientId");
        String secret = first.path("clientSecret");
        assertEquals(clientId, replay.path("clientId"));
        assertEquals(secret, replay.path("clientSecret"));
        assertEquals(first.header("Location"), replay.header("Location"));
        token(clientId, secret);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"name\":\"Other\",\"scopes\":[\"conversions:write\"]}")
                .post("/workspaces/" + ws + "/credentials").then().statusCode(422)
                .contentType("application/problem+json");

        String jdbcUrl = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class);
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "");
                var s = c.prepareStatement("select count(*) from credential where workspace_id = ?::uuid");
                var kept = c.prepareStatement("select idem_key, body from idempotency_key where scope = ?")) {
            s.setString(1, ws);
            ResultSet rs = s.executeQuery();
            rs.next();
            assertEquals(1, rs.getInt(1), "one credential for one key");
            kept.setString(1, ws);
            ResultSet row = kept.executeQuery();
            org.junit.jupiter.api.Assertions.assertTrue(row.next());
            assertNotEquals(key, row.getString(1));
            String stored = new String(row.getBytes(2), java.nio.charset.StandardCharsets.ISO_8859_1);
            org.junit.jupiter.api.Assertions.assertFalse(stored.contains(secret), "secret kept readable");
            org.junit.jupiter.api.Assertions.assertFalse(stored.contains(clientId), "answer kept readable");
        }
    }

    @Test
    void wrongSecretsAndGrantsAreRefused() {
        given().formParam("grant_type", "client_credentials").formParam("client_id", "test-admin")
                .formParam("client_secret", "wrong").post("/auth/token").then().statusCode(401)
                .body("title", equalTo("Invalid client"));
        given().formParam("grant_type", "password").formParam("client_id", "test-admin")
                .formParam("client_secret", "test-admin-secret").post("/auth/token").then().statusCode(400);
        given().formParam("grant_type", "client_credentials").formParam("client_id", "reporting-service")
                .formParam("client_secret", "nope").post("/auth/token").then().statusCode(401);
    }

    @Test
    void unknownScopesAndOtherWorkspacesAreRefused() {
        String ws = workspace();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"scopes\":[\"content:read\",\"root\"]}")
                .post("/workspaces/" + ws + "/credentials").then().statusCode(422)
                .body("errors[0].field", equalTo("scopes[1]"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"scopes\":[\"content:read\"]}")
                .post("/workspaces/" + UUID.randomUUID() + "/credentials").then().statusCode(404);
    }

    @Test
    void tokensNameTheConfiguredKeyId() {
        String token = token("test-admin", "test-admin-secret");
        String header = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("suite", io.restassured.path.json.JsonPath.from(header).getString("kid"));
        assertEquals("RS256", io.restassured.path.json.JsonPath.from(header).getString("alg"));
        // Another key id (suite.jwt.key-id / SUITE_JWT_KEY_ID) goes into the header of what the issuer signs.
        String rotated = new TokenIssuer(60, "suite-2027").issue("someone", java.util.List.of("content:read"), null, null)
                .token();
        String rotatedHeader = new String(java.util.Base64.getUrlDecoder().decode(rotated.split("\\.")[0]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("suite-2027", io.restassured.path.json.JsonPath.from(rotatedHeader).getString("kid"));
        given().auth().oauth2(rotated).get("/workspaces").then().statusCode(200);
    }
}
