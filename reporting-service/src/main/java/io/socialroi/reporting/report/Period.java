package io.socialroi.reporting.report;

import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.ProblemException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A report period: local dates in the workspace's time zone, {@code to} inclusive. Without {@code to} it ends
 * today (in that zone); without {@code from} it covers the 30 days up to {@code to}.
 */
public record Period(LocalDate from, LocalDate to) {

    /** Longest period a report covers (the suite-wide rule); the dependencies' rollups are sized for about a year. */
    public static final int MAX_DAYS = Params.MAX_PERIOD_DAYS;

    /** The values as given, checked for format only; completed by {@link #resolve}. */
    public record Requested(LocalDate from, LocalDate to) {

        public Period resolve(ZoneId zone) {
            LocalDate end = to != null ? to : LocalDate.now(zone);
            LocalDate start = from != null ? from : end.minusDays(29);
            if (end.isBefore(start)) {
                throw ProblemException.invalid("to", "must not be before from");
            }
            if (start.plusDays(MAX_DAYS).isBefore(end.plusDays(1))) {
                throw ProblemException.invalid("to", "a report covers at most " + MAX_DAYS + " days");
            }
            return new Period(start, end);
        }
    }

    public static Requested parse(String from, String to) {
        LocalDate start = Params.localDate("from", from);
        LocalDate end = Params.localDate("to", to);
        Params.period(start, end);
        return new Requested(start, end);
    }
}
