package io.socialroi.reporting.dependency;

import java.time.LocalDate;
import java.util.UUID;

/** Parameters of one attribution, passed through to conversion-service as given; also its cache key. */
public record AttributionQuery(UUID workspaceId, LocalDate from, LocalDate to, String groupBy, String model,
        Integer lookbackDays, String halfLifeDays, String touchTypes, String method) {

    /** Without DATA_DRIVEN's method. */
    public AttributionQuery(UUID workspaceId, LocalDate from, LocalDate to, String groupBy, String model,
            Integer lookbackDays, String halfLifeDays, String touchTypes) {
        this(workspaceId, from, to, groupBy, model, lookbackDays, halfLifeDays, touchTypes, null);
    }
}
