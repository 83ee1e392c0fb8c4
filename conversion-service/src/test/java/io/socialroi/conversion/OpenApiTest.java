package io.socialroi.conversion;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document lists every endpoint with its error responses. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyWorkspaceOperationDeclaresItsProblems() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        for (String path : List.of("/workspaces/{workspaceId}/conversions", "/workspaces/{workspaceId}/identities",
                "/workspaces/{workspaceId}/attribution", "/workspaces/{workspaceId}/attribution/compare",
                "/workspaces/{workspaceId}/customers/{customerId}/journey",
                "/workspaces/{workspaceId}/audiences/{audienceId}/lift",
                "/workspaces/{workspaceId}/exchange-rates/{currency}/{date}")) {
            assertTrue(paths.containsKey(path), "documented: " + path);
        }
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!path.startsWith("/workspaces") || !(operation instanceof Map<?, ?>)) {
                return;
            }
            Object responses = ((Map<?, ?>) operation).get("responses");
            if (!(responses instanceof Map<?, ?> codes) || !codes.containsKey("404")) {
                missing.add(method + " " + path);
            }
        }));
        assertFalse(missing.stream().findAny().isPresent(), "operations without a 404 response: " + missing);
    }
}
