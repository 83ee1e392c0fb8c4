package io.socialroi.content.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialroi.common.net.OutboundHttp;
import io.socialroi.content.account.OAuthProvider;
import io.socialroi.content.account.OAuthSettings;
import io.socialroi.content.delivery.Signatures;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Meta's Graph API, v21.0, as the FACEBOOK_API and INSTAGRAM_API publishers call it: {@code <base-url>/v21.0/<path>},
 * the access token as the documented {@code access_token} parameter (query string of a GET, form field of a POST,
 * {@code application/x-www-form-urlencoded}) with its {@code appsecret_proof} (HMAC-SHA256 of the token keyed with the
 * OAuth app's secret, as Meta asks of server calls), through {@link OutboundHttp} with the send timeout. One publishing
 * attempt makes several calls (a Page token, uploads, a container's status, the publish), so they share a {@link
 * Deadline} well inside the claim's lease: a call that could end after it is not made (the attempt is retried), so a
 * late attempt never publishes while another replica holds the post.
 * <p>
 * Errors, as Meta documents them ({@code {"error":{"message","type","code","error_subcode","is_transient",
 * "error_user_msg","fbtrace_id"}}}, developers.facebook.com/docs/graph-api/guides/error-handling and the Instagram
 * error codes), become: code 190 (expired, revoked or invalid token) and 102 (session): reconnect the account; 10 and
 * 200-299 (permission denied or removed): reconnect, naming the permission the call needs; 4, 17, 32, 613, 80001-80014
 * (application, user, Page and business-use-case rate limits) and Instagram's 9/2207042 (publishing limit): retry later
 * with the backoff (Meta's estimated_time_to_regain_access comes in a response header, which OutboundHttp does not hand
 * over); 1, 2, Instagram's -1 and -2 and 9007/2207027 (media not ready), and any {@code is_transient: true}: retry; any
 * other 5xx, 429 and no answer: retry; anything else (100 invalid parameter, 368 blocked for policy, 506 duplicate
 * post, Instagram's 4/2207051 spam restriction, ...): FAILED with Meta's message.
 */
@ApplicationScoped
public class MetaGraph {

    public static final String VERSION = "v21.0";

    /** A Graph answer: its JSON when it succeeded, else what the attempt comes to. */
    record Reply(JsonNode json, PublishResult problem) {

        boolean ok() {
            return problem == null;
        }
    }

    /** When an attempt's calls must be over; {@link #left()} is what remains. */
    record Deadline(Instant at) {

        Duration left() {
            Duration d = Duration.between(Instant.now(), at);
            return d.isNegative() ? Duration.ZERO : d;
        }
    }

    /**
     * The calls of one attempt to one platform with one token: {@code who} names the platform in reasons,
     * {@code permission} the one the calls need (named when Meta refuses it), {@code appSecretProof} the token's
     * {@code appsecret_proof} (null without an app secret), all sharing one {@link Deadline}.
     */
    final class Session {

        private final String base;
        private final String token;
        private final String appSecretProof;
        private final String appSecret;
        private final Deadline deadline;
        private final String who;
        private final String permission;

        private Session(String base, String token, String appSecret, Deadline deadline, String who,
                String permission) {
            this.base = base.replaceAll("/+$", "");
            this.token = token;
            this.appSecret = appSecret;
            this.appSecretProof = proof(token, appSecret);
            this.deadline = deadline;
            this.who = who;
            this.permission = permission;
        }

        /** The same attempt with another token (a Page's), under the same deadline. */
        Session as(String otherToken) {
            return new Session(base, otherToken, appSecret, deadline, who, permission);
        }

        Deadline deadline() {
            return deadline;
        }

        /** {@code GET <base>/v21.0/<path>?<query>&access_token=...}. */
        Reply get(String path, Map<String, String> query) {
            return call(HttpMethod.GET, path, query, false);
        }

        /**
         * {@code POST <base>/v21.0/<path>} with the form and {@code access_token}. {@code publishes}: the call that
         * makes the post appear; it is made only with a full timeout left before the deadline.
         */
        Reply post(String path, Map<String, String> form, boolean publishes) {
            return call(HttpMethod.POST, path, form, publishes);
        }

        private Reply call(HttpMethod method, String path, Map<String, String> params, boolean publishes) {
            Duration left = deadline.left();
            Duration wait = left.compareTo(timeout) < 0 ? left : timeout;
            if (wait.compareTo(Duration.ofSeconds(1)) < 0 || (publishes && left.compareTo(timeout) < 0)) {
                return new Reply(null, PublishResult.retry(who + ": the attempt's time ran out before " + method
                        + " /" + path.replaceAll("^[0-9]+", "{id}"), null));
            }
            Map<String, String> all = new LinkedHashMap<>(params);
            all.put("access_token", token);
            if (appSecretProof != null) {
                all.put("appsecret_proof", appSecretProof);
            }
            String encoded = all.entrySet().stream().map(e -> e.getKey() + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            String url = base + "/" + VERSION + "/" + path;
            OutboundHttp.Exchange answer = method == HttpMethod.GET
                    ? http.call(method, url + "?" + encoded, Map.of("User-Agent", "social-roi-suite"), null, wait)
                    : http.call(method, url, Map.of("Content-Type", "application/x-www-form-urlencoded",
                            "User-Agent", "social-roi-suite"), encoded.getBytes(StandardCharsets.UTF_8), wait);
            if (!answer.answered()) {
                return new Reply(null, PublishResult.retry(who + ": " + answer.failure(), null));
            }
            JsonNode json = Texts.json(mapper, answer.body());
            if (answer.status() / 100 == 2 && !json.has("error")) {
                return new Reply(json, null);
            }
            return new Reply(null, outcome(who, answer.status(), json, permission));
        }
    }

    private final OutboundHttp http;
    private final ObjectMapper mapper;
    private final PublishingConfig config;
    private final OAuthSettings apps;
    private final Duration timeout;

    public MetaGraph(OutboundHttp http, ObjectMapper mapper, PublishingConfig config, OAuthSettings apps,
            @ConfigProperty(name = "suite.delivery.timeout", defaultValue = "PT10S") Duration timeout) {
        this.http = http;
        this.mapper = mapper;
        this.config = config;
        this.apps = apps;
        this.timeout = timeout;
    }

    /**
     * An attempt's session with the connected account's token, its calls over by three quarters of the lease from
     * now (so the last one ends before anyone else can claim the post); {@code app} is the OAuth app that issued the
     * token, whose secret signs each call's {@code appsecret_proof} (Meta's "Securing Graph API requests").
     */
    Session session(String base, String token, OAuthProvider app, String who, String permission) {
        String secret = apps.app(app).map(OAuthSettings.App::clientSecret).filter(s -> !s.isBlank()).orElse(null);
        return new Session(base, token, secret, new Deadline(Instant.now().plus(config.lease().multipliedBy(3)
                .dividedBy(4))), who, permission);
    }

    Duration timeout() {
        return timeout;
    }

    /** {@code appsecret_proof}: the hex HMAC-SHA256 of the access token, keyed with the app secret. */
    public static String proof(String token, String appSecret) {
        if (appSecret == null) {
            return null;
        }
        return HexFormat.of().formatHex(Signatures.mac("HmacSHA256", appSecret,
                token.getBytes(StandardCharsets.UTF_8)));
    }

    /** A Graph error answer as a {@link PublishResult}, by Meta's code, subcode and is_transient. */
    static PublishResult outcome(String who, int status, JsonNode json, String permission) {
        JsonNode error = json.path("error");
        int code = error.path("code").asInt(0);
        int subcode = error.path("error_subcode").asInt(0);
        String said = "HTTP " + status + (error.has("code") ? ", code " + code + (subcode == 0 ? "" : "/" + subcode)
                : "") + (message(error).isEmpty() ? "" : ": " + message(error));
        if (code == 190 || code == 102) {
            return PublishResult.reconnect(who + " refused the account's token (" + said + ")");
        }
        if (code == 10 || (code >= 200 && code <= 299)) {
            return PublishResult.reconnect(who + " refused the permission (the account must grant " + permission
                    + "; " + said + ")");
        }
        if (subcode == 2207051) {
            // Instagram's code 4 for an action restricted as spam: not a rate limit, sending it again will not help.
            return PublishResult.failed(who + " refused the post (" + said + ")");
        }
        if (code == 4 || code == 17 || code == 32 || code == 613 || (code >= 80001 && code <= 80014)
                || subcode == 2207042 || status == 429) {
            return PublishResult.retry(who + " rate limit (" + said + ")", null);
        }
        if (code == 1 || code == 2 || code == -1 || code == -2 || error.path("is_transient").asBoolean(false)
                || subcode == 2207027) {
            return PublishResult.retry(who + " answered " + said, null);
        }
        if (status >= 500) {
            return PublishResult.retry(who + " answered " + said, null);
        }
        return PublishResult.failed(who + " refused the post (" + said + ")");
    }

    /** Meta's message, and the one it shows users when it says more, shortened. */
    private static String message(JsonNode error) {
        String message = error.path("message").asText("");
        String user = error.path("error_user_msg").asText("");
        return Texts.shorten(user.isEmpty() || message.contains(user) ? message
                : message.isEmpty() ? user : message + " " + user);
    }
}
