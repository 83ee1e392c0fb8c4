package io.socialroi.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socialroi.testing.FakeServer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Checks what a receiver of a signed delivery (publisher or webhook) would check. */
public final class Receivers {

    private Receivers() {
    }

    /** Asserts the X-Suite-Signature header is the HMAC-SHA256 of "t.body" with the secret, computed here. */
    public static void assertSigned(FakeServer.Recorded request, String secret) throws Exception {
        String header = request.header("X-Suite-Signature");
        assertTrue(header != null && header.matches("t=\\d+,v1=[0-9a-f]{64}"), "signature header " + header);
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, v1);
        assertEquals("application/json", request.header("Content-Type"));
    }
}
