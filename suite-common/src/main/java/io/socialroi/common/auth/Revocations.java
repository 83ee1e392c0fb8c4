package io.socialroi.common.auth;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The revocations in force, as this service last read them: refreshed every
 * {@code suite.revocation.refresh-every} (15 s; content-service, which owns the list, 5 s), so a revoked
 * credential, a signed-out token or a deactivated user's token stops working on every service well within a
 * minute while each service still verifies each token itself, without a call per request. When the list
 * cannot be read the last one read stays in force (and the failure is logged): a content-service outage
 * neither opens revoked tokens nor locks everybody out.
 */
@ApplicationScoped
public class Revocations {

    private record Snapshot(Set<String> tokens, Map<String, Long> subjects) {
    }

    private final RevocationSource source;
    private volatile Snapshot snapshot = new Snapshot(Set.of(), Map.of());
    private volatile boolean failing;

    public Revocations(RevocationSource source) {
        this.source = source;
    }

    /** True when this token was signed out, or its subject revoked after it was issued. */
    public boolean revoked(JsonWebToken token) {
        Snapshot current = snapshot;
        String jti = token.getTokenID();
        if (jti != null && current.tokens().contains(jti)) {
            return true;
        }
        Long revokedAtMillis = token.getSubject() == null ? null : current.subjects().get(token.getSubject());
        if (revokedAtMillis == null) {
            return false;
        }
        Long issuedAtMillis = issuedAtMillis(token);
        if (issuedAtMillis != null) {
            return issuedAtMillis <= revokedAtMillis;
        }
        // Only whole seconds known (iat is truncated): a token issued in the second of the revocation may be from
        // before it and counts as revoked; one whose iat is a later second was certainly issued after it.
        return token.getIssuedAtTime() <= Math.floorDiv(revokedAtMillis, 1000);
    }

    /** The millisecond issue time the suite's issuer adds ({@link Claims#ISSUED_AT_MILLIS}), when present. */
    static Long issuedAtMillis(JsonWebToken token) {
        Object claim = token.getClaim(Claims.ISSUED_AT_MILLIS);
        if (claim instanceof jakarta.json.JsonNumber number) {
            return number.longValue();
        }
        if (claim instanceof Number number) {
            return number.longValue();
        }
        return null;
    }

    @Scheduled(every = "${suite.revocation.refresh-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        RevocationList list;
        try {
            list = source.fetch();
        } catch (RuntimeException e) {
            if (!failing) {
                Log.warnf("Could not read the token revocations (the last ones read stay in force): %s", e.getMessage());
            }
            failing = true;
            return;
        }
        if (failing) {
            Log.info("Token revocations read again");
        }
        failing = false;
        Set<String> tokens = new HashSet<>(list.tokens() == null ? Set.of() : list.tokens());
        Map<String, Long> subjects = new HashMap<>();
        if (list.subjects() != null) {
            for (RevocationList.RevokedSubject s : list.subjects()) {
                subjects.merge(s.subject(), s.revokedAt().toEpochMilli(), Math::max);
            }
        }
        snapshot = new Snapshot(Set.copyOf(tokens), Map.copyOf(subjects));
    }

    /** Takes a revocation made here into account at once, before the next refresh. */
    public synchronized void addToken(String jti) {
        Set<String> tokens = new HashSet<>(snapshot.tokens());
        tokens.add(jti);
        snapshot = new Snapshot(Set.copyOf(tokens), snapshot.subjects());
    }

    /** Takes a subject revoked here into account at once, before the next refresh. */
    public synchronized void addSubject(String subject, Instant revokedAt) {
        Map<String, Long> subjects = new HashMap<>(snapshot.subjects());
        subjects.merge(subject, revokedAt.toEpochMilli(), Math::max);
        snapshot = new Snapshot(snapshot.tokens(), Map.copyOf(subjects));
    }
}
