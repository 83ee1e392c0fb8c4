package io.socialroi.conversion.connector;

import static io.socialroi.conversion.Api.as;
import static io.socialroi.conversion.connector.PlatformSender.now;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.socialroi.conversion.FakeServices;
import io.socialroi.conversion.Fakes;
import io.socialroi.conversion.conversion.Emails;
import io.socialroi.testing.FakeServer;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Orders and refunds from each platform, sent the way the platform sends them ({@link PlatformSender}), end to end:
 * the stored conversions, and the attribution numbers before and after the refund under every model.
 *
 * <p>The journey of every test: actor ig:5 liked post P1 on 10 November, then clicked P2's link on 18 November
 * (the click id the test names). With two touches, FIRST_TOUCH gives everything to P1, LAST_TOUCH to P2, LINEAR and
 * POSITION_BASED (n = 2: 50/50) half to each; TIME_DECAY leans to P2.
 */
@QuarkusTest
class CommerceHooksTest {

    static final String P1 = "11111111-1111-1111-1111-111111111111";
    static final String P2 = "22222222-2222-2222-2222-222222222222";
    static final String MODELS = "FIRST_TOUCH,LAST_TOUCH,LINEAR,TIME_DECAY,POSITION_BASED";
    static final String SHOPIFY_SECRET = "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";
    static final String STRIPE_SECRET = "whsec_a1b2c3d4e5f60718293a4b5c6d7e8f90";
    static final String WOO_SECRET = "woo-webhook-secret-42";
    static final String LEAD_SECRET = "crm-signing-secret-0123456789";

    @FakeServices.Inject
    Fakes fakes;

    @Inject
    DataSource dataSource;

    static String touch(String id, String type, String post, String platform, String clickId, String at) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"platform\":\"" + platform + "\",\"postId\":\""
                + post + "\",\"funnelStage\":\"ACTION\",\"actorId\":\"ig:5\",\"clickId\":"
                + (clickId == null ? "null" : "\"" + clickId + "\"") + ",\"occurredAt\":\"" + at + "\","
                + "\"retargeting\":false}";
    }

    UUID workspace(String clickId) {
        UUID ws = fakes.workspace("UTC", "EUR");
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search", FakeServer.Reply.json(200,
                "{\"items\":[" + touch("t1", "LIKE", P1, "INSTAGRAM", null, "2026-11-10T10:00:00Z") + ","
                        + touch("t2", "CLICK", P2, "TIKTOK", clickId, "2026-11-18T10:00:00Z") + "]}"));
        return ws;
    }

    static void connect(UUID ws, String connector, String secret) {
        as(ws).body("{\"secret\":\"" + secret + "\"}").put("/workspaces/" + ws + "/connectors/" + connector).then()
                .statusCode(200);
    }

    static JsonPath compare(UUID ws) {
        return as(ws).get("/workspaces/" + ws + "/attribution/compare?models=" + MODELS
                + "&from=2026-11-01&to=2026-11-30").then().statusCode(200).extract().jsonPath();
    }

    static String revenue(JsonPath report, String post, String model) {
        return report.getString("rows.find { it.key == '" + post + "' }.models." + model + ".revenue.amount");
    }

    /** The stored conversion as {@code GET /conversions} lists it. */
    static JsonPath conversion(UUID ws, String eventId) {
        JsonPath list = as(ws).get("/workspaces/" + ws + "/conversions").then().statusCode(200).extract().jsonPath();
        try {
            return JsonPath.from(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                    list.getMap("items.find { it.eventId == '" + eventId + "' }")));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shopifyOrderThenRefundLowersRevenueAndLtvInEveryModel() {
        UUID ws = workspace("c-shop");
        connect(ws, "shopify", SHOPIFY_SECRET);
        String order = PlatformSender.shopifyOrder(1001, "120.00", "EUR", "2026-11-20T12:00:00+01:00", 77L,
                "Ana@Example.com", "c-shop");
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "wh-1", order).statusCode(200)
                .body("outcome", equalTo("RECORDED")).body("recorded", contains("shopify:1001"));

        JsonPath stored = conversion(ws, "shopify:1001");
        assertEquals("PURCHASE", stored.getString("type"));
        assertEquals("shopify:77", stored.getString("customerId"));
        assertEquals("c-shop", stored.getString("clickId"));
        assertEquals(Emails.hash("ana@example.com"), stored.getString("emailSha256"));
        assertEquals("2026-11-20T11:00:00Z", stored.getString("occurredAt"));
        assertEquals("120.00", stored.getString("workspaceValue.amount"));
        assertEquals(null, stored.getString("refunded"));

        JsonPath before = compare(ws);
        assertEquals("120.00", revenue(before, P1, "FIRST_TOUCH"));
        assertEquals("120.00", revenue(before, P2, "LAST_TOUCH"));
        assertEquals("60.00", revenue(before, P1, "LINEAR"));
        assertEquals("60.00", revenue(before, P2, "POSITION_BASED"));
        assertEquals("120.00", before.getString("attributed.revenue.amount"));

        // A refund of 30.00 (the failed 999.00 transaction in the same refund moves no money).
        String refund = PlatformSender.shopifyRefund(9001, 1001, "30.00", "EUR", "2026-11-25T09:00:00+01:00");
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "refunds/create", "wh-2", refund).statusCode(200)
                .body("outcome", equalTo("RECORDED")).body("adjusted", contains("shopify:1001"));
        JsonPath after = compare(ws);
        assertEquals("90.00", revenue(after, P1, "FIRST_TOUCH"));
        assertEquals("0.00", revenue(after, P1, "LAST_TOUCH"));
        assertEquals("90.00", revenue(after, P2, "LAST_TOUCH"));
        assertEquals("45.00", revenue(after, P1, "LINEAR"));
        assertEquals("45.00", revenue(after, P2, "LINEAR"));
        assertEquals("45.00", revenue(after, P1, "POSITION_BASED"));
        // Time decay, half-life 7 days, order on 20 Nov 11:00, touches 10.04 and 2.04 days before: P1's weight is
        // 2^(-8/7) = 0.4529 of P2's, a share of 0.31170: 37.40 of 120 before, 28.05 of 90 after.
        assertEquals("37.40", revenue(before, P1, "TIME_DECAY"));
        assertEquals("82.60", revenue(before, P2, "TIME_DECAY"));
        assertEquals("28.05", revenue(after, P1, "TIME_DECAY"));
        assertEquals("61.95", revenue(after, P2, "TIME_DECAY"));
        assertEquals("90.00", after.getString("attributed.revenue.amount"));
        assertEquals(1.0f, after.getFloat("attributed.conversions"), "the order still counts, with less revenue");
        as(ws).get("/workspaces/" + ws + "/attribution?from=2026-11-01&to=2026-11-30").then().statusCode(200)
                .body("ltv.amount", equalTo("90.00")).body("rows.find { it.key == '" + P2 + "' }.ltv.amount",
                        equalTo("90.00")).body("customers", equalTo(1));
        as(ws).get("/workspaces/" + ws + "/customers/shopify:77").then().statusCode(200)
                .body("lifetimeValue.amount", equalTo("90.00"));
        JsonPath refunded = conversion(ws, "shopify:1001");
        assertEquals("120.00", refunded.getString("value.amount"));
        assertEquals("30.00", refunded.getString("refunded.amount"));
        assertEquals("90.00", refunded.getString("workspaceValue.amount"));

        // Shopify's retry of a delivery, and the same refund in a new delivery, change nothing.
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "refunds/create", "wh-2", refund).statusCode(200)
                .body("outcome", equalTo("DUPLICATE"));
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "refunds/create", "wh-3", refund).statusCode(200)
                .body("outcome", equalTo("DUPLICATE")).body("adjusted", org.hamcrest.Matchers.empty());
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "wh-4", order).statusCode(200)
                .body("outcome", equalTo("DUPLICATE")).body("duplicates", contains("shopify:1001"));
        assertEquals("90.00", compare(ws).getString("attributed.revenue.amount"));

        // Cancelling the order takes the rest; the refund already counted is not taken twice (never below zero).
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/cancelled", "wh-5", order.replace("\"name\"",
                "\"cancelled_at\":\"2026-11-26T10:00:00+01:00\",\"name\"")).statusCode(200)
                .body("adjusted", contains("shopify:1001"));
        JsonPath cancelled = compare(ws);
        assertEquals("0.00", cancelled.getString("attributed.revenue.amount"));
        assertEquals("0.00", revenue(cancelled, P1, "FIRST_TOUCH"));
        assertEquals("120.00", conversion(ws, "shopify:1001").getString("refunded.amount"));
        assertArrayEquals(new long[] {1, 2, 5}, counts(ws));
    }

    @Test
    void stripeCheckoutInAnotherCurrencyThenCumulativeRefunds() {
        UUID ws = workspace("c-stripe");
        connect(ws, "stripe", STRIPE_SECRET);
        as(ws).body("{\"rate\":\"0.90\"}").put("/workspaces/" + ws + "/exchange-rates/USD/2026-11-20").then()
                .statusCode(200);
        long created = java.time.Instant.parse("2026-11-20T10:00:00Z").getEpochSecond();
        String completed = PlatformSender.stripeEvent("evt_1", "checkout.session.completed", created,
                PlatformSender.checkoutSession("cs_test_1", "pi_1", 10000, "usd", "cus_9", "buyer@example.com",
                        "c-stripe"));
        PlatformSender.stripe(ws, PlatformSender.timestampedHeader(STRIPE_SECRET, now(), completed), completed)
                .statusCode(200).body("recorded", contains("stripe:cs_test_1"));
        JsonPath stored = conversion(ws, "stripe:cs_test_1");
        assertEquals("100.00", stored.getString("value.amount"));
        assertEquals("USD", stored.getString("value.currency"));
        assertEquals("90.00", stored.getString("workspaceValue.amount"));
        assertEquals("stripe:cus_9", stored.getString("customerId"));
        assertEquals("c-stripe", stored.getString("clickId"));
        assertEquals("90.00", compare(ws).getString("attributed.revenue.amount"));

        // charge.refunded names the payment intent; amount_refunded is the running total.
        String partial = PlatformSender.stripeEvent("evt_2", "charge.refunded", created + 86400,
                PlatformSender.charge("ch_1", "pi_1", 10000, 2500, "usd"));
        PlatformSender.stripe(ws, PlatformSender.timestampedHeader(STRIPE_SECRET, now(), partial), partial)
                .statusCode(200).body("adjusted", contains("stripe:cs_test_1"));
        JsonPath afterPartial = compare(ws);
        assertEquals("67.50", afterPartial.getString("attributed.revenue.amount"));
        assertEquals("33.75", revenue(afterPartial, P1, "LINEAR"));
        assertEquals("67.50", revenue(afterPartial, P2, "LAST_TOUCH"));
        // Stripe retries an event with a new signature: a duplicate. A copy of the accepted request: a replay.
        String firstHeader = PlatformSender.timestampedHeader(STRIPE_SECRET, now() - 5, partial);
        PlatformSender.stripe(ws, firstHeader, partial).statusCode(200).body("outcome", equalTo("DUPLICATE"));
        PlatformSender.stripe(ws, firstHeader, partial).statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Replayed delivery"));
        String full = PlatformSender.stripeEvent("evt_3", "charge.refunded", created + 2 * 86400,
                PlatformSender.charge("ch_1", "pi_1", 10000, 10000, "usd"));
        PlatformSender.stripe(ws, PlatformSender.timestampedHeader(STRIPE_SECRET, now(), full), full).statusCode(200);
        assertEquals("0.00", compare(ws).getString("attributed.revenue.amount"));
        assertEquals("0.00", conversion(ws, "stripe:cs_test_1").getString("workspaceValue.amount"));
        // An older running total arriving late lowers nothing back up.
        String late = PlatformSender.stripeEvent("evt_4", "charge.refunded", created + 86400,
                PlatformSender.charge("ch_1", "pi_1", 10000, 2500, "usd"));
        PlatformSender.stripe(ws, PlatformSender.timestampedHeader(STRIPE_SECRET, now(), late), late).statusCode(200)
                .body("outcome", equalTo("DUPLICATE"));
        assertEquals("100.00", conversion(ws, "stripe:cs_test_1").getString("refunded.amount"));

        // invoice.paid: the click id from the subscription's metadata; a zero invoice (a trial) makes nothing.
        String paid = PlatformSender.stripeEvent("evt_5", "invoice.paid", created, PlatformSender.invoice("in_1", 4900,
                "eur", "cus_9", "buyer@example.com", created, "c-stripe"));
        PlatformSender.stripe(ws, PlatformSender.timestampedHeader(STRIPE_SECRET, now(), paid), paid).statusCode(200)
                .body("recorded", contains("stripe:in_1"));
        assertEquals("49.00", conversion(ws, "stripe:in_1").getString("workspaceValue.amount"));
        assertEquals("c-stripe", conversion(ws, "stripe:in_1").getString("clickId"));
        String trial = PlatformSender.stripeEvent("evt_6", "invoice.paid", created, PlatformSender.invoice("in_2", 0,
                "eur", "cus_9", null, created, "c-stripe"));
        PlatformSender.stripe(ws, PlatformSender.timestampedHeader(STRIPE_SECRET, now(), trial), trial).statusCode(200)
                .body("outcome", equalTo("IGNORED"));
        assertArrayEquals(new long[] {2, 1, 11}, counts(ws));
    }

    @Test
    void wooCommerceRecordsAnOrderWhenPaidAndLowersItByItsRefunds() {
        UUID ws = workspace("c-woo");
        connect(ws, "woocommerce", WOO_SECRET);
        String pending = PlatformSender.wooOrder(501, "pending", "40.00", "EUR", "2026-11-20T09:00:00", 12,
                "woo@example.com", "c-woo", List.of());
        PlatformSender.woocommerce(ws, WOO_SECRET, "order.created", "d-1", pending).statusCode(200)
                .body("outcome", equalTo("IGNORED"));
        String processing = pending.replace("\"pending\"", "\"processing\"").replace("\"date_paid_gmt\":null",
                "\"date_paid_gmt\":\"2026-11-20T09:05:00\"");
        PlatformSender.woocommerce(ws, WOO_SECRET, "order.updated", "d-2", processing).statusCode(200)
                .body("recorded", contains("woocommerce:501"));
        JsonPath stored = conversion(ws, "woocommerce:501");
        assertEquals("woocommerce:12", stored.getString("customerId"));
        assertEquals("c-woo", stored.getString("clickId"));
        assertEquals("2026-11-20T09:05:00Z", stored.getString("occurredAt"));
        assertEquals(Emails.hash("woo@example.com"), stored.getString("emailSha256"));
        assertEquals("20.00", revenue(compare(ws), P1, "LINEAR"));

        String refunded = processing.replace("\"refunds\":[]", "\"refunds\":[{\"id\":601,\"reason\":\"\","
                + "\"total\":\"-10.00\"}]");
        PlatformSender.woocommerce(ws, WOO_SECRET, "order.updated", "d-3", refunded).statusCode(200)
                .body("adjusted", contains("woocommerce:501"));
        JsonPath after = compare(ws);
        assertEquals("15.00", revenue(after, P1, "LINEAR"));
        assertEquals("30.00", revenue(after, P2, "LAST_TOUCH"));
        assertEquals("30.00", after.getString("attributed.revenue.amount"));
        PlatformSender.woocommerce(ws, WOO_SECRET, "order.updated", "d-4", refunded.replace("\"processing\"",
                "\"cancelled\"")).statusCode(200).body("adjusted", contains("woocommerce:501"));
        assertEquals("0.00", compare(ws).getString("attributed.revenue.amount"));

        // WooCommerce's ping when the webhook is saved is unsigned and answered without storing anything.
        io.restassured.RestAssured.given().contentType("application/x-www-form-urlencoded").body("webhook_id=7")
                .post("/hooks/" + ws + "/woocommerce").then().statusCode(200).body("outcome", equalTo("IGNORED"));
        assertArrayEquals(new long[] {1, 2, 3}, counts(ws));
    }

    @Test
    void aRefundBeforeItsOrderIsAppliedWhenTheOrderArrives() {
        UUID ws = workspace("c-late");
        connect(ws, "shopify", SHOPIFY_SECRET);
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "refunds/create", "wh-r", PlatformSender.shopifyRefund(9100, 2002,
                "5.00", "EUR", "2026-11-21T09:00:00Z")).statusCode(200).body("outcome", equalTo("RECORDED"))
                .body("adjusted", org.hamcrest.Matchers.empty());
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "wh-o", PlatformSender.shopifyOrder(2002, "20.00",
                "EUR", "2026-11-20T12:00:00Z", null, "guest@example.com", "c-late")).statusCode(200)
                .body("adjusted", contains("shopify:2002"));
        JsonPath stored = conversion(ws, "shopify:2002");
        assertEquals("15.00", stored.getString("workspaceValue.amount"));
        assertEquals("email:" + Emails.hash("guest@example.com"), stored.getString("customerId"));
        assertEquals("15.00", compare(ws).getString("attributed.revenue.amount"));
    }

    /**
     * Orders and their refunds sent at the same moment: every refund applies, whichever commits first. (The race the
     * per-workspace lock in HookIntake closes is narrow; this run did not hit it with the lock removed, so it
     * guards the outcome, not the lock.)
     */
    @Test
    void ordersAndRefundsArrivingTogetherAllApply() throws Exception {
        UUID ws = workspace("c-race");
        connect(ws, "shopify", SHOPIFY_SECRET);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Integer>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long id = 5000 + i;
            sent.add(pool.submit(() -> PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "o-" + id,
                    PlatformSender.shopifyOrder(id, "10.00", "EUR", "2026-11-20T12:00:00Z", 1L, null, null))
                    .extract().statusCode()));
            sent.add(pool.submit(() -> PlatformSender.shopify(ws, SHOPIFY_SECRET, "refunds/create", "r-" + id,
                    PlatformSender.shopifyRefund(id * 10, id, "4.00", "EUR", "2026-11-21T12:00:00Z"))
                    .extract().statusCode()));
        }
        for (java.util.concurrent.Future<Integer> f : sent) {
            assertEquals(200, f.get());
        }
        pool.shutdown();
        JsonPath list = as(ws).get("/workspaces/" + ws + "/conversions").then().statusCode(200).extract().jsonPath();
        assertEquals(java.util.Collections.nCopies(8, "6.00"), list.getList("items.workspaceValue.amount"));
    }

    @Test
    void hostileBodiesAreRefusedAndStoreNothing() {
        UUID ws = workspace("c-hostile");
        connect(ws, "shopify", SHOPIFY_SECRET);
        connect(ws, "woocommerce", WOO_SECRET);
        String order = PlatformSender.shopifyOrder(6006, "10.00", "EUR", "2026-11-20T12:00:00Z", 1L, null, null);
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "h1", order.replace("\"10.00\"", "\"-10.00\""))
                .statusCode(422).body("errors[0].field", equalTo("value.amount"));
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "h2", order.replace("\"10.00\"",
                "\"1e400\"")).statusCode(422);
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "h3", order.replace("\"id\":1,",
                "\"id\":\"a\\u0000b\",")).statusCode(422).body("errors[0].field", equalTo("customerId"));
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "h4", "[".repeat(100) + "]".repeat(100))
                .statusCode(400).contentType("application/problem+json");
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "h5", "{\"id\":1,\"id\":2}").statusCode(400);
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "h6", order.replace("2026-11-20T12:00:00Z",
                "2126-11-20T12:00:00Z")).statusCode(422).body("errors[0].field", equalTo("occurredAt"));
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "h7", "{\"pad\":\"" + "x".repeat(1_100_000)
                + "\"}").statusCode(413).contentType("application/problem+json");
        PlatformSender.woocommerce(ws, WOO_SECRET, "order.updated", "h8", PlatformSender.wooOrder(7, "completed", "abc",
                "EUR", "2026-11-20T09:00:00", 0, null, null, List.of())).statusCode(422)
                .body("errors[0].field", equalTo("total"));
        PlatformSender.woocommerce(ws, WOO_SECRET, "order.updated", "h9", PlatformSender.wooOrder(7, "completed",
                "5.00", "EUR", "20 Nov 2026", 0, null, null, List.of())).statusCode(422);
        assertArrayEquals(new long[] {0, 0, 0}, counts(ws));
    }

    @Test
    void signedLeadsFromACrm() {
        UUID ws = workspace("c-lead");
        connect(ws, "leads", LEAD_SECRET);
        String lead = "{\"eventId\":\"form-1\",\"customerId\":\"crm-5\",\"email\":\"lead@example.com\","
                + "\"clickId\":\"c-lead\",\"occurredAt\":\"2026-11-20T08:00:00Z\"}";
        String header = PlatformSender.timestampedHeader(LEAD_SECRET, now(), lead);
        PlatformSender.lead(ws, header, lead).statusCode(200).body("recorded", contains("form-1"));
        assertEquals("LEAD", conversion(ws, "form-1").getString("type"));
        as(ws).get("/workspaces/" + ws + "/attribution?from=2026-11-01&to=2026-11-30").then().statusCode(200)
                .body("attributed.leads", equalTo(1)).body("rows.find { it.key == '" + P2 + "' }.leads", equalTo(1));
        PlatformSender.lead(ws, header, lead).statusCode(409).contentType("application/problem+json");
        PlatformSender.lead(ws, PlatformSender.timestampedHeader(LEAD_SECRET, now() - 600, lead), lead)
                .statusCode(401).body("title", equalTo("Stale signature"));
        PlatformSender.lead(ws, PlatformSender.timestampedHeader("another-secret-123", now(), lead), lead)
                .statusCode(401).body("title", equalTo("Signature refused"));
        String invalid = "{\"eventId\":\"form-2\",\"type\":\"REFUND_ME\"}";
        PlatformSender.lead(ws, PlatformSender.timestampedHeader(LEAD_SECRET, now(), invalid), invalid)
                .statusCode(422).body("errors[0].field", equalTo("type"));
        assertArrayEquals(new long[] {1, 0, 1}, counts(ws));
    }

    @Test
    void refusalsStoreNothing() {
        UUID ws = workspace("c-bad");
        connect(ws, "shopify", SHOPIFY_SECRET);
        connect(ws, "stripe", STRIPE_SECRET);
        String order = PlatformSender.shopifyOrder(3003, "10.00", "EUR", "2026-11-20T12:00:00Z", 1L, null, null);
        io.restassured.RestAssured.given().contentType("application/json").header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Webhook-Id", "x1").body(order).post("/hooks/" + ws + "/shopify").then()
                .statusCode(401).contentType("application/problem+json").body("title", equalTo("Signature refused"));
        io.restassured.RestAssured.given().contentType("application/json").header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Webhook-Id", "x2").header("X-Shopify-Hmac-Sha256", PlatformSender.base64Hmac(
                        SHOPIFY_SECRET, order)).body(order.replace("10.00", "1000.00")).post("/hooks/" + ws
                        + "/shopify").then().statusCode(401).contentType("application/problem+json");
        // Signed, but not JSON; or JSON without the order id; or a currency the workspace has no rate for.
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "x3", "{\"id\":3003,").statusCode(400)
                .contentType("application/problem+json");
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "x4", "[1,2]").statusCode(400);
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "x5", order.replace("\"id\":3003,", ""))
                .statusCode(422).body("errors[0].field", equalTo("id"));
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "x6", order.replace("\"EUR\"", "\"GBP\""))
                .statusCode(422).body("errors[0].field", equalTo("value.currency"));
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "refunds/create", "x7", "{\"id\":1,\"order_id\":3003,"
                + "\"created_at\":\"yesterday\",\"transactions\":[{\"kind\":\"refund\",\"status\":\"success\","
                + "\"amount\":\"1.00\",\"currency\":\"EUR\"}]}").statusCode(422);
        String stale = PlatformSender.stripeEvent("evt_s", "checkout.session.completed", now(), PlatformSender
                .checkoutSession("cs_s", "pi_s", 500, "eur", null, "s@example.com", null));
        PlatformSender.stripe(ws, PlatformSender.timestampedHeader(STRIPE_SECRET, now() - 301, stale), stale)
                .statusCode(401).body("title", equalTo("Stale signature"));
        PlatformSender.stripe(ws, "t=" + now() + ",v1=" + "0".repeat(64), stale).statusCode(401);
        String malformed = "{\"id\":\"evt_m\",\"type\":\"invoice.paid\",\"created\":1,\"data\":{\"object\":{"
                + "\"id\":\"in_m\",\"amount_paid\":\"49.00\",\"currency\":\"eur\"}}}";
        PlatformSender.stripe(ws, PlatformSender.timestampedHeader(STRIPE_SECRET, now(), malformed), malformed)
                .statusCode(422).body("errors[0].field", equalTo("data.object.amount_paid"));
        assertArrayEquals(new long[] {0, 0, 0}, counts(ws));

        // The currency refusal is retried by the platform: once the rate exists the same delivery is stored.
        as(ws).body("{\"rate\":\"1.15\"}").put("/workspaces/" + ws + "/exchange-rates/GBP/2026-11-20").then()
                .statusCode(200);
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "x6", order.replace("\"EUR\"", "\"GBP\""))
                .statusCode(200).body("recorded", contains("shopify:3003"));
        assertEquals("11.50", conversion(ws, "shopify:3003").getString("workspaceValue.amount"));
        // The same delivery id again with another body is refused.
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "x6", order).statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void anotherWorkspacesSecretNeverVerifies() {
        UUID mine = workspace("c-a");
        UUID theirs = workspace("c-b");
        connect(mine, "shopify", SHOPIFY_SECRET);
        connect(theirs, "shopify", "shpss_their_own_secret_0000000000");
        connect(theirs, "stripe", STRIPE_SECRET);
        String order = PlatformSender.shopifyOrder(4004, "10.00", "EUR", "2026-11-20T12:00:00Z", 1L, null, null);
        PlatformSender.shopify(mine, "shpss_their_own_secret_0000000000", "orders/create", "t1", order)
                .statusCode(401).contentType("application/problem+json");
        // mine has no Stripe connector: the same answer as a bad signature, even with a secret that works elsewhere.
        String event = PlatformSender.stripeEvent("evt_t", "checkout.session.completed", now(), PlatformSender
                .checkoutSession("cs_t", "pi_t", 500, "eur", null, "t@example.com", null));
        PlatformSender.stripe(mine, PlatformSender.timestampedHeader(STRIPE_SECRET, now(), event), event)
                .statusCode(401).body("detail", equalTo("The Stripe-Signature signature does not verify; nothing was "
                        + "stored"));
        PlatformSender.shopify(UUID.randomUUID(), SHOPIFY_SECRET, "orders/create", "t2", order).statusCode(401);
        io.restassured.RestAssured.given().header("X-Shopify-Hmac-Sha256", "x").body("{}")
                .post("/hooks/not-a-uuid/shopify").then().statusCode(401).contentType("application/problem+json");
        assertArrayEquals(new long[] {0, 0, 0}, counts(mine));
        assertArrayEquals(new long[] {0, 0, 0}, counts(theirs));
        // A removed connector refuses from then on.
        as(mine).delete("/workspaces/" + mine + "/connectors/shopify").then().statusCode(204);
        PlatformSender.shopify(mine, SHOPIFY_SECRET, "orders/create", "t3", order).statusCode(401);
        as(mine).get("/workspaces/" + mine + "/connectors/shopify").then().statusCode(404);
    }

    /**
     * Where engagement-service's click script (GET /s/{ws}.js) and the README's snippets put the click id, the
     * receivers read it: Shopify's cart attribute (note_attributes), also hidden as {@code _smclid}, else the landing
     * URL; Stripe Checkout's {@code metadata.smclid}, else a Payment Link's {@code client_reference_id=smclid_<id>}
     * (another reference is the shop's own and is no click id); WooCommerce's order meta {@code _smclid}.
     */
    @Test
    void clickIdsAreReadWhereTheClickScriptPutsThem() {
        String click = "5b0c7d1e-9a0e-4d1b-8f3e-2f6a7c1d9e10";
        UUID ws = workspace(click);
        connect(ws, "shopify", SHOPIFY_SECRET);
        connect(ws, "stripe", STRIPE_SECRET);
        connect(ws, "woocommerce", WOO_SECRET);
        String at = "2026-11-20T12:00:00+01:00";

        // The script's POST /cart/update.js {"attributes":{"smclid":...}} becomes the order's note_attributes.
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "ci-1",
                PlatformSender.shopifyOrder(2001, "10.00", "EUR", at, 1L, "a@example.com", click)).statusCode(200);
        assertEquals(click, conversion(ws, "shopify:2001").getString("clickId"));
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "ci-2",
                PlatformSender.shopifyOrder(2002, "10.00", "EUR", at, 1L, "a@example.com", null)
                        .replace("{\"name\":\"gift\",\"value\":\"no\"}",
                                "{\"name\":\"_smclid\",\"value\":\"" + click + "\"}")).statusCode(200);
        assertEquals(click, conversion(ws, "shopify:2002").getString("clickId"));
        PlatformSender.shopify(ws, SHOPIFY_SECRET, "orders/create", "ci-3",
                PlatformSender.shopifyOrder(2003, "10.00", "EUR", at, 1L, "a@example.com", null)
                        .replace("/products/mug?utm_source=instagram", "/products/mug?utm_source=instagram&smclid="
                                + click)).statusCode(200);
        assertEquals(click, conversion(ws, "shopify:2003").getString("clickId"));

        long created = java.time.Instant.parse("2026-11-20T10:00:00Z").getEpochSecond();
        String[][] sessions = {
            // metadata[smclid] set by the shop's server when it creates the session
            {"cs_meta", "\"metadata\":{\"smclid\":\"" + click + "\"}", click},
            // a Payment Link opened as https://buy.stripe.com/...?client_reference_id=smclid_<id>
            {"cs_link", "\"client_reference_id\":\"smclid_" + click.toUpperCase() + "\",\"metadata\":{}", click},
            // both: the metadata wins
            {"cs_both", "\"client_reference_id\":\"smclid_00000000-0000-4000-8000-000000000000\","
                    + "\"metadata\":{\"smclid\":\"" + click + "\"}", click},
            // the shop's own reference is no click id
            {"cs_own", "\"client_reference_id\":\"order-4471\",\"metadata\":{}", null},
            {"cs_bad", "\"client_reference_id\":\"smclid_not-a-click\",\"metadata\":{}", null}};
        int n = 0;
        for (String[] session : sessions) {
            String object = PlatformSender.checkoutSession(session[0], "pi_" + session[0], 1000, "eur", "cus_1",
                    "b@example.com", null).replace("\"metadata\":{}", session[1]);
            String event = PlatformSender.stripeEvent("evt_ci_" + n++, "checkout.session.completed", created, object);
            PlatformSender.stripe(ws, PlatformSender.timestampedHeader(STRIPE_SECRET, now(), event), event)
                    .statusCode(200).body("recorded", contains("stripe:" + session[0]));
            assertEquals(session[2], conversion(ws, "stripe:" + session[0]).getString("clickId"), session[0]);
        }

        // The README's PHP snippet stores the cookie's id as the hidden order meta _smclid.
        String woo = PlatformSender.wooOrder(3001, "processing", "10.00", "EUR", "2026-11-20T09:00:00", 5,
                "c@example.com", null, List.of()).replace("\"value\":\"utm\"}",
                "\"value\":\"utm\"},{\"id\":13,\"key\":\"_smclid\",\"value\":\"" + click + "\"}");
        PlatformSender.woocommerce(ws, WOO_SECRET, "order.created", "ci-w1", woo).statusCode(200);
        assertEquals(click, conversion(ws, "woocommerce:3001").getString("clickId"));
    }

    @Test
    void connectorSecretsAreEncryptedAndNeverAnswered() throws Exception {
        UUID ws = workspace("c-cfg");
        String secret = "whsec_never_shown_again_1234";
        String answer = as(ws).body("{\"secret\":\"" + secret + "\"}").put("/workspaces/" + ws + "/connectors/stripe")
                .then().statusCode(200).body("connector", equalTo("stripe"))
                .body("receiveUrl", equalTo("/hooks/" + ws + "/stripe")).body("secretHint", equalTo("whsec_…1234"))
                .extract().asString();
        assertEquals(false, answer.contains(secret));
        as(ws).get("/workspaces/" + ws + "/connectors/stripe").then().statusCode(200)
                .body("secretHint", equalTo("whsec_…1234")).body("secret", nullValue());
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT secret, secret_key_id FROM connector WHERE workspace_id = ?")) {
            select.setObject(1, ws);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                assertEquals(false, rs.getString(1).contains("never_shown"));
                assertEquals(8, rs.getString(2).length());
            }
        }
        as(ws).body("{\"secret\":\"short\"}").put("/workspaces/" + ws + "/connectors/stripe").then().statusCode(422)
                .contentType("application/problem+json");
        as(ws).body("{\"secret\":\"" + secret + "\",\"extra\":1}").put("/workspaces/" + ws + "/connectors/stripe")
                .then().statusCode(400).contentType("application/problem+json");
        as(ws).body("{\"secret\":\"" + secret + "\"}").put("/workspaces/" + ws + "/connectors/paypal").then()
                .statusCode(404).contentType("application/problem+json");
        as(ws).get("/workspaces/" + ws + "/connectors/leads").then().statusCode(404);
        as(ws).delete("/workspaces/" + ws + "/connectors/leads").then().statusCode(404);
    }

    /** Rows of the workspace: conversions, adjustments, deliveries. */
    long[] counts(UUID ws) {
        long[] counts = new long[3];
        String[] tables = {"conversion", "conversion_adjustment", "hook_delivery"};
        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i < tables.length; i++) {
                try (PreparedStatement select = c.prepareStatement("SELECT count(*) FROM " + tables[i]
                        + " WHERE workspace_id = ?")) {
                    select.setObject(1, ws);
                    try (ResultSet rs = select.executeQuery()) {
                        rs.next();
                        counts[i] = rs.getLong(1);
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }
}
