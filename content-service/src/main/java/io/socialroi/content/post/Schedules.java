package io.socialroi.content.post;

import io.socialroi.common.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads a schedule. An instant with offset is taken as is. A local date-time is read in the workspace's
 * time zone by this rule: a time that does not exist (the daylight-saving gap) moves forward by the length
 * of the gap, so 02:30 on a spring-forward night in Europe/Rome is 03:30; a time that exists twice (the
 * overlap) is its first, earlier occurrence. The result is stored as an instant, so a clock change can never
 * publish a post twice or skip it.
 */
public final class Schedules {

    private Schedules() {
    }

    /** Plans reach at most this far; a later time is a typo (a year 20260), not a plan. */
    static final int MAX_YEARS_AHEAD = 10;

    public static Instant resolve(String field, String value, ZoneId zone) {
        Instant at = parse(field, value, zone);
        if (at != null && at.isAfter(ZonedDateTime.now(ZoneOffset.UTC).plusYears(MAX_YEARS_AHEAD).toInstant())) {
            throw ProblemException.invalid(field, "is more than " + MAX_YEARS_AHEAD + " years ahead");
        }
        return at;
    }

    private static Instant parse(String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return ZonedDateTime.ofLocal(LocalDateTime.parse(text), zone, null).toInstant();
            } catch (DateTimeParseException local) {
                throw ProblemException.invalid(field, "must be an ISO-8601 date-time with offset "
                        + "(2026-11-22T09:00:00+01:00) or a local one read in the workspace's time zone "
                        + "(2026-11-22T09:00:00)");
            }
        }
    }
}
