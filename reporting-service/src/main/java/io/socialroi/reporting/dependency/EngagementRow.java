package io.socialroi.reporting.dependency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * One row (or the totals) of engagement-service's summary. {@code engagements} and {@code impressions} are
 * derived from {@code counts} when the service leaves them out, by the contract's definition: engagements are
 * every counted type except IMPRESSION and VIEW. {@code realEngagements} are the engagements of actors not
 * flagged as bot or bought engagement (engagement-service owns that definition); the people counts
 * ({@code reachedActors}, {@code engagedActors}, {@code clickedActors}) count not-flagged actors only and are
 * distinct within the row, so they do not add up across rows. Rows grouped by post carry the post's current
 * {@code campaignId}, {@code platform} and {@code funnelStage}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EngagementRow(String key, String label, Map<String, Long> counts, Long engagements, Long impressions,
        Long uniqueActors, Long realEngagements, Long flaggedEngagements, Long reachedActors, Long engagedActors,
        Long clickedActors, String postId, String campaignId, String platform, String funnelStage) {

    public long count(String type) {
        Long value = counts == null ? null : counts.get(type);
        return value == null ? 0 : value;
    }

    /** Every engagement, flagged actors' included: what the summary calls {@code engagements}. */
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

    /**
     * Engagement of actors not flagged. An answer without the figure (an engagement-service from before
     * flagged actors) has {@code engagements - flaggedEngagements}, or all of it when neither is given.
     */
    public long realEngagementCount() {
        long raw = engagementCount();
        if (realEngagements != null) {
            return Math.min(raw, Math.max(0, realEngagements));
        }
        return flaggedEngagements == null ? raw : Math.max(0, raw - flaggedEngagements);
    }

    /** engagements - realEngagements: the bought and bot engagement beside the real one. */
    public long flaggedEngagementCount() {
        return engagementCount() - realEngagementCount();
    }

    public long impressionCount() {
        return impressions != null ? impressions : count("IMPRESSION");
    }
}
