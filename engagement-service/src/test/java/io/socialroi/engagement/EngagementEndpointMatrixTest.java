package io.socialroi.engagement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.socialroi.testing.EndpointMatrix;
import io.socialroi.testing.EndpointMatrix.Endpoint;
import io.socialroi.testing.OpenApiContract;
import io.socialroi.testing.TestKeys;
import io.socialroi.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tenancy and scopes of every workspace endpoint of engagement-service, table-driven: no token 401, a token of
 * another workspace 404, a token without the endpoint's scope 403, a client viewer on a write 403, all as
 * problem+json; and the right token is let in, so the table cannot pass by refusing everyone. A served
 * operation missing from the table fails the test.
 */
@QuarkusTest
class EngagementEndpointMatrixTest {

    static final String POST_ENTRY = "{\"campaignId\":null,\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\","
            + "\"trackedLink\":{\"code\":\"mx%s\",\"destination\":\"https://shop.example/p\"}}";
    static final String EVENTS = "[{\"eventId\":\"matrix-1\",\"type\":\"LIKE\",\"platform\":\"INSTAGRAM\","
            + "\"postId\":\"5f0c2a8e-1b7d-4c3e-9f6a-2d4b8e1c7a90\",\"actorId\":\"ig:1\","
            + "\"occurredAt\":\"2026-11-20T10:00:00Z\"}]";
    static final String SETTINGS = "{\"burstPerMinute\":25}";
    static final String TOUCHPOINTS = "{\"actorIds\":[\"ig:1\"],\"before\":\"2026-11-22T09:00:00Z\"}";
    static final String ACTORS = "{\"since\":\"2026-11-01T00:00:00Z\",\"limit\":10}";
    static final String JOURNEYS = "{\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\","
            + "\"groupBy\":\"PLATFORM\",\"excludeActors\":[\"ig:1\"]}";

    /** Every workspace endpoint with its scope. */
    static List<Endpoint> table() {
        return List.of(
                Endpoint.write("POST", "/workspaces/{workspaceId}/events", "engagement:write", EVENTS),
                Endpoint.read("GET", "/workspaces/{workspaceId}/engagement/summary", "engagement:read"),
                Endpoint.read("GET", "/workspaces/{workspaceId}/engagement/settings", "engagement:read"),
                Endpoint.write("PUT", "/workspaces/{workspaceId}/engagement/settings", "engagement:write", SETTINGS),
                Endpoint.read("GET", "/workspaces/{workspaceId}/touchpoints", "engagement:read"));
    }

    /**
     * The service-to-service endpoints (CONTRACTS.md): only a suite service's token (group service) with the scope
     * is let in. The post directory is written by content-service (engagement:write), the rest read by
     * conversion-service; read searches are POSTs with a body.
     */
    static List<Endpoint> serviceOnly() {
        String code = UUID.randomUUID().toString().substring(0, 8);
        return List.of(
                new Endpoint("POST", "/workspaces/{workspaceId}/touchpoints/search", "engagement:read", false,
                        TOUCHPOINTS, null),
                new Endpoint("POST", "/workspaces/{workspaceId}/actors/search", "engagement:read", false, ACTORS, null),
                new Endpoint("POST", "/workspaces/{workspaceId}/journeys/search", "engagement:read", false, JOURNEYS,
                        null),
                Endpoint.write("PUT", "/workspaces/{workspaceId}/posts/{postId}", "engagement:write",
                        POST_ENTRY.formatted(code)),
                Endpoint.read("GET", "/workspaces/{workspaceId}/posts/{postId}", "engagement:read"),
                Endpoint.read("GET", "/changes", "engagement:read"));
    }

    /**
     * Open by design (API.md): the public tracked link, which a visitor follows without any account, and the click
     * script the client's shop pages load (no token, the same script for every well-formed workspace id).
     */
    static final Set<String> EXEMPT = Set.of("GET /r/{code}", "HEAD /r/{code}", "GET /s/{workspaceId}.js");

    /** The query a valid call of a GET needs, by operation. */
    private static final Map<String, String> QUERIES = Map.of(
            "GET /workspaces/{workspaceId}/engagement/summary", "?from=2026-11-01&to=2026-11-30&groupBy=platform",
            "GET /workspaces/{workspaceId}/touchpoints", "?actorId=ig:1&before=2026-11-22T09:00:00Z");

    @Test
    void everyEndpointEnforcesTokenWorkspaceAndScope() {
        UUID ws = UUID.randomUUID();
        ContentFake.workspace(ws, "Europe/Rome");
        List<String> failures = EndpointMatrix.check(ws, table());
        assertEquals(List.of(), failures);
        // The refused calls changed nothing: no event, no settings, no directory entry.
        assertEquals(0, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ?", ws));
        assertEquals(0, Db.number("SELECT count(*) FROM post_directory WHERE workspace_id = ?", ws));
        assertEquals(0, Db.number("SELECT count(*) FROM engagement_settings WHERE workspace_id = ?", ws));
    }

    @Test
    void theRightTokenIsLetIntoEveryEndpoint() {
        UUID ws = UUID.randomUUID();
        ContentFake.workspace(ws, "Europe/Rome");
        UUID post = UUID.randomUUID();
        List<String> failures = new ArrayList<>();
        // Writes first, so the reads that follow find what was written.
        List<Endpoint> ordered = new ArrayList<>(table().stream().filter(Endpoint::write).toList());
        ordered.addAll(table().stream().filter(e -> !e.write()).toList());
        for (Endpoint e : ordered) {
            String path = e.path().replace("{workspaceId}", ws.toString()).replace("{postId}", post.toString())
                    + QUERIES.getOrDefault(e.name(), "");
            var spec = given().auth().oauth2(TestTokens.workspace(ws, e.scope()));
            if (e.body() != null) {
                spec = spec.contentType("application/json").body(e.body());
            }
            Response response = spec.request(e.method(), path);
            if (response.statusCode() != 200) {
                failures.add(e.name() + ": " + response.statusCode() + " " + response.asString());
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(1, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ?", ws));
    }

    @Test
    void noServedOperationIsLeftOutOfTheTable() throws Exception {
        Set<String> served = OpenApiContract.operations(OpenApiContract.served());
        List<Endpoint> all = new ArrayList<>(table());
        all.addAll(serviceOnly());
        assertEquals(Set.of(), EndpointMatrix.unlisted(served, all, EXEMPT));
        // The exemptions are real operations, so the set cannot hide a renamed endpoint.
        assertTrue(served.containsAll(EXEMPT), "exempt operations served: " + served);
    }

    /**
     * The service-only operations: no token 401; a workspace credential with every scope, the agency admin, a
     * manager's and a client viewer's login, and (on a write) the read-only service token of conversion- and
     * reporting-service 403, all problem+json; nothing is written. A suite service's token with the scope is let in.
     */
    @Test
    void serviceOnlyEndpointsRefuseEveryOtherToken() {
        UUID ws = UUID.randomUUID();
        UUID post = UUID.randomUUID();
        ContentFake.workspace(ws, "Europe/Rome");
        String[] every = {"content:read", "content:write", "engagement:read", "engagement:write", "conversions:read",
            "conversions:write", "reports:read", "costs:write"};
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("workspace credential with every scope", TestTokens.workspace(ws, every));
        refused.put("agency admin", TestTokens.admin());
        refused.put("admin login", TestTokens.workspaces(List.of(ws), "ADMIN", every));
        refused.put("manager login", TestTokens.workspaces(List.of(ws), "MANAGER", every));
        refused.put("client viewer login", TestTokens.workspaces(List.of(ws), "CLIENT_VIEWER", "content:read",
                "engagement:read", "conversions:read", "reports:read"));
        List<String> failures = new ArrayList<>();
        for (Endpoint e : serviceOnly()) {
            String path = e.path().replace("{workspaceId}", ws.toString()).replace("{postId}", post.toString());
            Map<String, Response> answers = new java.util.LinkedHashMap<>();
            answers.put("no token", request(null, e, path));
            refused.forEach((name, token) -> answers.put(name, request(token, e, path)));
            if (e.write()) {
                answers.put("read-only service token", request(TestTokens.service("content:read", "engagement:read",
                        "conversions:read", "reports:read"), e, path));
            }
            answers.forEach((name, response) -> {
                int expected = "no token".equals(name) ? 401 : 403;
                String type = response.contentType();
                if (response.statusCode() != expected || type == null || !type.startsWith("application/problem+json")) {
                    failures.add(e.name() + " [" + name + "]: " + response.statusCode() + " " + type);
                }
            });
        }
        assertEquals(List.of(), failures);
        assertEquals(0, Db.number("SELECT count(*) FROM post_directory WHERE workspace_id = ?", ws));
        // The suite's own tokens are let in, writes first so the read finds the entry.
        List<Endpoint> ordered = new ArrayList<>(serviceOnly().stream().filter(Endpoint::write).toList());
        ordered.addAll(serviceOnly().stream().filter(e -> !e.write()).toList());
        for (Endpoint e : ordered) {
            String path = e.path().replace("{workspaceId}", ws.toString()).replace("{postId}", post.toString());
            String token = e.write() ? TestTokens.serviceFor(ws, e.scope()) : TestTokens.service(e.scope());
            Response let = request(token, e, path);
            if (let.statusCode() != 200) {
                failures.add(e.name() + " [service token]: " + let.statusCode() + " " + let.asString());
            }
        }
        assertEquals(List.of(), failures);
    }

    /**
     * content-service writes the post directory with a token it mints itself (TokenIssuer.forService): group
     * service, scope engagement:write, bound to the one workspace. Bound to another workspace it gets the 404 of a
     * missing workspace and writes nothing; the same scope without group service (a credential's) is refused.
     */
    @Test
    void thePostDirectoryIsWrittenWithContentServicesWorkspaceToken() {
        UUID ws = UUID.randomUUID();
        UUID post = UUID.randomUUID();
        String body = POST_ENTRY.formatted(UUID.randomUUID().toString().substring(0, 8));
        String path = "/workspaces/" + ws + "/posts/" + post;
        given().auth().oauth2(TestTokens.serviceFor(UUID.randomUUID(), "engagement:write")).contentType("application/json")
                .body(body).put(path).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(withoutServiceGroup(ws)).contentType("application/json").body(body).put(path).then()
                .statusCode(403).contentType("application/problem+json");
        assertEquals(0, Db.number("SELECT count(*) FROM post_directory WHERE workspace_id = ?", ws));
        given().auth().oauth2(TestTokens.serviceFor(ws, "engagement:write")).contentType("application/json").body(body)
                .put(path).then().statusCode(200);
        assertEquals("ACTION", Db.text("SELECT funnel_stage FROM post_directory WHERE workspace_id = ? AND post_id = ?",
                ws, post));
        // The service token of conversion- or reporting-service reads the entry (every workspace, engagement:read).
        given().auth().oauth2(TestTokens.service("content:read", "engagement:read")).get(path).then().statusCode(200);
    }

    private static Response request(String token, Endpoint e, String path) {
        var spec = token == null ? given() : given().auth().oauth2(token);
        if (e.body() != null) {
            spec = spec.contentType("application/json").body(e.body());
        }
        return spec.request(e.method(), path);
    }

    /** What content-service minted before issue 13: its subject and scope, bound to the workspace, no group service. */
    private static String withoutServiceGroup(UUID ws) {
        return Jwt.claims().subject("content-service").issuer(TestTokens.ISSUER)
                .audience(Set.copyOf(TestTokens.AUDIENCES)).groups(Set.of("engagement:write"))
                .claim("scope", "engagement:write").claim("ws", List.of(ws.toString())).expiresIn(300).jws()
                .keyId("test").sign(TestKeys.privateKey());
    }
}
