package io.socialroi.conversion.touchpoint;

import java.util.List;

/**
 * engagement-service's answer to a journey search: identical paths aggregated ({@code path}: group keys in time
 * order, null for a touch without one), the actors (journeys) in all, and whether the rarest paths were left out.
 */
public record JourneyPaths(List<Item> items, long actors, long paths, boolean truncated, long omittedJourneys) {

    public record Item(List<String> path, long journeys) {
    }
}
