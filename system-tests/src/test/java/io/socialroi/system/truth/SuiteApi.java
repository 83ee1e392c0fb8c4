package io.socialroi.system.truth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialroi.system.SuiteCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain JSON over HTTP against the running suite, with one workspace's token. */
public final class SuiteApi {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer: status and body (JSON when it parses, else null). */
    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private final SuiteCluster suite;
    private final String workspaceId;
    private final String token;

    public SuiteApi(SuiteCluster suite, String workspaceId, String token) {
        this.suite = suite;
        this.workspaceId = workspaceId;
        this.token = token;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public SuiteCluster suite() {
        return suite;
    }

    /** A new workspace (Europe/Berlin, EUR) and a credential of it with every workspace scope. */
    public static SuiteApi newWorkspace(SuiteCluster suite, String name) {
        String admin = token(suite, SuiteCluster.ADMIN_CLIENT_ID, SuiteCluster.ADMIN_CLIENT_SECRET);
        JsonNode ws = expect(201, send(suite.content(), "POST", "/workspaces", admin,
                Map.of("name", name, "timeZone", "Europe/Berlin", "currency", "EUR")));
        String id = ws.get("id").asText();
        JsonNode credential = expect(201, send(suite.content(), "POST", "/workspaces/" + id + "/credentials", admin,
                Map.of("name", "integration", "scopes", List.of("content:read", "content:write", "engagement:read",
                        "engagement:write", "conversions:read", "conversions:write", "reports:read", "costs:write"))));
        return new SuiteApi(suite, id, token(suite, credential.get("clientId").asText(),
                credential.get("clientSecret").asText()));
    }

    static String token(SuiteCluster suite, String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(secret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.content() + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return expect(200, exchange(request)).get("access_token").asText();
    }

    /**
     * engagement-service's post directory entry of a post. The directory is service-to-service (CONTRACTS.md), so
     * it is read with a suite service's own token, obtained as reporting-service obtains it.
     */
    public Answer directoryEntry(String postId) {
        String service = token(suite, "reporting-service", SuiteCluster.SERVICE_SECRET);
        return send(suite.engagement(), "GET", "/workspaces/" + workspaceId + "/posts/" + postId, service, null);
    }

    /** {@code method} on {@code base + /workspaces/{ws} + path} with a JSON body (or none). */
    public Answer call(String base, String method, String path, Object body) {
        return send(base, method, "/workspaces/" + workspaceId + path, token, body);
    }

    /** GET with query parameters (in order); expects 200. */
    public JsonNode get(String base, String path, Map<String, String> query) {
        return expect(200, call(base, "GET", path + query(query), null));
    }

    public JsonNode post(String base, String path, Object body, int... statuses) {
        Answer answer = call(base, "POST", path, body);
        for (int status : statuses) {
            if (answer.status() == status) {
                return answer.json();
            }
        }
        throw new AssertionError("POST " + path + " answered " + answer.status() + ": " + answer.body());
    }

    public static String query(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        return "?" + query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static Map<String, String> params(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return map;
    }

    static JsonNode expect(int status, Answer answer) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + " but got " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    private static Answer send(String base, String method, String path, String token, Object body) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(request.build());
    }

    private static Answer exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
