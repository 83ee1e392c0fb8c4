package io.socialroi.content.imports;

import java.util.List;
import java.util.Map;

/**
 * What one read of a published post brought back: engagements with their actors (to engagement-service), and
 * aggregate-only metrics the platform gives as counts without actors (reach, impressions, views, likes on
 * Instagram), kept as such per post ({@link PostMetric}) and never turned into made-up actors.
 */
public record Imported(List<ImportedEvent> events, Map<String, Long> metrics) {
}
