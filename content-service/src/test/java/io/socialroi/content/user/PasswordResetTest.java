package io.socialroi.content.user;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.user.UserResourceTest.count;
import static io.socialroi.content.user.UserResourceTest.createUser;
import static io.socialroi.content.user.UserResourceTest.db;
import static io.socialroi.content.user.UserResourceTest.unique;
import static io.socialroi.content.user.UserResourceTest.workspace;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.socialroi.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * POST /users/{id}/password-reset (admin) makes a one-time link; POST /auth/password-reset sets the password with
 * it once, ends the user's sessions, and refuses used, expired, replaced and forged tokens.
 */
@QuarkusTest
class PasswordResetTest {

    private static JsonPath makeLink(String userId) {
        return given().auth().oauth2(TestTokens.admin()).post("/users/" + userId + "/password-reset").then()
                .statusCode(201).header("Cache-Control", "no-store").extract().jsonPath();
    }

    private static ValidatableResponse reset(String address, String token, String password) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body("{\"token\":\"" + token + "\",\"newPassword\":\"" + password + "\"}")
                .post("/auth/password-reset").then();
    }

    private static ValidatableResponse reset(String token, String password) {
        return reset(LoginResourceTest.randomAddress(), token, password);
    }

    private static String login(String email, String password, int status) {
        return LoginResourceTest.login(LoginResourceTest.randomAddress(), email, password, status).path("access_token");
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String passwordHash(String userId) throws Exception {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("select password_hash from app_user where id = ?")) {
            s.setObject(1, UUID.fromString(userId));
            ResultSet rs = s.executeQuery();
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void anAdminsLinkSetsTheNewPasswordOnceAndEndsTheUsersSessions() throws Exception {
        String ws = workspace("Reset");
        String email = unique("rita");
        String id = createUser(email, "forgotten-password-1", "MANAGER", ws);
        String session = login(email, "forgotten-password-1", 200);

        JsonPath link = makeLink(id);
        String token = link.getString("token");
        assertEquals(id, link.getString("userId"));
        assertEquals(email, link.getString("email"));
        assertEquals("http://127.0.0.1:8084/app/#reset?token=" + token, link.getString("url"));
        assertTrue(token.length() >= 43, token);
        Duration lifetime = Duration.between(Instant.now(), Instant.parse(link.getString("expiresAt")));
        assertTrue(lifetime.compareTo(Duration.ofHours(23)) > 0 && lifetime.compareTo(Duration.ofHours(24)) <= 0,
                lifetime.toString());

        // Stored only as the token's SHA-256: the token itself is nowhere in the table.
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "select token_hash, created_by, used_at from password_reset where user_id = ?")) {
            s.setObject(1, UUID.fromString(id));
            ResultSet rs = s.executeQuery();
            assertTrue(rs.next());
            assertEquals(sha256(token), rs.getString(1));
            assertNotNull(rs.getString(2));
            assertEquals(null, rs.getObject(3));
            assertFalse(rs.next());
        }
        assertEquals(0, count("select count(*) from password_reset where token_hash = ?", token));
        // Making the link changes nothing yet: the old password and session still work.
        given().auth().oauth2(session).get("/workspaces/" + ws + "/posts").then().statusCode(200);
        String before = passwordHash(id);

        // A new password that breaks the rules is refused and leaves the link usable.
        reset(token, "short").statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("newPassword"));
        given().contentType(ContentType.JSON).body("{\"token\":").post("/auth/password-reset").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
        assertEquals(before, passwordHash(id));

        reset(token, "remembered-password-2").statusCode(200).body("email", equalTo(email))
                .body("userId", equalTo(id)).header("Cache-Control", "no-store");
        assertNotEquals(before, passwordHash(id));
        assertTrue(passwordHash(id).startsWith("$argon2id$"));
        assertEquals(1, count("select count(*) from password_reset where user_id = ? and used_at is not null",
                UUID.fromString(id)));
        // Every session of the user ends; the old password no longer signs in, the new one does.
        given().auth().oauth2(session).get("/workspaces/" + ws + "/posts").then().statusCode(401);
        login(email, "forgotten-password-1", 401);
        // Tokens issued up to the whole second after a revocation count as issued before it (Revocations rounds
        // the revocation up, iat has whole seconds): the new sign-in comes after that, as a person's would.
        Thread.sleep(2050 - System.currentTimeMillis() % 1000);
        String fresh = login(email, "remembered-password-2", 200);
        given().auth().oauth2(fresh).get("/workspaces/" + ws + "/posts").then().statusCode(200);

        // The link works once.
        String after = passwordHash(id);
        reset(token, "attacker-password-3").statusCode(410).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(410)).body("detail", startsWith("This reset link has been used already"));
        assertEquals(after, passwordHash(id));
        given().auth().oauth2(fresh).get("/workspaces/" + ws + "/posts").then().statusCode(200);
    }

    @Test
    void aNewLinkEndsThePreviousOne() throws Exception {
        String ws = workspace("Reset twice");
        String email = unique("rolf");
        String id = createUser(email, "first-password-1", "CLIENT_VIEWER", ws);
        String first = makeLink(id).getString("token");
        String second = makeLink(id).getString("token");
        assertNotEquals(first, second);
        assertEquals(1, count("select count(*) from password_reset where user_id = ? and superseded_at is null",
                UUID.fromString(id)));
        String before = passwordHash(id);
        reset(first, "second-password-2").statusCode(410).body("detail", startsWith("This reset link was replaced"));
        assertEquals(before, passwordHash(id));
        reset(second, "second-password-2").statusCode(200);
        login(email, "second-password-2", 200);
    }

    @Test
    void expiredAndForgedTokensAndDeactivatedUsersAreRefusedAndChangeNothing() throws Exception {
        String ws = workspace("Reset refused");
        String email = unique("ezra");
        String id = createUser(email, "first-password-1", "MANAGER", ws);
        String token = makeLink(id).getString("token");
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "update password_reset set expires_at = now() - interval '1 second' where user_id = ?")) {
            s.setObject(1, UUID.fromString(id));
            assertEquals(1, s.executeUpdate());
        }
        String before = passwordHash(id);
        reset(token, "second-password-2").statusCode(410).contentType(startsWith("application/problem+json"))
                .body("detail", startsWith("This reset link has expired"));

        // A token no link has: a random one, the hash instead of the token, one changed character.
        String fresh = makeLink(id).getString("token");
        String changed = (fresh.charAt(0) == 'A' ? "B" : "A") + fresh.substring(1);
        for (String forged : List.of("not-a-token", sha256(fresh), changed)) {
            reset(forged, "second-password-2").statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(400));
        }
        assertEquals(before, passwordHash(id));
        login(email, "first-password-1", 200);

        // A deactivated user's link stops working, and no new one is made for them.
        given().auth().oauth2(TestTokens.admin()).post("/users/" + id + "/deactivate").then().statusCode(200);
        reset(fresh, "second-password-2").statusCode(410).body("detail", startsWith("The user of this reset link is deactivated"));
        long links = count("select count(*) from password_reset where user_id = ?", UUID.fromString(id));
        given().auth().oauth2(TestTokens.admin()).post("/users/" + id + "/password-reset").then().statusCode(409)
                .contentType(startsWith("application/problem+json"));
        assertEquals(links, count("select count(*) from password_reset where user_id = ?", UUID.fromString(id)));
        assertEquals(before, passwordHash(id));
        given().auth().oauth2(TestTokens.admin()).post("/users/" + UUID.randomUUID() + "/password-reset").then()
                .statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void refusedTokensLockTheAddressLikeFailedSignIns() {
        String address = LoginResourceTest.randomAddress();
        // The test profile locks an address at its 20th failure (suite.login.max-failures-per-address).
        for (int i = 0; i < 20; i++) {
            reset(address, "guess-" + i, "second-password-2").statusCode(400);
        }
        reset(address, "guess-20", "second-password-2").statusCode(429)
                .contentType(startsWith("application/problem+json")).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // Another address is not affected.
        reset("not-a-token", "second-password-2").statusCode(400);
    }
}
