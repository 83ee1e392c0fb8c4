package io.socialroi.content.user;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.user.UserResourceTest.createUser;
import static io.socialroi.content.user.UserResourceTest.unique;
import static io.socialroi.content.user.UserResourceTest.workspace;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginResourceTest {

    /** A sign-in from a client address of its own, behind the trusted proxy (127.0.0.1 in the test profile). */
    private static ExtractableResponse<Response> login(String email, String password, int status) {
        return login(randomAddress(), email, password, status);
    }

    static ExtractableResponse<Response> login(String address, String email, String password, int status) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .post("/auth/login").then().statusCode(status).extract();
    }

    /** Addresses handed out so far; each test caller gets one nobody else in this run has used. */
    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic
            .AtomicInteger(java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 16));

    /**
     * A client address no other request of this test run has come from (198.18.0.0/15, the benchmarking range:
     * 131,072 addresses, handed out in turn from a random start), so one test's limits and locks never reach
     * another's: a random pick could repeat, and the test that drew it would meet somebody else's lock.
     */
    static String randomAddress() {
        int n = ADDRESSES.getAndIncrement() & 0x1ffff;
        return "198." + (18 + (n >> 16)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    private static JsonPath claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload);
    }

    @Test
    void theConfiguredFirstAdminSignsInAndGetsAnAdminTokenAndCookie() {
        ExtractableResponse<Response> answer = login("Admin@Agency.test", "first-admin-password", 200);
        assertEquals("Bearer", answer.path("token_type"));
        assertEquals(3600, (Integer) answer.path("expires_in"));
        String token = answer.path("access_token");
        JsonPath claims = claims(token);
        assertEquals("ADMIN", claims.getString("role"));
        assertTrue(claims.getList("groups").contains("admin"));
        assertNull(claims.get("ws"));

        String cookie = answer.header("Set-Cookie");
        assertTrue(cookie.startsWith("suite_token=" + token), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertEquals("no-store", answer.header("Cache-Control"));

        // The token works as a bearer token, and the cookie alone works on content-service.
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"By admin user\",\"timeZone\":\"UTC\",\"currency\":\"EUR\"}")
                .post("/workspaces").then().statusCode(201);
        given().cookie("suite_token", token).get("/users").then().statusCode(200);

        String cleared = given().post("/auth/logout").then().statusCode(204).extract().header("Set-Cookie");
        assertTrue(cleared.startsWith("suite_token=;") && cleared.contains("Max-Age=0"), cleared);
    }

    @Test
    void aManagerReadsAndWritesOnlyTheirWorkspaces() {
        String mine = workspace("Mine");
        String other = workspace("Other");
        String email = unique("manager");
        String id = createUser(email, "manager password", "MANAGER", mine);
        String token = login(email, "manager password", 200).path("access_token");
        JsonPath claims = claims(token);
        assertEquals(id, claims.getString("sub"));
        assertEquals("MANAGER", claims.getString("role"));
        assertEquals(List.of(mine), claims.getList("ws"));
        assertTrue(claims.getList("groups").containsAll(List.of("content:write", "costs:write", "reports:read")));
        assertTrue(!claims.getList("groups").contains("admin"));

        given().auth().oauth2(token).get("/workspaces").then().statusCode(200).body("items.id", contains(mine));
        given().auth().oauth2(token).get("/workspaces/" + other).then().statusCode(404);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"Nope\",\"timeZone\":\"UTC\",\"currency\":\"EUR\"}")
                .post("/workspaces").then().statusCode(403);
    }

    @Test
    void aClientViewerOnlyReadsTheirOwnWorkspaces() {
        String mine = workspace("Client A");
        String second = workspace("Client A shop");
        String other = workspace("Client B");
        String email = unique("viewer");
        createUser(email, "viewer password", "CLIENT_VIEWER", mine, second);
        String token = login(email, "viewer password", 200).path("access_token");
        JsonPath claims = claims(token);
        assertEquals("CLIENT_VIEWER", claims.getString("role"));
        assertEquals(List.of("content:read", "engagement:read", "conversions:read", "reports:read"),
                List.of(claims.getString("scope").split(" ")));

        given().auth().oauth2(token).get("/workspaces").then().statusCode(200)
                .body("items.id", containsInAnyOrder(mine, second));
        given().auth().oauth2(token).get("/workspaces/" + mine).then().statusCode(200).body("name", equalTo("Client A"));
        given().auth().oauth2(token).get("/workspaces/" + other).then().statusCode(404)
                .contentType("application/problem+json");
        // Read-only: no write scope, so every change is refused by the API itself.
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"x\",\"scopes\":[\"content:read\"]}")
                .post("/workspaces/" + mine + "/credentials").then().statusCode(403);
        given().auth().oauth2(token).get("/users").then().statusCode(403);
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswer() {
        String email = unique("same");
        createUser(email, "the right password", "MANAGER", workspace("Same"));
        ExtractableResponse<Response> wrong = login(email, "the wrong password", 401);
        ExtractableResponse<Response> unknown = login(unique("nobody"), "the wrong password", 401);
        assertEquals(wrong.contentType(), unknown.contentType());
        assertEquals("application/problem+json", wrong.contentType());
        assertEquals(wrong.jsonPath().getMap("$"), unknown.jsonPath().getMap("$"));
        assertNull(wrong.header("Set-Cookie"));
    }

    @Test
    void repeatedFailuresLockTheAccountForTheGuessingAddressOnly() {
        String email = unique("locked");
        createUser(email, "the right password", "MANAGER", workspace("Locked"));
        String attacker = randomAddress();
        for (int i = 0; i < 5; i++) {
            login(attacker, email, "guess " + i, 401);
        }
        ExtractableResponse<Response> locked = login(attacker, email, "guess 6", 429);
        assertEquals("application/problem+json", locked.contentType());
        assertEquals(429, (Integer) locked.path("status"));
        assertTrue(Integer.parseInt(locked.header("Retry-After")) > 0);
        // While locked even the right password is refused from that address, so guessing cannot go on there.
        login(attacker, email, "the right password", 429);
        // The owner, from their own address, is neither locked nor slowed.
        assertNotNull(login(randomAddress(), email.toUpperCase(), "the right password", 200).path("access_token"));
        // The lock is per account: another user on the attacker's address still signs in.
        String other = unique("neighbour");
        createUser(other, "another good password", "MANAGER", workspace("Neighbour"));
        login(attacker, other.toUpperCase(), "another good password", 200);
    }

    @Test
    void malformedLoginsAreProblems() {
        given().contentType(ContentType.JSON).body("{\"email\":").post("/auth/login").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"email\":\"a@b.c\"}").post("/auth/login").then().statusCode(422)
                .body("errors.field", contains("password"));
        given().contentType(ContentType.JSON).body("{\"email\":[],\"password\":\"x\"}").post("/auth/login").then()
                .statusCode(400).body("errors[0].field", notNullValue());
    }

    @Test
    void signInsAreRateLimitedPerAddressWithRateLimitHeaders() {
        String email = unique("busy");
        String password = "a busy manager's password";
        createUser(email, password, "MANAGER", workspace("Busy"));
        String busy = randomAddress();
        // The burst (30 in the test profile, refilled at 1 a minute) of correct sign-ins passes, each telling the
        // caller where it stands.
        for (int i = 0; i < 30; i++) {
            ExtractableResponse<Response> ok = login(busy, email, password, 200);
            assertTrue(ok.header("RateLimit").startsWith("limit=30, remaining=" + (29 - i) + ","),
                    ok.header("RateLimit"));
            assertEquals("1;w=60;burst=30", ok.header("RateLimit-Policy"));
            assertNotNull(ok.path("access_token"));
        }
        // Then even the right password is refused from that address until the bucket refills; nothing is issued.
        ExtractableResponse<Response> limited = login(busy, email, password, 429);
        assertEquals("application/problem+json", limited.contentType());
        assertEquals(429, (Integer) limited.path("status"));
        assertTrue(((String) limited.path("type")).endsWith("rate-limited"), (String) limited.path("type"));
        assertNull(limited.path("access_token"));
        assertNull(limited.header("Set-Cookie"));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) > 0);
        assertTrue(limited.header("RateLimit").startsWith("limit=30, remaining=0,"), limited.header("RateLimit"));
        assertEquals("1;w=60;burst=30", limited.header("RateLimit-Policy"));
        // Another e-mail from that address is limited just the same: the bucket is the address's.
        login(busy, unique("calm"), "whatever it is", 429);
        // The same user from another address signs in: nobody can spend a user's sign-ins from elsewhere.
        login(randomAddress(), email, password, 200);
    }
}
