package io.socialroi.content.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts to X with the X API v2 "Create Post" endpoint ({@code POST <base-url>/2/tweets}, {@code {"text": ...}}, with
 * {@code "media": {"media_ids": [...]}} when the post has media) and the user access token of the workspace's
 * connected X account (OAuth 2.0 with PKCE, scopes {@code tweet.write} and {@code media.write}; content-service
 * account/). An account connected before {@code media.write} was asked for cannot upload: a media post for it is
 * refused at submit and schedule (account/ScopeNeeds, via {@link PublisherRules}), so it never fails for it here.
 * <p>
 * Media (up to 4 images, or one video or GIF: post/PlatformRules and {@link #check}) are uploaded first with the X API
 * v2 chunked media upload, {@code POST <base-url>/2/media/upload} (docs.x.com/x-api/media/quickstart/media-upload-
 * chunked, the endpoint X documents for a user's OAuth 2.0 token with {@code media.write}; X's newer dedicated
 * {@code /2/media/upload/initialize}, {@code /{id}/append} and {@code /{id}/finalize} take the same fields), each
 * request {@code multipart/form-data}:
 * <ol>
 * <li>each media is fetched from its URL through the outgoing-URL guard, at most
 * {@code suite.publishing.x.max-media-bytes} (default 16 MiB): the suite's HTTP client holds an answer in memory, so
 * a larger file (X itself takes videos up to 512 MB) is FAILED saying so; X's own limits, images 5 MB and GIFs
 * 15 MB, are FAILED before any upload. Its kind is its {@code Content-Type} (else the URL's extension):
 * {@code image/gif} is {@code tweet_gif}, other images {@code tweet_image}, videos {@code tweet_video};</li>
 * <li>{@code command=INIT}, {@code media_type}, {@code total_bytes}, {@code media_category}: 2xx
 * {@code {"data":{"id","media_key","expires_after_secs"}}};</li>
 * <li>{@code command=APPEND}, {@code media_id}, {@code segment_index} (from 0) and the {@code media} part, in segments
 * of {@code suite.publishing.x.chunk-bytes} (default 4 MiB; X takes up to 5 MB): 2xx, no body;</li>
 * <li>{@code command=FINALIZE}, {@code media_id}: 2xx {@code {"data":{"id", "processing_info"?}}}. With
 * {@code processing_info} (videos, GIFs) {@code GET <base-url>/2/media/upload?command=STATUS&media_id=<id>} is asked
 * after {@code check_after_secs} while its {@code state} is {@code pending} or {@code in_progress}, within
 * {@code suite.publishing.x.processing-wait} (default 30 s, and within the lease); {@code succeeded} posts,
 * {@code failed} is FAILED with X's {@code processing_info.error.message}; still processing then is retried (the
 * next attempt uploads again).</li>
 * </ol>
 * Answers, as X documents them: 201 {@code {"data":{"id","text"}}} (the permalink is
 * {@code https://x.com/i/web/status/<id>}); 401 the token is no good (reconnect the account); 403 not allowed, e.g.
 * duplicate content (FAILED with X's {@code detail}); 400 invalid, e.g. media X rejects (FAILED with the problem's
 * {@code detail} and the errors' messages); 429 rate limited (again after {@code Retry-After} when X sends one, else
 * the backoff); 5xx and no answer again with backoff. A media URL that answers 4xx is FAILED naming it (5xx or no
 * answer: retried). X takes no idempotency key: a send whose answer never arrived may have posted; its resend is then
 * refused as duplicate content (403) and the post FAILED with that reason, though it is on X.
 */
@ApplicationScoped
public class XPublisher implements AccountPublisher {

    /** X's largest image and GIF (docs.x.com media best practices); videos are bounded by max-media-bytes. */
    static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;
    static final int MAX_GIF_BYTES = 15 * 1024 * 1024;

    private final OutboundHttp http;
    private final ObjectMapper mapper;
    private final PublishingConfig config;
    private final Duration timeout;

    public XPublisher(OutboundHttp http, ObjectMapper mapper, PublishingConfig config,
            @ConfigProperty(name = "suite.delivery.timeout", defaultValue = "PT10S") Duration timeout) {
        this.http = http;
        this.mapper = mapper;
        this.config = config;
        this.timeout = timeout;
    }

    @Override
    public PublisherType type() {
        return PublisherType.X_API;
    }

    /**
     * What X cannot take beyond post/PlatformRules (which limits X to 4 media, a video alone): a GIF, which
     * MediaKind counts as an image, must be alone too.
     */
    @Override
    public List<FieldError> check(Post post, Publisher publisher) {
        List<String> media = post.mediaUrls == null ? List.of() : post.mediaUrls;
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < media.size() && media.size() > 1; i++) {
            if (gif(media.get(i))) {
                errors.add(new FieldError("mediaUrls[" + i + "]", "is a GIF: X takes one GIF alone, without other "
                        + "media"));
            }
        }
        return errors;
    }

    private static boolean gif(String url) {
        try {
            String path = java.net.URI.create(url).getPath();
            return path != null && path.toLowerCase(Locale.ROOT).endsWith(".gif");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public PublishResult publish(AccountPost post) {
        Instant deadline = Instant.now().plus(config.lease().minusSeconds(10));
        List<String> ids = new ArrayList<>();
        for (String url : post.mediaOrEmpty()) {
            Uploaded uploaded = upload(post.accessToken(), url, deadline);
            if (uploaded.result() != null) {
                return uploaded.result();
            }
            ids.add(uploaded.mediaId());
        }
        return publish(post.accessToken(), post.text(), ids);
    }

    /** The post itself, with the uploaded media's ids (none: text and links only). */
    private PublishResult publish(String accessToken, String text, List<String> mediaIds) {
        ObjectNode body = mapper.createObjectNode().put("text", text == null ? "" : text);
        if (mediaIds != null && !mediaIds.isEmpty()) {
            ArrayNode ids = body.putObject("media").putArray("media_ids");
            mediaIds.forEach(ids::add);
        }
        OutboundHttp.Exchange answer;
        try {
            answer = http.call(HttpMethod.POST, base() + "/2/tweets", Map.of("Content-Type", "application/json",
                    "Authorization", "Bearer " + accessToken, "User-Agent", "social-roi-suite"),
                    mapper.writeValueAsBytes(body), timeout);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return outcome(answer);
    }

    /** A media uploaded (X's media id), or what to answer instead. */
    private record Uploaded(String mediaId, PublishResult result) {

        static Uploaded instead(PublishResult result) {
            return new Uploaded(null, result);
        }
    }

    /** One media: fetched (bounded), then INIT, APPEND in segments, FINALIZE and, while X processes it, STATUS. */
    private Uploaded upload(String token, String url, Instant deadline) {
        int max = config.x().maxMediaBytes();
        OutboundHttp.Response media = http.exchange(HttpMethod.GET, url, Map.of("User-Agent", "social-roi-suite"),
                null, within(deadline, config.x().transferTimeout()), max);
        if (!media.answered() || media.status() / 100 != 2) {
            String reason = "the media " + url + " could not be fetched (" + (media.answered() ? "HTTP "
                    + media.status() : media.failure()) + ")";
            return Uploaded.instead(media.answered() && media.status() / 100 == 4 ? PublishResult.failed(reason)
                    : PublishResult.retry(reason, null));
        }
        if (media.truncated()) {
            return Uploaded.instead(PublishResult.failed("the media " + url + " is larger than the " + max
                    + " bytes the X publisher uploads (suite.publishing.x.max-media-bytes; X takes videos up to "
                    + "512 MB)"));
        }
        String type = mediaType(media.header("Content-Type"), url);
        if (type == null) {
            return Uploaded.instead(PublishResult.failed("the media " + url + " is neither an image nor a video "
                    + "(Content-Type " + media.header("Content-Type") + "): X takes images, GIFs and videos"));
        }
        String category = type.equals("image/gif") ? "tweet_gif" : type.startsWith("image/") ? "tweet_image"
                : "tweet_video";
        byte[] bytes = media.body();
        int limit = category.equals("tweet_image") ? MAX_IMAGE_BYTES : category.equals("tweet_gif") ? MAX_GIF_BYTES
                : Integer.MAX_VALUE;
        if (bytes.length > limit) {
            return Uploaded.instead(PublishResult.failed("the media " + url + " is " + bytes.length + " bytes: X takes "
                    + (category.equals("tweet_gif") ? "GIFs" : "images") + " up to " + limit + " bytes"));
        }

        OutboundHttp.Response init = command(token, new MultipartForm().field("command", "INIT")
                .field("media_type", type).field("total_bytes", String.valueOf(bytes.length))
                .field("media_category", category), deadline);
        if (!init.answered() || init.status() / 100 != 2) {
            return Uploaded.instead(mediaOutcome(init, url));
        }
        String id = Texts.json(mapper, init.text()).path("data").path("id").asText("");
        if (id.isEmpty()) {
            return Uploaded.instead(PublishResult.retry("X started no media upload for " + url + " (no id)", null));
        }
        int chunk = Math.max(1, config.x().chunkBytes());
        for (int offset = 0, segment = 0; offset < bytes.length; offset += chunk, segment++) {
            OutboundHttp.Response append = command(token, new MultipartForm().field("command", "APPEND")
                    .field("media_id", id).field("segment_index", String.valueOf(segment))
                    .file("media", "segment-" + segment, bytes, offset, Math.min(chunk, bytes.length - offset)),
                    deadline);
            if (!append.answered() || append.status() / 100 != 2) {
                return Uploaded.instead(mediaOutcome(append, url));
            }
        }
        OutboundHttp.Response finalized = command(token, new MultipartForm().field("command", "FINALIZE")
                .field("media_id", id), deadline);
        if (!finalized.answered() || finalized.status() / 100 != 2) {
            return Uploaded.instead(mediaOutcome(finalized, url));
        }
        return processed(token, id, url, Texts.json(mapper, finalized.text()).path("data").path("processing_info"),
                deadline);
    }

    /** Waits, with STATUS, until X has processed the media (no processing_info: ready at once). */
    private Uploaded processed(String token, String id, String url, JsonNode processing, Instant deadline) {
        Instant until = Instant.now().plus(config.x().processingWait());
        if (until.isAfter(deadline)) {
            until = deadline;
        }
        while (!processing.isMissingNode() && !processing.isNull()) {
            String state = processing.path("state").asText("");
            if (state.equals("succeeded")) {
                break;
            }
            if (state.equals("failed")) {
                JsonNode error = processing.path("error");
                String reason = Texts.shorten(error.path("message").asText(error.path("name").asText("")));
                return Uploaded.instead(PublishResult.failed("X could not process the media " + url
                        + (reason.isEmpty() ? "" : " (" + reason + ")")));
            }
            Duration pause = Duration.ofSeconds(Math.max(0, processing.path("check_after_secs").asLong(1)));
            if (Instant.now().plus(pause).isAfter(until)) {
                return Uploaded.instead(PublishResult.retry("X was still processing the media " + url + " (" + state
                        + ")", null));
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Uploaded.instead(PublishResult.retry("interrupted while X processed the media " + url, null));
            }
            OutboundHttp.Response status = http.exchange(HttpMethod.GET, base() + "/2/media/upload?command=STATUS"
                    + "&media_id=" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8),
                    Map.of("Authorization", "Bearer " + token, "User-Agent", "social-roi-suite"), null,
                    within(deadline, timeout), OutboundHttp.MAX_BODY);
            if (!status.answered() || status.status() / 100 != 2) {
                return Uploaded.instead(mediaOutcome(status, url));
            }
            processing = Texts.json(mapper, status.text()).path("data").path("processing_info");
        }
        return new Uploaded(id, null);
    }

    private OutboundHttp.Response command(String token, MultipartForm form, Instant deadline) {
        return http.exchange(HttpMethod.POST, base() + "/2/media/upload", Map.of("Authorization", "Bearer " + token,
                "Content-Type", form.contentType(), "User-Agent", "social-roi-suite"), form.body(),
                within(deadline, config.x().transferTimeout()), OutboundHttp.MAX_BODY);
    }

    /** The media's MIME type from its Content-Type, else from its URL's extension; null when neither says. */
    static String mediaType(String contentType, String url) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (type.startsWith("image/") || type.startsWith("video/")) {
            return type;
        }
        if (gif(url)) {
            return "image/gif";
        }
        return switch (MediaKind.of(url)) {
            case IMAGE -> url.toLowerCase(Locale.ROOT).matches(".*\\.png(\\?.*)?$") ? "image/png" : "image/jpeg";
            case VIDEO -> "video/mp4";
            case UNKNOWN -> null;
        };
    }

    /** An upload step's answer that is not a success, as {@link #outcome} with the media named when X refuses it. */
    private PublishResult mediaOutcome(OutboundHttp.Response answer, String url) {
        PublishResult result = outcome(new OutboundHttp.Exchange(answer.status(), answer.failure(),
                answer.header("Retry-After"), answer.body() == null ? null : answer.text()));
        if (answer.answered() && answer.status() / 100 == 4 && answer.status() != 401 && answer.status() != 429) {
            JsonNode json = Texts.json(mapper, answer.text());
            return PublishResult.failed("X rejected the media " + url + " (HTTP " + answer.status()
                    + (reason(json).isEmpty() ? "" : ": " + reason(json)) + ")");
        }
        return result;
    }

    private String base() {
        return config.x().baseUrl().replaceAll("/+$", "");
    }

    private static Duration within(Instant deadline, Duration timeout) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.compareTo(timeout) < 0 ? (left.isNegative() ? Duration.ofSeconds(1) : left) : timeout;
    }

    private PublishResult outcome(OutboundHttp.Exchange answer) {
        if (!answer.answered()) {
            return PublishResult.retry("X: " + answer.failure(), null);
        }
        int status = answer.status();
        JsonNode json = Texts.json(mapper, answer.body());
        if (status / 100 == 2) {
            String id = json.path("data").path("id").asText("");
            return id.isEmpty() ? PublishResult.failed("X answered without the post's id")
                    : PublishResult.published(id, "https://x.com/i/web/status/" + id);
        }
        String said = "HTTP " + status + (reason(json).isEmpty() ? "" : ": " + reason(json));
        if (status == 401) {
            return PublishResult.reconnect("X refused the account's token (" + said + ")");
        }
        if (status == 429) {
            Duration after = answer.retryAfter() != null && answer.retryAfter().trim().matches("\\d{1,6}")
                    ? Duration.ofSeconds(Long.parseLong(answer.retryAfter().trim())) : null;
            return PublishResult.retry("X rate limit (" + said + ")", after);
        }
        if (status / 100 == 4) {
            return PublishResult.failed("X refused the post (" + said + ")");
        }
        return PublishResult.retry("X answered " + said, null);
    }

    /** X's problem detail, and the messages of its {@code errors}, shortened. */
    private static String reason(JsonNode json) {
        StringBuilder reason = new StringBuilder(json.path("detail").asText(""));
        for (JsonNode error : json.path("errors")) {
            String message = error.path("message").asText("");
            if (!message.isEmpty() && reason.indexOf(message) < 0) {
                reason.append(reason.isEmpty() ? "" : "; ").append(message);
            }
        }
        return Texts.shorten(reason.toString());
    }
}
