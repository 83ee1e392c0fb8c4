package io.socialroi.conversion.attribution;

import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The parameters every attribution report takes, parsed with field-level problems. */
public record ReportQuery(List<AttributionModel> models, int lookbackDays, BigDecimal halfLifeDays,
        List<String> touchTypes, LocalDate from, LocalDate to, GroupBy groupBy, DataDriven.Method method) {

    static final BigDecimal MIN_HALF_LIFE = new BigDecimal("0.01");
    static final BigDecimal MAX_HALF_LIFE = BigDecimal.valueOf(365);

    public static ReportQuery parse(String models, String modelsField, String lookbackDays, String halfLifeDays,
            String touchTypes, String from, String to, String groupBy, int maxLookbackDays) {
        return parse(models, modelsField, lookbackDays, halfLifeDays, touchTypes, from, to, groupBy, null,
                maxLookbackDays);
    }

    /** With DATA_DRIVEN's {@code method} (MARKOV, the default, or SHAPLEY; read whatever the model). */
    public static ReportQuery parse(String models, String modelsField, String lookbackDays, String halfLifeDays,
            String touchTypes, String from, String to, String groupBy, String method, int maxLookbackDays) {
        List<AttributionModel> parsedModels = new ArrayList<>();
        if (models == null || models.isBlank()) {
            parsedModels.add(AttributionModel.LAST_TOUCH);
        } else {
            for (String model : models.split(",")) {
                AttributionModel m = Params.enumValue(modelsField, model, AttributionModel.class, null);
                if (m != null && !parsedModels.contains(m)) {
                    parsedModels.add(m);
                }
            }
        }
        int lookback = integer("lookbackDays", lookbackDays, 30, 1, maxLookbackDays);
        BigDecimal halfLife = halfLife(halfLifeDays);
        if (parsedModels.isEmpty()) {
            throw ProblemException.invalid(modelsField, "must name at least one model");
        }
        LocalDate start = Params.localDate("from", from);
        LocalDate end = Params.localDate("to", to);
        Params.period(start, end);
        GroupBy group = GroupBy.parse(groupBy);
        if (group == null) {
            throw ProblemException.invalid("groupBy", "must be one of post, platform, campaign, funnelStage");
        }
        DataDriven.Method learning = DataDriven.Method.parse(method);
        return new ReportQuery(List.copyOf(parsedModels), lookback, halfLife, types(touchTypes), start, end, group,
                learning);
    }

    private static int integer(String name, String value, int fallback, int min, int max) {
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

    private static BigDecimal halfLife(String value) {
        if (value == null || value.isBlank()) {
            return BigDecimal.valueOf(7);
        }
        try {
            BigDecimal parsed = new BigDecimal(value.trim());
            if (parsed.compareTo(MIN_HALF_LIFE) >= 0 && parsed.compareTo(MAX_HALF_LIFE) <= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("halfLifeDays", "must be a number of days from 0.01 to 365");
    }

    private static List<String> types(String value) {
        if (value == null || value.isBlank()) {
            return EventType.defaults();
        }
        return EventType.parse("touchTypes", Arrays.asList(value.split(",")));
    }
}
