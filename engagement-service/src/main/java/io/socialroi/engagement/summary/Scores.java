package io.socialroi.engagement.summary;

import io.socialroi.engagement.event.EventType;
import io.socialroi.engagement.settings.ScoringSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns rollup sums into the figures of a row. The rules are documented in the README ("Quality and intent"):
 * suspiciousShare is the share of engagement by suspicious actors, qualityScore the genuine rest on 0..100,
 * intentScore the intent-weighted genuine events against the best possible (every event of the heaviest type).
 */
final class Scores {

    private Scores() {
    }

    static Figures figures(SummaryQuery.Acc acc, ScoringSettings settings) {
        Map<String, Long> counts = new LinkedHashMap<>();
        long engagements = 0;
        for (EventType type : EventType.values()) {
            long n = acc.counts.getOrDefault(type, 0L);
            counts.put(type.name(), n);
            if (type.isEngagement()) {
                engagements += n;
            }
        }
        long impressions = acc.counts.getOrDefault(EventType.IMPRESSION, 0L);
        Double engagementRate = impressions == 0 ? null : round(engagements / (double) impressions, 4);
        double suspiciousShare = acc.actorEngagements == 0 ? 0
                : round(acc.suspiciousEngagements / (double) acc.actorEngagements, 4);
        double quality = acc.actorEngagements == 0 ? 0 : round(100 * (1 - suspiciousShare), 1);
        return new Figures(counts, acc.botClicks, engagements, engagements - acc.flaggedEngagements,
                acc.flaggedEngagements, impressions, acc.uniqueActors, acc.reachedActors, acc.engagedActors,
                acc.clickedActors, engagementRate, suspiciousShare, quality, intent(acc, settings));
    }

    /** 0..100: genuine events weighted by type, against every scored event (genuine or not) at the top weight. */
    static double intent(SummaryQuery.Acc acc, ScoringSettings settings) {
        double weighted = 0;
        long scored = 0;
        for (EventType type : EventType.values()) {
            if (type == EventType.IMPRESSION) {
                continue;
            }
            // Views are reach, not engagement: no actor is judged on them, so they count as they are.
            long genuine = type == EventType.VIEW ? acc.counts.getOrDefault(type, 0L) : acc.genuine.getOrDefault(type, 0L);
            weighted += settings.weight(type) * genuine;
            scored += acc.counts.getOrDefault(type, 0L);
        }
        double max = settings.maxWeight();
        if (scored == 0 || max <= 0) {
            return 0;
        }
        return round(Math.min(100, 100 * weighted / (max * scored)), 1);
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
