package io.socialroi.conversion.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.FakeServer.Recorded;
import io.socialroi.testing.FakeServer.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The four ad platforms' APIs as fake servers on loopback, each implementing the documented request checks, answers
 * and errors: the auth header, the version headers, the batch limit, the event age limit, hashed identifiers of 64
 * hex digits. An event whose dedupe id starts with {@code bad-} is one the platform finds invalid (Meta and TikTok
 * then refuse the whole request, Google names it in a field violation, LinkedIn in the element's status).
 */
final class AdPlatforms {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");

    static final String META_TOKEN = "EAAGm0PX4ZCpsBAKZA2w9sZA0yMetaToken9f3a";
    static final String GOOGLE_TOKEN = "ya29.a0AfB_byGoogleAccessToken7c1d";
    static final String TIKTOK_TOKEN = "tiktok-events-api-token-55e2";
    static final String LINKEDIN_TOKEN = "AQVlinkedinOauthToken0b8e";

    static final FakeServer META = new FakeServer();
    static final FakeServer GOOGLE = new FakeServer();
    static final FakeServer TIKTOK = new FakeServer();
    static final FakeServer LINKEDIN = new FakeServer();

    /** Points the four base URLs at the fakes; loopback is allowed for them (as ./suite up allows its receiver). */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("suite.exports.meta.base-url", META.url(), "suite.exports.google.base-url", GOOGLE.url(),
                    "suite.exports.tiktok.base-url", TIKTOK.url(), "suite.exports.linkedin.base-url", LINKEDIN.url(),
                    "suite.outbound.allow", "127.0.0.1/32");
        }
    }

    private AdPlatforms() {
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Installs the documented behaviour of all four. */
    static void reset() {
        for (FakeServer s : List.of(META, GOOGLE, TIKTOK, LINKEDIN)) {
            s.reset();
        }
        META.on("POST", "/v24.0/", AdPlatforms::meta);
        GOOGLE.on("POST", "/v1/events:ingest", AdPlatforms::google);
        TIKTOK.on("POST", "/open_api/v1.3/event/track/", AdPlatforms::tiktok);
        LINKEDIN.on("POST", "/rest/conversionEvents", AdPlatforms::linkedin);
    }

    /** The first {@code times} requests get {@code failure}, the later ones the documented answer. */
    static void failFirst(FakeServer server, String prefix, int times, Reply failure,
            java.util.function.Function<Recorded, Reply> documented) {
        AtomicInteger calls = new AtomicInteger();
        server.on("POST", prefix, r -> calls.incrementAndGet() <= times ? failure : documented.apply(r));
    }

    static Reply metaError(int status, int code, String message) {
        return Reply.json(status, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":"
                + code + ",\"error_subcode\":2804003,\"fbtrace_id\":\"AbCdEfTrace\"}}");
    }

    static Reply meta(Recorded r) {
        if (!("Bearer " + META_TOKEN).equals(r.header("Authorization"))) {
            return metaError(401, 190, "Invalid OAuth access token - Cannot parse access token");
        }
        JsonNode data = json(r.body()).path("data");
        if (!data.isArray() || data.isEmpty() || data.size() > 1000) {
            return metaError(400, 100, "(#100) data must be an array of 1 to 1000 events");
        }
        long oldest = Instant.now().minusSeconds(7 * 86_400).getEpochSecond();
        for (JsonNode e : data) {
            boolean hashed = true;
            for (JsonNode em : e.path("user_data").path("em")) {
                hashed &= SHA256.matcher(em.asText()).matches();
            }
            if (e.path("event_time").asLong() < oldest || !hashed || e.path("event_id").asText().startsWith("bad-")
                    || e.path("action_source").asText().isEmpty()) {
                return metaError(400, 100, "(#100) Invalid parameter");
            }
        }
        return Reply.json(200, "{\"events_received\":" + data.size() + ",\"messages\":[],\"fbtrace_id\":\"AbCdEfTrace\"}");
    }

    static Reply google(Recorded r) {
        if (!("Bearer " + GOOGLE_TOKEN).equals(r.header("Authorization"))) {
            return Reply.json(401, "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication "
                    + "credentials.\",\"status\":\"UNAUTHENTICATED\"}}");
        }
        JsonNode body = json(r.body());
        JsonNode events = body.path("events");
        if (events.size() > 2000 || !"HEX".equals(body.path("encoding").asText())) {
            return Reply.json(400, "{\"error\":{\"code\":400,\"message\":\"Request contains an invalid argument.\","
                    + "\"status\":\"INVALID_ARGUMENT\"}}");
        }
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).path("transactionId").asText().startsWith("bad-")) {
                violations.add("{\"field\":\"events[" + i + "].conversion_value\",\"description\":\"Conversion "
                        + "value is invalid.\",\"reason\":\"INVALID_NUMBER_FORMAT\"}");
            }
        }
        if (!violations.isEmpty()) {
            return Reply.json(400, "{\"error\":{\"code\":400,\"message\":\"There was a problem with the request.\","
                    + "\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc."
                    + "BadRequest\",\"fieldViolations\":[" + String.join(",", violations) + "]}]}}");
        }
        return Reply.json(200, "{\"requestId\":\"" + UUID.randomUUID() + "\"}");
    }

    static Reply tiktok(Recorded r) {
        if (!TIKTOK_TOKEN.equals(r.header("Access-Token"))) {
            return Reply.json(200, "{\"code\":40105,\"message\":\"Access token is incorrect or has been revoked.\","
                    + "\"request_id\":\"20261204tt01\",\"data\":{}}");
        }
        JsonNode data = json(r.body()).path("data");
        if (data.size() > 1000) {
            return Reply.json(200, "{\"code\":40002,\"message\":\"data: at most 1000 events\",\"request_id\":\"t2\","
                    + "\"data\":{}}");
        }
        for (JsonNode e : data) {
            if (e.path("event_id").asText().startsWith("bad-")) {
                return Reply.json(200, "{\"code\":40002,\"message\":\"Invalid value for event\",\"request_id\":\"t3\","
                        + "\"data\":{}}");
            }
        }
        return Reply.json(200, "{\"code\":0,\"message\":\"OK\",\"request_id\":\"20261204tt00\",\"data\":{}}");
    }

    static Reply linkedin(Recorded r) {
        if (!("Bearer " + LINKEDIN_TOKEN).equals(r.header("Authorization"))) {
            return Reply.json(401, "{\"status\":401,\"serviceErrorCode\":65600,\"code\":\"INVALID_ACCESS_TOKEN\","
                    + "\"message\":\"Invalid access token\"}");
        }
        if (r.header("LinkedIn-Version") == null || !"2.0.0".equals(r.header("X-Restli-Protocol-Version"))
                || !"BATCH_CREATE".equals(r.header("X-RestLi-Method"))) {
            return Reply.json(400, "{\"status\":400,\"message\":\"A version header is missing\"}");
        }
        JsonNode elements = json(r.body()).path("elements");
        if (elements.size() > 5000) {
            return Reply.json(400, "{\"status\":400,\"message\":\"At most 5000 elements\"}");
        }
        List<String> statuses = new ArrayList<>();
        for (JsonNode e : elements) {
            statuses.add(e.path("eventId").asText().startsWith("bad-")
                    ? "{\"status\":400,\"error\":{\"status\":400,\"message\":\"conversionValue.amount is not valid\"}}"
                    : "{\"status\":201}");
        }
        return Reply.json(200, "{\"elements\":[" + String.join(",", statuses) + "]}");
    }
}
