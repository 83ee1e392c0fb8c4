package io.socialroi.conversion.connector;

import static io.socialroi.conversion.connector.CommerceHooksTest.conversion;
import static io.socialroi.conversion.connector.CommerceHooksTest.connect;
import static io.socialroi.conversion.connector.PlatformSender.now;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.conversion.FakeServices;
import io.socialroi.conversion.Fakes;
import io.socialroi.conversion.conversion.Emails;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The buyer's phone reaches the conversion, hashed, when the shop sent it with its country code; never a guess. */
@QuarkusTest
class CommercePhonesTest {

    @FakeServices.Inject
    Fakes fakes;

    @Test
    void internationalPhonesOfOrdersAreKeptHashedAndLocalOnesLeftOut() {
        UUID ws = fakes.workspace("UTC", "EUR");
        connect(ws, "shopify", CommerceHooksTest.SHOPIFY_SECRET);
        connect(ws, "stripe", CommerceHooksTest.STRIPE_SECRET);
        connect(ws, "woocommerce", CommerceHooksTest.WOO_SECRET);

        // Shopify: the order's phone is empty, the customer's is international.
        String shop = PlatformSender.shopifyOrder(2001, "50.00", "EUR", "2026-11-20T12:00:00Z", 78L, "a@example.com",
                null).replace("\"customer\":{", "\"phone\":null,\"customer\":{\"phone\":\"+1 415-555-0100\",");
        PlatformSender.shopify(ws, CommerceHooksTest.SHOPIFY_SECRET, "orders/create", "wh-p1", shop).statusCode(200)
                .body("outcome", equalTo("RECORDED"));
        assertEquals(Emails.sha256("+14155550100"), conversion(ws, "shopify:2001").getString("phoneSha256"));

        // Stripe Checkout collects phones in E.164.
        long t = now();
        String session = PlatformSender.checkoutSession("cs_p1", "pi_p1", 4000, "eur", "cus_p1", "b@example.com", null)
                .replace("\"name\":\"Ana\"", "\"name\":\"Ana\",\"phone\":\"+442079460958\"");
        PlatformSender.stripe(ws, PlatformSender.timestampedHeader(CommerceHooksTest.STRIPE_SECRET, t,
                PlatformSender.stripeEvent("evt_p1", "checkout.session.completed", t, session)),
                PlatformSender.stripeEvent("evt_p1", "checkout.session.completed", t, session)).statusCode(200);
        assertEquals(Emails.sha256("+442079460958"), conversion(ws, "stripe:cs_p1").getString("phoneSha256"));

        // WooCommerce's billing phone is free text: without a country code it is left out, the order still counts.
        String woo = PlatformSender.wooOrder(3001, "processing", "30.00", "EUR", "2026-11-20T12:00:00", 9L,
                "c@example.com", null, List.of()).replace("\"first_name\":\"Ana\"",
                "\"first_name\":\"Ana\",\"phone\":\"(415) 555-0100\"");
        PlatformSender.woocommerce(ws, CommerceHooksTest.WOO_SECRET, "order.created", "d-p1", woo).statusCode(200)
                .body("outcome", equalTo("RECORDED"));
        assertNull(conversion(ws, "woocommerce:3001").getString("phoneSha256"));
        assertEquals(Emails.hash("c@example.com"), conversion(ws, "woocommerce:3001").getString("emailSha256"));
    }
}
