package io.socialroi.conversion.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.conversion.conversion.Emails;
import io.socialroi.conversion.conversion.Phones;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one webhook means here: orders as conversion bodies in the API's own format (so they are validated, hashed
 * and converted exactly like {@code POST /conversions}), refunds and cancellations against an order, and other ids
 * of an order that a later refund may name. A topic the receiver does not use is {@link #ignored}.
 */
public record Inbound(String topic, List<ObjectNode> orders, List<Adjustment> adjustments, Map<String, String> aliases,
        String ignored) {

    /**
     * A refund or cancellation: once by its id; {@code amount} in {@code currency}, which must be the order value's.
     * {@code cumulative}: the amount is the total refunded so far (Stripe's charge.amount_refunded), so a later
     * delivery replaces a smaller one and never adds to it.
     */
    public record Adjustment(String id, String orderRef, String kind, BigDecimal amount, String currency,
            OffsetDateTime occurredAt, boolean cumulative) {
    }

    public static Inbound ignored(String topic, String why) {
        return new Inbound(topic, List.of(), List.of(), Map.of(), why);
    }

    /** A PURCHASE in the API's format; null fields are left out. */
    static ObjectNode purchase(String eventId, BigDecimal amount, String currency, OffsetDateTime occurredAt,
            String platformCustomer, String email, String clickId) {
        ObjectNode order = JsonNodeFactory.instance.objectNode();
        order.put("eventId", eventId);
        order.put("type", "PURCHASE");
        ObjectNode value = order.putObject("value");
        value.put("amount", amount.toPlainString());
        value.put("currency", currency);
        order.put("occurredAt", occurredAt.toString());
        String customer = customer(platformCustomer, email);
        if (customer != null) {
            order.put("customerId", customer);
        }
        if (email != null) {
            order.put("email", email);
        }
        if (clickId != null) {
            order.put("clickId", clickId);
        }
        return order;
    }

    /**
     * Adds the first of these numbers that is international (E.164 after spaces and punctuation are dropped): a shop's
     * phone without its country code cannot be told apart between countries, so it is left out, not guessed, and
     * never fails the order.
     */
    static ObjectNode withPhone(ObjectNode order, String... candidates) {
        for (String candidate : candidates) {
            var e164 = Phones.e164(candidate);
            if (e164.isPresent()) {
                order.put("phone", e164.get());
                break;
            }
        }
        return order;
    }

    /**
     * The platform's customer id (prefixed with the platform), else, for a guest checkout, {@code email:} and the
     * e-mail's SHA-256, so one buyer's guest orders on several platforms are one customer; null when neither.
     */
    static String customer(String platformCustomer, String email) {
        if (platformCustomer != null) {
            return platformCustomer;
        }
        return email == null || !email.contains("@") ? null : "email:" + Emails.hash(email);
    }

    /** The text of a field that may be a string or a number (platform ids are either); null when absent. */
    static String id(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual() && !value.asText().isBlank()) {
            return value.asText().strip();
        }
        if (value.isIntegralNumber() && value.asLong() > 0) {
            return value.asText();
        }
        return null;
    }

    /** A non-blank string field or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

    /** A required field: 422 naming it (as the platform's field path) when missing. */
    static <T> T required(T value, String field) {
        if (value == null) {
            throw ProblemException.invalid(List.of(new FieldError(field, "is required")));
        }
        return value;
    }

    /** A decimal string or number ("199.00" or 199.0 read exactly); 422 naming the field otherwise. */
    static BigDecimal decimal(JsonNode node, String field, String path) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            throw ProblemException.invalid(path, "is required");
        }
        try {
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isTextual() && value.asText().strip().length() <= 40) {
                return new BigDecimal(value.asText().strip());
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(path, "must be a decimal amount");
    }

    static List<ObjectNode> list(ObjectNode one) {
        List<ObjectNode> list = new ArrayList<>();
        list.add(one);
        return list;
    }
}
