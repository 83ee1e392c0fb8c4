package io.socialroi.engagement;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What PostgreSQL and java.time can take from a request: instants and dates within years 1 to 9999 (ISO-8601
 * also parses year 999999999, which neither a timestamptz nor a day after it can hold), and storable text. Local
 * dates (from/to) follow the suite-wide rule of {@link io.socialroi.common.problem.Params#localDate}.
 */
public final class Bounds {

    public static final String DATE_MESSAGE = "must be within the years 0001 to 9999";

    private Bounds() {
    }

    public static boolean inRange(OffsetDateTime instant) {
        return instant == null || instant.getYear() >= 1 && instant.getYear() <= 9999;
    }

    public static boolean inRange(LocalDate date) {
        return date == null || date.getYear() >= 1 && date.getYear() <= 9999;
    }

    /** The suite's storable-text rule ({@link io.socialroi.common.text.StorableText}). */
    public static boolean storable(String text) {
        return io.socialroi.common.text.StorableText.storable(text);
    }
}
