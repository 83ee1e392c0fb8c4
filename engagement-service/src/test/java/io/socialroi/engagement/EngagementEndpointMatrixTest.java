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

    /** Every workspace endpoint with its scope; read searches are POSTs with a body. */
    static List<Endpoint> table() {
        String code = UUID.randomUUID().toString().substring(0, 8);
        return List.of(
                Endpoint.write("POST", "/workspaces/{workspaceId}/events", "engagement:write", EVENTS),
                Endpoint.read("GET", "/workspaces/{workspaceId}/engagement/summary", "engagement:read"),
                Endpoint.read("GET", "/workspaces/{workspaceId}/engagement/settings", "engagement:read"),
                Endpoint.write("PUT", "/workspaces/{workspaceId}/engagement/settings", "engagement:write", SETTINGS),
                Endpoint.read("GET", "/workspaces/{workspaceId}/touchpoints", "engagement:read"),
                new Endpoint("POST", "/workspaces/{workspaceId}/touchpoints/search", "engagement:read", false,
                        TOUCHPOINTS, null),
                new Endpoint("POST", "/workspaces/{workspaceId}/actors/search", "engagement:read", false, ACTORS, null),
                Endpoint.write("PUT", "/workspaces/{workspaceId}/posts/{postId}", "engagement:write",
                        POST_ENTRY.formatted(code)),
                Endpoint.read("GET", "/workspaces/{workspaceId}/posts/{postId}", "engagement:read"));
    }

    /** Open by design (API.md): the public tracked link, which a visitor follows without any account. */
    static final Set<String> EXEMPT = Set.of("GET /r/{code}", "HEAD /r/{code}");

    /** Not of one workspace: for the suite's own services only (a token with group service), checked below. */
    static final Set<String> SERVICE_ONLY = Set.of("GET /changes");

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
        assertEquals(1, Db.number("SELECT count(*) FROM post_directory WHERE workspace_id = ? AND post_id = ?", ws,
                post));
    }

    @Test
    void noServedOperationIsLeftOutOfTheTable() throws Exception {
        Set<String> served = OpenApiContract.operations(OpenApiContract.served());
        Set<String> exempt = new java.util.HashSet<>(EXEMPT);
        exempt.addAll(SERVICE_ONLY);
        assertEquals(Set.of(), EndpointMatrix.unlisted(served, table(), exempt));
        // The exemptions are real operations, so the set cannot hide a renamed endpoint.
        assertTrue(served.containsAll(exempt), "exempt operations served: " + served);
    }

    /**
     * The service-only operations: no token 401; a workspace token with every scope, an agency admin and a client
     * viewer 403, all problem+json; a suite service's token is let in.
     */
    @Test
    void serviceOnlyEndpointsRefuseEveryOtherToken() {
        UUID ws = UUID.randomUUID();
        List<String> failures = new ArrayList<>();
        String[] all = {"content:read", "content:write", "engagement:read", "engagement:write", "conversions:read",
            "conversions:write", "reports:read", "costs:write"};
        for (String op : SERVICE_ONLY) {
            String method = op.substring(0, op.indexOf(' '));
            String path = op.substring(op.indexOf(' ') + 1);
            Map<String, Response> refused = Map.of(
                    "no token 401", given().request(method, path),
                    "workspace token 403", given().auth().oauth2(TestTokens.workspace(ws, all)).request(method, path),
                    "admin 403", given().auth().oauth2(TestTokens.admin()).request(method, path),
                    "client viewer 403", given().auth().oauth2(TestTokens.workspaces(List.of(ws), "CLIENT_VIEWER",
                            "engagement:read")).request(method, path));
            refused.forEach((name, response) -> {
                int expected = Integer.parseInt(name.substring(name.length() - 3));
                String type = response.contentType();
                if (response.statusCode() != expected || type == null || !type.startsWith("application/problem+json")) {
                    failures.add(op + " [" + name + "]: " + response.statusCode() + " " + type);
                }
            });
            Response let = given().auth().oauth2(TestTokens.service("engagement:read")).request(method, path);
            if (let.statusCode() != 200) {
                failures.add(op + " [service token]: " + let.statusCode() + " " + let.asString());
            }
        }
        assertEquals(List.of(), failures);
    }

    /**
     * The post directory PUT is called by content-service (CONTRACTS.md) with a token it mints itself: bound to
     * the one workspace, scope engagement:write. That token is let in; the read-only service token other suite
     * services hold is not, nor is content-service's token for another workspace.
     */
    @Test
    void thePostDirectoryIsWrittenWithContentServicesWorkspaceToken() {
        UUID ws = UUID.randomUUID();
        UUID post = UUID.randomUUID();
        String body = POST_ENTRY.formatted(UUID.randomUUID().toString().substring(0, 8));
        String path = "/workspaces/" + ws + "/posts/" + post;
        given().auth().oauth2(TestTokens.service("service", "content:read", "engagement:read", "conversions:read",
                "reports:read")).contentType("application/json").body(body).put(path).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(contentServiceToken(UUID.randomUUID())).contentType("application/json").body(body)
                .put(path).then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, Db.number("SELECT count(*) FROM post_directory WHERE workspace_id = ?", ws));
        given().auth().oauth2(contentServiceToken(ws)).contentType("application/json").body(body).put(path).then()
                .statusCode(200);
        assertEquals("ACTION", Db.text("SELECT funnel_stage FROM post_directory WHERE workspace_id = ? AND post_id = ?",
                ws, post));
        // The service token of conversion- or reporting-service reads the entry (every workspace, engagement:read).
        given().auth().oauth2(TestTokens.service("content:read", "engagement:read")).get(path).then().statusCode(200);
    }

    /** As content-service's TokenIssuer.forWorkspace mints it. */
    private static String contentServiceToken(UUID ws) {
        return Jwt.claims().subject("content-service").issuer(TestTokens.ISSUER)
                .audience(Set.copyOf(TestTokens.AUDIENCES)).groups(Set.of("engagement:write"))
                .claim("scope", "engagement:write").claim("ws", List.of(ws.toString())).expiresIn(300).jws()
                .keyId("test").sign(TestKeys.privateKey());
    }
}
