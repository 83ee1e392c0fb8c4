package io.socialroi.conversion.connector;

import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature rules of the platforms, each over the raw request bytes (never a re-serialised body):
 * <ul>
 * <li>Shopify {@code X-Shopify-Hmac-Sha256} and WooCommerce {@code X-WC-Webhook-Signature}: base64 of
 * HMAC-SHA256(secret, body);</li>
 * <li>Stripe {@code Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>...]} and the suite's own
 * {@code X-Suite-Signature: t=<unix>,v1=<hex>} (as content-service signs its outgoing calls): hex of
 * HMAC-SHA256(secret, "<t>." + body), any one v1 matching, t within the tolerance of now.</li>
 * </ul>
 * Comparisons are constant-time. Every refusal is the same 401 problem, so a caller learns nothing about which
 * workspaces have a connector.
 */
public final class HookSignatures {

    /** A timestamped signature header that verified: its time and the v1 value that matched. */
    public record Verified(long timestamp, String signature) {
    }

    private HookSignatures() {
    }

    public static byte[] hmac(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The bytes a timestamped signature covers: {@code "<t>." + body}. */
    public static byte[] timestamped(long timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(body, 0, out, prefix.length, body.length);
        return out;
    }

    /** Shopify and WooCommerce: the header is base64 of HMAC-SHA256(secret, body). */
    public static void requireBase64(String header, String headerName, String secret, byte[] body) {
        if (header == null || header.isBlank()) {
            throw refused("The " + headerName + " header is missing");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.strip());
        } catch (IllegalArgumentException e) {
            throw refused("The " + headerName + " header is not base64");
        }
        if (!MessageDigest.isEqual(given, hmac(secret, body))) {
            throw refused("The " + headerName + " signature does not verify");
        }
    }

    /**
     * Stripe and the suite's scheme: one {@code t}, one or more {@code v1} (other schemes ignored); refused when
     * none matches or t is further than {@code tolerance} from {@code now}.
     */
    public static Verified requireTimestamped(String header, String headerName, String secret, byte[] body,
            Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            throw refused("The " + headerName + " header is missing");
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw refused("The " + headerName + " header is not of the form t=<unix seconds>,v1=<hex>");
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (key.equals("t")) {
                if (timestamp != null || !value.matches("[0-9]{1,12}")) {
                    throw refused("The " + headerName + " header needs exactly one t=<unix seconds>");
                }
                timestamp = Long.parseLong(value);
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw refused("The " + headerName + " header needs t=<unix seconds> and at least one v1=<hex>");
        }
        byte[] expected = hmac(secret, timestamped(timestamp, body));
        String matched = null;
        for (String signature : signatures) {
            byte[] given;
            try {
                given = HexFormat.of().parseHex(signature);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(given, expected)) {
                matched = signature.toLowerCase(java.util.Locale.ROOT);
            }
        }
        if (matched == null) {
            throw refused("The " + headerName + " signature does not verify");
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            throw new ProblemException(Problem.of(401, "stale-signature", "Stale signature", "The " + headerName
                    + " timestamp is more than " + tolerance.toSeconds() + " s away from now: a replay, or a clock "
                    + "off; nothing was stored"));
        }
        return new Verified(timestamp, matched);
    }

    static ProblemException refused(String detail) {
        return new ProblemException(Problem.of(401, "signature-refused", "Signature refused",
                detail + "; nothing was stored"));
    }
}
