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
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts to LinkedIn with the versioned Posts API ({@code POST <base-url>/rest/posts}, {@code api.linkedin.com},
 * headers {@code Linkedin-Version: <YYYYMM>} ({@code suite.publishing.linkedin.version}) and
 * {@code X-Restli-Protocol-Version: 2.0.0}) and the connected LinkedIn account's token ({@code w_member_social}, or
 * {@code w_organization_social} for a Page): {@code author} (the publisher's author, an organization or the member),
 * {@code commentary} (the post's text in LinkedIn's "little" text format, its reserved characters backslash-escaped,
 * see {@link #little}), {@code visibility PUBLIC}, {@code distribution.feedDistribution MAIN_FEED},
 * {@code lifecycleState PUBLISHED}; without media, and with a tracked link, {@code content.article} with that link as
 * its {@code source} (LinkedIn shows the link's card). Images go through the Images API first: each is fetched from
 * its media URL through the outgoing-URL guard (at most {@code suite.publishing.linkedin.max-image-bytes}, default
 * 10 MiB; a larger one, or media neither an image nor a video, is FAILED),
 * {@code POST /rest/images?action=initializeUpload} {@code {"initializeUploadRequest":{"owner": <author>}}} answers an {@code uploadUrl} and the image's URN, the bytes
 * are {@code PUT} there, and the post carries {@code content.media {"id": <urn>}} (one image) or
 * {@code content.multiImage.images} (two to twenty). A video (a post's only media, {@link
 * io.socialroi.content.post.PlatformRules}) goes through the Videos API: fetched the same way (at most
 * {@code suite.publishing.linkedin.max-video-bytes}, default 64 MiB; larger is FAILED),
 * {@code POST /rest/videos?action=initializeUpload} {@code {"initializeUploadRequest":{"owner", "fileSizeBytes",
 * "uploadCaptions":false, "uploadThumbnail":false}}} answers the video's URN and {@code uploadInstructions}
 * ({@code uploadUrl}, {@code firstByte}, {@code lastByte} of each part), each part's bytes are {@code PUT} to its
 * URL and its {@code ETag} kept, {@code POST /rest/videos?action=finalizeUpload}
 * {@code {"finalizeUploadRequest":{"video", "uploadToken", "uploadedPartIds": [etags in order]}}} completes it, and
 * the post carries {@code content.media {"id": <video urn>}} (LinkedIn shows it once it has processed it). An
 * attempt that fails mid-way starts a new upload the next time; the post itself is only created at the end.
 * Answers, as LinkedIn documents them: 201 with the post's URN in {@code x-restli-id} (the permalink is
 * {@code https://www.linkedin.com/feed/update/<urn>/}); errors {@code {"status","serviceErrorCode","code",
 * "message"}}: 401 the token is no good (reconnect the account); 429 throttled (again after {@code Retry-After} when
 * sent, else the backoff); 400, 403 (e.g. not an administrator of the organization), 422 (e.g. a duplicate post) and
 * other 4xx refused, FAILED with LinkedIn's message; 5xx and no answer again with backoff.
 */
@ApplicationScoped
public class LinkedInPublisher implements AccountPublisher {

    /** An organization (Page) or a member, as LinkedIn's {@code author} takes them. */
    static final Pattern AUTHOR = Pattern.compile("urn:li:organization:\\d{1,20}|urn:li:person:[A-Za-z0-9_-]{1,100}");

    /** The little text format's reserved characters, each escaped with a backslash to be plain text. */
    private static final String RESERVED = "\\|{}@[]()<>#*_~";

    private final OutboundHttp http;
    private final ObjectMapper mapper;
    private final PublishingConfig config;
    private final Duration timeout;

    public LinkedInPublisher(OutboundHttp http, ObjectMapper mapper, PublishingConfig config,
            @ConfigProperty(name = "suite.delivery.timeout", defaultValue = "PT10S") Duration timeout) {
        this.http = http;
        this.mapper = mapper;
        this.config = config;
        this.timeout = timeout;
    }

    @Override
    public PublisherType type() {
        return PublisherType.LINKEDIN_API;
    }

    /**
     * Nothing beyond {@link io.socialroi.content.post.PlatformRules} (3000 characters, up to 20 images, a video
     * alone): images and a video are both uploaded; what a URL really holds is known only once it is fetched.
     */
    @Override
    public List<FieldError> check(Post post, Publisher publisher) {
        return List.of();
    }

    /**
     * The text as plain text in LinkedIn's little text format: every reserved character
     * ({@code \ | { } @ [ ] ( ) < > # * _ ~}) preceded by a backslash, so LinkedIn neither reads it as a mention,
     * hashtag or template nor cuts the commentary at it.
     */
    static String little(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (RESERVED.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    @Override
    public PublishResult publish(AccountPost post) {
        if (post.target() == null) {
            return PublishResult.failed("the LinkedIn publisher has no author: configure it again");
        }
        Instant deadline = Instant.now().plus(config.lease().minusSeconds(10));
        List<String> images = new ArrayList<>();
        String video = null;
        for (String url : post.mediaOrEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                return PublishResult.retry("LinkedIn media uploads did not finish within the attempt", null);
            }
            Uploaded media = upload(post, url, deadline);
            if (media.result() != null) {
                return media.result();
            }
            if (media.urn().startsWith("urn:li:video:")) {
                video = media.urn();
            } else {
                images.add(media.urn());
            }
        }
        if (video != null && post.mediaOrEmpty().size() > 1) {
            return PublishResult.failed("a LinkedIn post with a video has no other media");
        }
        ObjectNode body = mapper.createObjectNode().put("author", post.target())
                .put("commentary", little(post.text() == null ? "" : post.text())).put("visibility", "PUBLIC");
        ObjectNode distribution = body.putObject("distribution").put("feedDistribution", "MAIN_FEED");
        distribution.putArray("targetEntities");
        distribution.putArray("thirdPartyDistributionChannels");
        if (video != null) {
            body.putObject("content").putObject("media").put("id", video);
        } else if (images.size() == 1) {
            body.putObject("content").putObject("media").put("id", images.get(0));
        } else if (images.size() > 1) {
            ArrayNode list = body.putObject("content").putObject("multiImage").putArray("images");
            images.forEach(urn -> list.addObject().put("id", urn));
        } else if (post.link() != null) {
            body.putObject("content").putObject("article").put("source", post.link())
                    .put("title", articleTitle(post.caption(), post.link()));
        }
        body.put("lifecycleState", "PUBLISHED").put("isReshareDisabledByAuthor", false);
        OutboundHttp.Response answer;
        try {
            answer = http.exchange(HttpMethod.POST, config.linkedin().baseUrl().replaceAll("/+$", "") + "/rest/posts",
                    headers(post.accessToken()), mapper.writeValueAsBytes(body), timeout, OutboundHttp.MAX_BODY);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return outcome(answer);
    }

    /** An image uploaded (its URN), or what to answer instead. */
    private record Uploaded(String urn, PublishResult result) {
    }

    /**
     * One media: fetched from its URL (bounded: a URL ending like an image with the image limit, any other with the
     * video limit), then by its Content-Type an image (Images API, within the image limit) or a video
     * ({@link #uploadVideo}).
     */
    private Uploaded upload(AccountPost post, String url, Instant deadline) {
        boolean imageUrl = MediaKind.of(url) == MediaKind.IMAGE;
        int max = imageUrl ? config.linkedin().maxImageBytes() : config.linkedin().maxVideoBytes();
        String what = imageUrl ? "image" : "video";
        OutboundHttp.Response image = http.exchange(HttpMethod.GET, url, Map.of("User-Agent", "social-roi-suite"), null,
                timeout, max);
        if (!image.answered() || image.status() / 100 != 2) {
            String reason = "the " + what + " " + url + " could not be fetched (" + (image.answered() ? "HTTP "
                    + image.status() : image.failure()) + ")";
            return new Uploaded(null, image.answered() && image.status() / 100 == 4 ? PublishResult.failed(reason)
                    : PublishResult.retry(reason, null));
        }
        if (image.truncated()) {
            return new Uploaded(null, PublishResult.failed("the " + what + " " + url + " is larger than the " + max
                    + " bytes the LinkedIn publisher uploads (suite.publishing.linkedin.max-" + what + "-bytes)"));
        }
        String type = image.header("Content-Type");
        if (type != null && type.startsWith("video/")) {
            return uploadVideo(post, url, image.body(), deadline);
        }
        if (type == null || !type.startsWith("image/")) {
            return new Uploaded(null, PublishResult.failed("the media " + url + " is not an image or a video "
                    + "(Content-Type " + type + "): the LinkedIn publisher posts images and videos"));
        }
        if (image.body().length > config.linkedin().maxImageBytes()) {
            return new Uploaded(null, PublishResult.failed("the image " + url + " is larger than the "
                    + config.linkedin().maxImageBytes() + " bytes the LinkedIn publisher uploads "
                    + "(suite.publishing.linkedin.max-image-bytes)"));
        }
        ObjectNode init = mapper.createObjectNode();
        init.putObject("initializeUploadRequest").put("owner", post.target());
        OutboundHttp.Response registered;
        try {
            registered = http.exchange(HttpMethod.POST, config.linkedin().baseUrl().replaceAll("/+$", "")
                    + "/rest/images?action=initializeUpload", headers(post.accessToken()),
                    mapper.writeValueAsBytes(init), timeout, OutboundHttp.MAX_BODY);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (!registered.answered() || registered.status() / 100 != 2) {
            return new Uploaded(null, outcome(registered));
        }
        JsonNode value = Texts.json(mapper, registered.text()).path("value");
        String uploadUrl = value.path("uploadUrl").asText("");
        String urn = value.path("image").asText("");
        if (uploadUrl.isEmpty() || urn.isEmpty()) {
            return new Uploaded(null, PublishResult.retry("LinkedIn gave no upload URL for the image", null));
        }
        OutboundHttp.Response put = http.exchange(HttpMethod.PUT, uploadUrl, Map.of("Authorization", "Bearer "
                + post.accessToken(), "Content-Type", type.split(";")[0].trim()), image.body(), timeout,
                OutboundHttp.MAX_BODY);
        if (!put.answered() || put.status() / 100 != 2) {
            return new Uploaded(null, outcome(put));
        }
        return new Uploaded(urn, null);
    }

    /**
     * A video through the Videos API: initializeUpload (its URN and the parts to put), each part {@code PUT} with
     * its bytes (its {@code ETag} kept), finalizeUpload with the ETags in the parts' order.
     */
    private Uploaded uploadVideo(AccountPost post, String url, byte[] bytes, Instant deadline) {
        String api = config.linkedin().baseUrl().replaceAll("/+$", "") + "/rest/videos?action=";
        ObjectNode init = mapper.createObjectNode();
        init.putObject("initializeUploadRequest").put("owner", post.target()).put("fileSizeBytes", bytes.length)
                .put("uploadCaptions", false).put("uploadThumbnail", false);
        OutboundHttp.Response registered = postJson(api + "initializeUpload", post.accessToken(), init);
        if (!registered.answered() || registered.status() / 100 != 2) {
            return new Uploaded(null, outcome(registered));
        }
        JsonNode value = Texts.json(mapper, registered.text()).path("value");
        String urn = value.path("video").asText("");
        JsonNode instructions = value.path("uploadInstructions");
        long next = 0;
        for (JsonNode part : instructions) {
            if (part.path("firstByte").asLong(-1) != next || part.path("lastByte").asLong(-1) < next
                    || part.path("uploadUrl").asText("").isEmpty()) {
                break;
            }
            next = part.path("lastByte").asLong() + 1;
        }
        if (urn.isEmpty() || instructions.isEmpty() || next != bytes.length) {
            return new Uploaded(null, PublishResult.retry("LinkedIn's upload instructions for the video " + url
                    + " do not cover its " + bytes.length + " bytes", null));
        }
        ArrayNode etags = mapper.createArrayNode();
        for (JsonNode part : instructions) {
            if (Instant.now().isAfter(deadline)) {
                return new Uploaded(null, PublishResult.retry("the LinkedIn video upload did not finish within the "
                        + "attempt", null));
            }
            int first = part.path("firstByte").asInt();
            int last = part.path("lastByte").asInt();
            OutboundHttp.Response put = http.exchange(HttpMethod.PUT, part.path("uploadUrl").asText(),
                    Map.of("Authorization", "Bearer " + post.accessToken(), "Content-Type", "application/octet-stream"),
                    java.util.Arrays.copyOfRange(bytes, first, last + 1), timeout, OutboundHttp.MAX_BODY);
            if (!put.answered() || put.status() / 100 != 2) {
                return new Uploaded(null, outcome(put));
            }
            String etag = put.header("ETag");
            if (etag == null || etag.isBlank()) {
                return new Uploaded(null, PublishResult.retry("LinkedIn answered a video part without its ETag", null));
            }
            etags.add(etag);
        }
        ObjectNode finalize = mapper.createObjectNode();
        ObjectNode request = finalize.putObject("finalizeUploadRequest").put("video", urn)
                .put("uploadToken", value.path("uploadToken").asText(""));
        request.set("uploadedPartIds", etags);
        OutboundHttp.Response done = postJson(api + "finalizeUpload", post.accessToken(), finalize);
        if (!done.answered() || done.status() / 100 != 2) {
            return new Uploaded(null, outcome(done));
        }
        return new Uploaded(urn, null);
    }

    private OutboundHttp.Response postJson(String url, String accessToken, ObjectNode body) {
        try {
            return http.exchange(HttpMethod.POST, url, headers(accessToken), mapper.writeValueAsBytes(body), timeout,
                    OutboundHttp.MAX_BODY);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> headers(String accessToken) {
        return Map.of("Content-Type", "application/json", "Authorization", "Bearer " + accessToken,
                "Linkedin-Version", config.linkedin().version(), "X-Restli-Protocol-Version", "2.0.0");
    }

    /** The article card's title (required by LinkedIn): the caption's first line, else the link. */
    static String articleTitle(String caption, String link) {
        String first = caption == null ? "" : caption.strip().lines().findFirst().orElse("").strip();
        String title = first.isEmpty() ? link : first;
        return title.length() <= 200 ? title : title.substring(0, 199) + "…";
    }

    private PublishResult outcome(OutboundHttp.Response answer) {
        if (!answer.answered()) {
            return PublishResult.retry("LinkedIn: " + answer.failure(), null);
        }
        int status = answer.status();
        if (status / 100 == 2) {
            String urn = answer.header("x-restli-id");
            return urn == null || urn.isBlank() ? PublishResult.failed("LinkedIn answered without the post's URN")
                    : PublishResult.published(urn, "https://www.linkedin.com/feed/update/" + urn + "/");
        }
        JsonNode json = Texts.json(mapper, answer.text());
        String message = Texts.shorten(json.path("message").asText(""));
        String code = json.path("code").asText("");
        String said = "HTTP " + status + (code.isEmpty() ? "" : ", " + code) + (message.isEmpty() ? "" : ": " + message);
        if (status == 401) {
            return PublishResult.reconnect("LinkedIn refused the account's token (" + said + ")");
        }
        if (status == 429) {
            return PublishResult.retry("LinkedIn throttled the post (" + said + ")",
                    Texts.seconds(answer.header("Retry-After")));
        }
        if (status / 100 == 4 && status != 408) {
            return PublishResult.failed("LinkedIn refused the post (" + said + ")");
        }
        return PublishResult.retry("LinkedIn answered " + said, null);
    }
}
