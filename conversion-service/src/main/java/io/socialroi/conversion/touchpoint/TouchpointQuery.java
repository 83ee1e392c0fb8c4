package io.socialroi.conversion.touchpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/** Body of engagement-service's {@code POST /workspaces/{ws}/touchpoints/search}; at most 1,000 ids in all. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TouchpointQuery(List<String> actorIds, List<String> clickIds, OffsetDateTime before,
        OffsetDateTime after, List<String> types) {
}
