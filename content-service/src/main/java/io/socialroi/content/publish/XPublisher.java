package io.socialroi.content.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialroi.common.net.OutboundHttp;
import io.socialroi.common.problem.FieldError;
import io.socialroi.content.post.Post;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts to X with the X API v2 "Create Post" endpoint ({@code POST <base-url>/2/tweets}, {@code {"text": ...}}) and
 * the user access token of the workspace's connected X account (OAuth 2.0 with PKCE, scope {@code tweet.write};
 * content-service account/). Text and links only: media would need X's media upload first, which is not built,
 * so a post with media on an X_API publisher is refused when it is submitted or scheduled.
 * Answers, as X documents them: 201 {@code {"data":{"id","text"}}} (the permalink is
 * {@code https://x.com/i/web/status/<id>}); 401 the token is no good (reconnect the account); 403 not allowed, e.g.
 * duplicate content (FAILED with X's {@code detail}); 400 invalid (FAILED with the errors' messages); 429 rate
 * limited (again after {@code Retry-After} when X sends one, else the backoff); 5xx and no answer again with backoff.
 * X takes no idempotency key: a send whose answer never arrived may have posted; its resend is then refused as
 * duplicate content (403) and the post FAILED with that reason, though it is on X.
 */
@ApplicationScoped
public class XPublisher implements AccountPublisher {

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

    @Override
    public List<FieldError> check(Post post, Publisher publisher) {
        return post.mediaUrls == null || post.mediaUrls.isEmpty() ? List.of()
                : List.of(new FieldError("mediaUrls", "the X publisher (X_API) posts text and links only: "
                        + "remove the media, or publish through a WEBHOOK publisher"));
    }

    @Override
    public PublishResult publish(AccountPost post) {
        return publish(post.accessToken(), post.text(), post.media());
    }

    PublishResult publish(String accessToken, String text, List<String> media) {
        if (media != null && !media.isEmpty()) {
            return PublishResult.failed("the X publisher posts text and links only (media upload to X is not built)");
        }
        ObjectNode body = mapper.createObjectNode().put("text", text == null ? "" : text);
        String base = config.x().baseUrl().replaceAll("/+$", "");
        OutboundHttp.Exchange answer;
        try {
            answer = http.call(HttpMethod.POST, base + "/2/tweets", Map.of("Content-Type", "application/json",
                    "Authorization", "Bearer " + accessToken, "User-Agent", "social-roi-suite"),
                    mapper.writeValueAsBytes(body), timeout);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return outcome(answer);
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
