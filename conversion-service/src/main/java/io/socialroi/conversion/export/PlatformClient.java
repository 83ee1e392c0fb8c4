package io.socialroi.conversion.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialroi.common.net.OutboundHttp;
import io.socialroi.conversion.conversion.Emails;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;

/**
 * One ad platform's API: the request it documents for a batch of conversions, and how its answers read. The HTTP
 * itself is {@link OutboundHttp}'s (the outgoing-URL guard on every connect, no redirects, generic failure reasons).
 */
abstract class PlatformClient {

    static final ObjectMapper JSON = new ObjectMapper();

    abstract ExportPlatform platform();

    /** The API and version, as the README and the destination's view name it. */
    abstract String api();

    /** Null when the event can be sent, else why not (it is SKIPPED with that reason). */
    abstract String unsendable(ExportEvent event);

    abstract Outcome.Request request(Destination destination, String token, List<ExportEvent> events);

    /** Reads an answer that came (status > 0); {@code size} is the number of events sent. */
    abstract Outcome answer(OutboundHttp.Exchange exchange, int size);

    /** What every platform shares: no answer, an answer of the platform's load balancer (5xx, 429) before its API. */
    final Outcome read(OutboundHttp.Exchange exchange, int size) {
        if (!exchange.answered()) {
            return new Outcome.Retry(null, exchange.failure());
        }
        return answer(exchange, size);
    }

    static Outcome transientStatus(OutboundHttp.Exchange exchange, String platformReason) {
        return new Outcome.Retry(retryAfter(exchange.retryAfter()), "HTTP " + exchange.status()
                + (platformReason == null || platformReason.isBlank() ? "" : ": " + platformReason));
    }

    static boolean isTransient(int status) {
        return status == 429 || status == 408 || status >= 500;
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, 86_400));
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(Instant.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    /** The value at the currency's minor unit (JPY whole, KWD thousandths), as the platforms take decimal amounts. */
    static BigDecimal amount(ExportEvent e) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(e.currency()).getDefaultFractionDigits());
        } catch (IllegalArgumentException ex) {
            digits = 2;
        }
        return e.value().setScale(digits, RoundingMode.HALF_EVEN);
    }

    static boolean hasValue(ExportEvent e) {
        return e.value() != null && e.currency() != null;
    }

    /** The customer id as the platforms' external id: SHA-256 hex of it as recorded (never sent in clear). */
    static String externalId(ExportEvent e) {
        return e.customerId() == null ? null : Emails.sha256(e.customerId());
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    static String clip(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
