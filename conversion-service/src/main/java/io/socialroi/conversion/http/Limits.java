package io.socialroi.conversion.http;

import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.ProblemException;
import java.time.LocalDate;

/**
 * Parameter parsing this service adds to {@link Params}: local dates kept in the range PostgreSQL and the
 * reports handle.
 */
public final class Limits {

    public static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9998, 12, 31);

    private Limits() {
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
