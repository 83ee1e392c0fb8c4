package io.socialroi.content.account;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.writer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.content.ContentFakes;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.FakeServer;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scopes a token was granted, as the fake token endpoints name them ({@code scope} of RFC 6749's answer), kept
 * at connect and refresh; an X account connected without {@code media.write} (before the suite uploaded media)
 * cannot take a media post (422 at submit, "reconnect"), and its view says which scope is missing; an account
 * whose scopes are not known is treated as lacking only what a publish needs (ScopeNeeds).
 */
@QuarkusTest
class AccountScopesTest {

    /** X's scopes before media upload was asked for. */
    static final String OLD_X = "tweet.read tweet.write users.read offline.access";

    @ContentFakes.OAuth
    FakeServer oauth;

    @Inject
    TokenRefresher refresher;

    @Inject
    EntityManager em;

    /** What the fake token endpoints answer, by the code or refresh token of the request. */
    static final Map<String, FakeServer.Reply> ANSWERS = new ConcurrentHashMap<>();

    @BeforeEach
    void route() {
        for (String platform : List.of("x", "tiktok")) {
            oauth.on("POST", "/token/" + platform, r -> {
                Map<String, String> form = AccountsTest.form(r.body());
                return ANSWERS.getOrDefault(form.getOrDefault("code", form.get("refresh_token")),
                        FakeServer.Reply.json(400, "{\"error\":\"invalid_grant\"}"));
            });
        }
        oauth.on("GET", "/scope-media/", new FakeServer.Reply(200, "image/jpeg", "JPEG-photo-bytes", 0));
    }

    static FakeServer.Reply tokens(String access, String refresh, long expiresIn, String scope) {
        return FakeServer.Reply.json(200, "{\"token_type\":\"bearer\",\"expires_in\":" + expiresIn
                + ",\"access_token\":\"" + access + "\",\"refresh_token\":\"" + refresh + "\""
                + (scope == null ? "" : ",\"scope\":\"" + scope + "\"") + "}");
    }

    static void connect(UUID ws, String platform, String code) {
        String state = given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/accounts/" + platform
                + "/authorizations").then().statusCode(201).extract().path("state");
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"state\":\"" + state + "\",\"code\":\"" + code + "\"}")
                .post("/workspaces/" + ws + "/accounts/" + platform + "/authorizations/complete").then()
                .statusCode(200);
    }

    static io.restassured.response.ValidatableResponse account(UUID ws, String platform) {
        return given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/accounts/" + platform).then()
                .statusCode(200);
    }

    String draft(UUID ws, String media) {
        return given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"X\",\"funnelStage\":\"TRUST\",\"caption\":\"Our new bouquet\""
                        + (media == null ? "" : ",\"mediaUrls\":[\"" + oauth.url() + "/scope-media/" + media + "\"]")
                        + "}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
    }

    io.restassured.response.ValidatableResponse submit(UUID ws, String id) {
        return given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/submit").then();
    }

    @Test
    void grantedScopesAreKeptAtConnectAndRefreshAndTheViewSaysWhatIsMissing() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String code = "sc-" + UUID.randomUUID();
        // Due for renewal at once (expires within suite.accounts.refresh-ahead).
        ANSWERS.put(code, tokens("x-sc-" + code, "x-sc-r1-" + code, 60, OLD_X));
        connect(ws, "X", code);
        account(ws, "X").body("scopes", equalTo(OLD_X)).body("missingScopes", equalTo(List.of("media.write")))
                .body("reconnectHint", containsString("media.write"))
                .body("reconnectHint", containsString("Reconnect the account"));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/accounts").then().statusCode(200)
                .body("items[0].missingScopes", equalTo(List.of("media.write")));

        // A refresh whose answer names no scope keeps the granted ones (RFC 6749 6), never the ones asked for now.
        ANSWERS.put("x-sc-r1-" + code, tokens("x-sc2-" + code, "x-sc-r2-" + code, 60, null));
        refresher.refreshDue();
        account(ws, "X").body("refreshedAt", org.hamcrest.Matchers.notNullValue()).body("scopes", equalTo(OLD_X))
                .body("missingScopes", equalTo(List.of("media.write")));

        // X granting media.write at a later refresh: nothing is missing any more.
        ANSWERS.put("x-sc-r2-" + code, tokens("x-sc3-" + code, "x-sc-r3-" + code, 7200, OLD_X + " media.write"));
        refresher.refreshDue();
        account(ws, "X").body("scopes", equalTo(OLD_X + " media.write")).body("missingScopes", equalTo(List.of()))
                .body("reconnectHint", nullValue());
    }

    @Test
    void aMediaPostForAnXAccountWithoutMediaWriteIsRefusedUntilItIsReconnected() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String code = "sm-" + UUID.randomUUID();
        ANSWERS.put(code, tokens("x-sm-" + code, "x-sm-r-" + code, 7200, OLD_X));
        connect(ws, "X", code);
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"type\":\"X_API\"}")
                .put("/workspaces/" + ws + "/publishers/X").then().statusCode(200);

        String media = draft(ws, "photo.jpg");
        submit(ws, media).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("mediaUrls"))
                .body("errors[0].message", containsString("media.write"))
                .body("errors[0].message", containsString("reconnect the X account"));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + media).then().statusCode(200)
                .body("status", equalTo("DRAFT"));
        // A text post needs no media.write.
        submit(ws, draft(ws, null)).statusCode(200);

        // Reconnected with media.write: the same post is taken.
        String again = "sm2-" + UUID.randomUUID();
        ANSWERS.put(again, tokens("x-sm2-" + again, "x-sm2-r-" + again, 7200, OLD_X + " media.write"));
        connect(ws, "X", again);
        account(ws, "X").body("missingScopes", equalTo(List.of()));
        submit(ws, media).statusCode(200);
        String url = "/workspaces/" + ws + "/posts/" + media;
        given().auth().oauth2(writer(ws)).post(url + "/approve").then().statusCode(200);

        // Connected again without media.write before it is scheduled: scheduling is refused the same way.
        String older = "sm3-" + UUID.randomUUID();
        ANSWERS.put(older, tokens("x-sm3-" + older, "x-sm3-r-" + older, 7200, OLD_X));
        connect(ws, "X", older);
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"scheduledAt\":\"" + java.time.Instant.now().plusSeconds(3600) + "\"}")
                .post(url + "/schedule").then().statusCode(422).body("errors[0].field", equalTo("mediaUrls"))
                .body("errors[0].message", containsString("reconnect the X account"));
        given().auth().oauth2(writer(ws)).get(url).then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void unknownScopesCountAsMissingOnlyWhereAPublishNeedsThem() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String code = "su-" + UUID.randomUUID();
        ANSWERS.put(code, tokens("x-su-" + code, "x-su-r-" + code, 7200, OLD_X + " media.write"));
        connect(ws, "X", code);
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"type\":\"X_API\"}")
                .put("/workspaces/" + ws + "/publishers/X").then().statusCode(200);
        String tiktok = "st-" + UUID.randomUUID();
        // TikTok's grant before video.list was asked for: shown missing, though nothing is refused for it.
        ANSWERS.put(tiktok, tokens("tt-" + tiktok, "tt-r-" + tiktok, 7200, "user.info.basic,video.upload,video.publish"));
        connect(ws, "TIKTOK", tiktok);
        account(ws, "TIKTOK").body("missingScopes", equalTo(List.of("video.list")))
                .body("reconnectHint", containsString("video.list"));

        // Rows connected before grants were kept: scopes not known.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update platform_account set scopes = null"
                + " where workspace_id = ?1").setParameter(1, ws).executeUpdate());
        account(ws, "X").body("scopes", nullValue()).body("missingScopes", equalTo(List.of("media.write")))
                .body("reconnectHint", containsString("not known"));
        account(ws, "TIKTOK").body("missingScopes", equalTo(List.of())).body("reconnectHint", nullValue());
        submit(ws, draft(ws, "photo.jpg")).statusCode(422).body("errors[0].field", equalTo("mediaUrls"))
                .body("errors[0].message", containsString("not known"));
        submit(ws, draft(ws, null)).statusCode(200);
    }
}
