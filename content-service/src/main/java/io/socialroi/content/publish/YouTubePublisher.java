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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Uploads the post's video to YouTube with the YouTube Data API v3 resumable upload and the connected Google
 * account's token ({@code youtube.upload}):
 * <ol>
 * <li>the video is fetched from its media URL through the outgoing-URL guard, at most
 * {@code suite.publishing.youtube.max-bytes} (default 256 MiB; a larger one is FAILED): the suite's HTTP client
 * ({@code OutboundHttp}) reads an answer into memory and cannot stream it into another request, so the video is held
 * in memory for the attempt, which also lets a broken upload resume from any byte;</li>
 * <li>{@code POST <base-url>/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status} with
 * {@code {"snippet":{"title": platformOptions.title, "description": <the post's text>}, "status":
 * {"privacyStatus":"public"}}} and {@code X-Upload-Content-Type} / {@code X-Upload-Content-Length}: 200 with the
 * upload session's URI in {@code Location};</li>
 * <li>{@code PUT <session>} with the bytes: 200 or 201 with the video resource ({@code id}; the permalink is
 * {@code https://www.youtube.com/watch?v=<id>}). When the upload breaks (no answer, or 5xx) the session is asked
 * how far it got ({@code PUT} with {@code Content-Range: bytes *}{@code /<total>}, answered 308 with
 * {@code Range: bytes=0-<last>}, or without Range when nothing arrived) and the rest is sent with
 * {@code Content-Range: bytes <next>-<last>/<total>}, up to three times within the attempt.</li>
 * </ol>
 * Errors, as Google documents them ({@code {"error":{"code","message","errors":[{"reason"}]}}}): 401 the token is no
 * good (reconnect the account); 403 {@code quotaExceeded} (again after midnight Pacific time, when YouTube resets the
 * project's quota) or {@code rateLimitExceeded} / {@code userRateLimitExceeded} (again with backoff); other 403 and
 * 400 (e.g. {@code invalidTitle}) FAILED with Google's message; 404 or 410 for the session (expired) and 5xx again,
 * with a new session, at the next attempt. The description is the text with {@code <} and {@code >}, which YouTube
 * refuses, as {@code ‹} and {@code ›}.
 */
@ApplicationScoped
public class YouTubePublisher implements AccountPublisher {

    private static final Pattern RANGE = Pattern.compile("bytes=0-(\\d+)");
    private static final int RESUMES = 3;
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    private final OutboundHttp http;
    private final ObjectMapper mapper;
    private final PublishingConfig config;
    private final Duration timeout;

    public YouTubePublisher(OutboundHttp http, ObjectMapper mapper, PublishingConfig config,
            @ConfigProperty(name = "suite.delivery.timeout", defaultValue = "PT10S") Duration timeout) {
        this.http = http;
        this.mapper = mapper;
        this.config = config;
        this.timeout = timeout;
    }

    @Override
    public PublisherType type() {
        return PublisherType.YOUTUBE_API;
    }

    @Override
    public List<FieldError> check(Post post, Publisher publisher) {
        List<FieldError> errors = new ArrayList<>();
        if (post.platformOptions == null || post.platformOptions.title() == null
                || post.platformOptions.title().isBlank()) {
            errors.add(new FieldError("platformOptions.title", "is required to upload to YouTube (the video's title)"));
        }
        List<String> media = post.mediaUrls == null ? List.of() : post.mediaUrls;
        if (media.size() != 1) {
            errors.add(new FieldError("mediaUrls", "the YouTube publisher (YOUTUBE_API) uploads exactly one video, not "
                    + media.size() + " media"));
        } else if (MediaKind.of(media.get(0)) == MediaKind.IMAGE) {
            errors.add(new FieldError("mediaUrls[0]", "is an image: YouTube takes a video"));
        }
        return errors;
    }

    @Override
    public PublishResult publish(AccountPost post) {
        Instant deadline = Instant.now().plus(config.lease().minusSeconds(10));
        String title = post.options() == null ? null : post.options().title();
        if (title == null || title.isBlank() || post.mediaOrEmpty().size() != 1) {
            return PublishResult.failed("YouTube needs platformOptions.title and exactly one video");
        }
        int max = config.youtube().maxBytes();
        OutboundHttp.Response video = http.exchange(HttpMethod.GET, post.mediaOrEmpty().get(0),
                Map.of("User-Agent", "social-roi-suite"), null, within(deadline, config.youtube().transferTimeout()),
                max);
        if (!video.answered()) {
            return PublishResult.retry("the video could not be fetched: " + video.failure(), null);
        }
        if (video.status() / 100 != 2) {
            String reason = "the video could not be fetched (HTTP " + video.status() + " from its URL)";
            return video.status() / 100 == 4 ? PublishResult.failed(reason) : PublishResult.retry(reason, null);
        }
        if (video.truncated()) {
            return PublishResult.failed("the video is larger than the " + max + " bytes the YouTube publisher uploads "
                    + "(suite.publishing.youtube.max-bytes)");
        }
        byte[] bytes = video.body();
        String contentType = video.header("Content-Type") == null || !video.header("Content-Type").startsWith("video/")
                ? "video/*" : video.header("Content-Type").split(";")[0].trim();

        ObjectNode body = mapper.createObjectNode();
        body.putObject("snippet").put("title", title.strip())
                .put("description", (post.text() == null ? "" : post.text()).replace('<', '‹').replace('>', '›'));
        body.putObject("status").put("privacyStatus", "public");
        OutboundHttp.Response init;
        try {
            init = http.exchange(HttpMethod.POST, config.youtube().baseUrl().replaceAll("/+$", "")
                    + "/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status",
                    Map.of("Authorization", "Bearer " + post.accessToken(),
                            "Content-Type", "application/json; charset=UTF-8", "X-Upload-Content-Type", contentType,
                            "X-Upload-Content-Length", String.valueOf(bytes.length)),
                    mapper.writeValueAsBytes(body), within(deadline, timeout), OutboundHttp.MAX_BODY);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (!init.answered() || init.status() != 200) {
            return error(init);
        }
        String session = init.header("Location");
        if (session == null || session.isBlank()) {
            return PublishResult.retry("YouTube started no upload session (no Location)", null);
        }
        return upload(post.accessToken(), session, bytes, contentType, deadline);
    }

    /** The bytes to the session, resumed from where it stands when the upload breaks. */
    private PublishResult upload(String token, String session, byte[] bytes, String contentType, Instant deadline) {
        long offset = 0;
        OutboundHttp.Response answer = null;
        for (int tries = 0; tries <= RESUMES; tries++) {
            if (tries > 0) {
                // How far did it get? 308 with Range (or none: nothing kept), or 200/201 when it was all received.
                OutboundHttp.Response status = put(token, session, null, Map.of("Content-Range", "bytes */"
                        + bytes.length), deadline);
                if (status.answered() && status.status() == 308) {
                    offset = received(status.header("Range"));
                } else if (status.answered() && status.status() / 100 == 2) {
                    return done(status);
                } else if (status.answered() && status.status() / 100 == 4) {
                    return error(status);
                } else {
                    answer = status;
                    continue;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                break;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", contentType);
            if (offset > 0) {
                headers.put("Content-Range", "bytes " + offset + "-" + (bytes.length - 1) + "/" + bytes.length);
            }
            answer = put(token, session, Arrays.copyOfRange(bytes, (int) offset, bytes.length), headers, deadline);
            if (answer.answered() && answer.status() / 100 == 2) {
                return done(answer);
            }
            if (answer.answered() && answer.status() / 100 == 4) {
                return error(answer);
            }
            // No answer, 308 (not all arrived) or 5xx: resume.
        }
        return answer == null ? PublishResult.retry("YouTube upload did not finish in time", null)
                : answer.answered() && answer.status() == 308
                        ? PublishResult.retry("YouTube upload incomplete after " + RESUMES + " resumptions", null)
                        : error(answer);
    }

    private OutboundHttp.Response put(String token, String session, byte[] bytes, Map<String, String> headers,
            Instant deadline) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Authorization", "Bearer " + token);
        return http.exchange(HttpMethod.PUT, session, all, bytes == null ? new byte[0] : bytes,
                within(deadline, config.youtube().transferTimeout()), OutboundHttp.MAX_BODY);
    }

    /** The bytes the session holds, from its {@code Range: bytes=0-<last>} (none: nothing). */
    static long received(String range) {
        if (range == null) {
            return 0;
        }
        Matcher m = RANGE.matcher(range.trim());
        return m.matches() ? Long.parseLong(m.group(1)) + 1 : 0;
    }

    private PublishResult done(OutboundHttp.Response answer) {
        String id = Texts.json(mapper, answer.text()).path("id").asText("");
        return id.isEmpty() ? PublishResult.failed("YouTube answered without the video's id")
                : PublishResult.published(id, "https://www.youtube.com/watch?v=" + id);
    }

    private PublishResult error(OutboundHttp.Response answer) {
        if (!answer.answered()) {
            return PublishResult.retry("YouTube: " + answer.failure(), null);
        }
        int status = answer.status();
        JsonNode error = Texts.json(mapper, answer.text()).path("error");
        String reason = error.path("errors").path(0).path("reason").asText("");
        String message = Texts.shorten(error.path("message").asText(""));
        String said = "HTTP " + status + (reason.isEmpty() ? "" : ", " + reason) + (message.isEmpty() ? "" : ": "
                + message);
        if (status == 401) {
            return PublishResult.reconnect("YouTube refused the account's token (" + said + ")");
        }
        if (status == 403 && "quotaExceeded".equals(reason)) {
            return PublishResult.retry("YouTube quota exceeded (" + said + ")", untilPacificMidnight(Instant.now()));
        }
        if (status == 429 || (status == 403 && reason.endsWith("ateLimitExceeded"))) {
            return PublishResult.retry("YouTube rate limit (" + said + ")", Texts.seconds(answer.header("Retry-After")));
        }
        if (status == 404 || status == 410 || status == 408 || status / 100 != 4) {
            return PublishResult.retry("YouTube answered " + said, null);
        }
        return PublishResult.failed("YouTube refused the video (" + said + ")");
    }

    /** From {@code now} to the next midnight in Pacific time, when YouTube resets the daily quota. */
    static Duration untilPacificMidnight(Instant now) {
        Instant midnight = LocalDate.ofInstant(now, PACIFIC).plusDays(1).atStartOfDay(PACIFIC).toInstant();
        return Duration.between(now, midnight);
    }

    private static Duration within(Instant deadline, Duration timeout) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.compareTo(timeout) < 0 ? (left.isNegative() ? Duration.ofSeconds(1) : left) : timeout;
    }
}
