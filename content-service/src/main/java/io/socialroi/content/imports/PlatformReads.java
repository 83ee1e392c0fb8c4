package io.socialroi.content.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.socialroi.common.net.OutboundHttp;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The GETs importers make: through {@link OutboundHttp} (the outgoing-address guard, the delivery timeout, a
 * bounded answer), JSON read back. A non-2xx answer is an {@link Answer} the importer maps with the platform's own
 * error shape; no answer at all is an {@link ImportFailure} (tried again at the post's next turn).
 */
@ApplicationScoped
public class PlatformReads {

    /** A platform's answer: status and JSON (a missing node when the body was not JSON). */
    public record Answer(int status, JsonNode json, String retryAfter) {

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final OutboundHttp http;
    private final ObjectMapper mapper;
    private final Duration timeout;

    public PlatformReads(OutboundHttp http, ObjectMapper mapper,
            @ConfigProperty(name = "suite.delivery.timeout", defaultValue = "PT10S") Duration timeout) {
        this.http = http;
        this.mapper = mapper;
        this.timeout = timeout;
    }

    public Answer get(String platform, String url, Map<String, String> headers) {
        OutboundHttp.Exchange exchange = http.call(HttpMethod.GET, url, headers, null, timeout);
        if (!exchange.answered()) {
            throw new ImportFailure(platform + ": " + exchange.failure(), false);
        }
        JsonNode json;
        try {
            json = exchange.body() == null || exchange.body().isBlank() ? MissingNode.getInstance()
                    : mapper.readTree(exchange.body());
        } catch (IOException e) {
            json = MissingNode.getInstance();
        }
        return new Answer(exchange.status(), json, exchange.retryAfter());
    }

    /** A JSON POST that only reads (TikTok's video query), answered like {@link #get}. */
    public Answer postJson(String platform, String url, Map<String, String> headers, String json) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json; charset=UTF-8");
        OutboundHttp.Exchange exchange = http.call(HttpMethod.POST, url, all, json.getBytes(StandardCharsets.UTF_8),
                timeout);
        if (!exchange.answered()) {
            throw new ImportFailure(platform + ": " + exchange.failure(), false);
        }
        JsonNode body;
        try {
            body = exchange.body() == null || exchange.body().isBlank() ? MissingNode.getInstance()
                    : mapper.readTree(exchange.body());
        } catch (IOException e) {
            body = MissingNode.getInstance();
        }
        return new Answer(exchange.status(), body, exchange.retryAfter());
    }

    public static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static String base(String url) {
        return url.replaceAll("/+$", "");
    }

    /** A message for a refused read: the status and the platform's own words, shortened. */
    public static String said(String platform, Answer answer, String message) {
        String words = message == null || message.isBlank() ? "" : ": " + (message.length() > 200
                ? message.substring(0, 200) + "..." : message);
        return platform + " answered HTTP " + answer.status() + words;
    }
}
