package io.socialroi.content.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.socialroi.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /auth/password: a signed-in user changes their own password; their sessions end. */
@QuarkusTest
class PasswordChangeTest {

    private static ValidatableResponse change(String token, String current, String next) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}")
                .post("/auth/password").then();
    }

    private static String login(String email, String password, int status) {
        return LoginResourceTest.login(LoginResourceTest.randomAddress(), email, password, status).path("access_token");
    }

    @Test
    void aUserChangesTheirPasswordAndTheOldOneAndOldSessionsStopWorking() {
        String ws = UserResourceTest.workspace("Password");
        String email = UserResourceTest.unique("nina");
        UserResourceTest.createUser(email, "first-password-1", "MANAGER", ws);
        String token = login(email, "first-password-1", 200);

        change(token, "not-my-password", "second-password-2").statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("currentPassword"));
        change(token, "first-password-1", "short").statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("newPassword"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"currentPassword\":").post("/auth/password")
                .then().statusCode(400).contentType("application/problem+json");
        // Nothing changed so far.
        given().auth().oauth2(token).get("/workspaces/" + ws + "/posts").then().statusCode(200);

        change(token, "first-password-1", "second-password-2").statusCode(204);
        given().auth().oauth2(token).get("/workspaces/" + ws + "/posts").then().statusCode(401);
        login(email, "first-password-1", 401);
        login(email, "second-password-2", 200);
    }

    @Test
    void onlyAUsersOwnTokenMayChangeAPassword() {
        given().contentType(ContentType.JSON).body("{\"currentPassword\":\"a\",\"newPassword\":\"0123456789ab\"}")
                .post("/auth/password").then().statusCode(401).contentType("application/problem+json");
        // An API credential's token, and the test admin (no user behind it), have no password.
        change(TestTokens.workspace(UUID.randomUUID(), "content:read", "content:write"), "a", "0123456789ab")
                .statusCode(403).contentType("application/problem+json");
        change(TestTokens.admin(), "a", "0123456789ab").statusCode(403).contentType("application/problem+json");
    }
}
