package io.socialroi.reporting.dependency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/** One page of content-service's campaign or post list, reduced to what labels need. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogPage<T>(List<T> items, String nextCursor) {

    /** A campaign's id and name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Campaign(UUID id, String name) {
    }

    /** A post's ties: campaign, platform, funnel stage, and its caption for a readable label. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Post(UUID id, UUID campaignId, String platform, String funnelStage, String caption) {
    }
}
