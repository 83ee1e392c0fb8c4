package io.socialroi.engagement.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The numbers of one summary row or of the totals. {@code counts} holds every type (bot hits on the redirect
 * are not in it but in {@code botClicks}); ratios are plain numbers, scores 0..100. {@code engagementRate} is
 * null without impressions.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Figures(Map<String, Long> counts, long botClicks, long engagements, long impressions,
        long uniqueActors, Double engagementRate, double suspiciousShare, double qualityScore, double intentScore) {
}
