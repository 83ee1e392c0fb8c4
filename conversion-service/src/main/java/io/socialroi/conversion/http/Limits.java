package io.socialroi.conversion.http;

import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.ProblemException;
import java.time.LocalDate;

/**
 * Parameter parsing this service adds to {@link Params}: a {@code limit} read from text (so {@code abc} or
 * a number beyond int is a 422 naming it, not a framework 404), and local dates kept in the range
 * PostgreSQL and the reports handle.
 */
public final class Limits {

    public static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9998, 12, 31);

    private Limits() {
    }

    public static int limit(String value) {
        if (value == null || value.isBlank()) {
            return Params.limit(null);
        }
        try {
            return Params.limit(Integer.valueOf(value.trim()));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("limit", "must be a whole number between 1 and " + Params.MAX_LIMIT);
        }
    }

    /** A local date (null when absent) between 1970-01-01 and 9998-12-31. */
    public static LocalDate day(String name, String value) {
        LocalDate day = Params.localDate(name, value);
        if (day != null && (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY))) {
            throw ProblemException.invalid(name, "must be between " + FIRST_DAY + " and " + LAST_DAY);
        }
        return day;
    }

    public static LocalDate requiredDay(String name, String value) {
        LocalDate day = day(name, value);
        if (day == null) {
            throw ProblemException.invalid(name, "is required");
        }
        return day;
    }
}
