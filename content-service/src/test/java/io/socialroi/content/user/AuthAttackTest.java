package io.socialroi.content.user;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.user.LoginResourceTest.login;
import static io.socialroi.content.user.LoginResourceTest.randomAddress;
import static io.socialroi.content.user.UserResourceTest.createUser;
import static io.socialroi.content.user.UserResourceTest.unique;
import static io.socialroi.content.user.UserResourceTest.workspace;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.socialroi.common.http.RateLimiter;
import io.socialroi.testing.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue 13: each way of turning the sign-in limits against somebody else, played as an attacker would, and
 * each way a token must stop working. The test profile puts the service behind a trusted proxy at 127.0.0.1,
 * so X-Forwarded-For names the client as the Ingress would.
 */
@QuarkusTest
class AuthAttackTest {

    private static final String FORM = "grant_type=client_credentials&client_id=%s&client_secret=%s";

    private static Response tokenFrom(String address, String clientId, String secret) {
        return given().header("X-Forwarded-For", address).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret).post("/auth/token");
    }

    private static String[] credential(String ws) {
        var created = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"Shop\",\"scopes\":[\"content:read\"]}")
                .post("/workspaces/" + ws + "/credentials").then().statusCode(201).extract().jsonPath();
        return new String[] {created.getString("clientId"), created.getString("clientSecret")};
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url",
                String.class), "postgres", "");
    }

    private static int throttleRows() throws Exception {
        try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery("select count(*) from login_throttle")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void drainingAVictimsClientIdWithWrongSecretsLeavesTheVictimItsTokens() throws Exception {
        String ws = workspace("Victim");
        String[] victim = credential(ws);
        String attacker = randomAddress();
        int rowsBefore = throttleRows();
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // The victim's id, the services' and the admin's, and a fresh id each time.
            String clientId = switch (i % 4) {
                case 0 -> victim[0];
                case 1 -> "engagement-service";
                case 2 -> "test-admin";
                default -> "ws_random" + UUID.randomUUID();
            };
            Response answer = tokenFrom(attacker, clientId, "guess-" + i);
            answers.add(answer.statusCode());
            assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        }
        // The attacker got nothing: 401s, then 429s once its address failed too often.
        assertFalse(answers.contains(200), answers.toString());
        assertEquals(429, answers.get(answers.size() - 1));
        tokenFrom(attacker, victim[0], victim[1]).then().statusCode(429);
        // The victim, from its own address, still gets its tokens, as do the admin and the services.
        for (int i = 0; i < 3; i++) {
            tokenFrom(randomAddress(), victim[0], victim[1]).then().statusCode(200);
        }
        tokenFrom(randomAddress(), "test-admin", "test-admin-secret").then().statusCode(200);
        tokenFrom(randomAddress(), "engagement-service", "test-service-secret").then().statusCode(200);
        // Forty attempts with forty client ids left one failure count behind: the attacker's address.
        assertEquals(rowsBefore + 1, throttleRows());
    }

    @Test
    void tokenRequestsAreRateLimitedPerAddressWithHeaders() {
        // The test profile's bucket: bursts of 30, refilled at 1 a minute.
        String busy = randomAddress();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 30; i++) {
            Response ok = tokenFrom(busy, "test-admin", "test-admin-secret");
            assertEquals(200, ok.statusCode(), "request " + (i + 1) + " from " + busy + ": " + ok.headers() + " "
                    + ok.asString());
            ok.then().header("RateLimit", org.hamcrest.Matchers.startsWith("limit=30, remaining="))
                    .header("RateLimit-Policy", "1;w=60;burst=30");
            long remaining = Long.parseLong(ok.header("RateLimit").split("remaining=")[1].split(",")[0]);
            assertTrue(remaining < previous, ok.header("RateLimit"));
            previous = remaining;
        }
        tokenFrom(busy, "test-admin", "test-admin-secret").then().statusCode(429)
                .contentType("application/problem+json").body("status", equalTo(429))
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .header("RateLimit", org.hamcrest.Matchers.startsWith("limit=30, remaining=0,"))
                .header("RateLimit-Policy", "1;w=60;burst=30")
                .body("access_token", org.hamcrest.Matchers.nullValue());
        tokenFrom(randomAddress(), "test-admin", "test-admin-secret").then().statusCode(200);
    }

    @Test
    void forwardedHeadersFromAPeerThatIsNotATrustedProxyAreIgnored() throws Exception {
        // 127.0.0.2 is not the trusted proxy: its X-Forwarded-For, fresh on every request, changes nothing, so
        // its requests share one bucket (30) and the 31st is refused.
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            statuses.add(rawFrom("127.0.0.2", "/auth/token", "X-Forwarded-For: " + randomAddress(),
                    String.format(FORM, "test-admin", "test-admin-secret")));
        }
        assertEquals(30, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(429, statuses.get(30));
        // The trusted proxy's header is believed: a client behind it is not affected.
        tokenFrom(randomAddress(), "test-admin", "test-admin-secret").then().statusCode(200);
    }

    @Test
    void randomEmailsFromOneAddressBehindTheProxyLockOnlyThatAddress() throws Exception {
        String email = unique("real");
        createUser(email, "a real user's password", "MANAGER", workspace("Real"));
        String attacker = randomAddress();
        int rowsBefore = throttleRows();
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            answers.add(login(attacker, unique("random" + i), "guess", i < 20 ? 401 : 429).statusCode());
        }
        // Locked at the address: even a real account's right password is refused from there.
        login(attacker, email, "a real user's password", 429);
        // Every real user behind the same Ingress, from their own addresses, signs in.
        for (int i = 0; i < 3; i++) {
            assertNotNull(login(randomAddress(), email, "a real user's password", 200).path("access_token"));
        }
        login(randomAddress(), "admin@agency.test", "first-admin-password", 200);
        // Random e-mails count against nothing but the address: one row, not one per e-mail.
        assertEquals(rowsBefore + 1, throttleRows());
    }

    /**
     * A botnet guessing one account's password, a couple of guesses per address (below both per-address
     * allowances), is stopped once the account's failures everywhere pass the allowance (12 in the test profile):
     * then even the right password from a new address is refused, while the owner signs in from the address they
     * used before; an admin's reset link ends the lock.
     */
    @Test
    void aGuessSpreadOverManyAddressesLocksTheAccountOnlyWhereItNeverSignedIn() throws Exception {
        String email = unique("spread");
        String userId = createUser(email, "the owner's password", "MANAGER", workspace("Spread"));
        String owner = randomAddress();
        login(owner, email, "the owner's password", 200);

        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            String bot = randomAddress();
            answers.add(login(bot, email, "guess " + i, i < 12 ? 401 : 429).statusCode());
        }
        assertEquals(12, answers.stream().filter(s -> s == 401).count(), answers.toString());
        // The attacker gets nothing, not even with the right password from one more address.
        var refused = login(randomAddress(), email, "the owner's password", 429);
        assertNotNull(refused.header("Retry-After"));
        // The owner, from where they signed in before, is not slowed.
        assertNotNull(login(owner, email, "the owner's password", 200).path("access_token"));
        // Other accounts are untouched.
        login(randomAddress(), "admin@agency.test", "first-admin-password", 200);

        // An admin's one-time reset link: the new password works from a new address at once.
        String token = given().auth().oauth2(TestTokens.admin()).post("/users/" + userId + "/password-reset")
                .then().statusCode(201).extract().path("token");
        given().contentType(ContentType.JSON).header("X-Forwarded-For", randomAddress())
                .body(Map.of("token", token, "newPassword", "the owner's new password"))
                .post("/auth/password-reset").then().statusCode(200);
        Thread.sleep(2_100); // tokens issued in the second of a revocation count as revoked (whole seconds)
        login(randomAddress(), email, "the owner's new password", 200);
    }

    @Test
    void twoReplicasShareOneBucket() {
        // A second RateLimiter on the same database is what a second replica of the service is.
        PGSimpleDataSource other = new PGSimpleDataSource();
        other.setUrl(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        other.setUser("postgres");
        RateLimiter replica = new RateLimiter(ConfigProvider.getConfig(), other);
        String address = randomAddress();
        for (int i = 0; i < 15; i++) {
            tokenFrom(address, "test-admin", "test-admin-secret").then().statusCode(200);
        }
        for (int i = 0; i < 15; i++) {
            assertTrue(replica.check("token", "address:" + address).allowed(), "request " + i + " on the replica");
        }
        assertFalse(replica.check("token", "address:" + address).allowed());
        tokenFrom(address, "test-admin", "test-admin-secret").then().statusCode(429);
        tokenFrom(randomAddress(), "test-admin", "test-admin-secret").then().statusCode(200);
    }

    @Test
    void signOutRevokesTheBrowserTokenServerSide() {
        String email = unique("leaving");
        createUser(email, "a leaving user's password", "MANAGER", workspace("Leaving"));
        String token = login(randomAddress(), email, "a leaving user's password", 200).path("access_token");
        String other = login(randomAddress(), email, "a leaving user's password", 200).path("access_token");
        given().cookie("suite_token", token).get("/workspaces").then().statusCode(200);
        given().cookie("suite_token", token).post("/auth/logout").then().statusCode(204);
        // Whoever kept a copy of the signed-out token gets nothing with it, as cookie or as bearer.
        given().cookie("suite_token", token).get("/workspaces").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(token).get("/workspaces").then().statusCode(401);
        // Another sign-in of the same user (another browser) keeps working.
        given().auth().oauth2(other).get("/workspaces").then().statusCode(200);
        // And the other services learn of it from the list.
        given().auth().oauth2(TestTokens.service("content:read")).get("/auth/revocations").then().statusCode(200)
                .body("tokens", hasItem(jti(token))).body("tokens", not(hasItem(jti(other))));
        // Signing out without a token, or with a forged one, only clears the cookie.
        given().post("/auth/logout").then().statusCode(204);
        given().cookie("suite_token", "not.a.token").post("/auth/logout").then().statusCode(204);
    }

    @Test
    void aDeactivatedUserCannotSignInAndItsTokensStopWorking() {
        String email = unique("deactivated");
        String id = createUser(email, "a soon gone password", "MANAGER", workspace("Gone"));
        String token = login(randomAddress(), email, "a soon gone password", 200).path("access_token");
        given().auth().oauth2(token).get("/workspaces").then().statusCode(200);

        // Only the admin deactivates.
        given().auth().oauth2(token).post("/users/" + id + "/deactivate").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).post("/users/" + id + "/deactivate").then().statusCode(200)
                .body("active", equalTo(false)).body("deactivatedAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(TestTokens.admin()).post("/users/" + id + "/deactivate").then().statusCode(200)
                .body("active", equalTo(false));
        given().auth().oauth2(TestTokens.admin()).post("/users/" + UUID.randomUUID() + "/deactivate").then()
                .statusCode(404).contentType("application/problem+json");

        given().auth().oauth2(token).get("/workspaces").then().statusCode(401).contentType("application/problem+json");
        // The same answer as a wrong password, so nobody learns the account exists.
        var refused = login(randomAddress(), email, "a soon gone password", 401);
        assertEquals("Unknown email or wrong password", refused.path("detail"));
        given().auth().oauth2(TestTokens.service("content:read")).get("/auth/revocations").then().statusCode(200)
                .body("subjects.subject", hasItem(id));
        // An admin cannot deactivate their own user (and lock the agency out by mistake).
        String admin = login(randomAddress(), "admin@agency.test", "first-admin-password", 200).path("access_token");
        given().auth().oauth2(admin).post("/users/" + jwtSubject(admin) + "/deactivate").then().statusCode(409);
    }

    @Test
    void aRevokedCredentialsTokensStopWorking() {
        String ws = workspace("Revoked");
        String[] credential = credential(ws);
        String token = tokenFrom(randomAddress(), credential[0], credential[1]).then().statusCode(200).extract()
                .path("access_token");
        given().auth().oauth2(token).get("/workspaces/" + ws).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).delete("/workspaces/" + ws + "/credentials/" + credential[0])
                .then().statusCode(204);
        given().auth().oauth2(token).get("/workspaces/" + ws).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.service("content:read")).get("/auth/revocations").then().statusCode(200)
                .body("subjects.subject", hasItem(credential[0]));
        // The list is for the suite's services only.
        given().auth().oauth2(TestTokens.admin()).get("/auth/revocations").then().statusCode(403);
        given().get("/auth/revocations").then().statusCode(401);
    }

    private static String jti(String token) {
        return claim(token, "jti");
    }

    private static String jwtSubject(String token) {
        return claim(token, "sub");
    }

    private static String claim(String token, String name) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(payload).getString(name);
    }

    /** A form POST over a socket bound to {@code from}, answering the status. */
    private static int rawFrom(String from, String path, String header, String form) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5000);
            socket.setSoTimeout(10_000);
            byte[] body = form.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + header + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String status = answer.toString(StandardCharsets.US_ASCII).split("\r\n", 2)[0];
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
