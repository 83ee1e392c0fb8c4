package io.socialroi.engagement.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialroi.common.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Field rules of one event; every broken rule is reported, not just the first. */
@ApplicationScoped
public class EventValidator {

    static final int MAX_ID_LENGTH = 200;
    static final int MAX_ATTRIBUTES_CHARS = 4096;
    /** Partitions are monthly; events this old are not engagement data but a client bug. */
    static final Instant OLDEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Clocks drift; a day ahead is tolerated, more is a wrong time. */
    static final Duration MAX_FUTURE = Duration.ofDays(1);

    /** The raw fields of one event as read from the stream. */
    static final class Fields {
        String eventId;
        String type;
        String platform;
        String postId;
        String campaignId;
        String actorId;
        String clickId;
        String occurredAt;
        boolean retargeting;
        JsonNode attributes;
        String attributesJson;
        final List<FieldError> errors = new ArrayList<>(0);
    }

    void validate(int index, Fields f, EventParser.Batch batch) {
        List<FieldError> errors = f.errors;
        String eventId = id("eventId", f.eventId, errors);
        String actorId = id("actorId", f.actorId, errors);
        EventType type = enumValue("type", f.type, EventType.class, errors);
        Platform platform = enumValue("platform", f.platform, Platform.class, errors);
        UUID postId = uuid("postId", f.postId, errors);
        if (postId == null && f.postId == null && type != null && !type.postOptional()) {
            errors.add(new FieldError("postId", "is required for " + type));
        }
        UUID campaignId = uuid("campaignId", f.campaignId, errors);
        UUID clickId = uuid("clickId", f.clickId, errors);
        Instant occurredAt = instant(f.occurredAt, errors);
        if (f.attributesJson != null && f.attributesJson.length() > MAX_ATTRIBUTES_CHARS) {
            errors.add(new FieldError("attributes", "must be at most " + MAX_ATTRIBUTES_CHARS + " characters of JSON"));
        } else if (f.attributes != null && !storable(f.attributes)) {
            errors.add(new FieldError("attributes", "must not contain NUL characters or unpaired surrogates"));
        }
        if (!errors.isEmpty()) {
            batch.rejected().add(new IngestResult.Rejected(index, List.copyOf(errors)));
            return;
        }
        batch.events().add(new IncomingEvent(eventId, type, platform, postId, campaignId, actorId, clickId, occurredAt,
                f.retargeting, f.attributesJson, type == EventType.COMMENT ? commentHash(f.attributes) : null));
    }

    private static String id(String field, String value, List<FieldError> errors) {
        if (value == null) {
            if (errors.stream().noneMatch(e -> e.field().equals(field))) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (value.isBlank() || value.length() > MAX_ID_LENGTH) {
            errors.add(new FieldError(field, "must be 1 to " + MAX_ID_LENGTH + " characters"));
            return null;
        }
        if (!storable(value)) {
            errors.add(new FieldError(field, "must not contain NUL characters or unpaired surrogates"));
            return null;
        }
        return value;
    }

    /**
     * False for text PostgreSQL cannot store as sent: the suite's storable-text rule
     * ({@link io.socialroi.common.text.StorableText}: no NUL or other control character, no unpaired surrogate).
     */
    static boolean storable(String text) {
        return io.socialroi.common.text.StorableText.storable(text);
    }

    /** {@link #storable(String)} for every name and text value of a JSON tree. */
    static boolean storable(JsonNode node) {
        if (node.isTextual()) {
            return storable(node.textValue());
        }
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext();) {
                var entry = it.next();
                if (!storable(entry.getKey()) || !storable(entry.getValue())) {
                    return false;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                if (!storable(child)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type, List<FieldError> errors) {
        if (value == null) {
            if (errors.stream().noneMatch(e -> e.field().equals(field))) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "unknown value '" + value + "', expected one of "
                    + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static UUID uuid(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be a UUID"));
            return null;
        }
    }

    private static Instant instant(String value, List<FieldError> errors) {
        if (value == null) {
            if (errors.stream().noneMatch(e -> e.field().equals("occurredAt"))) {
                errors.add(new FieldError("occurredAt", "is required"));
            }
            return null;
        }
        Instant instant;
        try {
            instant = parseInstant(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("occurredAt", "must be an ISO-8601 instant with offset, like 2026-11-22T09:00:00+01:00"));
            return null;
        }
        if (instant.isBefore(OLDEST) || instant.isAfter(Instant.now().plus(MAX_FUTURE))) {
            errors.add(new FieldError("occurredAt", "must be after 2000-01-01 and not more than a day in the future"));
            return null;
        }
        return instant;
    }

    /**
     * {@code OffsetDateTime.parse(value).toInstant()}, with a fast path for the shape nearly every client sends
     * ({@code 2026-11-22T09:00:00[.fraction](Z|+01:00)}): the general parser was about a twentieth of the ingestion
     * profile. Anything else, or anything the fast path finds invalid, goes to the general parser, which decides
     * (and words the rejection) exactly as before.
     */
    static Instant parseInstant(String value) {
        Instant fast = fastInstant(value);
        return fast != null ? fast : OffsetDateTime.parse(value).toInstant();
    }

    private static Instant fastInstant(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start) {
                return null;
            }
            for (int k = i - start; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59 || (oh == 18 && om > 0)) {
                return null;
            }
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        long epochDay;
        try {
            epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
    }

    /** The non-negative number of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** SHA-256 of the comment text lower-cased with collapsed whitespace; null when the event carries no text. */
    static String commentHash(JsonNode attributes) {
        if (attributes == null || !attributes.path("text").isTextual()) {
            return null;
        }
        String normalized = attributes.get("text").asText().toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        if (normalized.isEmpty()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
