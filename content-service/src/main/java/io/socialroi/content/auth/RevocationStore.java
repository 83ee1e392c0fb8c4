package io.socialroi.content.auth;

import io.quarkus.scheduler.Scheduled;
import io.socialroi.common.auth.RevocationList;
import io.socialroi.common.auth.RevocationSource;
import io.socialroi.common.auth.Revocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code token_revocation} table: tokens signed out by jti, and subjects (a revoked credential, a
 * deactivated user) whose tokens issued so far no longer count. Rows stay until every token they can concern
 * has expired, then are dropped. It is also this service's {@link RevocationSource}: content-service reads
 * its own table, the other services read it over HTTP ({@code GET /auth/revocations}).
 */
@ApplicationScoped
public class RevocationStore implements RevocationSource {

    private final EntityManager em;
    private final long lifespanSeconds;
    private final Instance<Revocations> revocations;

    public RevocationStore(EntityManager em,
            @ConfigProperty(name = "smallrye.jwt.new-token.lifespan", defaultValue = "3600") long lifespanSeconds,
            Instance<Revocations> revocations) {
        this.em = em;
        this.lifespanSeconds = lifespanSeconds;
        this.revocations = revocations;
    }

    /** Revokes one token until it expires. */
    @Transactional
    public void revokeToken(String jti, Instant expiresAt) {
        upsert("token", jti, Instant.now(), expiresAt);
        revocations.get().addToken(jti);
    }

    /** Revokes every token of the subject issued up to now; they expire within the token lifespan. */
    @Transactional
    public void revokeSubject(String subject) {
        Instant now = Instant.now();
        upsert("subject", subject, now, now.plusSeconds(lifespanSeconds + 60));
        revocations.get().addSubject(subject, now);
    }

    @Override
    @Transactional
    public RevocationList fetch() {
        List<String> tokens = new ArrayList<>();
        List<RevocationList.RevokedSubject> subjects = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select kind, value, revoked_at from token_revocation "
                + "where keep_until > now() order by revoked_at").getResultList();
        for (Object[] row : rows) {
            if ("token".equals(row[0])) {
                tokens.add((String) row[1]);
            } else {
                subjects.add(new RevocationList.RevokedSubject((String) row[1], instant(row[2])));
            }
        }
        return new RevocationList(Instant.now(), tokens, subjects);
    }

    /** Rows whose tokens have all expired concern nobody any more. */
    @Scheduled(every = "10m", delayed = "1m")
    @Transactional
    void forgetExpired() {
        em.createNativeQuery("delete from token_revocation where keep_until < now()").executeUpdate();
    }

    private void upsert(String kind, String value, Instant revokedAt, Instant keepUntil) {
        em.createNativeQuery("""
                insert into token_revocation (kind, value, revoked_at, keep_until) values (:kind, :value, :at, :keep)
                on conflict (kind, value) do update set revoked_at = greatest(token_revocation.revoked_at, :at),
                    keep_until = greatest(token_revocation.keep_until, :keep)""")
                .setParameter("kind", kind).setParameter("value", value)
                .setParameter("at", OffsetDateTime.ofInstant(revokedAt, java.time.ZoneOffset.UTC))
                .setParameter("keep", OffsetDateTime.ofInstant(keepUntil, java.time.ZoneOffset.UTC))
                .executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return Instant.parse(String.valueOf(value));
    }
}
