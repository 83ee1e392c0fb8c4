package io.socialroi.common.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Implements {@link Idempotent}: reserves the key before the method runs, stores the answer after it, and
 * answers a replay from storage. Keys are per caller (token subject) and per workspace of the path.
 */
@Provider
@Idempotent
@Priority(Priorities.USER + 100)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final String RESERVED = IdempotencyFilter.class.getName() + ".reserved";
    private static final String SEAL = IdempotencyFilter.class.getName() + ".seal";
    private static final int NONCE_BYTES = 12;
    private static final Pattern WORKSPACE = Pattern.compile("^/?workspaces/([0-9a-fA-F-]{36})");
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;

    public IdempotencyFilter(IdempotencyStore store, SecurityIdentity identity, ObjectMapper mapper) {
        this.store = store;
        this.identity = identity;
        this.mapper = mapper;
    }

    /** Where a key lives: the caller and the workspace of the path. */
    private record Slot(String scope, String owner, String key) {
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || identity.isAnonymous()) {
            return;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        Slot slot = new Slot(scopeOf(request.getUriInfo().getPath()), identity.getPrincipal().getName(), stored(key));
        request.setProperty(SEAL, sealKey(slot, key));
        String hash = hash(request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(), body);
        Optional<IdempotencyStore.Entry> existing;
        try {
            existing = store.reserve(slot.scope(), slot.owner(), slot.key(), hash);
            if (ThreadLocalRandom.current().nextInt(1000) == 0) {
                store.purgeExpired();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency store unavailable", e);
        }
        if (existing.isEmpty()) {
            request.setProperty(RESERVED, slot);
            return;
        }
        IdempotencyStore.Entry entry = existing.get();
        if (!entry.requestHash().equals(hash)) {
            throw new ProblemException(Problem.of(422, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was used with a different request body"));
        }
        if (entry.status() == null) {
            throw new ProblemException(Problem.of(409, "idempotency-key-in-progress", "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly"),
                    Map.of("Retry-After", "1"));
        }
        Response.ResponseBuilder replay = Response.status(entry.status()).header("Idempotent-Replayed", "true");
        if (entry.body() != null && entry.body().length > 0) {
            replay.entity(open(entry.body(), sealKey(slot, key))).type(entry.contentType());
        }
        if (entry.location() != null) {
            replay.header("Location", entry.location());
        }
        request.abortWith(replay.build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (!(request.getProperty(RESERVED) instanceof Slot slot)) {
            return;
        }
        try {
            if (response.getStatus() >= 500) {
                store.release(slot.scope(), slot.owner(), slot.key());
                return;
            }
            MediaType type = response.getMediaType();
            if (type == null && response.getEntity() != null && !(response.getEntity() instanceof String)) {
                type = MediaType.APPLICATION_JSON_TYPE;
            }
            String location = response.getHeaderString("Location");
            byte[] body = serialize(response.getEntity());
            store.complete(slot.scope(), slot.owner(), slot.key(), response.getStatus(),
                    type == null ? null : type.toString(), location,
                    body.length == 0 ? body : seal(body, (SecretKeySpec) request.getProperty(SEAL)));
        } catch (SQLException e) {
            // The business write is committed; failing the answer now would invite a duplicate retry.
            Log.warnf("Could not record idempotent response for key %s: %s", slot.key(), e.getMessage());
        }
    }

    private byte[] serialize(Object entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return mapper.writeValueAsBytes(entity);
    }

    /**
     * The key as stored: its SHA-256, so the table alone does not hold what a client must present to replay
     * (and a credential's one-time secret in a stored answer stays unreadable without it, see {@link #seal}).
     */
    static String stored(String key) {
        return "sha256:" + HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** The AES key of a stored answer: derived from the client's raw key, its caller and workspace. */
    private static SecretKeySpec sealKey(Slot slot, String rawKey) {
        byte[] material = sha256(("idempotent-answer\n" + slot.scope() + "\n" + slot.owner() + "\n" + rawKey)
                .getBytes(StandardCharsets.UTF_8));
        return new SecretKeySpec(material, "AES");
    }

    /** AES-GCM: a random nonce, then the encrypted answer with its tag. */
    static byte[] seal(byte[] body, SecretKeySpec key) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            Nonces.RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(body);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    static byte[] open(byte[] stored, SecretKeySpec key) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 0, NONCE_BYTES));
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            // Only a key whose hash matched gets here, so this is a damaged row, not a wrong caller.
            throw new IllegalStateException("Stored idempotent answer cannot be opened", e);
        }
    }

    /** Created on first use, at run time (not in a native image's build). */
    private static final class Nonces {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String scopeOf(String path) {
        Matcher m = WORKSPACE.matcher(path);
        return m.find() ? m.group(1).toLowerCase() : "agency";
    }

    private static String hash(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
