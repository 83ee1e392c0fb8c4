package io.socialroi.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The table-driven tenancy and scope check of a service: every listed endpoint is called with no token,
 * with a token bound to another workspace, with a token lacking its scope, and (for writes) with a
 * client viewer's read-only token, expecting 401, 404, 403 and 403, each as problem+json. {@link #unlisted}
 * names served operations missing from the table, so a new endpoint cannot slip through unlisted.
 */
public final class EndpointMatrix {

    /**
     * One endpoint: method and OpenAPI path template, the scope it needs, whether it writes, and a
     * valid-looking body for writes. {@code {workspaceId}} is filled in; other path parameters get random
     * UUIDs unless given in {@code pathValue}.
     */
    public record Endpoint(String method, String path, String scope, boolean write, String body, String pathValue) {

        public static Endpoint read(String method, String path, String scope) {
            return new Endpoint(method, path, scope, false, null, null);
        }

        public static Endpoint write(String method, String path, String scope, String body) {
            return new Endpoint(method, path, scope, true, body, null);
        }

        public String name() {
            return method + " " + path;
        }
    }

    private static final List<String> ALL_SCOPES = List.of("content:read", "content:write", "engagement:read",
            "engagement:write", "conversions:read", "conversions:write", "reports:read", "costs:write");
    private static final List<String> VIEWER_SCOPES = List.of("content:read", "engagement:read",
            "conversions:read", "reports:read");

    private EndpointMatrix() {
    }

    /** Served workspace operations not in the table ("METHOD path"), for the completeness check. */
    public static Set<String> unlisted(Set<String> servedOperations, List<Endpoint> table, Set<String> exempt) {
        Set<String> listed = new TreeSet<>();
        table.forEach(e -> listed.add(e.name()));
        Set<String> missing = new TreeSet<>(servedOperations);
        missing.removeAll(listed);
        missing.removeAll(exempt);
        return missing;
    }

    /** Runs the four checks on every endpoint for workspace {@code ws}; returns the failures, empty if none. */
    public static List<String> check(UUID ws, List<Endpoint> table) {
        List<String> failures = new ArrayList<>();
        UUID other = UUID.randomUUID();
        for (Endpoint e : table) {
            String[] otherScopes = ALL_SCOPES.stream().filter(s -> !s.equals(e.scope())).toArray(String[]::new);
            expect(failures, e, "no token", call(given(), e, ws), 401);
            expect(failures, e, "other workspace",
                    call(given().auth().oauth2(TestTokens.workspace(other, ALL_SCOPES.toArray(String[]::new))), e, ws),
                    404);
            expect(failures, e, "missing scope " + e.scope(),
                    call(given().auth().oauth2(TestTokens.workspace(ws, otherScopes)), e, ws), 403);
            if (e.write()) {
                String viewer = TestTokens.workspaces(List.of(ws), "CLIENT_VIEWER", VIEWER_SCOPES.toArray(String[]::new));
                expect(failures, e, "client viewer", call(given().auth().oauth2(viewer), e, ws), 403);
            }
        }
        return failures;
    }

    private static Response call(RequestSpecification spec, Endpoint e, UUID ws) {
        String path = e.path().replace("{workspaceId}", ws.toString()).replace("{ws}", ws.toString());
        path = path.replaceAll("\\{[^}]+}", e.pathValue() == null ? UUID.randomUUID().toString() : e.pathValue());
        if (e.body() != null) {
            spec = spec.contentType("application/json").body(e.body());
        }
        return spec.redirects().follow(false).request(e.method(), path);
    }

    private static void expect(List<String> failures, Endpoint e, String caseName, Response response, int status) {
        String type = response.contentType();
        if (response.statusCode() != status) {
            failures.add(e.name() + " [" + caseName + "]: expected " + status + " but was " + response.statusCode());
        } else if (type == null || !type.startsWith("application/problem+json")) {
            failures.add(e.name() + " [" + caseName + "]: " + status + " without problem+json (" + type + ")");
        }
    }
}
