package io.socialroi.conversion.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialroi.common.money.ExchangeRate;
import io.socialroi.common.money.Money;
import io.socialroi.common.problem.FieldError;
import io.socialroi.common.workspace.WorkspaceInfo;
import io.socialroi.conversion.currency.ExchangeRates;
import io.socialroi.common.text.StorableText;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads one conversion of a request body field by field, so a batch can reject one item with precise
 * field messages and still store the others.
 */
@ApplicationScoped
public class ConversionParser {

    static final int MAX_ID_LENGTH = 200;
    static final int MAX_ACTOR_IDS = 100;
    /** Conversions before this are impossible here (reports start at 1970); a day ahead allows for clock skew. */
    static final OffsetDateTime EARLIEST = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    private final ExchangeRates rates;

    public ConversionParser(ExchangeRates rates) {
        this.rates = rates;
    }

    /** The conversion, or the reasons it cannot be stored (field names as in the request). */
    public record Parsed(NewConversion conversion, List<FieldError> errors) {
    }

    public Parsed parse(JsonNode node, UUID workspaceId, WorkspaceInfo workspace) {
        List<FieldError> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return new Parsed(null, List.of(new FieldError("body", "must be a conversion object")));
        }
        String eventId = text(node, "eventId", true, errors);
        ConversionType type = type(node, errors);
        OffsetDateTime occurredAt = occurredAt(node, errors);
        String customerId = text(node, "customerId", false, errors);
        String clickId = text(node, "clickId", false, errors);
        List<String> actorIds = actorIds(node, errors);
        String email = text(node, "email", false, errors);
        if (email != null && !email.contains("@")) {
            errors.add(new FieldError("email", "must be an email address"));
        }
        String phone = phone(node, errors);
        Money value = value(node, errors);
        Money amount = null;
        if (errors.isEmpty()) {
            amount = inWorkspaceCurrency(value, occurredAt, workspaceId, workspace, errors);
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, List.copyOf(errors));
        }
        return new Parsed(new NewConversion(eventId, type, value, amount, occurredAt, customerId, clickId, actorIds,
                ContactHashes.of(email, phone)), List.of());
    }

    /** The phone in E.164; a number without its country code is a field error, never a guess. */
    private static String phone(JsonNode node, List<FieldError> errors) {
        String text = text(node, "phone", false, errors);
        if (text == null) {
            return null;
        }
        Optional<String> e164 = Phones.e164(text);
        if (e164.isEmpty()) {
            errors.add(new FieldError("phone", "must be an international number with its country code, "
                    + "e.g. +14155550100"));
            return null;
        }
        return e164.get();
    }

    private static String text(JsonNode node, String field, boolean required, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        String text = value.asText().trim();
        if (!StorableText.storable(value.asText())) {
            errors.add(new FieldError(field, "must not contain control characters"));
            return null;
        }
        if (text.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "must not be blank"));
            }
            return null;
        }
        if (text.length() > MAX_ID_LENGTH) {
            errors.add(new FieldError(field, "must be at most " + MAX_ID_LENGTH + " characters"));
            return null;
        }
        return text;
    }

    private static ConversionType type(JsonNode node, List<FieldError> errors) {
        String text = text(node, "type", true, errors);
        if (text == null) {
            return null;
        }
        try {
            return ConversionType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("type", "unknown value '" + text + "', expected one of "
                    + Arrays.toString(ConversionType.values())));
            return null;
        }
    }

    private static OffsetDateTime occurredAt(JsonNode node, List<FieldError> errors) {
        String text = text(node, "occurredAt", true, errors);
        if (text == null) {
            return null;
        }
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("occurredAt",
                    "must be an ISO-8601 instant with offset, like 2026-11-22T09:00:00+01:00"));
            return null;
        }
        if (parsed.isBefore(EARLIEST) || parsed.isAfter(OffsetDateTime.now().plus(FUTURE_TOLERANCE))) {
            errors.add(new FieldError("occurredAt", "must be after " + EARLIEST.toLocalDate()
                    + " and not more than a day in the future"));
            return null;
        }
        return parsed;
    }

    private static List<String> actorIds(JsonNode node, List<FieldError> errors) {
        JsonNode value = node.get("actorIds");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            errors.add(new FieldError("actorIds", "must be an array of strings"));
            return List.of();
        }
        if (value.size() > MAX_ACTOR_IDS) {
            errors.add(new FieldError("actorIds", "must hold at most " + MAX_ACTOR_IDS + " ids"));
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode id = value.get(i);
            if (!id.isTextual() || id.asText().isBlank() || id.asText().length() > MAX_ID_LENGTH
                    || !StorableText.storable(id.asText())) {
                errors.add(new FieldError("actorIds[" + i + "]", "must be a non-blank string of at most "
                        + MAX_ID_LENGTH + " characters without control characters"));
            } else {
                ids.add(id.asText().trim());
            }
        }
        return List.copyOf(ids);
    }

    private static Money value(JsonNode node, List<FieldError> errors) {
        JsonNode value = node.get("value");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            errors.add(new FieldError("value", "must be a money object like {\"amount\":\"12.50\",\"currency\":\"EUR\"}"));
            return null;
        }
        BigDecimal amount = amount(value.get("amount"), errors);
        String currency = currency(value.get("currency"), errors);
        if (amount == null || currency == null) {
            return null;
        }
        if (amount.signum() < 0) {
            errors.add(new FieldError("value.amount", "must not be negative"));
            return null;
        }
        int minor = Currency.getInstance(currency).getDefaultFractionDigits();
        int digits = minor < 0 ? 2 : minor;
        if (amount.stripTrailingZeros().scale() > digits) {
            errors.add(new FieldError("value.amount", "has more than " + digits + " decimals for " + currency));
            return null;
        }
        if (amount.compareTo(new BigDecimal("1000000000000")) >= 0) {
            errors.add(new FieldError("value.amount", "is too large"));
            return null;
        }
        return Money.of(amount, currency);
    }

    private static BigDecimal amount(JsonNode amount, List<FieldError> errors) {
        if (amount == null || amount.isNull()) {
            errors.add(new FieldError("value.amount", "is required"));
            return null;
        }
        if (amount.isNumber()) {
            if (amount.isFloatingPointNumber() && !amount.isBigDecimal() && !Double.isFinite(amount.doubleValue())) {
                errors.add(new FieldError("value.amount", "is too large"));
                return null;
            }
            return amount.decimalValue();
        }
        if (amount.isTextual()) {
            String text = amount.asText().trim();
            if (text.length() > 40) {
                errors.add(new FieldError("value.amount", "must be a decimal number like \"12.50\""));
                return null;
            }
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                errors.add(new FieldError("value.amount", "must be a decimal number like \"12.50\""));
                return null;
            }
        }
        errors.add(new FieldError("value.amount", "must be a decimal string or number"));
        return null;
    }

    private static String currency(JsonNode currency, List<FieldError> errors) {
        if (currency == null || !currency.isTextual() || !currency.asText().matches("[A-Z]{3}")) {
            errors.add(new FieldError("value.currency", "must be an ISO 4217 code like EUR"));
            return null;
        }
        try {
            Currency.getInstance(currency.asText());
            return currency.asText();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("value.currency", "unknown ISO 4217 currency '" + currency.asText() + "'"));
            return null;
        }
    }

    /** The value in the workspace currency, using the rate of the conversion's local day in the workspace zone. */
    private Money inWorkspaceCurrency(Money value, OffsetDateTime occurredAt, UUID workspaceId, WorkspaceInfo workspace,
            List<FieldError> errors) {
        String target = workspace.currency();
        if (value == null) {
            return Money.zero(target);
        }
        if (value.currency().equals(target)) {
            return value;
        }
        var day = occurredAt.atZoneSameInstant(workspace.zone()).toLocalDate();
        Optional<BigDecimal> rate = rates.find(workspaceId, value.currency(), day);
        if (rate.isEmpty()) {
            errors.add(new FieldError("value.currency", "is not the workspace currency " + target
                    + " and the workspace has no exchange rate for " + value.currency() + " on " + day));
            return null;
        }
        return ExchangeRate.convert(value, rate.get(), target);
    }
}
