package io.socialroi.conversion.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialroi.common.problem.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * WooCommerce's {@code order.created} and {@code order.updated} (topic in {@code X-WC-Webhook-Topic}; the body is
 * the REST API v3 order). Both carry the whole order, so both are read the same way:
 * <ul>
 * <li>status {@code processing} or {@code completed} (paid): a PURCHASE with event id {@code woocommerce:<id>} of
 * {@code total} in {@code currency}, at {@code date_paid_gmt} (else {@code date_created_gmt}; WooCommerce's GMT
 * times carry no offset), customer {@code woocommerce:<customer_id>} (0 is a guest), e-mail {@code billing.email},
 * click id from the order meta {@code smclid} (or {@code _smclid}). An order created {@code pending} is recorded by
 * the update that marks it paid;</li>
 * <li>every entry of {@code refunds} ({@code total} is negative) lowers the order once by its id;</li>
 * <li>status {@code cancelled} or {@code refunded} lowers it by its whole value (never below zero, so a refund
 * listed too counts once).</li>
 * </ul>
 */
final class WooCommerceMapper {

    static final Set<String> PAID = Set.of("processing", "completed");

    private WooCommerceMapper() {
    }

    static Inbound map(String topic, JsonNode order) {
        if (!topic.equals("order.created") && !topic.equals("order.updated")) {
            return Inbound.ignored(topic, "topic " + topic + " is not used");
        }
        String id = Inbound.required(Inbound.id(order, "id"), "id");
        String status = Inbound.required(Inbound.text(order, "status"), "status");
        String currency = Inbound.required(Inbound.text(order, "currency"), "currency").toUpperCase(Locale.ROOT);
        BigDecimal total = Inbound.decimal(order, "total", "total");
        String eventId = "woocommerce:" + id;
        List<ObjectNode> orders = new ArrayList<>();
        if (PAID.contains(status)) {
            String customer = Inbound.id(order, "customer_id");
            orders.add(Inbound.withPhone(Inbound.purchase(eventId, total, currency,
                    gmt(ShopifyMapper.first(Inbound.text(order, "date_paid_gmt"),
                            Inbound.text(order, "date_created_gmt")), "date_created_gmt"),
                    customer == null ? null : "woocommerce:" + customer, Inbound.text(order.get("billing"), "email"),
                    clickId(order)), Inbound.text(order.get("billing"), "phone")));
        }
        OffsetDateTime modified = gmt(ShopifyMapper.first(Inbound.text(order, "date_modified_gmt"),
                Inbound.text(order, "date_created_gmt")), "date_modified_gmt");
        List<Inbound.Adjustment> adjustments = new ArrayList<>();
        JsonNode refunds = order.path("refunds");
        for (int i = 0; i < refunds.size(); i++) {
            String refundId = Inbound.required(Inbound.id(refunds.get(i), "id"), "refunds[" + i + "].id");
            BigDecimal amount = Inbound.decimal(refunds.get(i), "total", "refunds[" + i + "].total").abs();
            adjustments.add(new Inbound.Adjustment("woocommerce:refund:" + refundId, eventId, "REFUND", amount,
                    currency, modified, false));
        }
        if (status.equals("cancelled") || status.equals("refunded")) {
            adjustments.add(new Inbound.Adjustment("woocommerce:" + status + ":" + id, eventId,
                    status.equals("cancelled") ? "CANCELLATION" : "REFUND", total, currency, modified, false));
        }
        if (orders.isEmpty() && adjustments.isEmpty()) {
            return Inbound.ignored(topic, "the order is " + status + ", not paid");
        }
        return new Inbound(topic, orders, adjustments, Map.of(), null);
    }

    private static String clickId(JsonNode order) {
        for (String key : List.of("smclid", "_smclid")) {
            for (JsonNode meta : order.path("meta_data")) {
                if (key.equals(Inbound.text(meta, "key")) && Inbound.text(meta, "value") != null) {
                    return Inbound.text(meta, "value");
                }
            }
        }
        return null;
    }

    /** WooCommerce's {@code *_gmt} times: ISO local date-times in UTC, without an offset. */
    private static OffsetDateTime gmt(String text, String field) {
        try {
            return LocalDateTime.parse(Inbound.required(text, field)).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date-time like 2026-11-22T08:00:00 (GMT)");
        }
    }
}
