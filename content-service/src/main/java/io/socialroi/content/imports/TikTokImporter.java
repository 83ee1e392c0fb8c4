package io.socialroi.content.imports;

import static io.socialroi.content.imports.PlatformReads.base;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialroi.content.post.Platform;
import io.socialroi.content.publish.PublishingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a TikTok video back with the Display API v2 and the connected account ({@code video.list}):
 * {@code POST /v2/video/query/?fields=id,view_count,like_count,comment_count,share_count} with
 * {@code {"filters":{"video_ids":[id]}}}. TikTok gives counts without people, so they are kept as the post's metrics
 * only. A post whose TikTok id is still the publish id (TikTok had not made it public when it was published) has no
 * video to ask about yet and reads nothing. {@code error.code} {@code access_token_invalid} is a reconnect; others
 * the failure TikTok gave.
 */
@ApplicationScoped
public class TikTokImporter implements EngagementImporter {

    private static final Map<String, String> NAMES = Map.of("view_count", "views", "like_count", "likes",
            "comment_count", "comments", "share_count", "shares");

    private final PlatformReads reads;
    private final PublishingConfig config;

    public TikTokImporter(PlatformReads reads, PublishingConfig config) {
        this.reads = reads;
        this.config = config;
    }

    @Override
    public Platform platform() {
        return Platform.TIKTOK;
    }

    @Override
    public Imported read(String remoteId, String accessToken, String target) {
        if (!remoteId.matches("\\d{1,30}")) {
            return new Imported(List.of(), Map.of());
        }
        PlatformReads.Answer answer = reads.postJson("TikTok", base(config.tiktok().baseUrl())
                + "/v2/video/query/?fields=id,view_count,like_count,comment_count,share_count",
                Map.of("Authorization", "Bearer " + accessToken), "{\"filters\":{\"video_ids\":[\"" + remoteId + "\"]}}");
        JsonNode error = answer.json().path("error");
        String code = error.path("code").asText("");
        if (!answer.ok() || !(code.isEmpty() || code.equals("ok"))) {
            boolean reconnect = answer.status() == 401 || code.equals("access_token_invalid");
            throw new ImportFailure(PlatformReads.said("TikTok", answer, code + " " + error.path("message").asText(""))
                    + (reconnect ? ": reconnect the account" : ""), reconnect);
        }
        Map<String, Long> metrics = new LinkedHashMap<>();
        JsonNode video = answer.json().path("data").path("videos").path(0);
        NAMES.forEach((field, name) -> {
            if (video.path(field).isNumber()) {
                metrics.put(name, video.path(field).asLong());
            }
        });
        return new Imported(List.of(), new java.util.TreeMap<>(metrics));
    }
}
