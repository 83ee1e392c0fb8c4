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
     * SHA-256 after Google's normalisation (Customer Match, Data Manager): trimmed, lower case, and for gmail.com
     * and googlemail.com addresses every dot before the {@code @} removed ({@code Jane.Doe@Gmail.com} and
     * {@code janedoe@gmail.com} are one account there); other domains as {@link #hash}.
     */
    public static String googleHash(String email) {
        return sha256(googleNormalised(email));
    }

    static String googleNormalised(String email) {
        String normal = email.trim().toLowerCase(Locale.ROOT);
        int at = normal.lastIndexOf('@');
        if (at > 0) {
            String domain = normal.substring(at + 1);
            if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
                normal = normal.substring(0, at).replace(".", "") + normal.substring(at);
            }
        }
        return normal;
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
