package io.socialroi.conversion.attribution;

import io.socialroi.common.problem.ProblemException;
import java.time.LocalDate;
import java.util.List;

/**
 * The parameters of {@code GET /attribution/paths}: the attribution report's period, lookback and touch types (read
 * by {@link ReportQuery}, so the same values are valid and the same ones are 422), plus {@code by} (platform or
 * funnelStage), {@code limit} (rows, 1..100, default 20) and {@code maxLength} (steps a path keeps, 3..20, default 6).
 */
public record PathQuery(ReportQuery report, int limit, int maxLength) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_MAX_LENGTH = 6;
    /** First step, the elision, last step: a shorter bound could not keep both ends. */
    public static final int MIN_MAX_LENGTH = 3;
    public static final int MAX_MAX_LENGTH = 20;

    public static PathQuery parse(String from, String to, String by, String lookbackDays, String touchTypes,
            String limit, String maxLength, int maxLookbackDays) {
        GroupBy group = GroupBy.parse(by == null || by.isBlank() ? "platform" : by);
        if (group != GroupBy.PLATFORM && group != GroupBy.FUNNEL_STAGE) {
            throw ProblemException.invalid("by", "must be platform or funnelStage");
        }
        ReportQuery report = ReportQuery.parse(null, "model", lookbackDays, null, touchTypes, from, to,
                group.wireName(), maxLookbackDays);
        return new PathQuery(report, whole("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT),
                whole("maxLength", maxLength, DEFAULT_MAX_LENGTH, MIN_MAX_LENGTH, MAX_MAX_LENGTH));
    }

    public GroupBy by() {
        return report.groupBy();
    }

    public LocalDate from() {
        return report.from();
    }

    public LocalDate to() {
        return report.to();
    }

    public int lookbackDays() {
        return report.lookbackDays();
    }

    public List<String> touchTypes() {
        return report.touchTypes();
    }

    private static int whole(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(name, "must be a whole number from " + min + " to " + max);
    }
}
