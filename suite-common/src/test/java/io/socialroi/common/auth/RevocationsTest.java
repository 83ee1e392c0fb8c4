package io.socialroi.common.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * Which tokens a subject's revocation reaches: those issued up to it, to the millisecond when the token says when
 * it was issued (a sign-in right after a role change in the same second keeps working), to the second otherwise.
 */
class RevocationsTest {

    private static final Instant REVOKED = Instant.parse("2026-12-03T10:00:00.400Z");

    @Test
    void aTokenIssuedAfterTheRevocationInTheSameSecondStillCounts() {
        Revocations revocations = new Revocations(() -> RevocationList.empty());
        revocations.addSubject("user-1", REVOKED);
        assertFalse(revocations.revoked(token("user-1", "a", REVOKED.plusMillis(350), true)));
        assertTrue(revocations.revoked(token("user-1", "b", REVOKED.minusMillis(350), true)));
        assertTrue(revocations.revoked(token("user-1", "c", REVOKED, true)), "issued in the revocation's millisecond");
        assertFalse(revocations.revoked(token("user-2", "d", REVOKED.minusSeconds(60), true)), "another subject");
    }

    @Test
    void aTokenWithWholeSecondsOnlyIsRevokedThroughTheSecondOfTheRevocation() {
        Revocations revocations = new Revocations(() -> RevocationList.empty());
        revocations.addSubject("client-1", REVOKED);
        assertTrue(revocations.revoked(token("client-1", "a", REVOKED.plusMillis(350), false)));
        assertTrue(revocations.revoked(token("client-1", "b", REVOKED.minusSeconds(5), false)));
        assertFalse(revocations.revoked(token("client-1", "c", REVOKED.plusSeconds(1), false)));
    }

    @Test
    void theListReadFromTheSourceKeepsMillisecondsAndTheLatestRevocationPerSubject() {
        Revocations revocations = new Revocations(() -> new RevocationList(Instant.now(), List.of("signed-out"),
                List.of(new RevocationList.RevokedSubject("user-1", REVOKED.minusSeconds(30)),
                        new RevocationList.RevokedSubject("user-1", REVOKED))));
        revocations.refresh();
        assertTrue(revocations.revoked(token("user-1", "a", REVOKED.minusMillis(1), true)));
        assertFalse(revocations.revoked(token("user-1", "b", REVOKED.plusMillis(1), true)));
        assertTrue(revocations.revoked(token("user-9", "signed-out", REVOKED.plusSeconds(9), true)), "by jti");
    }

    @Test
    void aFailingSourceKeepsTheLastListInForce() {
        boolean[] fail = {false};
        Revocations revocations = new Revocations(() -> {
            if (fail[0]) {
                throw new IllegalStateException("content-service down");
            }
            return new RevocationList(Instant.now(), List.of(), List.of(new RevocationList.RevokedSubject("u", REVOKED)));
        });
        revocations.refresh();
        fail[0] = true;
        revocations.refresh();
        assertTrue(revocations.revoked(token("u", "a", REVOKED.minusSeconds(1), true)));
    }

    /** A verified token as SmallRye JWT hands it over: custom numeric claims as JSON numbers. */
    private static JsonWebToken token(String subject, String jti, Instant issued, boolean withMillis) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", subject);
        claims.put("jti", jti);
        claims.put("iat", issued.getEpochSecond());
        if (withMillis) {
            claims.put(Claims.ISSUED_AT_MILLIS, Json.createValue(issued.toEpochMilli()));
        }
        return new JsonWebToken() {
            @Override
            public String getName() {
                return subject;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }
}
