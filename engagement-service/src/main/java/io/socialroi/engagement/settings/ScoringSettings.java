package io.socialroi.engagement.settings;

import io.socialroi.engagement.event.EventType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a workspace scores engagement (see the README, "Quality and intent"). {@code intentWeights} says how
 * much each event type says about buying; the thresholds say when an actor behaves like a bot.
 */
@Schema(example = "{\"intentWeights\":{\"IMPRESSION\":0,\"VIEW\":0.5,\"LIKE\":1,\"FOLLOW\":2,\"MENTION\":2,"
        + "\"COMMENT\":3,\"SHARE\":6,\"SAVE\":6,\"CLICK\":8,\"DM\":10},\"burstPerMinute\":20,\"onlyLikesMin\":20,"
        + "\"identicalCommentActors\":5}")
public record ScoringSettings(
        @Schema(description = "Weight per event type, 0..100; IMPRESSION is never scored") Map<EventType, Double> intentWeights,
        @Schema(description = "Engagements by one actor within one minute, across all posts, that mark a bot")
        int burstPerMinute,
        @Schema(description = "Likes after which an actor that has never done anything but like is suspicious")
        int onlyLikesMin,
        @Schema(description = "Distinct actors posting the same comment text that make it a bot comment")
        int identicalCommentActors) {

    public static final ScoringSettings DEFAULTS = new ScoringSettings(defaultWeights(), 20, 20, 5);

    public double weight(EventType type) {
        return type == EventType.IMPRESSION ? 0 : intentWeights.getOrDefault(type, 0.0);
    }

    /** The highest weight: an event of that type alone is an intent score of 100. */
    public double maxWeight() {
        return intentWeights.entrySet().stream().filter(e -> e.getKey() != EventType.IMPRESSION)
                .mapToDouble(Map.Entry::getValue).max().orElse(0);
    }

    private static Map<EventType, Double> defaultWeights() {
        Map<EventType, Double> weights = new EnumMap<>(EventType.class);
        weights.put(EventType.IMPRESSION, 0.0);
        weights.put(EventType.VIEW, 0.5);
        weights.put(EventType.LIKE, 1.0);
        weights.put(EventType.FOLLOW, 2.0);
        weights.put(EventType.MENTION, 2.0);
        weights.put(EventType.COMMENT, 3.0);
        weights.put(EventType.SHARE, 6.0);
        weights.put(EventType.SAVE, 6.0);
        weights.put(EventType.CLICK, 8.0);
        weights.put(EventType.DM, 10.0);
        return Collections.unmodifiableMap(weights);
    }
}
