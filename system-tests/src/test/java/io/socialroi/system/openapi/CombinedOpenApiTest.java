package io.socialroi.system.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialroi.testing.CombinedOpenApi;
import io.socialroi.testing.OpenApiContract;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The combined document (what integrators see behind the Ingress) is built from the four committed per-service
 * documents and committed as system-tests/src/test/resources/openapi/suite.json; this keeps it up to date
 * ({@code -Dopenapi.update=true} rewrites it) and the generated clients are built from it.
 */
class CombinedOpenApiTest {

    static final Path ROOT = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
    static final Path COMMITTED = ROOT.resolve("system-tests/src/test/resources/openapi/suite.json");

    static Map<String, Path> services() {
        Map<String, Path> documents = new LinkedHashMap<>();
        for (String service : List.of("content-service", "engagement-service", "conversion-service",
                "reporting-service")) {
            documents.put(service, ROOT.resolve(service + "/src/test/resources/openapi/" + service + ".json"));
        }
        return documents;
    }

    @Test
    void theCommittedCombinedDocumentIsBuiltFromTheFourServices() throws IOException {
        ObjectNode combined = CombinedOpenApi.combine(services());
        assertEquals(List.of(), OpenApiContract.compareWithCommitted(combined, COMMITTED));
    }

    @Test
    void integratorsSeeNoServiceToServiceOperationAndEveryIdIsUnique() throws IOException {
        JsonNode combined = CombinedOpenApi.combine(services());
        Set<String> operations = OpenApiContract.operations(combined);
        assertTrue(operations.contains("POST /auth/token"));
        assertTrue(operations.contains("GET /workspaces/{workspaceId}/reports/roi"));
        assertTrue(operations.contains("POST /workspaces/{workspaceId}/events"));
        for (String internal : List.of("GET /changes", "GET /auth/revocations",
                "POST /workspaces/{workspaceId}/touchpoints/search", "POST /workspaces/{workspaceId}/actors/search",
                "POST /workspaces/{workspaceId}/journeys/search",
                "PUT /workspaces/{workspaceId}/posts/{postId}")) {
            assertFalse(operations.contains(internal), internal);
        }
        Set<String> ids = new TreeSet<>();
        combined.path("paths").forEach(item -> item.forEach(op -> {
            if (op.has("operationId")) {
                assertTrue(ids.add(op.get("operationId").asText()), "duplicate " + op.get("operationId"));
            }
        }));
        assertEquals(operations.size(), ids.size(), "every operation has an operationId");
    }

    /**
     * A generated client types an answer only from a media type with a schema: every 200 and 201 says what it
     * carries (a JSON schema, or a CSV/HTML/redirect media type), so no method comes out returning void or any.
     */
    @Test
    void everySuccessfulAnswerIsTyped() throws IOException {
        JsonNode combined = CombinedOpenApi.combine(services());
        List<String> untyped = new java.util.ArrayList<>();
        combined.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!op.getValue().has("responses")) {
                return;
            }
            for (String status : List.of("200", "201")) {
                JsonNode response = op.getValue().path("responses").path(status);
                if (response.isMissingNode() || op.getKey().equals("head")) {
                    continue;
                }
                JsonNode content = response.path("content");
                JsonNode json = content.path("application/json").path("schema");
                boolean typed = json.has("$ref") || json.has("type") || json.has("oneOf")
                        || (!content.isEmpty() && !content.has("application/json"));
                if (!typed) {
                    untyped.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + status);
                }
            }
        }));
        assertEquals(List.of(), untyped);
    }

    /** A $ref stands alone (no type or properties beside it): openapi-generator refuses such schemas. */
    @Test
    void noReferenceHasATypeOrPropertiesBesideIt() throws IOException {
        List<String> found = new java.util.ArrayList<>();
        siblings(CombinedOpenApi.combine(services()), "#", found);
        assertEquals(List.of(), found);
    }

    private static void siblings(JsonNode node, String where, List<String> found) {
        if (node.isObject()) {
            if (node.has("$ref") && (node.has("type") || node.has("properties"))) {
                found.add(where);
            }
            node.fields().forEachRemaining(field -> siblings(field.getValue(), where + "/" + field.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                siblings(node.get(i), where + "/" + i, found);
            }
        }
    }
}
