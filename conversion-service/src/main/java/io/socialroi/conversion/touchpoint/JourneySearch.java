package io.socialroi.conversion.touchpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Body of engagement-service's {@code POST /workspaces/{ws}/journeys/search}: the aggregated journeys of the actors
 * engaged in [from, to) except {@code excludeActors} (at most {@link #MAX_EXCLUDED}); {@code groupBy} POST, PLATFORM,
 * CAMPAIGN or FUNNEL_STAGE.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JourneySearch(OffsetDateTime from, OffsetDateTime to, List<String> eventTypes, String groupBy,
        List<String> excludeActors, Integer maxLength) {

    /** The contract's bound on {@code excludeActors}. */
    public static final int MAX_EXCLUDED = 50_000;
}
