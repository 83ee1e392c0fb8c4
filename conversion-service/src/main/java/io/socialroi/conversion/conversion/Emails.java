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

    /**
     * Google's normalisation before hashing (Data Manager API formatting guidelines): trimmed, lower case, and for
     * gmail.com and googlemail.com addresses every dot of the part before the {@code @} removed, so
     * {@code Jane.Doe@gmail.com} is {@code janedoe@gmail.com}.
     */
    public static String googleNormalised(String email) {
        String e = email.trim().toLowerCase(Locale.ROOT);
        int at = e.lastIndexOf('@');
        if (at > 0) {
            String domain = e.substring(at + 1);
            if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
                return e.substring(0, at).replace(".", "") + e.substring(at);
            }
        }
        return e;
    }

    /** SHA-256 hex of {@link #googleNormalised}. */
    public static String googleHash(String email) {
        return sha256(googleNormalised(email));
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
