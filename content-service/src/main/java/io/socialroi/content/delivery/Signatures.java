package io.socialroi.content.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Suite-Signature} header of every outgoing call: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>">}. Signing the time with the body lets a receiver refuse old replays.
 */
public final class Signatures {

    private Signatures() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    public static String hmac(String secret, String message) {
        return HexFormat.of().formatHex(mac("HmacSHA256", secret, message.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The HMAC ({@code HmacSHA256}, {@code HmacSHA1}) of the message under the secret's UTF-8 bytes: every signature
     * the suite makes or checks (its own deliveries, Meta's appsecret_proof and webhooks, X's and Twilio's).
     */
    public static byte[] mac(String algorithm, String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(message == null ? new byte[0] : message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
