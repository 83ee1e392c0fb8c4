package io.socialroi.content.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialroi.common.net.OutboundHttp;
import io.socialroi.common.problem.FieldError;
import io.socialroi.content.post.MediaKind;
import io.socialroi.content.post.Post;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts a video to TikTok with the Content Posting API v2, direct post ({@code <base-url>}
 * {@code https://open.tiktokapis.com}), and the connected TikTok account's token ({@code video.publish}):
 * <ol>
 * <li>{@code POST /v2/post/publish/creator_info/query/}: the creator's {@code privacy_level_options} and username.
 * The post goes out {@code PUBLIC_TO_EVERYONE} when offered, else {@code SELF_ONLY} when offered, else the first
 * option (TikTok restricts an unaudited app to private posts: the creator then sees it, the public does not).</li>
 * <li>{@code POST /v2/post/publish/video/init/} {@code {"post_info":{"title": <the post's text>, "privacy_level",
 * ...}, "source_info":{"source":"PULL_FROM_URL","video_url": <the post's video>}}}: TikTok fetches the video
 * itself, and only from a URL prefix or domain the app verified with TikTok (else {@code url_ownership_unverified},
 * FAILED); answers the {@code publish_id}.</li>
 * <li>{@code POST /v2/post/publish/status/fetch/} {@code {"publish_id"}} every {@code status-poll} until
 * {@code PUBLISH_COMPLETE} (published; {@code publicaly_available_post_id}, TikTok's spelling, gives the video's id
 * and {@code https://www.tiktok.com/@<username>/video/<id>}; a private post has none, then the publish id is kept
 * without a link) or {@code FAILED} ({@code fail_reason}). Past {@code status-wait} the attempt ends and the next one
 * asks about the same {@code publish_id} (kept on the post), never posting it twice.</li>
 * </ol>
 * A post whose media are all images is a photo post instead: {@code POST /v2/post/publish/content/init/}
 * {@code {"post_info":{"title": <the caption's first line, 90 characters>, "description": <the text>,
 * "privacy_level", "auto_add_music": true}, "source_info":{"source":"PULL_FROM_URL", "photo_images": [...],
 * "photo_cover_index": 0}, "post_mode":"DIRECT_POST", "media_type":"PHOTO"}}, polled the same way (its link
 * {@code https://www.tiktok.com/@<username>/photo/<id>}).
 * Errors, as TikTok documents them ({@code {"error":{"code","message","log_id"}}}, {@code code} "ok" when fine):
 * {@code access_token_invalid} or {@code scope_not_authorized} (reconnect the account); {@code rate_limit_exceeded}
 * (again after a minute: TikTok's limits are per minute and token); {@code spam_risk_*},
 * {@code privacy_level_option_mismatch}, {@code url_ownership_unverified}, {@code invalid_params} and the other
 * refusals FAILED with TikTok's message; 5xx and no answer again with backoff. A post with no media, or with several
 * that are not all images, is refused when it is submitted or scheduled.
 */
@ApplicationScoped
public class TikTokPublisher implements AccountPublisher {

    private static final Set<String> RECONNECT = Set.of("access_token_invalid", "scope_not_authorized",
            "scope_permission_missed");

    private final OutboundHttp http;
    private final ObjectMapper mapper;
    private final PublishingConfig config;
    private final Duration timeout;

    public TikTokPublisher(OutboundHttp http, ObjectMapper mapper, PublishingConfig config,
            @ConfigProperty(name = "suite.delivery.timeout", defaultValue = "PT10S") Duration timeout) {
        this.http = http;
        this.mapper = mapper;
        this.config = config;
        this.timeout = timeout;
    }

    @Override
    public PublisherType type() {
        return PublisherType.TIKTOK_API;
    }

    @Override
    public List<FieldError> check(Post post, Publisher publisher) {
        List<String> media = post.mediaUrls == null ? List.of() : post.mediaUrls;
        if (media.isEmpty()) {
            return List.of(new FieldError("mediaUrls", "the TikTok publisher (TIKTOK_API) posts one video, or photos"));
        }
        if (media.size() > 1 && !photos(media)) {
            return List.of(new FieldError("mediaUrls", "the TikTok publisher (TIKTOK_API) posts one video, or photos "
                    + "only: not " + media.size() + " media of several kinds"));
        }
        return List.of();
    }

    /** A photo post: every media URL an image by its extension (TikTok documents JPEG and WebP photos). */
    static boolean photos(List<String> media) {
        return !media.isEmpty() && media.stream().allMatch(url -> MediaKind.of(url) == MediaKind.IMAGE);
    }

    /** One call's outcome: the answer's {@code data}, or what to do instead ({@code result} set). */
    private record Called(JsonNode data, PublishResult result) {
    }

    @Override
    public PublishResult publish(AccountPost post) {
        Instant deadline = Instant.now().plus(min(config.tiktok().statusWait(), config.lease().minusSeconds(20)));
        String pending = post.pendingId();
        Called creator = call("/v2/post/publish/creator_info/query/", post.accessToken(), null, pending);
        if (creator.result() != null) {
            return creator.result();
        }
        String username = creator.data().path("creator_username").asText("");
        String publishId = pending;
        if (publishId == null) {
            if (post.mediaOrEmpty().isEmpty() || (post.mediaOrEmpty().size() > 1 && !photos(post.mediaOrEmpty()))) {
                return PublishResult.failed("TikTok needs one video, or photos");
            }
            String privacy = privacy(creator.data().path("privacy_level_options"));
            Called init = photos(post.mediaOrEmpty())
                    ? call("/v2/post/publish/content/init/", post.accessToken(), photoPost(post, privacy), null)
                    : call("/v2/post/publish/video/init/", post.accessToken(), videoPost(post, privacy), null);
            if (init.result() != null) {
                return init.result();
            }
            publishId = init.data().path("publish_id").asText("");
            if (publishId.isEmpty()) {
                return PublishResult.failed("TikTok answered without a publish_id");
            }
        }
        return await(post.accessToken(), publishId, username, photos(post.mediaOrEmpty()) ? "photo" : "video",
                deadline);
    }

    /** Direct post of a video TikTok pulls from its URL, captioned with the text. */
    private ObjectNode videoPost(AccountPost post, String privacy) {
        ObjectNode body = mapper.createObjectNode();
        body.putObject("post_info").put("title", post.text() == null ? "" : post.text()).put("privacy_level", privacy)
                .put("disable_duet", false).put("disable_comment", false).put("disable_stitch", false);
        body.putObject("source_info").put("source", "PULL_FROM_URL").put("video_url", post.mediaOrEmpty().get(0));
        return body;
    }

    /**
     * Direct photo post ({@code media_type PHOTO}, {@code post_mode DIRECT_POST}): the photos TikTok pulls, the first
     * the cover; {@code title} the caption's first line (TikTok takes 90 characters), {@code description} the text.
     */
    private ObjectNode photoPost(AccountPost post, String privacy) {
        ObjectNode body = mapper.createObjectNode();
        String text = post.text() == null ? "" : post.text();
        String first = post.caption() == null ? "" : post.caption().strip().lines().findFirst().orElse("").strip();
        body.putObject("post_info").put("title", first.codePointCount(0, first.length()) <= 90 ? first
                : first.substring(0, first.offsetByCodePoints(0, 89)) + "…")
                .put("description", text).put("privacy_level", privacy).put("disable_comment", false)
                .put("auto_add_music", true);
        ObjectNode source = body.putObject("source_info").put("source", "PULL_FROM_URL").put("photo_cover_index", 0);
        post.mediaOrEmpty().forEach(source.putArray("photo_images")::add);
        body.put("post_mode", "DIRECT_POST").put("media_type", "PHOTO");
        return body;
    }

    /** PUBLIC_TO_EVERYONE when the creator may post publicly, else SELF_ONLY, else the first option. */
    static String privacy(JsonNode options) {
        List<String> offered = new ArrayList<>();
        options.forEach(o -> offered.add(o.asText()));
        return offered.contains("PUBLIC_TO_EVERYONE") ? "PUBLIC_TO_EVERYONE"
                : offered.contains("SELF_ONLY") || offered.isEmpty() ? "SELF_ONLY" : offered.get(0);
    }

    private PublishResult await(String token, String publishId, String username, String kind, Instant deadline) {
        ObjectNode body = mapper.createObjectNode().put("publish_id", publishId);
        while (true) {
            Called status = call("/v2/post/publish/status/fetch/", token, body, publishId);
            if (status.result() != null) {
                return status.result();
            }
            String state = status.data().path("status").asText("");
            if ("PUBLISH_COMPLETE".equals(state)) {
                String id = status.data().path("publicaly_available_post_id").path(0).asText("");
                return id.isEmpty() ? PublishResult.published(publishId, null)
                        : PublishResult.published(id, username.isEmpty() ? null
                                : "https://www.tiktok.com/@" + username + "/" + kind + "/" + id);
            }
            if ("FAILED".equals(state)) {
                return PublishResult.failed("TikTok could not publish the video (" + Texts.shorten(
                        status.data().path("fail_reason").asText("no reason given")) + ")");
            }
            Duration poll = config.tiktok().statusPoll();
            if (Instant.now().plus(poll).isAfter(deadline)) {
                return PublishResult.pending("TikTok is still processing the video (" + state + ")", null, publishId);
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return PublishResult.pending("interrupted while TikTok processed the video", null, publishId);
            }
        }
    }

    /**
     * One call to TikTok; on anything but {@code "ok"} the result to answer, a pending one when {@code publishId}
     * names a publish TikTok already has (so the next attempt asks about it instead of posting again).
     */
    private Called call(String path, String token, ObjectNode body, String publishId) {
        OutboundHttp.Exchange answer;
        try {
            answer = http.call(HttpMethod.POST, config.tiktok().baseUrl().replaceAll("/+$", "") + path,
                    Map.of("Content-Type", "application/json; charset=UTF-8", "Authorization", "Bearer " + token),
                    body == null ? new byte[0] : mapper.writeValueAsBytes(body), timeout);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (!answer.answered()) {
            return new Called(null, again("TikTok: " + answer.failure(), null, publishId));
        }
        JsonNode json = Texts.json(mapper, answer.body());
        String code = json.path("error").path("code").asText("");
        if (answer.status() == 200 && "ok".equals(code)) {
            return new Called(json.path("data"), null);
        }
        String message = Texts.shorten(json.path("error").path("message").asText(""));
        String said = "HTTP " + answer.status() + (code.isEmpty() ? "" : ", " + code)
                + (message.isEmpty() ? "" : ": " + message);
        if (RECONNECT.contains(code) || answer.status() == 401) {
            return new Called(null, PublishResult.reconnect("TikTok refused the account's token (" + said + ")"));
        }
        if ("rate_limit_exceeded".equals(code) || answer.status() == 429) {
            return new Called(null, again("TikTok rate limit (" + said + ")", Duration.ofMinutes(1), publishId));
        }
        if (answer.status() / 100 == 5 || "internal_error".equals(code)) {
            return new Called(null, again("TikTok answered " + said, null, publishId));
        }
        return new Called(null, PublishResult.failed("TikTok refused the post (" + said + ")"));
    }

    private static PublishResult again(String reason, Duration after, String publishId) {
        return publishId == null ? PublishResult.retry(reason, after) : PublishResult.pending(reason, after, publishId);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
