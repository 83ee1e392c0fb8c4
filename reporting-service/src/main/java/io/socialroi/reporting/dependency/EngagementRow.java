package io.socialroi.reporting.dependency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * One row (or the totals) of engagement-service's summary. {@code engagements} and {@code impressions} are
 * derived from {@code counts} when the service leaves them out, by the contract's definition: engagements are
 * every counted type except IMPRESSION and VIEW.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EngagementRow(String key, String label, Map<String, Long> counts, Long engagements, Long impressions,
        Long uniqueActors) {

    public long count(String type) {
        Long value = counts == null ? null : counts.get(type);
        return value == null ? 0 : value;
    }

    public long engagementCount() {
        if (engagements != null) {
            return engagements;
        }
        if (counts == null) {
            return 0;
        }
        return counts.entrySet().stream().filter(e -> !"IMPRESSION".equals(e.getKey()) && !"VIEW".equals(e.getKey()))
                .mapToLong(e -> e.getValue() == null ? 0 : e.getValue()).sum();
    }

    public long impressionCount() {
        return impressions != null ? impressions : count("IMPRESSION");
    }
}
