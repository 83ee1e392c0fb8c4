package io.socialroi.content.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.content.ContentFakes;
import io.socialroi.content.Fixtures;
import io.socialroi.content.post.Platform;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.TestTokens;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connecting platform accounts over OAuth 2.0 against a fake authorization server that speaks each platform's
 * documented token endpoint (RFC 6749 answers and errors; the Graph API's GET form and error shape).
 */
@QuarkusTest
class AccountsTest {

    static final String REDIRECT = "https://suite.agency.example/oauth/callback";

    @ContentFakes.OAuth
    FakeServer oauth;

    @Inject
    TokenRefresher refresher;

    @Inject
    Accounts accounts;

    /** What the fake token endpoints answer, by the code or refresh token of the request. */
    static final Map<String, FakeServer.Reply> ANSWERS = new ConcurrentHashMap<>();

    @BeforeEach
    void route() {
        for (String platform : List.of("x", "linkedin", "facebook", "tiktok")) {
            for (String method : List.of("POST", "GET")) {
                oauth.on(method, "/token/" + platform, r -> {
                    Map<String, String> form = form(method.equals("GET") ? r.query() : r.body());
                    String key = form.getOrDefault("code", form.get("refresh_token"));
                    return ANSWERS.getOrDefault(key, FakeServer.Reply.json(400,
                            "{\"error\":\"invalid_grant\",\"error_description\":\"unknown code\"}"));
                });
            }
        }
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    static Map<String, String> query(String url) {
        return form(URI.create(url).getRawQuery());
    }

    static String tokens(String access, String refresh, long expiresIn) {
        return "{\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + ",\"access_token\":\"" + access + "\","
                + "\"scope\":\"tweet.read tweet.write users.read media.write offline.access\""
                + (refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\"") + "}";
    }

    static String user(UUID ws) {
        return TestTokens.workspaces(List.of(ws), "MANAGER", "content:read", "content:write");
    }

    static io.restassured.path.json.JsonPath start(String token, UUID ws, String platform) {
        return given().auth().oauth2(token).post("/workspaces/" + ws + "/accounts/" + platform + "/authorizations")
                .then().statusCode(201).contentType(ContentType.JSON).extract().jsonPath();
    }

    static io.restassured.response.ValidatableResponse complete(String token, UUID ws, String platform, String state,
            String code) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"state\":\"" + state + "\",\"code\":\"" + code + "\"}")
                .post("/workspaces/" + ws + "/accounts/" + platform + "/authorizations/complete").then();
    }

    List<FakeServer.Recorded> tokenRequests(String platform, String key) {
        return oauth.requests().stream().filter(r -> r.path().equals("/token/" + platform))
                .filter(r -> (r.body() + "&" + r.query()).contains(key)).toList();
    }

    static String sha256Hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void xIsConnectedWithPkceAndItsTokensAreKeptSealed() throws Exception {
        UUID ws = Fixtures.workspace("Europe/Berlin", "EUR");
        String manager = user(ws);
        var started = start(manager, ws, "X");
        String url = started.getString("authorizeUrl");
        String state = started.getString("state");
        assertTrue(url.startsWith(oauth.url() + "/authorize/x?"), url);
        Map<String, String> q = query(url);
        assertEquals("code", q.get("response_type"));
        assertEquals("x-client", q.get("client_id"));
        assertEquals(REDIRECT, q.get("redirect_uri"));
        assertEquals("tweet.read tweet.write users.read media.write offline.access", q.get("scope"));
        assertTrue(url.contains("scope=tweet.read%20tweet.write%20users.read%20media.write%20offline.access"), url);
        assertEquals(state, q.get("state"));
        assertEquals("S256", q.get("code_challenge_method"));
        String challenge = q.get("code_challenge");
        assertEquals(43, challenge.length());
        // Only the state's hash is stored, bound to workspace, platform and caller.
        assertEquals(1, Fixtures.count("select count(*) from oauth_authorization where state_sha256 = ? "
                + "and workspace_id = ? and platform = 'X' and verifier is not null", sha256Hex(state), ws));
        assertEquals(0, Fixtures.count("select count(*) from oauth_authorization where state_sha256 = ?", state));

        ANSWERS.put("code-x-1", FakeServer.Reply.json(200, tokens("x-access-1", "x-refresh-1", 7200)));
        complete(manager, ws, "X", state, "code-x-1").statusCode(200).body("platform", equalTo("X"))
                .body("status", equalTo("CONNECTED")).body("refreshable", equalTo(true))
                .body("scopes", equalTo("tweet.read tweet.write users.read media.write offline.access"))
                .body("reason", nullValue()).body(not(containsString("x-access-1")));

        FakeServer.Recorded exchange = tokenRequests("x", "code-x-1").get(0);
        assertEquals("POST", exchange.method());
        assertTrue(exchange.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("x-client:x-secret".getBytes(StandardCharsets.UTF_8)),
                exchange.header("Authorization"));
        Map<String, String> sent = form(exchange.body());
        assertEquals("authorization_code", sent.get("grant_type"));
        assertEquals("code-x-1", sent.get("code"));
        assertEquals(REDIRECT, sent.get("redirect_uri"));
        assertEquals("x-client", sent.get("client_id"));
        assertFalse(sent.containsKey("client_secret"), "the secret goes in the Basic header only");
        // RFC 7636: the challenge is BASE64URL(SHA256(verifier)).
        String verifier = sent.get("code_verifier");
        assertTrue(verifier.length() >= 43 && verifier.length() <= 128, verifier);
        assertEquals(challenge, Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII))));

        assertEquals(0, Fixtures.count("select count(*) from platform_account where access_token like '%x-access%' "
                + "or refresh_token like '%x-refresh%'"));
        assertEquals("x-access-1", accounts.accessToken(ws, Platform.X).orElseThrow());
        given().auth().oauth2(manager).get("/workspaces/" + ws + "/accounts").then().statusCode(200)
                .body("items.platform", org.hamcrest.Matchers.contains("X"))
                .body(not(containsString("x-access-1"))).body(not(containsString("x-refresh-1")));

        // A state works once.
        complete(manager, ws, "X", state, "code-x-1").statusCode(409).contentType("application/problem+json");
        assertEquals(1, tokenRequests("x", "code-x-1").size());
    }

    @Test
    void aStateWorksOnlyForItsCallerWorkspaceAndPlatformAndOnlyInTime() throws Exception {
        UUID ws = Fixtures.workspace("Europe/Berlin", "EUR");
        UUID other = Fixtures.workspace("Europe/Berlin", "EUR");
        String manager = user(ws);
        String state = start(manager, ws, "X").getString("state");
        ANSWERS.put("code-x-2", FakeServer.Reply.json(200, tokens("x-access-2", null, 7200)));
        // Someone else with access to the workspace (a colleague, or a link sent by an attacker) cannot finish it.
        complete(user(ws), ws, "X", state, "code-x-2").statusCode(403).contentType("application/problem+json");
        String both = TestTokens.workspaces(List.of(ws, other), "MANAGER", "content:read", "content:write");
        String state2 = start(both, ws, "X").getString("state");
        complete(both, other, "X", state2, "code-x-2").statusCode(422).body("errors[0].field", equalTo("state"));
        complete(both, ws, "LINKEDIN", state2, "code-x-2").statusCode(422).body("errors[0].field", equalTo("state"));
        complete(both, ws, "X", "not-a-state", "code-x-2").statusCode(422).body("errors[0].field", equalTo("state"));
        try (Connection c = Fixtures.db(); var s = c.prepareStatement(
                "update oauth_authorization set expires_at = now() - interval '1 second' where state_sha256 = ?")) {
            s.setString(1, sha256Hex(state2));
            s.executeUpdate();
        }
        complete(both, ws, "X", state2, "code-x-2").statusCode(422)
                .body("errors[0].message", containsString("expired"));
        assertEquals(0, tokenRequests("x", "code-x-2").size(), "no code was exchanged");
        assertEquals(0, Fixtures.count("select count(*) from platform_account where workspace_id in (?, ?)", ws, other));
    }

    @Test
    void aRefusedCodeIs422AndAnUnreachablePlatformA503ThatCanBeRetried() {
        UUID ws = Fixtures.workspace("Europe/Berlin", "EUR");
        String manager = user(ws);
        String state = start(manager, ws, "LINKEDIN").getString("state");
        ANSWERS.put("code-li-bad", FakeServer.Reply.json(400, "{\"error\":\"invalid_request\",\"error_description\":"
                + "\"Unable to retrieve access token: authorization code not found\"}"));
        complete(manager, ws, "LINKEDIN", state, "code-li-bad").statusCode(422)
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].message", containsString("authorization code not found"));
        String state2 = start(manager, ws, "LINKEDIN").getString("state");
        ANSWERS.put("code-li-1", FakeServer.Reply.json(503, "{}"));
        complete(manager, ws, "LINKEDIN", state2, "code-li-1").statusCode(503).header("Retry-After", "5");
        ANSWERS.put("code-li-1", FakeServer.Reply.json(200, "{\"access_token\":\"li-access\",\"expires_in\":5184000}"));
        complete(manager, ws, "LINKEDIN", state2, "code-li-1").statusCode(200).body("status", equalTo("CONNECTED"))
                .body("refreshable", equalTo(false));
        // LinkedIn takes the client's secret in the body, and no PKCE.
        Map<String, String> sent = form(tokenRequests("linkedin", "code-li-1").get(1).body());
        assertEquals("linkedin-client", sent.get("client_id"));
        assertEquals("linkedin-secret", sent.get("client_secret"));
        assertNull(sent.get("code_verifier"));
    }

    @Test
    void facebookUsesGraphsGetAndTikTokItsClientKey() {
        UUID ws = Fixtures.workspace("Europe/Berlin", "EUR");
        String manager = user(ws);
        var fb = start(manager, ws, "FACEBOOK");
        Map<String, String> q = query(fb.getString("authorizeUrl"));
        assertEquals("pages_show_list,pages_manage_posts,pages_read_engagement", q.get("scope"));
        assertNull(q.get("code_challenge"));
        ANSWERS.put("code-fb-1", FakeServer.Reply.json(200,
                "{\"access_token\":\"fb-access\",\"token_type\":\"bearer\",\"expires_in\":5183944}"));
        complete(manager, ws, "FACEBOOK", fb.getString("state"), "code-fb-1").statusCode(200);
        FakeServer.Recorded exchange = tokenRequests("facebook", "code-fb-1").get(0);
        assertEquals("GET", exchange.method());
        Map<String, String> sent = form(exchange.query());
        assertEquals("facebook-client", sent.get("client_id"));
        assertEquals("facebook-secret", sent.get("client_secret"));
        assertEquals(REDIRECT, sent.get("redirect_uri"));
        // Graph API errors are objects.
        var fb2 = start(manager, ws, "FACEBOOK");
        ANSWERS.put("code-fb-2", FakeServer.Reply.json(400, "{\"error\":{\"message\":\"This authorization code has "
                + "been used.\",\"type\":\"OAuthException\",\"code\":100,\"fbtrace_id\":\"A1b2\"}}"));
        complete(manager, ws, "FACEBOOK", fb2.getString("state"), "code-fb-2").statusCode(422)
                .body("errors[0].message", containsString("This authorization code has been used."));

        var tt = start(manager, ws, "TIKTOK");
        Map<String, String> tq = query(tt.getString("authorizeUrl"));
        assertEquals("tiktok-client", tq.get("client_key"));
        assertNull(tq.get("client_id"));
        assertEquals("user.info.basic,video.upload,video.publish,video.list", tq.get("scope"));
        assertEquals("S256", tq.get("code_challenge_method"));
        ANSWERS.put("code-tt-1", FakeServer.Reply.json(200, "{\"access_token\":\"act.tt\",\"expires_in\":86400,"
                + "\"open_id\":\"open-1\",\"refresh_expires_in\":31536000,\"refresh_token\":\"rft.tt\","
                + "\"scope\":\"user.info.basic,video.publish\",\"token_type\":\"Bearer\"}"));
        complete(manager, ws, "TIKTOK", tt.getString("state"), "code-tt-1").statusCode(200)
                .body("scopes", equalTo("user.info.basic,video.publish"));
        Map<String, String> ts = form(tokenRequests("tiktok", "code-tt-1").get(0).body());
        assertEquals("tiktok-client", ts.get("client_key"));
        assertEquals("tiktok-secret", ts.get("client_secret"));
        assertNotNull(ts.get("code_verifier"));
    }

    @Test
    void tokensAreRenewedBeforeTheyExpireAndARefusalAsksForAReconnect() throws Exception {
        UUID ws = Fixtures.workspace("Europe/Berlin", "EUR");
        String manager = user(ws);
        String state = start(manager, ws, "X").getString("state");
        ANSWERS.put("code-x-r", FakeServer.Reply.json(200, tokens("x-access-r1", "x-refresh-r1", 300)));
        complete(manager, ws, "X", state, "code-x-r").statusCode(200);
        // Five minutes left, within the ten minutes ahead: renewed.
        ANSWERS.put("x-refresh-r1", FakeServer.Reply.json(200, tokens("x-access-r2", "x-refresh-r2", 7200)));
        refresher.refreshDue();
        assertEquals("x-access-r2", accounts.accessToken(ws, Platform.X).orElseThrow());
        Map<String, String> sent = form(tokenRequests("x", "x-refresh-r1").get(0).body());
        assertEquals("refresh_token", sent.get("grant_type"));
        assertEquals("x-refresh-r1", sent.get("refresh_token"));
        given().auth().oauth2(manager).get("/workspaces/" + ws + "/accounts/X").then().statusCode(200)
                .body("status", equalTo("CONNECTED")).body("refreshedAt", not(nullValue()));
        // Not due again until ten minutes before the new expiry.
        refresher.refreshDue();
        assertEquals(0, tokenRequests("x", "x-refresh-r2").size());

        // The person revoked the app on X: the refresh is refused, the account asks for a reconnect.
        try (Connection c = Fixtures.db(); var s = c.prepareStatement("update platform_account set expires_at = "
                + "now() + interval '1 minute' where workspace_id = ?")) {
            s.setObject(1, ws);
            s.executeUpdate();
        }
        ANSWERS.put("x-refresh-r2", FakeServer.Reply.json(400, "{\"error\":\"invalid_request\","
                + "\"error_description\":\"Value passed for the token was invalid.\"}"));
        refresher.refreshDue();
        given().auth().oauth2(manager).get("/workspaces/" + ws + "/accounts/X").then().statusCode(200)
                .body("status", equalTo("RECONNECT")).body("reason", containsString("token was invalid"))
                .body("reason", containsString("reconnect the account"));
        assertTrue(accounts.accessToken(ws, Platform.X).isEmpty());

        // Without a refresh token (LinkedIn here), an expired token is a reconnect too.
        String li = start(manager, ws, "LINKEDIN").getString("state");
        ANSWERS.put("code-li-x", FakeServer.Reply.json(200, "{\"access_token\":\"li-x\",\"expires_in\":1}"));
        complete(manager, ws, "LINKEDIN", li, "code-li-x").statusCode(200);
        Thread.sleep(1100);
        refresher.refreshDue();
        given().auth().oauth2(manager).get("/workspaces/" + ws + "/accounts/LINKEDIN").then().statusCode(200)
                .body("status", equalTo("RECONNECT")).body("reason", containsString("gave no refresh token"));
        // Connecting again makes it CONNECTED.
        String again = start(manager, ws, "X").getString("state");
        ANSWERS.put("code-x-again", FakeServer.Reply.json(200, tokens("x-access-r3", "x-refresh-r3", 7200)));
        complete(manager, ws, "X", again, "code-x-again").statusCode(200).body("status", equalTo("CONNECTED"));
    }

    @Test
    void platformsWithoutAnAppOrAFlowAreClearProblemsAndDisconnectForgetsTheTokens() {
        UUID ws = Fixtures.workspace("Europe/Berlin", "EUR");
        String manager = user(ws);
        // Every platform with an OAuth flow has an app in the test deployment; one without is OAuthSettingsTest's.
        given().auth().oauth2(manager).post("/workspaces/" + ws + "/accounts/TELEGRAM/authorizations").then()
                .statusCode(422).body("errors[0].field", equalTo("platform"));
        given().auth().oauth2(manager).post("/workspaces/" + ws + "/accounts/MYSPACE/authorizations").then()
                .statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspaces(List.of(ws), "CLIENT_VIEWER", "content:read"))
                .post("/workspaces/" + ws + "/accounts/X/authorizations").then().statusCode(403);

        String state = start(manager, ws, "X").getString("state");
        ANSWERS.put("code-x-d", FakeServer.Reply.json(200, tokens("x-access-d", "x-refresh-d", 7200)));
        complete(manager, ws, "X", state, "code-x-d").statusCode(200);
        given().auth().oauth2(manager).delete("/workspaces/" + ws + "/accounts/X").then().statusCode(204);
        given().auth().oauth2(manager).get("/workspaces/" + ws + "/accounts/X").then().statusCode(404);
        given().auth().oauth2(manager).delete("/workspaces/" + ws + "/accounts/X").then().statusCode(404);
        assertEquals(0, Fixtures.count("select count(*) from platform_account where workspace_id = ?", ws));
    }

    @Test
    void theCallbackHandsCodeAndStateToTheWebAppInTheFragment() {
        given().redirects().follow(false).queryParam("code", "AQD+x7").queryParam("state", "st-1")
                .get("/oauth/callback").then().statusCode(303)
                .header("Location", "https://suite.agency.example/app/#accounts?state=st-1&code=AQD%2Bx7")
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
        given().redirects().follow(false).queryParam("error", "access_denied")
                .queryParam("error_description", "The user denied").queryParam("state", "st-2").get("/oauth/callback")
                .then().statusCode(303).header("Location",
                        "https://suite.agency.example/app/#accounts?state=st-2&error=access_denied"
                                + "&error_description=The+user+denied");
    }
}
