package io.socialroi.conversion.connector;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A fake of each platform's sending side: the documented payload fields (only those the receivers read, plus a few
 * they must ignore) and the signature bytes, computed here with its own HMAC (checked against openssl's digests in
 * {@link HookSignaturesTest}), sent as raw bytes with the platform's headers.
 */
final class PlatformSender {

    private PlatformSender() {
    }

    static String base64Hmac(String secret, String body) {
        return Base64.getEncoder().encodeToString(hmac(secret, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Stripe's and the suite's header: {@code t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">}. */
    static String timestampedHeader(String secret, long t, String body) {
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, (t + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    private static byte[] hmac(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- Shopify: REST Admin order and refund webhooks

    static String shopifyOrder(long id, String total, String currency, String processedAt, Long customerId,
            String email, String smclid) {
        return "{\"id\":" + id + ",\"admin_graphql_api_id\":\"gid://shopify/Order/" + id + "\",\"name\":\"#" + id
                + "\",\"email\":" + str(email) + ",\"created_at\":\"" + processedAt + "\",\"processed_at\":\""
                + processedAt + "\",\"currency\":\"" + currency + "\",\"presentment_currency\":\"" + currency + "\","
                + "\"total_price\":\"" + total + "\",\"subtotal_price\":\"" + total + "\",\"financial_status\":\"paid\","
                + "\"total_price_set\":{\"shop_money\":{\"amount\":\"" + total + "\",\"currency_code\":\"" + currency
                + "\"},\"presentment_money\":{\"amount\":\"" + total + "\",\"currency_code\":\"" + currency + "\"}},"
                + "\"landing_site\":\"/products/mug?utm_source=instagram\","
                + "\"note_attributes\":[{\"name\":\"gift\",\"value\":\"no\"}"
                + (smclid == null ? "" : ",{\"name\":\"smclid\",\"value\":\"" + smclid + "\"}") + "],"
                + "\"customer\":" + (customerId == null ? "null" : "{\"id\":" + customerId + ",\"email\":" + str(email)
                + "}") + ",\"line_items\":[{\"id\":1,\"title\":\"Mug\",\"quantity\":1,\"price\":\"" + total + "\"}]}";
    }

    static String shopifyRefund(long id, long orderId, String amount, String currency, String createdAt) {
        return "{\"id\":" + id + ",\"order_id\":" + orderId + ",\"created_at\":\"" + createdAt + "\",\"note\":\"damaged\","
                + "\"restock\":true,\"refund_line_items\":[],\"transactions\":[{\"id\":" + (id + 1) + ",\"order_id\":"
                + orderId + ",\"kind\":\"refund\",\"status\":\"success\",\"amount\":\"" + amount + "\",\"currency\":\""
                + currency + "\",\"gateway\":\"bogus\"},{\"id\":" + (id + 2) + ",\"kind\":\"refund\",\"status\":"
                + "\"failure\",\"amount\":\"999.00\",\"currency\":\"" + currency + "\"}]}";
    }

    static ValidatableResponse shopify(UUID ws, String secret, String topic, String webhookId, String body) {
        return given().contentType("application/json").header("X-Shopify-Topic", topic)
                .header("X-Shopify-Hmac-Sha256", base64Hmac(secret, body)).header("X-Shopify-Webhook-Id", webhookId)
                .header("X-Shopify-Shop-Domain", "shop.myshopify.com").header("X-Shopify-API-Version", "2026-01")
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/hooks/" + ws + "/shopify").then();
    }

    // --- Stripe: Event objects

    static String stripeEvent(String id, String type, long created, String object) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2025-03-31.basil\",\"created\":" + created
                + ",\"livemode\":false,\"pending_webhooks\":1,\"type\":\"" + type + "\",\"data\":{\"object\":" + object
                + "}}";
    }

    static String checkoutSession(String id, String paymentIntent, long amountTotal, String currency, String customer,
            String email, String smclid) {
        return "{\"id\":\"" + id + "\",\"object\":\"checkout.session\",\"mode\":\"payment\",\"status\":\"complete\","
                + "\"payment_status\":\"paid\",\"amount_subtotal\":" + amountTotal + ",\"amount_total\":" + amountTotal
                + ",\"currency\":\"" + currency + "\",\"customer\":" + str(customer) + ",\"customer_email\":null,"
                + "\"customer_details\":{\"email\":" + str(email) + ",\"name\":\"Ana\"},\"invoice\":null,"
                + "\"payment_intent\":\"" + paymentIntent + "\",\"metadata\":{" + (smclid == null ? ""
                : "\"smclid\":\"" + smclid + "\"") + "}}";
    }

    static String charge(String id, String paymentIntent, long amount, long refunded, String currency) {
        return "{\"id\":\"" + id + "\",\"object\":\"charge\",\"amount\":" + amount + ",\"amount_captured\":" + amount
                + ",\"amount_refunded\":" + refunded + ",\"refunded\":" + (refunded == amount) + ",\"currency\":\""
                + currency + "\",\"payment_intent\":\"" + paymentIntent + "\",\"status\":\"succeeded\"}";
    }

    static String invoice(String id, long amountPaid, String currency, String customer, String email, long paidAt,
            String smclid) {
        return "{\"id\":\"" + id + "\",\"object\":\"invoice\",\"amount_due\":" + amountPaid + ",\"amount_paid\":"
                + amountPaid + ",\"currency\":\"" + currency + "\",\"customer\":\"" + customer + "\",\"customer_email\":"
                + str(email) + ",\"status\":\"paid\",\"status_transitions\":{\"paid_at\":" + paidAt + "},\"metadata\":{},"
                + "\"parent\":{\"type\":\"subscription_details\",\"subscription_details\":{\"subscription\":\"sub_1\","
                + "\"metadata\":{\"smclid\":\"" + smclid + "\"}}}}";
    }

    static ValidatableResponse stripe(UUID ws, String signatureHeader, String body) {
        return given().contentType("application/json; charset=utf-8").header("Stripe-Signature", signatureHeader)
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/hooks/" + ws + "/stripe").then();
    }

    // --- WooCommerce: REST API v3 orders

    static String wooOrder(long id, String status, String total, String currency, String createdGmt, long customerId,
            String email, String smclid, List<String[]> refunds) {
        StringBuilder refundJson = new StringBuilder();
        for (String[] refund : refunds) {
            refundJson.append(refundJson.isEmpty() ? "" : ",").append("{\"id\":").append(refund[0])
                    .append(",\"reason\":\"\",\"total\":\"").append(refund[1]).append("\"}");
        }
        return "{\"id\":" + id + ",\"parent_id\":0,\"status\":\"" + status + "\",\"currency\":\"" + currency + "\","
                + "\"date_created\":\"" + createdGmt + "\",\"date_created_gmt\":\"" + createdGmt + "\","
                + "\"date_modified_gmt\":\"" + createdGmt + "\",\"date_paid_gmt\":" + ("pending".equals(status) ? "null"
                : "\"" + createdGmt + "\"") + ",\"total\":\"" + total + "\",\"customer_id\":" + customerId + ","
                + "\"billing\":{\"first_name\":\"Ana\",\"email\":" + str(email) + "},\"meta_data\":[{\"id\":11,\"key\":"
                + "\"_wc_order_attribution_source_type\",\"value\":\"utm\"}" + (smclid == null ? "" : ",{\"id\":12,"
                + "\"key\":\"smclid\",\"value\":\"" + smclid + "\"}") + "],\"line_items\":[],\"refunds\":[" + refundJson
                + "]}";
    }

    static ValidatableResponse woocommerce(UUID ws, String secret, String topic, String deliveryId, String body) {
        return given().contentType("application/json").header("X-WC-Webhook-Topic", topic)
                .header("X-WC-Webhook-Resource", "order").header("X-WC-Webhook-Event", topic.substring(6))
                .header("X-WC-Webhook-Signature", base64Hmac(secret, body)).header("X-WC-Webhook-ID", "7")
                .header("X-WC-Webhook-Delivery-ID", deliveryId).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/hooks/" + ws + "/woocommerce").then();
    }

    // --- the generic lead webhook, signed like the suite's own outgoing calls

    static ValidatableResponse lead(UUID ws, String signatureHeader, String body) {
        return given().contentType("application/json").header("X-Suite-Signature", signatureHeader)
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/hooks/" + ws + "/leads").then();
    }

    private static String str(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
