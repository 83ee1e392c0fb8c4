package io.socialroi.reporting.report;

import io.socialroi.common.problem.ProblemException;
import java.util.Arrays;
import java.util.List;

/** What a grouped report's rows are: the {@code groupBy} values, named as the other services name them. */
public enum Dimension {
    CAMPAIGN("campaign"), PLATFORM("platform"), POST("post"), FUNNEL_STAGE("funnelStage");

    private final String param;

    Dimension(String param) {
        this.param = param;
    }

    public String param() {
        return param;
    }

    public static Dimension parse(String value) {
        if (value == null || value.isBlank()) {
            return CAMPAIGN;
        }
        return Arrays.stream(values()).filter(d -> d.param.equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("groupBy", "unknown value '" + value
                        + "', expected one of " + names()));
    }

    private static List<String> names() {
        return Arrays.stream(values()).map(Dimension::param).toList();
    }
}
