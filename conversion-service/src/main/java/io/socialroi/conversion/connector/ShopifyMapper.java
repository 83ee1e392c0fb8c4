package io.socialroi.conversion.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialroi.common.problem.ProblemException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Shopify's order webhooks (topic in {@code X-Shopify-Topic}; the body is the REST Admin order or refund):
 * <ul>
 * <li>{@code orders/create}: a PURCHASE with event id {@code shopify:<order id>}, valued at the total in the
 * presentment currency ({@code total_price_set.presentment_money}, else {@code total_price} and {@code currency}),
 * since refund transactions are in that currency; at {@code processed_at} (else {@code created_at}); customer
 * {@code shopify:<customer.id>}; e-mail {@code email}, {@code contact_email} or {@code customer.email}; click id from
 * the cart attribute {@code smclid} (in the order's {@code note_attributes}; {@code _smclid} also read), else from
 * {@code smclid=} in {@code landing_site}.</li>
 * <li>{@code refunds/create}: lowers the order {@code shopify:<order_id>} by the successful {@code refund}
 * transactions, once by refund id.</li>
 * <li>{@code orders/cancelled}: lowers the order by its whole value (a refund of the same money counts once: an
 * order never goes below zero).</li>
 * </ul>
 */
final class ShopifyMapper {

    private ShopifyMapper() {
    }

    static Inbound map(String topic, JsonNode body) {
        return switch (topic) {
            case "orders/create" -> order(topic, body);
            case "refunds/create" -> refund(topic, body);
            case "orders/cancelled" -> cancellation(topic, body);
            default -> Inbound.ignored(topic, "topic " + topic + " is not used");
        };
    }

    private static Inbound order(String topic, JsonNode order) {
        String id = Inbound.required(Inbound.id(order, "id"), "id");
        JsonNode presentment = order.path("total_price_set").path("presentment_money");
        BigDecimal amount;
        String currency;
        if (presentment.isObject()) {
            amount = Inbound.decimal(presentment, "amount", "total_price_set.presentment_money.amount");
            currency = Inbound.required(Inbound.text(presentment, "currency_code"),
                    "total_price_set.presentment_money.currency_code");
        } else {
            amount = Inbound.decimal(order, "total_price", "total_price");
            currency = Inbound.required(Inbound.text(order, "currency"), "currency");
        }
        String email = first(Inbound.text(order, "email"), Inbound.text(order, "contact_email"),
                Inbound.text(order.get("customer"), "email"));
        String customerId = Inbound.id(order.get("customer"), "id");
        return new Inbound(topic, Inbound.list(Inbound.withPhone(Inbound.purchase("shopify:" + id, amount,
                currency.toUpperCase(java.util.Locale.ROOT), time(order),
                customerId == null ? null : "shopify:" + customerId, email, clickId(order)),
                Inbound.text(order, "phone"), Inbound.text(order.get("customer"), "phone"),
                Inbound.text(order.get("billing_address"), "phone"))), List.of(), Map.of(), null);
    }

    private static Inbound refund(String topic, JsonNode refund) {
        String id = Inbound.required(Inbound.id(refund, "id"), "id");
        String orderId = Inbound.required(Inbound.id(refund, "order_id"), "order_id");
        BigDecimal total = BigDecimal.ZERO;
        String currency = null;
        JsonNode transactions = refund.path("transactions");
        for (int i = 0; i < transactions.size(); i++) {
            JsonNode t = transactions.get(i);
            if ("refund".equals(Inbound.text(t, "kind")) && "success".equals(Inbound.text(t, "status"))) {
                total = total.add(Inbound.decimal(t, "amount", "transactions[" + i + "].amount").abs());
                currency = Inbound.required(Inbound.text(t, "currency"), "transactions[" + i + "].currency");
            }
        }
        if (currency == null) {
            return Inbound.ignored(topic, "the refund moved no money (no successful refund transaction)");
        }
        return new Inbound(topic, List.of(), List.of(new Inbound.Adjustment("shopify:refund:" + id,
                "shopify:" + orderId, "REFUND", total, currency, time(refund), false)), Map.of(), null);
    }

    private static Inbound cancellation(String topic, JsonNode order) {
        String id = Inbound.required(Inbound.id(order, "id"), "id");
        JsonNode presentment = order.path("total_price_set").path("presentment_money");
        JsonNode source = presentment.isObject() ? presentment : order;
        BigDecimal amount = Inbound.decimal(source, presentment.isObject() ? "amount" : "total_price", "total_price");
        String currency = Inbound.required(Inbound.text(source, presentment.isObject() ? "currency_code" : "currency"),
                "currency");
        OffsetDateTime at = parse(first(Inbound.text(order, "cancelled_at"), Inbound.text(order, "updated_at"),
                Inbound.text(order, "created_at")), "cancelled_at");
        return new Inbound(topic, List.of(), List.of(new Inbound.Adjustment("shopify:cancel:" + id, "shopify:" + id,
                "CANCELLATION", amount, currency, at, false)), Map.of(), null);
    }

    private static String clickId(JsonNode order) {
        JsonNode attributes = order.path("note_attributes");
        for (String name : List.of("smclid", "_smclid")) {
            for (JsonNode attribute : attributes) {
                if (name.equals(Inbound.text(attribute, "name")) && Inbound.text(attribute, "value") != null) {
                    return Inbound.text(attribute, "value");
                }
            }
        }
        return Urls.queryParameter(Inbound.text(order, "landing_site"), "smclid");
    }

    private static OffsetDateTime time(JsonNode node) {
        String text = first(Inbound.text(node, "processed_at"), Inbound.text(node, "created_at"));
        return parse(Inbound.required(text, "created_at"), "created_at");
    }

    static OffsetDateTime parse(String text, String field) {
        try {
            return OffsetDateTime.parse(Inbound.required(text, field));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 time with offset");
        }
    }

    @SafeVarargs
    static <T> T first(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
