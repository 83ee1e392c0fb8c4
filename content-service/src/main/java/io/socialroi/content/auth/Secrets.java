package io.socialroi.content.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Client secrets are 256 random bits, so a SHA-256 digest is a safe way to keep them (a memory-hard hash
 * is for guessable passwords); comparisons are constant-time.
 */
public final class Secrets {

    private Secrets() {
    }

    /**
     * Created on first use, at run time: a SecureRandom seeded while building a native image would be baked
     * into it (and GraalVM refuses one in the image heap), so no static field of Secrets holds one.
     */
    private static final class Random {
        static final SecureRandom INSTANCE = new SecureRandom();
    }

    /** A URL-safe random string of {@code bytes} random bytes. */
    public static String random(int bytes) {
        byte[] raw = new byte[bytes];
        Random.INSTANCE.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean matches(String secret, String expectedHash) {
        if (secret == null || expectedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Constant-time comparison of two plain values (configured secrets). */
    public static boolean equal(String given, String expected) {
        if (given == null || expected == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
