package io.socialroi.content.imports;

import static io.socialroi.content.imports.PlatformReads.base;
import static io.socialroi.content.imports.PlatformReads.q;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialroi.content.post.Platform;
import io.socialroi.content.publish.PublishingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YouTube video back with the YouTube Data API v3 and the connected Google account
 * ({@code youtube.readonly}): {@code GET /youtube/v3/videos?part=statistics&id=} gives the counts YouTube shows
 * without people (views, likes, comments, kept as the post's metrics), and
 * {@code GET /youtube/v3/commentThreads?part=snippet&videoId=&textFormat=plainText} the top-level comments, each a
 * COMMENT ({@code youtube:comment:<thread id>}, actor {@code youtube:<authorChannelId>}, YouTube's
 * {@code publishedAt} and {@code textOriginal}), pages followed with {@code pageToken} (at most
 * {@link XImporter#PAGES}). Comments turned off (403 {@code commentsDisabled}) leave the counts; 401 is a reconnect;
 * Google's other errors ({@code {"error":{"code","message","errors":[{"reason"}]}}}) the failure it gave.
 */
@ApplicationScoped
public class YouTubeImporter implements EngagementImporter {

    private final PlatformReads reads;
    private final PublishingConfig config;

    public YouTubeImporter(PlatformReads reads, PublishingConfig config) {
        this.reads = reads;
        this.config = config;
    }

    @Override
    public Platform platform() {
        return Platform.YOUTUBE;
    }

    @Override
    public Imported read(String remoteId, String accessToken, String target) {
        String api = base(config.youtube().baseUrl()) + "/youtube/v3/";
        Map<String, String> auth = Map.of("Authorization", "Bearer " + accessToken, "Accept", "application/json");
        PlatformReads.Answer video = check(reads.get("YouTube", api + "videos?part=statistics&id=" + q(remoteId), auth),
                false);
        Map<String, Long> metrics = new LinkedHashMap<>();
        JsonNode stats = video.json().path("items").path(0).path("statistics");
        for (String[] m : new String[][] {{"viewCount", "views"}, {"likeCount", "likes"},
            {"commentCount", "comments"}}) {
            if (stats.path(m[0]).asText("").matches("\\d{1,18}")) {
                metrics.put(m[1], Long.parseLong(stats.path(m[0]).asText()));
            }
        }
        List<ImportedEvent> events = new ArrayList<>();
        String next = null;
        for (int page = 0; page < XImporter.PAGES; page++) {
            PlatformReads.Answer threads = check(reads.get("YouTube", api + "commentThreads?part=snippet&maxResults=100"
                    + "&textFormat=plainText&videoId=" + q(remoteId) + (next == null ? "" : "&pageToken=" + q(next)),
                    auth), true);
            if (threads == null) {
                break;
            }
            for (JsonNode thread : threads.json().path("items")) {
                JsonNode c = thread.path("snippet").path("topLevelComment").path("snippet");
                String author = c.path("authorChannelId").path("value").asText("");
                if (!author.isEmpty() && c.hasNonNull("publishedAt")) {
                    events.add(new ImportedEvent("youtube:comment:" + thread.path("id").asText(), "COMMENT",
                            "youtube:" + author, Instant.parse(c.path("publishedAt").asText()),
                            c.path("textOriginal").asText(c.path("textDisplay").asText(null))));
                }
            }
            next = threads.json().path("nextPageToken").asText(null);
            if (next == null) {
                break;
            }
        }
        return new Imported(events, metrics);
    }

    private static PlatformReads.Answer check(PlatformReads.Answer answer, boolean optional) {
        if (answer.ok()) {
            return answer;
        }
        JsonNode error = answer.json().path("error");
        String reason = error.path("errors").path(0).path("reason").asText("");
        if (answer.status() == 401) {
            throw new ImportFailure(PlatformReads.said("YouTube", answer, error.path("message").asText(""))
                    + ": reconnect the account", true);
        }
        if (optional && answer.status() == 403 && reason.equals("commentsDisabled")) {
            return null;
        }
        throw new ImportFailure(PlatformReads.said("YouTube", answer, error.path("message").asText(reason)), false);
    }
}
