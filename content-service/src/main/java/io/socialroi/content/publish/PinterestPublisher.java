package io.socialroi.content.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialroi.common.net.OutboundHttp;
import io.socialroi.common.problem.FieldError;
import io.socialroi.content.post.MediaKind;
import io.socialroi.content.post.PlatformOptions;
import io.socialroi.content.post.Post;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pins to Pinterest with Pinterest API v5 "Create Pin" ({@code POST <base-url>/v5/pins}, {@code api.pinterest.com})
 * and the workspace's connected Pinterest account ({@code pins:write}) as {@code Authorization: Bearer}: JSON
 * {@code board_id} (the post's {@code platformOptions.board}), {@code title} ({@code platformOptions.title}, when
 * given), {@code description} (the caption and the call to action), {@code link} (the tracked link, so the Pin's
 * clicks are counted) and {@code media_source {"source_type":"image_url","url"}}: Pinterest fetches the image. One
 * image: a video Pin needs Pinterest's media upload ({@code /v5/media}), which is not built, so a video, or more than
 * one image, is refused when the post is submitted or scheduled, as is a post without a board.
 * Answers, as Pinterest documents them: 201 the Pin ({@code id}; the permalink is
 * {@code https://www.pinterest.com/pin/<id>/}); errors {@code {"code": <int>, "message": "..."}}: 401 the token is no
 * good (reconnect the account); 429 rate limited (again after {@code Retry-After} when sent, else the backoff);
 * 400, 403, 404 and other 4xx refused (FAILED with Pinterest's message: a board that is not the account's, an image
 * Pinterest could not fetch); 5xx and no answer again with backoff.
 */
@ApplicationScoped
public class PinterestPublisher implements AccountPublisher {

    private final OutboundHttp http;
    private final ObjectMapper mapper;
    private final PublishingConfig config;
    private final Duration timeout;

    public PinterestPublisher(OutboundHttp http, ObjectMapper mapper, PublishingConfig config,
            @ConfigProperty(name = "suite.delivery.timeout", defaultValue = "PT10S") Duration timeout) {
        this.http = http;
        this.mapper = mapper;
        this.config = config;
        this.timeout = timeout;
    }

    @Override
    public PublisherType type() {
        return PublisherType.PINTEREST_API;
    }

    @Override
    public List<FieldError> check(Post post, Publisher publisher) {
        List<FieldError> errors = new ArrayList<>();
        if (post.platformOptions == null || post.platformOptions.board() == null) {
            errors.add(new FieldError("platformOptions.board", "is required to pin to Pinterest (the board id)"));
        }
        List<String> media = post.mediaUrls == null ? List.of() : post.mediaUrls;
        if (media.size() != 1) {
            errors.add(new FieldError("mediaUrls", "the Pinterest publisher (PINTEREST_API) pins exactly one image, "
                    + "not " + media.size()));
        } else if (MediaKind.of(media.get(0)) == MediaKind.VIDEO) {
            errors.add(new FieldError("mediaUrls[0]", "is a video: video Pins need Pinterest's media upload, which "
                    + "the PINTEREST_API publisher does not do; pin an image, or publish through a WEBHOOK publisher"));
        }
        return errors;
    }

    @Override
    public PublishResult publish(AccountPost post) {
        PlatformOptions o = post.options();
        List<String> media = post.mediaOrEmpty();
        if (o == null || o.board() == null || media.size() != 1) {
            return PublishResult.failed("Pinterest needs platformOptions.board and exactly one image");
        }
        ObjectNode body = mapper.createObjectNode().put("board_id", o.board());
        if (o.title() != null && !o.title().isBlank()) {
            body.put("title", o.title().strip());
        }
        String description = description(post.caption(), post.callToAction());
        if (!description.isEmpty()) {
            body.put("description", description);
        }
        if (post.link() != null) {
            body.put("link", post.link());
        }
        body.putObject("media_source").put("source_type", "image_url").put("url", media.get(0));
        OutboundHttp.Exchange answer;
        try {
            answer = http.call(HttpMethod.POST, config.pinterest().baseUrl().replaceAll("/+$", "") + "/v5/pins",
                    Map.of("Content-Type", "application/json", "Authorization", "Bearer " + post.accessToken(),
                            "User-Agent", "social-roi-suite"), mapper.writeValueAsBytes(body), timeout);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return outcome(answer);
    }

    /** The caption, then the call to action on its own paragraph (the link goes in {@code link}). */
    static String description(String caption, String callToAction) {
        List<String> parts = new ArrayList<>();
        if (caption != null && !caption.isBlank()) {
            parts.add(caption.strip());
        }
        if (callToAction != null && !callToAction.isBlank()) {
            parts.add(callToAction.strip());
        }
        return String.join("\n\n", parts);
    }

    private PublishResult outcome(OutboundHttp.Exchange answer) {
        if (!answer.answered()) {
            return PublishResult.retry("Pinterest: " + answer.failure(), null);
        }
        int status = answer.status();
        JsonNode json = Texts.json(mapper, answer.body());
        if (status / 100 == 2) {
            String id = json.path("id").asText("");
            return id.isEmpty() ? PublishResult.failed("Pinterest answered without the Pin's id")
                    : PublishResult.published(id, "https://www.pinterest.com/pin/" + id + "/");
        }
        String message = Texts.shorten(json.path("message").asText(""));
        String said = "HTTP " + status + (json.has("code") ? ", code " + json.path("code").asText() : "")
                + (message.isEmpty() ? "" : ": " + message);
        if (status == 401) {
            return PublishResult.reconnect("Pinterest refused the account's token (" + said + ")");
        }
        if (status == 429) {
            return PublishResult.retry("Pinterest rate limit (" + said + ")", Texts.seconds(answer.retryAfter()));
        }
        if (status / 100 == 4 && status != 408) {
            return PublishResult.failed("Pinterest refused the Pin (" + said + ")");
        }
        return PublishResult.retry("Pinterest answered " + said, null);
    }
}
