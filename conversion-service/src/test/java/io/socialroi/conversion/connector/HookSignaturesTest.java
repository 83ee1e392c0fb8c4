package io.socialroi.conversion.connector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.socialroi.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The bytes each platform's signature covers, against digests computed outside Java (openssl dgst -sha256 -hmac), so
 * the verifier and the tests' fake sender cannot agree on a wrong input.
 */
class HookSignaturesTest {

    static final byte[] SHOPIFY_BODY = "{\"id\":820982911946154508,\"email\":\"jon@example.com\"}"
            .getBytes(StandardCharsets.UTF_8);
    static final String SHOPIFY_SECRET = "shpss_0123456789abcdef0123456789abcdef";
    /** printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret" -binary | base64 */
    static final String SHOPIFY_HMAC = "8++5uqaSbZMvfZWESSDj93PLZ220nqZIKaoc0fiVLe4=";

    static final byte[] STRIPE_BODY = "{\"id\":\"evt_1\",\"object\":\"event\"}".getBytes(StandardCharsets.UTF_8);
    /** printf '%s' "1700000000.$body" | openssl dgst -sha256 -hmac whsec_test_secret */
    static final String STRIPE_V1 = "0c8670ed117751cc551a20e35839447075c42800ea3cf3e8a2fbda99cd1e6edd";

    /** printf '%s' '{"id":1}' | openssl dgst -sha256 -hmac woo-secret-1 -binary | base64 */
    static final String WOO_HMAC = "MyQqMe0aid1uMroEY5pHKL31Shgopja+aPehn5f7poI=";

    static final Instant SIGNED = Instant.ofEpochSecond(1_700_000_000L);

    @Test
    void shopifyAndWooCommerceSignTheRawBodyInBase64() {
        assertEquals(SHOPIFY_HMAC, Base64.getEncoder().encodeToString(HookSignatures.hmac(SHOPIFY_SECRET, SHOPIFY_BODY)));
        assertEquals(SHOPIFY_HMAC, PlatformSender.base64Hmac(SHOPIFY_SECRET, new String(SHOPIFY_BODY,
                StandardCharsets.UTF_8)));
        HookSignatures.requireBase64(SHOPIFY_HMAC, "X-Shopify-Hmac-Sha256", SHOPIFY_SECRET, SHOPIFY_BODY);
        HookSignatures.requireBase64(WOO_HMAC, "X-WC-Webhook-Signature", "woo-secret-1",
                "{\"id\":1}".getBytes(StandardCharsets.UTF_8));
        // The same JSON with a space is other bytes: a receiver that re-serialised the body would be wrong here.
        assertEquals(401, status(() -> HookSignatures.requireBase64(SHOPIFY_HMAC, "X-Shopify-Hmac-Sha256",
                SHOPIFY_SECRET, "{\"id\": 820982911946154508,\"email\":\"jon@example.com\"}".getBytes(
                        StandardCharsets.UTF_8))));
        assertEquals(401, status(() -> HookSignatures.requireBase64(SHOPIFY_HMAC, "X-Shopify-Hmac-Sha256",
                "shpss_other", SHOPIFY_BODY)));
        assertEquals(401, status(() -> HookSignatures.requireBase64("not base64!", "X-Shopify-Hmac-Sha256",
                SHOPIFY_SECRET, SHOPIFY_BODY)));
        assertEquals(401, status(() -> HookSignatures.requireBase64(null, "X-Shopify-Hmac-Sha256", SHOPIFY_SECRET,
                SHOPIFY_BODY)));
    }

    @Test
    void stripeSignsTimestampDotBodyInHexAndAnyV1MayMatch() {
        assertArrayEquals("1700000000.{\"id\":\"evt_1\",\"object\":\"event\"}".getBytes(StandardCharsets.UTF_8),
                HookSignatures.timestamped(1_700_000_000L, STRIPE_BODY));
        assertEquals(STRIPE_V1, HexFormat.of().formatHex(HookSignatures.hmac("whsec_test_secret",
                HookSignatures.timestamped(1_700_000_000L, STRIPE_BODY))));
        assertEquals("t=1700000000,v1=" + STRIPE_V1, PlatformSender.timestampedHeader("whsec_test_secret",
                1_700_000_000L, new String(STRIPE_BODY, StandardCharsets.UTF_8)));
        // During a secret roll Stripe sends one v1 per secret; unknown schemes (v0) are ignored.
        HookSignatures.Verified verified = HookSignatures.requireTimestamped("t=1700000000,v1=" + "ab".repeat(32)
                + ",v1=" + STRIPE_V1 + ",v0=deadbeef", "Stripe-Signature", "whsec_test_secret", STRIPE_BODY,
                SIGNED.plusSeconds(299), Duration.ofSeconds(300));
        assertEquals(new HookSignatures.Verified(1_700_000_000L, STRIPE_V1), verified);
    }

    @Test
    void stripeRefusesStaleOrFutureTimestampsAndMalformedHeaders() {
        String header = "t=1700000000,v1=" + STRIPE_V1;
        ProblemException stale = assertThrows(ProblemException.class, () -> HookSignatures.requireTimestamped(header,
                "Stripe-Signature", "whsec_test_secret", STRIPE_BODY, SIGNED.plusSeconds(301), Duration.ofSeconds(300)));
        assertEquals(401, stale.problem().status());
        assertEquals("Stale signature", stale.problem().title());
        assertEquals(401, status(() -> HookSignatures.requireTimestamped(header, "Stripe-Signature",
                "whsec_test_secret", STRIPE_BODY, SIGNED.minusSeconds(301), Duration.ofSeconds(300))));
        for (String bad : new String[] {"v1=" + STRIPE_V1, "t=1700000000", "t=abc,v1=" + STRIPE_V1,
                "t=1700000000,t=1700000000,v1=" + STRIPE_V1, "garbage", "t=1700000000,v1=zz"}) {
            assertEquals(401, status(() -> HookSignatures.requireTimestamped(bad, "Stripe-Signature",
                    "whsec_test_secret", STRIPE_BODY, SIGNED, Duration.ofSeconds(300))), bad);
        }
        // The timestamp is signed: moving it forward to look fresh breaks the signature.
        assertEquals(401, status(() -> HookSignatures.requireTimestamped("t=1700000301,v1=" + STRIPE_V1,
                "Stripe-Signature", "whsec_test_secret", STRIPE_BODY, SIGNED.plusSeconds(301), Duration.ofSeconds(300))));
    }

    @Test
    void hintsShowAKnownPrefixAndTheLastFourOfLongSecretsOnly() {
        assertEquals("whsec_…c6d9", ConnectorStore.hint("whsec_8d1f0c2b7a9e4f6b3c5dc6d9"));
        assertEquals("…", ConnectorStore.hint("short-secret"));
        assertEquals("…wxyz", ConnectorStore.hint("abcdefghijklmnopqrstuvwxyz"));
    }

    private static int status(Runnable call) {
        return assertThrows(ProblemException.class, call::run).problem().status();
    }
}
