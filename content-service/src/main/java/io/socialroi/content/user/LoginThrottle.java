package io.socialroi.content.user;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Counts failed sign-ins and token requests per key in the database, so every replica of the service sees the
 * same counts. Keys are what an attacker cannot aim at somebody else: the real client address (see
 * {@link io.socialroi.common.http.ClientAddress}), and an existing account together with that address; never a
 * bare e-mail or client id from the request, with which anyone could lock a victim out (and which would let
 * random values fill the table). Keys are stored as SHA-256 digests, of fixed size. Each change runs in a
 * transaction of its own: the failed login that records it answers with an error, which must not roll the
 * count back.
 */
@ApplicationScoped
public class LoginThrottle {

    private final EntityManager em;
    private final LoginPolicy policy;

    public LoginThrottle(EntityManager em, LoginPolicy policy) {
        this.em = em;
        this.policy = policy;
    }

    /** The stored form of a key made of these parts (null parts are skipped). */
    public static String key(String... parts) {
        try {
            String joined = String.join("\u0000", Arrays.stream(parts).filter(Objects::nonNull).toList());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seconds until the longest lock among these keys ends, if any is locked now. */
    public OptionalLong lockedFor(List<String> keys) {
        Object seconds = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select ceil(extract(epoch from max(locked_until) - now())) from login_throttle "
                        + "where throttle_key in (:keys) and locked_until > now()")
                .setParameter("keys", keys).getSingleResult());
        return seconds == null ? OptionalLong.empty() : OptionalLong.of(Math.max(1, ((Number) seconds).longValue()));
    }

    /** Records one failure for the key; past the allowance the key is locked for a doubling time. */
    public void failed(String key, int allowance) {
        QuarkusTransaction.requiringNew().run(() -> {
            Number failures = (Number) em.createNativeQuery("""
                    insert into login_throttle (throttle_key, failures, last_failure_at) values (:key, 1, now())
                    on conflict (throttle_key) do update set
                        failures = case when login_throttle.last_failure_at < now() - make_interval(secs => :forget)
                                        then 1 else login_throttle.failures + 1 end,
                        last_failure_at = now()
                    returning failures""")
                    .setParameter("key", key)
                    .setParameter("forget", (double) policy.forgetAfter().toSeconds())
                    .getSingleResult();
            int over = failures.intValue() - allowance;
            if (over >= 0) {
                long lock = Math.min(policy.maxLock().toSeconds(),
                        policy.firstLock().toSeconds() << Math.min(over, 20));
                em.createNativeQuery("update login_throttle set locked_until = now() + make_interval(secs => :lock) "
                        + "where throttle_key = :key")
                        .setParameter("lock", (double) lock).setParameter("key", key).executeUpdate();
            }
        });
    }

    /** A successful sign-in clears what was held against this key. */
    public void succeeded(String key) {
        if (key == null) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from login_throttle where throttle_key = :key").setParameter("key", key).executeUpdate());
    }

    /** Whether the key (see {@link #key}: account and address) signed in successfully within the known time. */
    public boolean known(String knownKey) {
        Object found = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select 1 from login_known_address where known_key = :key "
                        + "and last_success_at > now() - make_interval(secs => :known)")
                .setParameter("key", knownKey).setParameter("known", (double) policy.knownAddressFor().toSeconds())
                .getResultStream().findFirst().orElse(null));
        return found != null;
    }

    /** Remembers a successful sign-in of this account from this address. */
    public void remember(String knownKey) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into login_known_address (known_key, last_success_at) values (:key, now()) "
                        + "on conflict (known_key) do update set last_success_at = now()")
                .setParameter("key", knownKey).executeUpdate());
    }

    /** Keeps the table small: unlocked counts that would be forgotten anyway are removed. */
    @Scheduled(every = "5m", delayed = "1m")
    void forgetOld() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from login_throttle where last_failure_at < now() - make_interval(secs => :forget) "
                        + "and (locked_until is null or locked_until < now())")
                .setParameter("forget", (double) policy.forgetAfter().toSeconds()).executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from login_known_address where last_success_at < now() - make_interval(secs => :known)")
                .setParameter("known", (double) policy.knownAddressFor().toSeconds()).executeUpdate());
    }
}
