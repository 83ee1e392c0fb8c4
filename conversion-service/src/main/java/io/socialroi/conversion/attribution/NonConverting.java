package io.socialroi.conversion.attribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The non-converting journeys DATA_DRIVEN learns from, built the same way from memory ({@link JourneyView}) and
 * from SQL ({@link AttributionData}): the people (a customer, or a conversion without one) with no conversion in
 * the period whose captured touchpoints include touches of the counted types inside the period. Those are the
 * people who converted after the period (a capture keeps the 90 days before a conversion), the only
 * non-converters the captured snapshots know. A touch captured for several of a person's conversions counts
 * once (same time, type, platform, post, campaign and stage); each person's touches in time order (then by
 * group key) are one journey ending in NULL.
 */
final class NonConverting {

    private record Touch(long at, String type, String platform, String post, String campaign, String stage) {
    }

    private final GroupBy groupBy;
    private final Map<String, Set<Touch>> byPerson = new TreeMap<>();

    NonConverting(GroupBy groupBy) {
        this.groupBy = groupBy;
    }

    void add(String person, long atMicros, String type, String platform, String post, String campaign, String stage) {
        byPerson.computeIfAbsent(person, p -> new LinkedHashSet<>())
                .add(new Touch(atMicros, type, platform, post, campaign, stage));
    }

    private String key(Touch t) {
        String key = switch (groupBy) {
            case POST -> t.post();
            case PLATFORM -> t.platform();
            case CAMPAIGN -> t.campaign();
            case FUNNEL_STAGE -> t.stage();
        };
        return key == null ? GroupBy.NONE : key;
    }

    List<String[]> paths() {
        List<String[]> paths = new ArrayList<>(byPerson.size());
        for (Set<Touch> touches : byPerson.values()) {
            List<Touch> sorted = new ArrayList<>(touches);
            sorted.sort(Comparator.comparingLong(Touch::at).thenComparing(this::key));
            String[] path = new String[sorted.size()];
            for (int i = 0; i < path.length; i++) {
                path[i] = Objects.requireNonNull(key(sorted.get(i)));
            }
            if (path.length > 0) {
                paths.add(path);
            }
        }
        return paths;
    }
}
