package io.socialroi.content;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.socialroi.testing.TestTokens;
import io.socialroi.testing.TokenAttacks;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 on content-service: tokens no service may accept get a 401 problem+json, and a noisy credential
 * is limited per credential (RateLimit headers, then 429) while another of the same workspace keeps working.
 * Revocation here is played in {@code user.AuthAttackTest} (sign-out, deactivation, revoked credential).
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

    private static UUID workspace() {
        String id = given().auth().oauth2(TestTokens.credential("admin-" + UUID.randomUUID(), UUID.randomUUID(),
                        "admin")).contentType(ContentType.JSON)
                .body("{\"name\":\"Noisy\",\"timeZone\":\"UTC\",\"currency\":\"EUR\"}")
                .post("/workspaces").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    @Test
    void forgedExpiredEarlyForeignAndAlgorithmConfusedTokensGet401Problems() {
        assertEquals(List.of(), TokenAttacks.check("GET", "/workspaces/" + workspace() + "/campaigns", 200));
    }

    @Test
    void aNoisyCredentialIsLimitedWhileAnotherOfTheSameWorkspaceKeepsWorking() {
        UUID ws = workspace();
        String noisy = TestTokens.credential("ws_noisy" + UUID.randomUUID(), ws, "content:read");
        String quiet = TestTokens.credential("ws_quiet" + UUID.randomUUID(), ws, "content:read");
        assertEquals(List.of(), TokenAttacks.noisyNeighbour("/workspaces/" + ws + "/campaigns", noisy, quiet, 5));
    }
}
