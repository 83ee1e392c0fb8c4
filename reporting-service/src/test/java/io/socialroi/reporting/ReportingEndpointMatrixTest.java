package io.socialroi.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.testing.EndpointMatrix;
import io.socialroi.testing.EndpointMatrix.Endpoint;
import io.socialroi.testing.OpenApiContract;
import io.socialroi.testing.TestTokens;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tenancy and scopes of every workspace endpoint of reporting-service (issue 9): no token 401, another
 * workspace's token 404, a token without the endpoint's scope 403, a client viewer on a write 403, all as
 * problem+json. A served operation (or a JAX-RS resource method, even one hidden from the OpenAPI document)
 * that is neither in the table nor in the justified exempt set fails the test.
 */
@QuarkusTest
class ReportingEndpointMatrixTest {

    private static final String COST = "{\"category\":\"AD_SPEND\",\"amount\":{\"amount\":\"40.00\",\"currency\":\"EUR\"},"
            + "\"incurredOn\":\"2026-11-20\"}";
    private static final String SETTINGS = "{\"hourlyRate\":{\"amount\":\"30\",\"currency\":\"EUR\"},"
            + "\"minutesPerComment\":2,\"minutesPerDm\":5}";

    static final List<Endpoint> TABLE = List.of(
            Endpoint.write("POST", "/workspaces/{workspaceId}/costs", "costs:write", COST),
            Endpoint.read("GET", "/workspaces/{workspaceId}/costs", "reports:read"),
            Endpoint.read("GET", "/workspaces/{workspaceId}/costs/{costId}", "reports:read"),
            Endpoint.write("PUT", "/workspaces/{workspaceId}/costs/{costId}", "costs:write", COST),
            Endpoint.write("DELETE", "/workspaces/{workspaceId}/costs/{costId}", "costs:write", null),
            Endpoint.read("GET", "/workspaces/{workspaceId}/settings", "reports:read"),
            Endpoint.write("PUT", "/workspaces/{workspaceId}/settings", "costs:write", SETTINGS),
            Endpoint.read("GET", "/workspaces/{workspaceId}/reports/roi", "reports:read"),
            Endpoint.read("GET", "/workspaces/{workspaceId}/reports/funnel", "reports:read"),
            Endpoint.read("GET", "/workspaces/{workspaceId}/reports/engagement-vs-revenue", "reports:read"));

    /**
     * Open on purpose (API.md, "Open without a token"): the dashboard's static files and {@code /config.json},
     * which holds only the service addresses the page calls. None of them touches workspace data.
     */
    static final Set<String> EXEMPT = Set.of("GET /config.json");

    @Test
    void everyEndpointEnforcesWorkspaceAndScope() {
        UUID ws = FakeServices.workspace("Europe/Rome", "EUR");
        assertEquals(List.of(), EndpointMatrix.check(ws, TABLE));
    }

    @Test
    void theSameChecksHoldForCsv() {
        UUID ws = FakeServices.workspace("UTC", "EUR");
        UUID other = UUID.randomUUID();
        for (String report : List.of("roi", "funnel", "engagement-vs-revenue")) {
            String path = "/workspaces/" + ws + "/reports/" + report;
            given().accept("text/csv").get(path).then().statusCode(401).contentType("application/problem+json");
            given().accept("text/csv").auth().oauth2(TestTokens.workspace(other, "reports:read")).get(path).then()
                    .statusCode(404).contentType("application/problem+json");
            given().accept("text/csv").auth().oauth2(TestTokens.workspace(ws, "costs:write", "content:read"))
                    .get(path).then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void aWorkspaceTokenCannotReadAnotherWorkspacesRows() {
        UUID mine = FakeServices.workspace("UTC", "EUR");
        UUID theirs = FakeServices.workspace("UTC", "EUR");
        given().auth().oauth2(TestTokens.workspace(theirs, "costs:write")).contentType("application/json").body(COST)
                .post("/workspaces/" + theirs + "/costs").then().statusCode(201);
        given().auth().oauth2(TestTokens.workspace(mine, "reports:read", "costs:write"))
                .get("/workspaces/" + theirs + "/costs").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(mine, "reports:read")).get("/workspaces/" + mine + "/costs")
                .then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void noServedOperationIsMissingFromTheTable() throws IOException {
        assertEquals(Set.of(), EndpointMatrix.unlisted(OpenApiContract.operations(OpenApiContract.served()), TABLE,
                EXEMPT));
    }

    /** Also the resource methods the OpenAPI document does not show (hidden operations). */
    @Test
    void noResourceMethodIsMissingFromTheTable() throws Exception {
        Set<String> declared = new TreeSet<>();
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null || type.isInterface()) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = verb(method);
                    if (verb != null) {
                        jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                        declared.add(verb + " " + join(root.value(), sub == null ? "" : sub.value()));
                    }
                }
            }
        }
        assertEquals(Set.of(), EndpointMatrix.unlisted(declared, TABLE, EXEMPT));
        assertEquals(TABLE.size() + EXEMPT.size(), declared.size(), "resource methods found: " + declared);
    }

    private static String verb(Method method) {
        Map<Class<? extends Annotation>, String> verbs = Map.of(GET.class, "GET", POST.class, "POST", PUT.class,
                "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH", HEAD.class, "HEAD");
        for (Map.Entry<Class<? extends Annotation>, String> v : verbs.entrySet()) {
            if (method.isAnnotationPresent(v.getKey())) {
                return v.getValue();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
