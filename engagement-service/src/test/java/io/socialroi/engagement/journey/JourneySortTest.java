package io.socialroi.engagement.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The search's order of paths (journeys descending, then step by step in code point order, null first, a prefix
 * first), as {@link JourneyQuery#sorted} computes it from ranks, against the plain comparison of the strings.
 */
class JourneySortTest {

    @Test
    void ranksGiveTheOrderOfTheStrings() {
        // Keys whose UTF-16 order differs from their code point order (a supplementary character against U+FFFD),
        // prefixes of each other, and null (no group key).
        String[] keys = {"INSTAGRAM", "INSTA", "TIKTOK", "\uFFFD", "\uD83D\uDE00", "a", "A", "", null,
            "00000000-0000-0000-0000-000000000001", "0000"};
        Random random = new Random(15);
        Map<List<String>, Long> byPath = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            int length = 1 + random.nextInt(6);
            List<String> path = new ArrayList<>();
            for (int s = 0; s < length; s++) {
                path.add(keys[random.nextInt(keys.length)]);
            }
            byPath.merge(java.util.Collections.unmodifiableList(path), 1L + random.nextInt(3), Long::sum);
        }
        List<JourneyPaths.Item> expected = new ArrayList<>();
        byPath.forEach((path, n) -> expected.add(new JourneyPaths.Item(path, n)));
        expected.sort(Comparator.comparingLong(JourneyPaths.Item::journeys).reversed()
                .thenComparing(JourneyPaths.Item::path, JourneyQuery::comparePaths));
        List<JourneyPaths.Item> actual = JourneyQuery.sorted(byPath);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "item " + i);
        }
        // The supplementary character comes after U+FFFD in code point order (String.compareTo says before).
        assertEquals(-1, Integer.signum(JourneyQuery.comparePaths(Arrays.asList("\uFFFD"),
                Arrays.asList("\uD83D\uDE00"))));
    }
}
