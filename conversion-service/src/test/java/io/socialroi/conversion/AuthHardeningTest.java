package io.socialroi.conversion;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.socialroi.common.auth.Revocations;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.TestTokens;
import io.socialroi.testing.TokenAttacks;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 on conversion-service: tokens no service may accept get a 401 problem+json; a noisy credential is limited
 * per credential (RateLimit headers, then 429) while another of the same workspace keeps working; and a token
 * content-service lists as revoked stops working at the next read of the list.
 */
@QuarkusTest
@TestProfile(AuthHardeningTest.LowApiLimit.class)
class AuthHardeningTest {

    /** Bursts of 5 per credential, so a test can spend one. */
    public static class LowApiLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("suite.rate-limit.api.per-minute", "1", "suite.rate-limit.api.burst", "5");
        }
    }

    @FakeServices.Inject
    Fakes fakes;

    @Inject
    Revocations revocations;

    @Test
    void forgedExpiredEarlyForeignAndAlgorithmConfusedTokensGet401Problems() {
        UUID ws = fakes.workspace();
        assertEquals(List.of(), TokenAttacks.check("GET", "/workspaces/" + ws + "/conversions", 200));
    }

    @Test
    void aNoisyCredentialIsLimitedWhileAnotherOfTheSameWorkspaceKeepsWorking() {
        UUID ws = fakes.workspace();
        String noisy = TestTokens.credential("ws_noisy" + UUID.randomUUID(), ws, "conversions:read");
        String quiet = TestTokens.credential("ws_quiet" + UUID.randomUUID(), ws, "conversions:read");
        assertEquals(List.of(), TokenAttacks.noisyNeighbour("/workspaces/" + ws + "/conversions", noisy, quiet, 5));
    }

    @Test
    void tokensContentServiceListsAsRevokedStopWorking() {
        UUID ws = fakes.workspace();
        String jti = UUID.randomUUID().toString();
        String signedOut = TestTokens.admin("user-" + UUID.randomUUID(), jti);
        String revokedClient = "ws_revoked" + UUID.randomUUID();
        String ofRevokedClient = TestTokens.credential(revokedClient, ws, "conversions:read");
        String unrelated = TestTokens.credential("ws_kept" + UUID.randomUUID(), ws, "conversions:read");
        given().auth().oauth2(signedOut).get("/workspaces/" + ws + "/conversions").then().statusCode(200);
        given().auth().oauth2(ofRevokedClient).get("/workspaces/" + ws + "/conversions").then().statusCode(200);

        fakes.content.on("GET", "/auth/revocations", r -> FakeServer.Reply.json(200,
                TokenAttacks.revocationList(List.of(jti), List.of(revokedClient))));
        revocations.refresh();

        given().auth().oauth2(signedOut).get("/workspaces/" + ws + "/conversions").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(ofRevokedClient).get("/workspaces/" + ws + "/conversions").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(unrelated).get("/workspaces/" + ws + "/conversions").then().statusCode(200);
        // When content-service cannot be read, what was read last stays in force.
        fakes.content.on("GET", "/auth/revocations", r -> FakeServer.Reply.json(503, "{\"status\":503}"));
        revocations.refresh();
        given().auth().oauth2(ofRevokedClient).get("/workspaces/" + ws + "/conversions").then().statusCode(401);
    }
}
