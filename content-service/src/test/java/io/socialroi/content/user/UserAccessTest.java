package io.socialroi.content.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** PUT /users/{userId}/access: an admin changes a user's role and workspaces; the user's old tokens stop working. */
@QuarkusTest
class UserAccessTest {

    private static io.restassured.response.ValidatableResponse put(String token, String user, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/users/" + user + "/access").then();
    }

    private static String claims(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    @Test
    void aManagerBecomesAClientViewerOfAnotherWorkspaceAndTheirOldTokenStops() {
        String first = UserResourceTest.workspace("First");
        String second = UserResourceTest.workspace("Second");
        String email = UserResourceTest.unique("mara");
        String id = UserResourceTest.createUser(email, "manager-password-1", "MANAGER", first);
        String old = LoginResourceTest.login(LoginResourceTest.randomAddress(), email, "manager-password-1", 200)
                .path("access_token");
        given().auth().oauth2(old).get("/workspaces/" + first + "/posts").then().statusCode(200);

        put(TestTokens.admin(), id, "{\"role\":\"CLIENT_VIEWER\",\"workspaceIds\":[\"" + second + "\"]}")
                .statusCode(200).body("role", equalTo("CLIENT_VIEWER")).body("workspaceIds", contains(second))
                .body("active", equalTo(true));
        given().auth().oauth2(TestTokens.admin()).get("/users/" + id).then().statusCode(200)
                .body("role", equalTo("CLIENT_VIEWER")).body("workspaceIds", contains(second));
        // The token issued under the old role is revoked at once on this replica.
        given().auth().oauth2(old).get("/workspaces/" + first + "/posts").then().statusCode(401);
        // Signing in again gives the new role and workspaces.
        String fresh = LoginResourceTest.login(LoginResourceTest.randomAddress(), email, "manager-password-1", 200)
                .path("access_token");
        String payload = claims(fresh);
        assertEquals(true, payload.contains("\"role\":\"CLIENT_VIEWER\""), payload);
        assertEquals(true, payload.contains(second) && !payload.contains(first), payload);
        // The new token works at once, though it was issued within a second of the revocation (iat_ms tells them
        // apart), while the old one stays revoked.
        given().auth().oauth2(fresh).get("/workspaces/" + second + "/posts").then().statusCode(200);
        given().auth().oauth2(fresh).get("/workspaces/" + first + "/posts").then().statusCode(404);
        given().auth().oauth2(old).get("/workspaces/" + first + "/posts").then().statusCode(401);

        // An admin sees every workspace: the list is emptied.
        put(TestTokens.admin(), id, "{\"role\":\"ADMIN\"}").statusCode(200).body("role", equalTo("ADMIN"))
                .body("workspaceIds", empty());
    }

    @Test
    void badChangesAreRefusedAndChangeNothing() {
        String ws = UserResourceTest.workspace("Third");
        String id = UserResourceTest.createUser(UserResourceTest.unique("leo"), "manager-password-2", "MANAGER", ws);
        put(TestTokens.admin(), id, "{\"role\":\"MANAGER\",\"workspaceIds\":[]}").statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("workspaceIds"));
        put(TestTokens.admin(), id, "{\"role\":\"MANAGER\",\"workspaceIds\":[\"" + UUID.randomUUID() + "\"]}")
                .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("workspaceIds[0]"));
        put(TestTokens.admin(), id, "{\"role\":\"OWNER\",\"workspaceIds\":[\"" + ws + "\"]}").statusCode(400)
                .contentType("application/problem+json");
        put(TestTokens.admin(), id, "{\"role\":").statusCode(400).contentType("application/problem+json");
        put(TestTokens.admin(), UUID.randomUUID().toString(), "{\"role\":\"ADMIN\"}").statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).get("/users/" + id).then().statusCode(200)
                .body("role", equalTo("MANAGER")).body("workspaceIds", contains(ws));
        // Deactivated users keep their access; the admin cannot change their own.
        given().auth().oauth2(TestTokens.admin()).post("/users/" + id + "/deactivate").then().statusCode(200);
        put(TestTokens.admin(), id, "{\"role\":\"ADMIN\"}").statusCode(409).contentType("application/problem+json");
    }

    @Test
    void onlyAnAgencyAdminMayChangeAccess() {
        String ws = UserResourceTest.workspace("Fourth");
        String id = UserResourceTest.createUser(UserResourceTest.unique("ida"), "manager-password-3", "MANAGER", ws);
        String body = "{\"role\":\"ADMIN\"}";
        given().contentType(ContentType.JSON).body(body).put("/users/" + id + "/access").then().statusCode(401)
                .contentType("application/problem+json");
        put(TestTokens.workspace(UUID.fromString(ws), "content:read", "content:write"), id, body).statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).get("/users/" + id).then().body("role", equalTo("MANAGER"));
    }
}
