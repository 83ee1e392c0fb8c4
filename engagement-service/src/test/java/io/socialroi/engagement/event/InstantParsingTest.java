package io.socialroi.engagement.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path of occurredAt parsing answers exactly what OffsetDateTime.parse answers, rejections included. */
class InstantParsingTest {

    private static String general(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant().toString();
        } catch (DateTimeParseException e) {
            return "rejected";
        }
    }

    private static String fast(String value) {
        try {
            Instant instant = EventValidator.parseInstant(value);
            return instant.toString();
        } catch (DateTimeParseException e) {
            return "rejected";
        }
    }

    @Test
    void edgeCasesAgreeWithTheGeneralParser() {
        List<String> cases = List.of("2026-11-22T09:00:00+01:00", "2026-11-22T09:00:00Z", "2026-11-22T09:00:00.5Z",
                "2026-11-22T09:00:00.123456789-07:00", "2026-11-22T09:00:00.1234567891Z", "2026-11-22T09:00:00.Z",
                "2024-02-29T23:59:59+14:00", "2026-02-29T10:00:00Z", "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z",
                "2026-00-10T10:00:00Z", "2026-11-31T10:00:00Z", "2026-11-22T24:00:00Z", "2026-11-22T23:60:00Z",
                "2026-11-22T23:59:60Z", "2026-11-22T09:00:00+18:00", "2026-11-22T09:00:00+18:01",
                "2026-11-22T09:00:00-18:00", "2026-11-22T09:00:00+19:00", "2026-11-22T09:00:00+01:60",
                "2026-11-22T09:00:00-00:00", "2026-11-22T09:00:00+0100", "2026-11-22T09:00:00+01",
                "2026-11-22T09:00+01:00", "2026-11-22t09:00:00z", "2026-11-22T09:00:00z", "2026-11-22 09:00:00Z",
                "2026-11-22T09:00:00+01:00:30", "2026-11-22T09:00:00", "+2026-11-22T09:00:00Z", "0000-01-01T00:00:00Z",
                "2026-1-22T09:00:00Z", "2026-11-22T9:00:00Z", "２０２６-11-22T09:00:00Z", "2026-11-22T09:00:00.000Z",
                "2026-11-22T09:00:00.000000000+05:30", "1999-12-31T23:59:59.999999999Z", "");
        for (String value : cases) {
            assertEquals(general(value), fast(value), value);
        }
    }

    @Test
    void randomTimestampsAgreeWithTheGeneralParser() {
        Random random = new Random(42);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String fraction = switch (random.nextInt(4)) {
                case 0 -> "";
                case 1 -> "." + random.nextInt(1000);
                case 2 -> "." + String.format("%09d", random.nextInt(1_000_000_000));
                default -> "." + random.nextInt(10);
            };
            String offset = random.nextInt(3) == 0 ? "Z"
                    : String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-", random.nextInt(20), random.nextInt(61));
            values.add(String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", 1990 + random.nextInt(50),
                    random.nextInt(14), random.nextInt(33), random.nextInt(25), random.nextInt(61), random.nextInt(61),
                    fraction, offset));
        }
        for (String value : values) {
            assertEquals(general(value), fast(value), value);
        }
    }
}
