package io.socialroi.content.imports;

import static io.socialroi.content.imports.PlatformReads.base;
import static io.socialroi.content.imports.PlatformReads.q;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialroi.content.post.Platform;
import io.socialroi.content.publish.PublishingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Reddit post back with its OAuth API: {@code GET /comments/{article}?raw_json=1&limit=500&depth=10} with
 * the connected account ({@code read} scope) answers a listing of the post (its {@code score},
 * {@code num_comments} and {@code upvote_ratio}: counts without actors, kept as the post's metrics) and a listing
 * of its comment tree. Every comment in that tree (replies included, as deep as Reddit sent them) is a COMMENT
 * ({@code reddit:comment:<comment id>}, actor {@code reddit:<author_fullname>}, Reddit's {@code created_utc} and
 * {@code body}); deleted authors and "load more" stubs are skipped. Reddit shows no voters, so votes stay a count.
 * 401 is a reconnect; 403/404 (removed, private) and others are the failure Reddit gave.
 */
@ApplicationScoped
public class RedditImporter implements EngagementImporter {

    private final PlatformReads reads;
    private final PublishingConfig config;

    public RedditImporter(PlatformReads reads, PublishingConfig config) {
        this.reads = reads;
        this.config = config;
    }

    @Override
    public Platform platform() {
        return Platform.REDDIT;
    }

    @Override
    public Imported read(String remoteId, String accessToken, String target) {
        String article = remoteId.startsWith("t3_") ? remoteId.substring(3) : remoteId;
        PlatformReads.Answer answer = reads.get("Reddit", base(config.reddit().baseUrl()) + "/comments/" + q(article)
                + "?raw_json=1&limit=500&depth=10", Map.of("Authorization", "bearer " + accessToken,
                        "User-Agent", "web:social-roi-suite:1.0 (agency publishing)"));
        if (!answer.ok()) {
            String message = answer.json().path("message").asText("");
            throw new ImportFailure(PlatformReads.said("Reddit", answer, message)
                    + (answer.status() == 401 ? ": reconnect the account" : ""), answer.status() == 401);
        }
        JsonNode post = answer.json().path(0).path("data").path("children").path(0).path("data");
        Map<String, Long> metrics = new LinkedHashMap<>();
        if (post.path("score").isNumber()) {
            metrics.put("score", post.path("score").asLong());
        }
        if (post.path("num_comments").isNumber()) {
            metrics.put("comments", post.path("num_comments").asLong());
        }
        if (post.path("upvote_ratio").isNumber()) {
            metrics.put("upvotePercent", Math.round(post.path("upvote_ratio").asDouble() * 100));
        }
        List<ImportedEvent> events = new ArrayList<>();
        Deque<JsonNode> listings = new ArrayDeque<>();
        listings.add(answer.json().path(1));
        while (!listings.isEmpty()) {
            for (JsonNode child : listings.pop().path("data").path("children")) {
                if (!"t1".equals(child.path("kind").asText())) {
                    continue;
                }
                JsonNode c = child.path("data");
                String author = c.path("author_fullname").asText("");
                String id = c.path("id").asText("");
                if (!id.isEmpty() && !author.isEmpty() && c.path("created_utc").isNumber()) {
                    events.add(new ImportedEvent("reddit:comment:" + id, "COMMENT", "reddit:" + author,
                            Instant.ofEpochSecond(c.path("created_utc").asLong()), c.path("body").asText(null)));
                }
                if (c.path("replies").isObject()) {
                    listings.add(c.path("replies"));
                }
            }
        }
        return new Imported(events, metrics);
    }
}
