package io.socialroi.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.testing.EndpointMatrix;
import io.socialroi.testing.EndpointMatrix.Endpoint;
import io.socialroi.testing.OpenApiContract;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tenancy and scopes of every workspace endpoint of conversion-service: no token 401, a token of another
 * workspace 404, a token with every scope but the endpoint's own 403, a client viewer on a write 403, all as
 * problem+json. A served operation missing from the table fails the test, so a new endpoint must be listed.
 */
@QuarkusTest
class ConversionEndpointMatrixTest {

    static final String READ = "conversions:read";
    static final String WRITE = "conversions:write";
    static final String WS = "/workspaces/{workspaceId}";

    static final String CONVERSION = "{\"eventId\":\"matrix-1\",\"type\":\"PURCHASE\",\"value\":{\"amount\":\"12.50\","
            + "\"currency\":\"EUR\"},\"occurredAt\":\"2026-11-22T09:00:00+01:00\",\"customerId\":\"cust-1\"}";
    static final String IDENTITY = "{\"customerId\":\"cust-1\",\"actorId\":\"ig:1\",\"platform\":\"INSTAGRAM\"}";
    static final String AUDIENCE = "{\"name\":\"Warm\",\"engagedWithinDays\":14,\"funnelStages\":[\"TRUST\"],"
            + "\"minIntent\":40,\"excludeConverted\":true}";
    static final String RATE = "{\"rate\":\"0.92\"}";
    static final String CONNECTOR = "{\"secret\":\"whsec_matrix_secret_0123456789\"}";
    static final String EXPORT = "{\"datasetId\":\"123456789012345\",\"accessToken\":\"EAAGmatrixToken0123\"}";

    /** Every workspace operation of the service, with the one scope it needs. */
    static final List<Endpoint> TABLE = List.of(
            Endpoint.write("POST", WS + "/conversions", WRITE, CONVERSION),
            Endpoint.write("POST", WS + "/conversions", WRITE, "[" + CONVERSION + "]"),
            Endpoint.write("POST", WS + "/conversions/batch", WRITE, "[" + CONVERSION + "]"),
            Endpoint.read("GET", WS + "/conversions", READ),
            Endpoint.read("GET", WS + "/conversions/{conversionId}", READ),
            Endpoint.write("POST", WS + "/identities", WRITE, IDENTITY),
            Endpoint.read("GET", WS + "/identities", READ),
            Endpoint.read("GET", WS + "/attribution", READ),
            Endpoint.read("GET", WS + "/attribution/compare", READ),
            Endpoint.read("GET", WS + "/attribution/paths", READ),
            Endpoint.write("POST", WS + "/audiences", WRITE, AUDIENCE),
            Endpoint.read("GET", WS + "/audiences", READ),
            Endpoint.read("GET", WS + "/audiences/{audienceId}", READ),
            Endpoint.write("PATCH", WS + "/audiences/{audienceId}", WRITE, "{\"name\":\"Renamed\"}"),
            Endpoint.write("DELETE", WS + "/audiences/{audienceId}", WRITE, null),
            Endpoint.read("GET", WS + "/audiences/{audienceId}/members", READ),
            Endpoint.read("GET", WS + "/audiences/{audienceId}/lift", READ),
            Endpoint.read("GET", WS + "/customers/{customerId}", READ),
            Endpoint.read("GET", WS + "/customers/{customerId}/journey", READ),
            Endpoint.write("PUT", WS + "/exchange-rates/{currency}/{date}", WRITE, RATE),
            Endpoint.read("GET", WS + "/exchange-rates/{currency}/{date}", READ),
            new Endpoint("PUT", WS + "/connectors/{connector}", WRITE, true, CONNECTOR, "stripe"),
            new Endpoint("GET", WS + "/connectors/{connector}", READ, false, null, "stripe"),
            new Endpoint("DELETE", WS + "/connectors/{connector}", WRITE, true, null, "stripe"),
            new Endpoint("PUT", WS + "/exports/{platform}", WRITE, true, EXPORT, "meta"),
            Endpoint.read("GET", WS + "/exports", READ),
            new Endpoint("GET", WS + "/exports/{platform}", READ, false, null, "meta"),
            new Endpoint("DELETE", WS + "/exports/{platform}", WRITE, true, null, "meta"),
            new Endpoint("GET", WS + "/exports/{platform}/deliveries", READ, false, null, "meta"));

    /**
     * Served operations that are not bearer-token endpoints: the commerce and CRM receivers, which the platforms call
     * with their signature instead (CommerceHooksTest: a missing or bad signature, another workspace's secret, a
     * workspace without the connector are all 401 problem+json and store nothing).
     */
    static final Set<String> EXEMPT = Set.of("POST /hooks/{workspaceId}/shopify", "POST /hooks/{workspaceId}/stripe",
            "POST /hooks/{workspaceId}/woocommerce", "POST /hooks/{workspaceId}/leads");

    @FakeServices.Inject
    Fakes fakes;

    @Test
    void everyEndpointChecksTokenWorkspaceAndScope() {
        UUID ws = fakes.workspace();
        assertEquals(List.of(), EndpointMatrix.check(ws, TABLE));
    }

    @Test
    void everyServedOperationIsInTheTable() throws Exception {
        assertEquals(Set.of(), EndpointMatrix.unlisted(OpenApiContract.operations(OpenApiContract.served()), TABLE,
                EXEMPT));
    }

    /** A client viewer reads everything it is shown (the matrix only proves it cannot write). */
    @Test
    void clientViewerReadsButAnInvalidTokenIsStill401() {
        UUID ws = fakes.workspace();
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search",
                io.socialroi.testing.FakeServer.Reply.json(200, "{\"items\":[]}"));
        fakes.journeys(ws, List.of());
        String viewer = io.socialroi.testing.TestTokens.workspaces(List.of(ws), "CLIENT_VIEWER", "content:read",
                "engagement:read", READ, "reports:read");
        for (String path : List.of("/conversions", "/attribution", "/attribution/compare", "/attribution/paths", "/audiences",
                "/identities?customerId=c")) {
            io.restassured.RestAssured.given().auth().oauth2(viewer).get("/workspaces/" + ws + path).then()
                    .statusCode(200);
        }
        // Authentication comes before parameter checks: no token with a hostile parameter is still a 401.
        io.restassured.RestAssured.given().urlEncodingEnabled(false)
                .get("/workspaces/" + ws + "/conversions?customerId=a%00b").then().statusCode(401)
                .contentType("application/problem+json");
        io.restassured.RestAssured.given().auth().oauth2("not-a-jwt").get("/workspaces/" + ws + "/conversions").then()
                .statusCode(401).contentType("application/problem+json");
    }

    /** The CSV export of members is the same endpoint asked for text/csv: checked the same way. */
    @Test
    void csvExportChecksTokenWorkspaceAndScopeToo() {
        UUID ws = fakes.workspace();
        UUID other = UUID.randomUUID();
        String path = "/workspaces/" + ws + "/audiences/" + UUID.randomUUID() + "/members";
        io.restassured.RestAssured.given().accept("text/csv").get(path).then().statusCode(401)
                .contentType("application/problem+json");
        io.restassured.RestAssured.given().accept("text/csv")
                .auth().oauth2(io.socialroi.testing.TestTokens.workspace(other, READ)).get(path).then()
                .statusCode(404).contentType("application/problem+json");
        io.restassured.RestAssured.given().accept("text/csv")
                .auth().oauth2(io.socialroi.testing.TestTokens.workspace(ws, WRITE, "reports:read")).get(path).then()
                .statusCode(403).contentType("application/problem+json");
    }
}
