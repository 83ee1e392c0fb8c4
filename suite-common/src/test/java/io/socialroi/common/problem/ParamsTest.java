package io.socialroi.common.problem;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The one date and period rule of every service that takes from/to. */
class ParamsTest {

    @Test
    void datesInsideTheDocumentedRangeParse() {
        assertEquals(LocalDate.of(1970, 1, 1), Params.localDate("from", "1970-01-01"));
        assertEquals(LocalDate.of(9998, 12, 31), Params.localDate("to", "9998-12-31"));
        assertNull(Params.localDate("from", null));
        assertNull(Params.localDate("from", " "));
    }

    @Test
    void datesOutsideItAreA422NamingTheParameter() {
        assertInvalid("to", () -> Params.localDate("to", "9999-01-01"));
        assertInvalid("from", () -> Params.localDate("from", "1969-12-31"));
        assertInvalid("from", () -> Params.localDate("from", "+999999999-12-31"));
        assertInvalid("from", () -> Params.localDate("from", "2026-02-30"));
        assertInvalid("date", () -> Params.requiredLocalDate("date", null));
        assertInvalid("incurredOn", () -> Params.day("incurredOn", LocalDate.of(9999, 12, 31)));
    }

    @Test
    void aPeriodRunsForwardAndCoversAtMost366Days() {
        assertDoesNotThrow(() -> Params.period(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31)));
        assertDoesNotThrow(() -> Params.period(null, LocalDate.of(2028, 12, 31)));
        assertInvalid("to", () -> Params.period(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 1)));
        assertInvalid("to", () -> Params.period(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 2)));
        assertInvalid("to", () -> Params.period(Params.FIRST_DAY, Params.LAST_DAY));
    }

    private static void assertInvalid(String field, Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        assertEquals(422, e.problem().status());
        assertEquals(field, e.problem().errors().get(0).field());
    }
}
