package io.socialroi.conversion.conversion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Identifiers leave the client's systems only hashed: SHA-256 of the normalised value, lower-case hex. */
public final class Emails {

    private Emails() {
    }

    /** SHA-256 of the trimmed, lower-cased address: the normalisation ad platforms expect. */
    public static String hash(String email) {
        return sha256(email.trim().toLowerCase(Locale.ROOT));
    }

    public static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
