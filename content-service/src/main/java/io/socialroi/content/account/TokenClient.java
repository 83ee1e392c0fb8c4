package io.socialroi.content.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialroi.common.net.OutboundHttp;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The token endpoint calls of RFC 6749 as each platform documents them ({@link OAuthProvider}): the code exchange
 * (with the PKCE verifier where the flow has one) and the refresh. Through {@link OutboundHttp}, so the token URL's
 * addresses pass the outgoing-URL guard, with the delivery timeout.
 */
@ApplicationScoped
public class TokenClient {

    /** What a token endpoint answered. */
    public sealed interface Result permits Tokens, Refused, Unavailable {
    }

    /** New tokens; {@code refreshToken} null when the platform gave none, {@code expiresIn} null when unknown. */
    public record Tokens(String accessToken, String refreshToken, Long expiresIn, String scope) implements Result {
    }

    /** The platform refused for good (a revoked or unknown grant, a bad client): the account needs reconnecting. */
    public record Refused(String reason) implements Result {
    }

    /** No usable answer (unreachable, 5xx, 429): try again later. */
    public record Unavailable(String reason) implements Result {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final OutboundHttp http;
    private final ObjectMapper mapper;
    private final OAuthSettings settings;

    public TokenClient(OutboundHttp http, ObjectMapper mapper, OAuthSettings settings) {
        this.http = http;
        this.mapper = mapper;
        this.settings = settings;
    }

    public Result exchange(OAuthSettings.App app, String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", settings.redirectUrl());
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return call(app, form);
    }

    public Result refresh(OAuthSettings.App app, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return call(app, form);
    }

    private Result call(OAuthSettings.App app, Map<String, String> form) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        OAuthProvider.ClientAuth auth = app.provider().clientAuth;
        if (auth == OAuthProvider.ClientAuth.BASIC) {
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (app.clientId() + ":" + app.clientSecret()).getBytes(StandardCharsets.UTF_8)));
            // X documents client_id in the body of a confidential client's request too.
            form.put("client_id", app.clientId());
        } else {
            form.put(app.provider().clientIdParameter, app.clientId());
            form.put("client_secret", app.clientSecret());
        }
        OutboundHttp.Exchange answer;
        if (auth == OAuthProvider.ClientAuth.QUERY) {
            String url = app.tokenUrl() + (app.tokenUrl().contains("?") ? "&" : "?") + encode(form);
            answer = http.call(HttpMethod.GET, url, headers, null, TIMEOUT);
        } else {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            answer = http.call(HttpMethod.POST, app.tokenUrl(), headers,
                    encode(form).getBytes(StandardCharsets.UTF_8), TIMEOUT);
        }
        return result(answer);
    }

    Result result(OutboundHttp.Exchange answer) {
        if (!answer.answered()) {
            return new Unavailable(answer.failure());
        }
        JsonNode body = parse(answer.body());
        if (answer.status() == 429 || answer.status() >= 500) {
            return new Unavailable("the platform answered " + answer.status());
        }
        String accessToken = body.path("access_token").asText(null);
        if (answer.status() / 100 == 2 && accessToken != null && !accessToken.isBlank()) {
            JsonNode expires = body.get("expires_in");
            return new Tokens(accessToken, blankToNull(body.path("refresh_token").asText(null)),
                    expires != null && expires.canConvertToLong() ? expires.asLong() : null,
                    blankToNull(body.path("scope").asText(null)));
        }
        return new Refused(reason(answer.status(), body));
    }

    /** RFC 6749's {@code error} and {@code error_description}, or the Graph API's {@code error.message}. */
    private static String reason(int status, JsonNode body) {
        JsonNode error = body.get("error");
        if (error != null && error.isObject()) {
            return "the platform refused: " + error.path("message").asText("error " + status);
        }
        if (error != null && error.isTextual()) {
            String description = body.path("error_description").asText("");
            return "the platform refused: " + error.asText() + (description.isBlank() ? "" : " (" + description + ")");
        }
        return "the platform refused with status " + status;
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? mapper.createObjectNode() : mapper.readTree(body);
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
