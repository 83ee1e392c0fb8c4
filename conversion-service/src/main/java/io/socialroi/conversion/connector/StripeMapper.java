package io.socialroi.conversion.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Stripe events (the body is the Event object; {@code data.object} the session, invoice or charge):
 * <ul>
 * <li>{@code checkout.session.completed} with {@code payment_status} {@code paid} (and
 * {@code checkout.session.async_payment_succeeded}): a PURCHASE of {@code amount_total}; event id
 * {@code stripe:<invoice>} for a subscription's session (so the first invoice's {@code invoice.paid} is the same
 * conversion), else {@code stripe:<session id>}; its payment intent is kept as an alias for refunds;</li>
 * <li>{@code invoice.paid} with {@code amount_paid} above zero: a PURCHASE with event id {@code stripe:<invoice id>};</li>
 * <li>{@code charge.refunded}: the order paid by the charge (its invoice, else its payment intent) is lowered to
 * {@code amount - amount_refunded}; {@code amount_refunded} is the running total, so the latest delivery wins.</li>
 * </ul>
 * Amounts are in the currency's smallest unit as Stripe counts it (zero-decimal currencies such as JPY as they
 * are; BHD, JOD, KWD, OMR and TND in thousandths; the rest in hundredths). Customer {@code stripe:<customer>},
 * e-mail {@code customer_details.email} / {@code customer_email}, click id {@code metadata.smclid} (for
 * invoices also the subscription's metadata; for a checkout session else a {@code client_reference_id} of the form
 * {@code smclid_<uuid>}, which Payment Links take in their URL). The time is the event's {@code created} (an invoice's
 * {@code status_transitions.paid_at}).
 */
final class StripeMapper {

    /** Stripe's zero-decimal currencies (amounts are whole units). */
    static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG",
            "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF");
    static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");
    private static final Pattern CLIENT_REFERENCE = Pattern.compile(
            "smclid_[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private StripeMapper() {
    }

    static Inbound map(JsonNode event) {
        String type = Inbound.required(Inbound.text(event, "type"), "type");
        JsonNode object = event.path("data").path("object");
        if (!object.isObject()) {
            Inbound.required(null, "data.object");
        }
        OffsetDateTime created = unix(event.get("created"), "created");
        return switch (type) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" ->
                    session(type, object, created);
            case "invoice.paid" -> invoice(type, object, created);
            case "charge.refunded" -> refund(type, object, created);
            default -> Inbound.ignored(type, "event type " + type + " is not used");
        };
    }

    private static Inbound session(String type, JsonNode session, OffsetDateTime created) {
        String id = Inbound.required(Inbound.id(session, "id"), "data.object.id");
        if (!"paid".equals(Inbound.text(session, "payment_status"))) {
            return Inbound.ignored(type, "the session is not paid (payment_status "
                    + Inbound.text(session, "payment_status") + ")");
        }
        String currency = currency(session);
        BigDecimal amount = amount(session, "amount_total", currency);
        if (amount.signum() == 0) {
            return Inbound.ignored(type, "nothing was paid");
        }
        String invoice = ref(session, "invoice");
        String eventId = "stripe:" + (invoice != null ? invoice : id);
        String email = ShopifyMapper.first(Inbound.text(session.get("customer_details"), "email"),
                Inbound.text(session, "customer_email"));
        Map<String, String> aliases = new HashMap<>();
        String intent = ref(session, "payment_intent");
        if (intent != null) {
            aliases.put("stripe:" + intent, eventId);
        }
        String clickId = ShopifyMapper.first(Inbound.text(session.get("metadata"), "smclid"),
                referenceClickId(Inbound.text(session, "client_reference_id")));
        return new Inbound(type, Inbound.list(Inbound.withPhone(Inbound.purchase(eventId, amount, currency, created,
                customer(session), email, clickId), Inbound.text(session.get("customer_details"), "phone"))),
                List.of(), aliases, null);
    }

    /**
     * The click id a Payment Link carried in {@code client_reference_id} (the click script adds
     * {@code client_reference_id=smclid_<id>} to buy.stripe.com links); any other reference is the shop's own.
     */
    static String referenceClickId(String reference) {
        return reference != null && CLIENT_REFERENCE.matcher(reference).matches()
                ? reference.substring("smclid_".length()).toLowerCase(Locale.ROOT) : null;
    }

    private static Inbound invoice(String type, JsonNode invoice, OffsetDateTime created) {
        String id = Inbound.required(Inbound.id(invoice, "id"), "data.object.id");
        String currency = currency(invoice);
        BigDecimal amount = amount(invoice, "amount_paid", currency);
        if (amount.signum() == 0) {
            return Inbound.ignored(type, "nothing was paid (amount_paid 0)");
        }
        JsonNode paidAt = invoice.path("status_transitions").get("paid_at");
        OffsetDateTime at = paidAt != null && paidAt.isIntegralNumber() ? unix(paidAt, "paid_at") : created;
        String clickId = ShopifyMapper.first(Inbound.text(invoice.get("metadata"), "smclid"),
                Inbound.text(invoice.path("subscription_details").get("metadata"), "smclid"),
                Inbound.text(invoice.path("parent").path("subscription_details").get("metadata"), "smclid"));
        Map<String, String> aliases = new HashMap<>();
        for (String field : List.of("payment_intent", "charge")) {
            String ref = ref(invoice, field);
            if (ref != null) {
                aliases.put("stripe:" + ref, "stripe:" + id);
            }
        }
        return new Inbound(type, Inbound.list(Inbound.withPhone(Inbound.purchase("stripe:" + id, amount, currency, at,
                customer(invoice), Inbound.text(invoice, "customer_email"), clickId),
                Inbound.text(invoice, "customer_phone"))), List.of(), aliases, null);
    }

    private static Inbound refund(String type, JsonNode charge, OffsetDateTime created) {
        String id = Inbound.required(Inbound.id(charge, "id"), "data.object.id");
        String currency = currency(charge);
        BigDecimal refunded = amount(charge, "amount_refunded", currency);
        String order = ShopifyMapper.first(ref(charge, "invoice"), ref(charge, "payment_intent"), id);
        return new Inbound(type, List.of(), List.of(new Inbound.Adjustment("stripe:charge:" + id, "stripe:" + order,
                "REFUND", refunded, currency, created, true)), Map.of(), null);
    }

    private static String customer(JsonNode object) {
        String customer = ref(object, "customer");
        return customer == null ? null : "stripe:" + customer;
    }

    /** An id field that Stripe sends as a string, or as the expanded object. */
    private static String ref(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value != null && value.isObject()) {
            return Inbound.text(value, "id");
        }
        return Inbound.text(object, field);
    }

    private static String currency(JsonNode object) {
        return Inbound.required(Inbound.text(object, "currency"), "data.object.currency").toUpperCase(Locale.ROOT);
    }

    /** A whole number of Stripe's smallest unit, as a decimal amount of the currency. */
    private static BigDecimal amount(JsonNode object, String field, String currency) {
        JsonNode value = object.get(field);
        if (value == null || !value.isIntegralNumber() || value.asLong() < 0) {
            throw io.socialroi.common.problem.ProblemException.invalid("data.object." + field,
                    "must be a whole, non-negative number of the currency's smallest unit");
        }
        int scale = ZERO_DECIMAL.contains(currency) ? 0 : THREE_DECIMAL.contains(currency) ? 3 : 2;
        // Stripe writes ISK, HUF and TWD with two decimals that are zero: stripped, they fit the ISO minor unit.
        BigDecimal amount = new BigDecimal(value.bigIntegerValue(), scale).stripTrailingZeros();
        return amount.scale() < 0 ? amount.setScale(0) : amount;
    }

    private static OffsetDateTime unix(JsonNode value, String field) {
        if (value == null || !value.isIntegralNumber()) {
            Inbound.required(null, field);
        }
        return Instant.ofEpochSecond(value.asLong()).atOffset(ZoneOffset.UTC);
    }
}
