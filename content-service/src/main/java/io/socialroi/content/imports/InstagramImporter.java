package io.socialroi.content.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialroi.content.post.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an Instagram media back with the Instagram Graph API (v21.0, the professional account's media, the
 * connected account's token):
 * <ul>
 * <li>{@code GET /{media-id}/comments?fields=id,text,timestamp,from}: each a COMMENT
 * ({@code instagram:comment:<comment id>}, actor {@code instagram:<from.id>}, Instagram's time and text);</li>
 * <li>{@code GET /{media-id}?fields=like_count,comments_count} and
 * {@code /{media-id}/insights?metric=reach,saved,shares,views}: Instagram shows no likers, so likes, like reach,
 * saves, shares and views, are counts without actors, kept as the post's metrics (insights need
 * {@code instagram_manage_insights}; without it they are left out).</li>
 * </ul>
 */
@ApplicationScoped
public class InstagramImporter implements EngagementImporter {

    private final GraphReads graph;

    public InstagramImporter(GraphReads graph) {
        this.graph = graph;
    }

    @Override
    public Platform platform() {
        return Platform.INSTAGRAM;
    }

    @Override
    public Imported read(String remoteId, String accessToken, String instagramAccountId) {
        String media = PlatformReads.q(remoteId);
        List<ImportedEvent> events = new ArrayList<>();
        for (JsonNode c : graph.edge("Instagram", media + "/comments?limit=50", "id,text,timestamp,from", accessToken,
                false)) {
            String from = c.path("from").path("id").asText("");
            if (!from.isEmpty() && !from.equals(instagramAccountId) && c.hasNonNull("timestamp")) {
                events.add(new ImportedEvent("instagram:comment:" + c.path("id").asText(), "COMMENT",
                        "instagram:" + from, FacebookImporter.time(c.path("timestamp").asText()),
                        c.path("text").asText(null)));
            }
        }
        Map<String, Long> metrics = new LinkedHashMap<>();
        JsonNode counts = graph.get("Instagram", media, "like_count,comments_count", accessToken, true);
        if (counts != null) {
            FacebookImporter.put(metrics, "likes", counts.path("like_count"));
            FacebookImporter.put(metrics, "comments", counts.path("comments_count"));
        }
        GraphReads.insights(graph.get("Instagram", media + "/insights?metric=reach,saved,shares,views", null,
                accessToken, true), metrics, Map.of("reach", "reach", "saved", "saves", "shares", "shares",
                        "views", "views"));
        return new Imported(events, metrics);
    }
}
