package io.socialroi.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.socialroi.common.auth.Revocations;
import io.socialroi.common.remote.RemotePolicy;
import io.socialroi.common.workspace.ServiceTokens;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.FakeServer.Reply;
import io.socialroi.testing.TestTokens;
import io.socialroi.testing.TokenAttacks;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three calls every service makes to content-service (suite-common {@code WorkspaceDirectory},
 * {@code ServiceTokens}, {@code HttpRevocationSource}) under the suite's one policy, against the fake
 * content-service on real HTTP, through engagement-service's REST client and its real timeouts (connect 1 s, read
 * 2 s): a workspace read or the revocation list (GETs) is asked again once after a 5xx, never after a timeout or a
 * 4xx; the token request (a POST) is never asked again; what fails is a 503 problem naming content-service with
 * Retry-After; content-service's breaker opens after repeated failures, and a storm of 4xx answers leaves it closed.
 * The scheduled revocation refresh is off, so every request the fake counts is one of this test's.
 */
@QuarkusTest
@TestProfile(ContentServiceCallsTest.NoBackgroundRefresh.class)
class ContentServiceCallsTest {

    public static class NoBackgroundRefresh implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("suite.revocation.refresh-every", "off");
        }
    }

    private static final String PERIOD = "/engagement/summary?from=2026-11-01&to=2026-11-18";

    @Inject
    ServiceTokens tokens;

    @Inject
    Revocations revocations;

    @BeforeEach
    @AfterEach
    void closeBreakers() {
        RemotePolicy.resetAll();
        ContentFake.answerTokens();
    }

    private static FakeServer content() {
        return ContentFake.server();
    }

    private static long requests(String path) {
        return content().requests().stream().filter(r -> r.path().equals(path)).count();
    }

    private static UUID known() {
        UUID ws = UUID.randomUUID();
        ContentFake.workspace(ws, "UTC");
        return ws;
    }

    private static ValidatableResponse summary(UUID ws) {
        return given().auth().oauth2(Api.reader(ws)).get("/workspaces/" + ws + PERIOD).then();
    }

    private static ValidatableResponse unavailable(ValidatableResponse answer) {
        return answer.statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5").body("title", equalTo("content-service unavailable"));
    }

    @Test
    void aFailingWorkspaceReadIsAskedOnceMoreThenA503NamingContentService() {
        UUID ws = UUID.randomUUID();
        content().on("GET", "/workspaces/" + ws, Reply.json(502, "{\"status\":502}"));
        unavailable(summary(ws)).body("detail", equalTo("content-service answered HTTP 502"));
        assertEquals(2, requests("/workspaces/" + ws), "one retry of the GET");

        UUID flaky = UUID.randomUUID();
        AtomicInteger calls = new AtomicInteger();
        content().on("GET", "/workspaces/" + flaky, r -> calls.incrementAndGet() == 1
                ? Reply.json(503, "{\"status\":503}")
                : Reply.json(200, "{\"id\":\"" + flaky + "\",\"name\":\"W\",\"timeZone\":\"UTC\",\"currency\":\"EUR\"}"));
        summary(flaky).statusCode(200).body("timeZone", equalTo("UTC"));
        assertEquals(2, requests("/workspaces/" + flaky), "the retry hid the passing failure");
    }

    @Test
    void aSlowWorkspaceReadIsA503AndNotAskedAgain() {
        UUID ws = UUID.randomUUID();
        content().on("GET", "/workspaces/" + ws, Reply.json(200, "{\"id\":\"" + ws
                + "\",\"name\":\"W\",\"timeZone\":\"UTC\",\"currency\":\"EUR\"}").delayed(2600));
        unavailable(summary(ws)).body("detail", equalTo("content-service did not answer in time"));
        assertEquals(1, requests("/workspaces/" + ws), "a timeout is not retried");
    }

    @Test
    void aWorkspaceContentServiceRefusesIsAnsweredOnceAndNotRetried() {
        UUID unknown = UUID.randomUUID();
        summary(unknown).statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Workspace " + unknown + " was not found"));
        assertEquals(1, requests("/workspaces/" + unknown));
        // Its refusal of this service's own token is content-service's problem, not the caller's: a 503.
        UUID refused = UUID.randomUUID();
        content().on("GET", "/workspaces/" + refused, Reply.json(403, "{\"status\":403}"));
        unavailable(summary(refused)).body("detail", containsString("HTTP 403"));
        assertEquals(1, requests("/workspaces/" + refused));
    }

    @Test
    void repeatedWorkspaceReadFailuresOpenTheBreakerAndA4xxStormDoesNot() {
        for (int i = 0; i < 30; i++) {
            summary(UUID.randomUUID()).statusCode(404);
        }
        assertFalse(RemotePolicy.of("content-service").isOpen(), "404 answers are no failures");
        summary(known()).statusCode(200);

        UUID broken = UUID.randomUUID();
        content().on("GET", "/workspaces/" + broken, Reply.json(500, "{\"status\":500}"));
        for (int i = 0; i < 10; i++) {
            unavailable(summary(broken));
        }
        assertTrue(RemotePolicy.of("content-service").isOpen());
        long sent = requests("/workspaces/" + broken);
        unavailable(summary(broken)).body("detail", containsString("calls are paused"));
        UUID healthy = known();
        unavailable(summary(healthy)).body("detail", containsString("calls are paused"));
        assertEquals(sent, requests("/workspaces/" + broken), "an open breaker sends nothing");
        assertEquals(0, requests("/workspaces/" + healthy));
    }

    @Test
    void aServiceTokenThatCannotBeObtainedIsA503AndTheTokenRequestIsNeverRepeated() {
        tokens.invalidate();
        content().on("POST", "/auth/token", Reply.json(500, "{\"status\":500}"));
        long before = requests("/auth/token");
        UUID ws = known();
        unavailable(summary(ws)).body("detail",
                equalTo("Could not obtain a service token: content-service answered HTTP 500"));
        assertEquals(before + 1, requests("/auth/token"), "a POST is never retried");
        assertEquals(0, requests("/workspaces/" + ws));

        content().on("POST", "/auth/token", Reply.json(401, "{\"status\":401}"));
        unavailable(summary(ws)).body("detail", containsString("Could not obtain a service token"))
                .body("detail", containsString("401"));
        assertEquals(before + 2, requests("/auth/token"));

        content().on("POST", "/auth/token", Reply.json(200, "{\"access_token\":\"" + TestTokens.service("content:read")
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}").delayed(2600));
        unavailable(summary(ws)).body("detail",
                equalTo("Could not obtain a service token: content-service did not answer in time"));
        assertEquals(before + 3, requests("/auth/token"));

        ContentFake.answerTokens();
        summary(ws).statusCode(200);
    }

    @Test
    void refusedTokenRequestsDoNotOpenTheBreakerFailingOnesDo() {
        content().on("POST", "/auth/token", Reply.json(401, "{\"status\":401}"));
        for (int i = 0; i < 30; i++) {
            tokens.invalidate();
            unavailable(summary(known()));
        }
        assertFalse(RemotePolicy.of("content-service").isOpen(), "a refused credential is an answer, not an outage");
        ContentFake.answerTokens();
        tokens.invalidate();
        summary(known()).statusCode(200);

        content().on("POST", "/auth/token", Reply.json(503, "{\"status\":503}"));
        for (int i = 0; i < 20; i++) {
            tokens.invalidate();
            unavailable(summary(known()));
        }
        assertTrue(RemotePolicy.of("content-service").isOpen());
        long sent = requests("/auth/token");
        tokens.invalidate();
        unavailable(summary(known())).body("detail", containsString("calls are paused"));
        assertEquals(sent, requests("/auth/token"), "an open breaker sends nothing");
    }

    @Test
    void theRevocationListIsAskedOnceMoreAfterA5xxNeverAfterA4xxAndTheLastListStays() {
        UUID ws = known();
        String jti = UUID.randomUUID().toString();
        String signedOut = TestTokens.admin("user-" + UUID.randomUUID(), jti);
        String settings = "/workspaces/" + ws + "/engagement/settings";
        given().auth().oauth2(signedOut).get(settings).then().statusCode(200);
        content().on("GET", "/auth/revocations", Reply.json(200, TokenAttacks.revocationList(List.of(jti), List.of())));
        revocations.refresh();
        given().auth().oauth2(signedOut).get(settings).then().statusCode(401);

        long before = requests("/auth/revocations");
        content().on("GET", "/auth/revocations", Reply.json(502, "{\"status\":502}"));
        revocations.refresh();
        assertEquals(before + 2, requests("/auth/revocations"), "one retry of the GET");
        given().auth().oauth2(signedOut).get(settings).then().statusCode(401);

        content().on("GET", "/auth/revocations", Reply.json(403, "{\"status\":403}"));
        revocations.refresh();
        assertEquals(before + 3, requests("/auth/revocations"), "a 4xx is not retried");
        given().auth().oauth2(signedOut).get(settings).then().statusCode(401);

        for (int i = 0; i < 30; i++) {
            revocations.refresh();
        }
        assertFalse(RemotePolicy.of("content-service").isOpen(), "4xx answers are no failures");
        content().on("GET", "/auth/revocations", Reply.json(500, "{\"status\":500}"));
        for (int i = 0; i < 10; i++) {
            revocations.refresh();
        }
        assertTrue(RemotePolicy.of("content-service").isOpen());
        long sent = requests("/auth/revocations");
        revocations.refresh();
        assertEquals(sent, requests("/auth/revocations"), "an open breaker sends nothing");
        given().auth().oauth2(signedOut).get(settings).then().statusCode(401);
        content().on("GET", "/auth/revocations", Reply.json(200, TokenAttacks.revocationList(List.of(), List.of())));
    }
}
