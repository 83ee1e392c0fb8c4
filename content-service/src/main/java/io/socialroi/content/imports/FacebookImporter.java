package io.socialroi.content.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialroi.content.post.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Facebook Page post back with the Graph API v21.0. The connected account's user token gives the Page
 * token ({@code GET /{page-id}?fields=access_token}, the publisher's {@code pageId}); with it:
 * <ul>
 * <li>{@code GET /{post-id}/comments?filter=stream&fields=id,from,message,created_time}: each comment with its
 * author is a COMMENT ({@code facebook:comment:<comment id>}, actor {@code facebook:<from.id>}); Graph leaves
 * {@code from} out where the commenter's privacy says so, and such comments stay in the count only;</li>
 * <li>{@code GET /{post-id}/reactions?fields=id,type}: each a LIKE ({@code facebook:reaction:<post>:<user>}; Graph
 * gives no time, so the first import's);</li>
 * <li>{@code GET /{post-id}?fields=shares,reactions.summary(total_count).limit(0),comments.summary(total_count)
 * .limit(0)} and {@code /{post-id}/insights?metric=post_impressions,post_impressions_unique}: counts without
 * actors (shares, reactions, comments, impressions, reach), kept as the post's metrics (insights need
 * {@code read_insights}; without it they are left out).</li>
 * </ul>
 */
@ApplicationScoped
public class FacebookImporter implements EngagementImporter {

    static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private final GraphReads graph;

    public FacebookImporter(GraphReads graph) {
        this.graph = graph;
    }

    @Override
    public Platform platform() {
        return Platform.FACEBOOK;
    }

    @Override
    public Imported read(String remoteId, String accessToken, String pageId) {
        String pageToken = accessToken;
        if (pageId != null) {
            JsonNode page = graph.get("Facebook", PlatformReads.q(pageId), "access_token", accessToken, false);
            pageToken = page.path("access_token").asText(accessToken);
        }
        String post = PlatformReads.q(remoteId);
        List<ImportedEvent> events = new ArrayList<>();
        for (JsonNode c : graph.edge("Facebook", post + "/comments?filter=stream&limit=100",
                "id,from,message,created_time", pageToken, false)) {
            String from = c.path("from").path("id").asText("");
            if (!from.isEmpty() && !from.equals(pageId) && c.hasNonNull("created_time")) {
                events.add(new ImportedEvent("facebook:comment:" + c.path("id").asText(), "COMMENT",
                        "facebook:" + from, time(c.path("created_time").asText()), c.path("message").asText(null)));
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (JsonNode r : graph.edge("Facebook", post + "/reactions?limit=100", "id,type", pageToken, true)) {
            String id = r.path("id").asText("");
            if (!id.isEmpty()) {
                events.add(new ImportedEvent("facebook:reaction:" + remoteId + ":" + id, "LIKE", "facebook:" + id, now,
                        null));
            }
        }
        Map<String, Long> metrics = new LinkedHashMap<>();
        JsonNode counts = graph.get("Facebook", post, "shares,reactions.summary(total_count).limit(0),"
                + "comments.summary(total_count).limit(0)", pageToken, true);
        if (counts != null) {
            put(metrics, "shares", counts.path("shares").path("count"));
            put(metrics, "reactions", counts.path("reactions").path("summary").path("total_count"));
            put(metrics, "comments", counts.path("comments").path("summary").path("total_count"));
        }
        GraphReads.insights(graph.get("Facebook", post + "/insights?metric=post_impressions,post_impressions_unique",
                null, pageToken, true), metrics, Map.of("post_impressions", "impressions",
                        "post_impressions_unique", "reach"));
        return new Imported(events, metrics);
    }

    static Instant time(String graphTime) {
        return OffsetDateTime.parse(graphTime, GRAPH_TIME).toInstant();
    }

    static void put(Map<String, Long> metrics, String name, JsonNode value) {
        if (value.isNumber()) {
            metrics.put(name, value.asLong());
        }
    }
}
