package io.socialroi.reporting.http;

import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.ProblemException;
import java.time.LocalDate;

/**
 * Local dates this service accepts: ISO dates from 1970-01-01 to 9999-12-31. ISO-8601 also allows years like
 * +999999999, which parse but overflow date arithmetic and PostgreSQL's date type; they are the caller's 422.
 */
public final class Dates {

    public static final LocalDate MIN = LocalDate.of(1970, 1, 1);
    public static final LocalDate MAX = LocalDate.of(9999, 12, 31);

    private Dates() {
    }

    /** A query parameter: null when absent, else a date in range, else a 422 naming the parameter. */
    public static LocalDate param(String name, String value) {
        return check(name, Params.localDate(name, value));
    }

    /** Null stays null; a date outside the range is a 422 naming the field. */
    public static LocalDate check(String name, LocalDate date) {
        if (date != null && (date.isBefore(MIN) || date.isAfter(MAX))) {
            throw ProblemException.invalid(name, "must be a date from " + MIN + " to " + MAX);
        }
        return date;
    }
}
