package io.socialroi.engagement.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The numbers of one summary row or of the totals. {@code counts} holds every type (bot hits on the redirect
 * are not in it but in {@code botClicks}); ratios are plain numbers, scores 0..100. {@code engagementRate} is
 * null without impressions. Real engagement and the people counts leave out the actors flagged for the period
 * ({@link io.socialroi.engagement.actor.FlaggedActors}).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Figures(Map<String, Long> counts, long botClicks,
        @Schema(description = "Events of every type except IMPRESSION and VIEW") long engagements,
        @Schema(description = "engagements of actors not flagged as bots or bought engagement for the period")
        long realEngagements,
        @Schema(description = "engagements - realEngagements") long flaggedEngagements,
        long impressions,
        @Schema(description = "Distinct actors with an engagement (flagged or not)") long uniqueActors,
        @Schema(description = "Distinct actors not flagged with any counted event (impressions too)") long reachedActors,
        @Schema(description = "Distinct actors not flagged with an event other than IMPRESSION (views count)")
        long engagedActors,
        @Schema(description = "Distinct actors not flagged with a human CLICK") long clickedActors,
        Double engagementRate, double suspiciousShare, double qualityScore, double intentScore) {
}
