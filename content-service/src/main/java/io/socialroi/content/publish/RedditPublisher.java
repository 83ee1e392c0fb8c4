package io.socialroi.content.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialroi.common.net.OutboundHttp;
import io.socialroi.common.problem.FieldError;
import io.socialroi.content.post.PlatformOptions;
import io.socialroi.content.post.Post;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts to Reddit with its OAuth API, {@code POST <base-url>/api/submit} ({@code https://oauth.reddit.com}), form
 * fields {@code api_type=json}, {@code sr} (the post's {@code platformOptions.subreddit}), {@code kind=self},
 * {@code title} ({@code platformOptions.title}) and {@code text} (the caption, the call to action and the tracked
 * link, then the media URLs, one a line: a text post, so the tracked link counts its clicks), with the workspace's
 * connected Reddit account ({@code submit} scope) as {@code Authorization: bearer} and a descriptive User-Agent, as
 * Reddit's API rules ask. Answers, as Reddit documents them: 200 {@code {"json":{"errors":[],"data":{"id","name",
 * "url"}}}} (published, {@code url} the permalink); 200 with {@code errors} such as
 * {@code ["SUBREDDIT_NOEXIST", "that subreddit doesn't exist", "sr"]} (FAILED with the message), or
 * {@code ["RATELIMIT", "... try again in 5 minutes.", "ratelimit"]} (again after the minutes it names); 401 the
 * token is no good (reconnect the account); 403 not allowed there (FAILED); 429 and 5xx again with backoff.
 */
@ApplicationScoped
public class RedditPublisher implements AccountPublisher {

    private static final Pattern WAIT = Pattern.compile("(\\d+)\\s*(second|minute|hour)s?");

    private final OutboundHttp http;
    private final ObjectMapper mapper;
    private final PublishingConfig config;
    private final Duration timeout;

    public RedditPublisher(OutboundHttp http, ObjectMapper mapper, PublishingConfig config,
            @ConfigProperty(name = "suite.delivery.timeout", defaultValue = "PT10S") Duration timeout) {
        this.http = http;
        this.mapper = mapper;
        this.config = config;
        this.timeout = timeout;
    }

    @Override
    public PublisherType type() {
        return PublisherType.REDDIT_API;
    }

    @Override
    public List<FieldError> check(Post post, Publisher publisher) {
        PlatformOptions o = post.platformOptions;
        List<FieldError> missing = new ArrayList<>();
        if (o == null || o.subreddit() == null) {
            missing.add(new FieldError("platformOptions.subreddit", "is required to post to Reddit"));
        }
        if (o == null || o.title() == null || o.title().isBlank()) {
            missing.add(new FieldError("platformOptions.title", "is required to post to Reddit"));
        }
        return missing;
    }

    @Override
    public PublishResult publish(AccountPost post) {
        PlatformOptions o = post.options();
        return publish(post.accessToken(), o == null ? null : o.subreddit(), o == null ? null : o.title(), post.text(),
                post.media());
    }

    PublishResult publish(String accessToken, String subreddit, String title, String text, List<String> media) {
        if (subreddit == null || title == null || title.isBlank()) {
            return PublishResult.failed("Reddit needs platformOptions.subreddit and platformOptions.title");
        }
        StringBuilder body = new StringBuilder(text == null ? "" : text);
        for (String url : media == null ? List.<String>of() : media) {
            body.append(body.isEmpty() ? "" : "\n\n").append(url);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_type", "json");
        form.put("sr", subreddit.replaceFirst("^/?r/", ""));
        form.put("kind", "self");
        form.put("title", title);
        form.put("text", body.toString());
        form.put("resubmit", "true");
        String encoded = form.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        OutboundHttp.Exchange answer = http.call(HttpMethod.POST, config.reddit().baseUrl().replaceAll("/+$", "")
                + "/api/submit", Map.of("Content-Type", "application/x-www-form-urlencoded",
                        "Authorization", "bearer " + accessToken,
                        "User-Agent", "web:social-roi-suite:1.0 (agency publishing)"),
                encoded.getBytes(StandardCharsets.UTF_8), timeout);
        return outcome(answer);
    }

    private PublishResult outcome(OutboundHttp.Exchange answer) {
        if (!answer.answered()) {
            return PublishResult.retry("Reddit: " + answer.failure(), null);
        }
        int status = answer.status();
        JsonNode json = Texts.json(mapper, answer.body());
        if (status == 200) {
            JsonNode errors = json.path("json").path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                JsonNode first = errors.get(0);
                String code = first.path(0).asText("");
                String message = Texts.shorten(first.path(1).asText(code));
                if ("RATELIMIT".equals(code)) {
                    return PublishResult.retry("Reddit rate limit: " + message, wait(message));
                }
                return PublishResult.failed("Reddit refused the post (" + code + ": " + message + ")");
            }
            JsonNode data = json.path("json").path("data");
            String id = data.path("id").asText("");
            if (id.isEmpty()) {
                return PublishResult.failed("Reddit answered without the post's id");
            }
            return PublishResult.published(data.path("name").asText(id), data.path("url").asText(null));
        }
        String said = "HTTP " + status + (json.path("message").asText("").isEmpty() ? ""
                : ": " + Texts.shorten(json.path("message").asText()));
        if (status == 401) {
            return PublishResult.reconnect("Reddit refused the account's token (" + said + ")");
        }
        if (status == 403 || status == 400 || status == 404) {
            return PublishResult.failed("Reddit refused the post (" + said + ")");
        }
        return PublishResult.retry("Reddit answered " + said, null);
    }

    /** "try again in 5 minutes" as a duration; null when the message names none. */
    static Duration wait(String message) {
        Matcher m = WAIT.matcher(message);
        if (!m.find()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "second" -> Duration.ofSeconds(n);
            case "minute" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
