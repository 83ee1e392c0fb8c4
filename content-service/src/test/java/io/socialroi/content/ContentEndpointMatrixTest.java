package io.socialroi.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.socialroi.testing.EndpointMatrix;
import io.socialroi.testing.EndpointMatrix.Endpoint;
import io.socialroi.testing.OpenApiContract;
import io.socialroi.testing.TestTokens;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tenancy and scopes of every workspace endpoint of content-service: no token 401, a token of another
 * workspace 404, a token lacking the scope 403, a client viewer on a write 403 (all problem+json). A served
 * operation missing from the table fails {@link #everyServedOperationIsListedOrExempt()}.
 */
@QuarkusTest
class ContentEndpointMatrixTest {

    private static final String READ = "content:read";
    private static final String WRITE = "content:write";
    private static final String ACTION = "{\"comment\":\"ok\"}";

    static final List<Endpoint> TABLE = List.of(
            Endpoint.write("POST", "/workspaces/{workspaceId}/campaigns", WRITE,
                    "{\"name\":\"Spring\",\"objective\":\"Sales\",\"startDate\":\"2026-03-01\"}"),
            Endpoint.read("GET", "/workspaces/{workspaceId}/campaigns", READ),
            Endpoint.read("GET", "/workspaces/{workspaceId}/campaigns/{campaignId}", READ),
            Endpoint.write("PATCH", "/workspaces/{workspaceId}/campaigns/{campaignId}", WRITE, "{\"name\":\"Renamed\"}"),
            Endpoint.write("POST", "/workspaces/{workspaceId}/campaigns/{campaignId}/archive", WRITE, null),
            Endpoint.write("POST", "/workspaces/{workspaceId}/campaigns/{campaignId}/unarchive", WRITE, null),
            Endpoint.write("POST", "/workspaces/{workspaceId}/posts", WRITE,
                    "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"Hello\"}"),
            Endpoint.read("GET", "/workspaces/{workspaceId}/posts", READ),
            Endpoint.read("GET", "/workspaces/{workspaceId}/posts/{postId}", READ),
            Endpoint.write("PATCH", "/workspaces/{workspaceId}/posts/{postId}", WRITE, "{\"caption\":\"Edited\"}"),
            Endpoint.read("GET", "/workspaces/{workspaceId}/posts/{postId}/history", READ),
            Endpoint.read("GET", "/workspaces/{workspaceId}/posts/{postId}/platform-metrics", READ),
            Endpoint.write("POST", "/workspaces/{workspaceId}/posts/{postId}/submit", WRITE, ACTION),
            Endpoint.write("POST", "/workspaces/{workspaceId}/posts/{postId}/approve", WRITE, ACTION),
            Endpoint.write("POST", "/workspaces/{workspaceId}/posts/{postId}/reject", WRITE, ACTION),
            Endpoint.write("POST", "/workspaces/{workspaceId}/posts/{postId}/schedule", WRITE,
                    "{\"scheduledAt\":\"2030-01-01T09:00:00Z\"}"),
            Endpoint.write("POST", "/workspaces/{workspaceId}/posts/{postId}/unschedule", WRITE, ACTION),
            Endpoint.write("POST", "/workspaces/{workspaceId}/posts/{postId}/retry", WRITE, ACTION),
            Endpoint.write("POST", "/workspaces/{workspaceId}/posts/{postId}/mark-published", WRITE,
                    "{\"url\":\"https://www.quora.com/What-is-new/answer/Fiori\"}"),
            Endpoint.write("POST", "/workspaces/{workspaceId}/posts/{postId}/approval-links", WRITE,
                    "{\"expiresInHours\":24}"),
            Endpoint.read("GET", "/workspaces/{workspaceId}/calendar", READ),
            Endpoint.read("GET", "/workspaces/{workspaceId}/publishers", READ),
            new Endpoint("GET", "/workspaces/{workspaceId}/publishers/{platform}", READ, false, null, "INSTAGRAM"),
            new Endpoint("PUT", "/workspaces/{workspaceId}/publishers/{platform}", WRITE, true,
                    "{\"type\":\"WEBHOOK\",\"url\":\"https://hooks.example/ig\",\"secret\":\"0123456789abcdef\"}",
                    "INSTAGRAM"),
            new Endpoint("GET", "/workspaces/{workspaceId}/publishers/{platform}/recipients", READ, false, null, "EMAIL"),
            new Endpoint("PUT", "/workspaces/{workspaceId}/publishers/{platform}/recipients", WRITE, true,
                    "{\"recipients\":[{\"address\":\"anna@example.com\"}]}", "EMAIL"),
            Endpoint.read("GET", "/workspaces/{workspaceId}/accounts", READ),
            new Endpoint("GET", "/workspaces/{workspaceId}/accounts/{platform}", READ, false, null, "X"),
            new Endpoint("DELETE", "/workspaces/{workspaceId}/accounts/{platform}", WRITE, true, null, "X"),
            new Endpoint("POST", "/workspaces/{workspaceId}/accounts/{platform}/authorizations", WRITE, true, null, "X"),
            new Endpoint("POST", "/workspaces/{workspaceId}/accounts/{platform}/authorizations/complete", WRITE, true,
                    "{\"state\":\"some-state\",\"code\":\"some-code\"}", "X"),
            Endpoint.read("GET", "/workspaces/{workspaceId}/webhooks", READ),
            Endpoint.write("PUT", "/workspaces/{workspaceId}/webhooks", WRITE,
                    "{\"url\":\"https://hooks.example/s\",\"secret\":\"0123456789abcdef\",\"events\":[\"post.approved\"]}"),
            Endpoint.write("DELETE", "/workspaces/{workspaceId}/webhooks", WRITE, null));

    /**
     * Not in the table, each for a reason: the sign-in endpoints and the client's approval page are open by
     * contract; workspace creation, editing and archiving, credentials and users belong to the agency admin (a workspace token gets
     * 403 whichever workspace it names, asserted below); the workspace list filters by token and the
     * workspace itself is readable with any read scope (both asserted below); the revocation list is for the
     * suite's services only (asserted below); a user changes their own password with a user token only
     * (PasswordChangeTest); a password reset link is made by the admin only (asserted below) and used without a
     * token, like a sign-in (PasswordResetTest); the OAuth callback is where a platform sends a browser, which
     * carries no token (it only forwards to the web app, AccountsTest); Meta's webhook is called by Meta, which
     * signs with the app secret instead of a token (EngagementImportTest: unsigned and wrongly signed deliveries 401),
     * and so is X's, signed with the X app's consumer secret (XWebhookTest: unsigned and wrongly signed deliveries 403);
     * a Telegram publisher's webhook is called by Telegram with the publisher's secret_token instead of a token
     * (TelegramWebhookTest: a missing or wrong one 403); Twilio's webhooks of an SMS_API publisher are signed by
     * Twilio with the publisher's Auth Token (TwilioWebhookTest: unsigned and wrongly signed requests 403);
     * the unsubscribe link of an e-mail is opened by its recipient (or their mail client) with no token, its
     * signed token being the capability (EmailPublishingTest, RecipientsTest).
     */
    static final Set<String> EXEMPT = Set.of(
            "POST /auth/token", "POST /auth/login", "POST /auth/logout", "POST /auth/password",
            "POST /auth/password-reset", "POST /users/{userId}/password-reset",
            "GET /approvals/{token}", "POST /approvals/{token}",
            "POST /workspaces", "GET /workspaces", "GET /workspaces/{workspaceId}",
            "PATCH /workspaces/{workspaceId}", "POST /workspaces/{workspaceId}/archive",
            "POST /workspaces/{workspaceId}/unarchive",
            "POST /workspaces/{workspaceId}/credentials", "DELETE /workspaces/{workspaceId}/credentials/{clientId}",
            "GET /workspaces/{workspaceId}/credentials",
            "POST /users", "GET /users", "GET /users/{userId}", "POST /users/{userId}/deactivate",
            "PUT /users/{userId}/access", "GET /auth/revocations", "GET /oauth/callback",
            "GET /hooks/meta", "POST /hooks/meta", "GET /hooks/x", "POST /hooks/x", "POST /hooks/telegram/{publisherId}",
            "POST /hooks/twilio/{publisherId}/status", "POST /hooks/twilio/{publisherId}/messages",
            "GET /unsubscribe/{token}",
            "POST /unsubscribe/{token}");

    @Test
    void everyWorkspaceEndpointEnforcesTenancyAndScope() {
        UUID ws = Fixtures.workspace("Europe/Berlin", "EUR");
        long campaigns = Fixtures.count("select count(*) from campaign");
        long posts = Fixtures.count("select count(*) from post");
        long publishers = Fixtures.count("select count(*) from publisher");
        long webhooks = Fixtures.count("select count(*) from webhook_subscription");
        long authorizations = Fixtures.count("select count(*) from oauth_authorization");
        long recipients = Fixtures.count("select count(*) from recipient");

        List<String> failures = EndpointMatrix.check(ws, TABLE);

        assertEquals(List.of(), failures);
        // None of the refused writes stored anything.
        assertEquals(campaigns, Fixtures.count("select count(*) from campaign"));
        assertEquals(posts, Fixtures.count("select count(*) from post"));
        assertEquals(publishers, Fixtures.count("select count(*) from publisher"));
        assertEquals(webhooks, Fixtures.count("select count(*) from webhook_subscription"));
        assertEquals(authorizations, Fixtures.count("select count(*) from oauth_authorization"));
        assertEquals(recipients, Fixtures.count("select count(*) from recipient"));
    }

    @Test
    void everyServedOperationIsListedOrExempt() throws Exception {
        Set<String> served = OpenApiContract.operations(OpenApiContract.served());
        assertEquals(Set.of(), EndpointMatrix.unlisted(served, TABLE, EXEMPT));
        // The exemptions name real operations, so a renamed endpoint does not stay exempt by accident.
        for (String exempt : EXEMPT) {
            assertTrue(served.contains(exempt), exempt + " is not served");
        }
    }

    @Test
    void workspaceItselfIsReadableWithAnyReadScopeOfItsOwnTokenOnly() {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        problem(given().get("/workspaces/" + ws), 401);
        problem(given().auth().oauth2(TestTokens.workspace(UUID.randomUUID(), READ)).get("/workspaces/" + ws), 404);
        problem(given().auth().oauth2(TestTokens.workspace(ws, WRITE, "engagement:write", "conversions:write",
                "costs:write")).get("/workspaces/" + ws), 403);
        for (String scope : List.of(READ, "engagement:read", "conversions:read", "reports:read")) {
            given().auth().oauth2(TestTokens.workspace(ws, scope)).get("/workspaces/" + ws).then().statusCode(200)
                    .body("id", equalTo(ws.toString())).body("timeZone", equalTo("Europe/Rome"));
        }
        String viewer = TestTokens.workspaces(List.of(ws), "CLIENT_VIEWER", READ);
        given().auth().oauth2(viewer).get("/workspaces/" + ws).then().statusCode(200);
        // The list shows a bound token its own workspaces only.
        problem(given().get("/workspaces"), 401);
        given().auth().oauth2(TestTokens.workspace(ws, READ)).get("/workspaces?limit=500").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].id", equalTo(ws.toString()));
    }

    @Test
    void adminOnlyEndpointsRefuseEveryWorkspaceToken() {
        UUID ws = Fixtures.workspace("UTC", "USD");
        String all = TestTokens.workspace(ws, READ, WRITE, "engagement:read", "engagement:write", "conversions:read",
                "conversions:write", "reports:read", "costs:write");
        String other = TestTokens.workspace(UUID.randomUUID(), READ, WRITE);
        String viewer = TestTokens.workspaces(List.of(ws), "CLIENT_VIEWER", READ);
        String manager = TestTokens.workspaces(List.of(ws), "MANAGER", READ, WRITE);
        long workspaces = Fixtures.count("select count(*) from workspace");
        long credentials = Fixtures.count("select count(*) from credential");
        long users = Fixtures.count("select count(*) from app_user");

        String workspaceBody = "{\"name\":\"Sneaky\",\"timeZone\":\"UTC\",\"currency\":\"EUR\"}";
        String credentialBody = "{\"name\":\"x\",\"scopes\":[\"content:read\"]}";
        String userBody = "{\"email\":\"sneaky@example.test\",\"name\":\"S\",\"password\":\"0123456789ab\","
                + "\"role\":\"ADMIN\"}";
        problem(json(null, workspaceBody).post("/workspaces"), 401);
        problem(json(null, credentialBody).post("/workspaces/" + ws + "/credentials"), 401);
        problem(given().delete("/workspaces/" + ws + "/credentials/ws_x"), 401);
        problem(given().get("/workspaces/" + ws + "/credentials"), 401);
        problem(json(null, userBody).post("/users"), 401);
        problem(given().get("/users"), 401);
        problem(given().get("/users/" + UUID.randomUUID()), 401);
        problem(given().post("/users/" + UUID.randomUUID() + "/deactivate"), 401);
        problem(json(null, "{\"role\":\"ADMIN\"}").put("/users/" + UUID.randomUUID() + "/access"), 401);
        problem(given().get("/auth/revocations"), 401);
        problem(json(null, "{\"name\":\"Sneaky\"}").patch("/workspaces/" + ws), 401);
        problem(given().post("/workspaces/" + ws + "/archive"), 401);
        problem(given().post("/workspaces/" + ws + "/unarchive"), 401);
        problem(given().post("/users/" + UUID.randomUUID() + "/password-reset"), 401);
        long resets = Fixtures.count("select count(*) from password_reset");
        for (String token : List.of(all, other, viewer, manager)) {
            problem(json(token, "{\"name\":\"Sneaky\"}").patch("/workspaces/" + ws), 403);
            problem(given().auth().oauth2(token).post("/workspaces/" + ws + "/archive"), 403);
            problem(given().auth().oauth2(token).post("/workspaces/" + ws + "/unarchive"), 403);
            problem(json(token, workspaceBody).post("/workspaces"), 403);
            problem(json(token, credentialBody).post("/workspaces/" + ws + "/credentials"), 403);
            problem(given().auth().oauth2(token).delete("/workspaces/" + ws + "/credentials/ws_x"), 403);
            problem(given().auth().oauth2(token).get("/workspaces/" + ws + "/credentials"), 403);
            problem(json(token, userBody).post("/users"), 403);
            problem(given().auth().oauth2(token).get("/users"), 403);
            problem(given().auth().oauth2(token).get("/users/" + UUID.randomUUID()), 403);
            problem(given().auth().oauth2(token).post("/users/" + UUID.randomUUID() + "/deactivate"), 403);
            problem(json(token, "{\"role\":\"ADMIN\"}").put("/users/" + UUID.randomUUID() + "/access"), 403);
            problem(given().auth().oauth2(token).get("/auth/revocations"), 403);
            problem(given().auth().oauth2(token).post("/users/" + UUID.randomUUID() + "/password-reset"), 403);
        }
        // The revocation list is for the suite's services, not even for the agency admin.
        problem(given().auth().oauth2(TestTokens.admin()).get("/auth/revocations"), 403);
        given().auth().oauth2(TestTokens.service("content:read")).get("/auth/revocations").then().statusCode(200);
        // The admin reaches them; an unknown workspace is a 404 for the admin too.
        problem(json(TestTokens.admin(), credentialBody).post("/workspaces/" + UUID.randomUUID() + "/credentials"), 404);
        problem(json(TestTokens.admin(), "{\"name\":\"X\"}").patch("/workspaces/" + UUID.randomUUID()), 404);
        problem(given().auth().oauth2(TestTokens.admin()).post("/workspaces/" + UUID.randomUUID() + "/archive"), 404);
        given().auth().oauth2(TestTokens.admin()).get("/workspaces/" + ws).then().statusCode(200)
                .body("name", equalTo("Client")).body("archived", equalTo(false));
        assertEquals(workspaces, Fixtures.count("select count(*) from workspace"));
        assertEquals(credentials, Fixtures.count("select count(*) from credential"));
        assertEquals(users, Fixtures.count("select count(*) from app_user"));
        assertEquals(resets, Fixtures.count("select count(*) from password_reset"));
    }

    private static io.restassured.specification.RequestSpecification json(String token, String body) {
        var spec = given().contentType(ContentType.JSON).body(body);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    private static void problem(Response response, int status) {
        response.then().statusCode(status).contentType(startsWith("application/problem+json"));
    }
}
