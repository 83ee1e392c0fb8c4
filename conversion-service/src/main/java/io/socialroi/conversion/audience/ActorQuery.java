package io.socialroi.conversion.audience;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Body of engagement-service's {@code POST /workspaces/{ws}/actors/search} (CONTRACTS.md, added for audiences).
 * {@code types}: the event types that count; {@code includeFlagged} false leaves flagged actors out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActorQuery(OffsetDateTime since, UUID campaignId, List<String> funnelStages, BigDecimal minIntent,
        int limit, String cursor, List<String> types, boolean includeFlagged) {
}
