package io.socialroi.common.problem;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;

/**
 * Parses query and path values with field-level problem responses, so a bad date or enum names the
 * parameter instead of falling into a framework default.
 */
public final class Params {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /**
     * The local dates every service accepts, in query parameters and bodies alike: 1970-01-01 to 9998-12-31.
     * ISO-8601 also parses years like +999999999 that overflow date arithmetic and PostgreSQL's date type; the
     * last day leaves room for "the day after, in any time zone", which a period's end needs.
     */
    public static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9998, 12, 31);

    /** The longest period ({@code from} to {@code to}, both inclusive) any endpoint covers. */
    public static final int MAX_PERIOD_DAYS = 366;

    private Params() {
    }

    public static LocalDate localDate(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date like 2026-11-22");
        }
        return day(name, date);
    }

    /** Null stays null; a date outside {@link #FIRST_DAY}..{@link #LAST_DAY} is a 422 naming the field. */
    public static LocalDate day(String name, LocalDate date) {
        if (date != null && (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY))) {
            throw ProblemException.invalid(name, "must be a date from " + FIRST_DAY + " to " + LAST_DAY);
        }
        return date;
    }

    public static LocalDate requiredLocalDate(String name, String value) {
        LocalDate date = localDate(name, value);
        if (date == null) {
            throw ProblemException.invalid(name, "is required");
        }
        return date;
    }

    public static OffsetDateTime instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 instant with offset, like 2026-11-22T09:00:00+01:00");
        }
    }

    public static ZoneId zone(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(name, "is required");
        }
        try {
            if (!ZoneId.getAvailableZoneIds().contains(value) && !"UTC".equals(value)) {
                throw ProblemException.invalid(name, "unknown IANA time zone '" + value + "'");
            }
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw ProblemException.invalid(name, "unknown IANA time zone '" + value + "'");
        }
    }

    public static Currency currency(String name, String value) {
        if (value == null || !value.matches("[A-Z]{3}")) {
            throw ProblemException.invalid(name, "must be an ISO 4217 code like EUR");
        }
        try {
            return Currency.getInstance(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "unknown ISO 4217 currency '" + value + "'");
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "unknown value '" + value + "', expected one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
    }

    public static int limit(Integer value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return value;
    }

    /**
     * The {@code limit} query parameter read as text: a JAX-RS {@code Integer} parameter that does not parse
     * answers a misleading 404, while a bad limit is the caller's field error (422).
     */
    public static int limitParam(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            return limit(Integer.valueOf(value.trim()));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("limit", "must be a whole number between 1 and " + MAX_LIMIT);
        }
    }

    /**
     * Checks an inclusive local-date period, either end of which may be open: {@code to} not before {@code from}
     * and at most {@link #MAX_PERIOD_DAYS} days, else a 422 naming {@code to}.
     */
    public static void period(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return;
        }
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(from, to) >= MAX_PERIOD_DAYS) {
            throw ProblemException.invalid("to", "a period covers at most " + MAX_PERIOD_DAYS + " days");
        }
    }
}
