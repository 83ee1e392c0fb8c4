package io.socialroi.engagement.journey;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of a journey search: identical paths aggregated, by journeys (descending) then path (step by step in
 * code point order, a prefix first), so it depends on the data only.
 */
@Schema(name = "JourneyPaths")
public record JourneyPaths(List<Item> items,
        @Schema(description = "Actors with at least one counted touch in the period (not excluded, not flagged): "
                + "the journeys") long actors,
        @Schema(description = "Distinct paths") long paths,
        @Schema(description = "True when there were more than 100,000 distinct paths: the rarest are left out")
        boolean truncated,
        @Schema(description = "Journeys of the paths left out (0 unless truncated)") long omittedJourneys) {

    /** One path and how many actors took it. */
    @Schema(name = "JourneyPath")
    public record Item(@Schema(description = "Group keys in time order (null: the touch has none, e.g. no campaign)")
            List<String> path, long journeys) {
    }
}
