package io.socialroi.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.testing.OpenApiContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document is the committed one (src/test/resources/openapi/engagement-service.json; after
 * an intended change regenerate it with -Dopenapi.update=true and review the diff), and it documents every
 * problem a client can meet.
 */
@QuarkusTest
class EngagementOpenApiTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        List<String> diff = OpenApiContract.compareWithCommitted(OpenApiContract.served(),
                Path.of("src/test/resources/openapi/engagement-service.json"));
        assertEquals(List.of(), diff);
    }

    @Test
    void everyOperationDocumentsItsProblems() throws Exception {
        JsonNode doc = OpenApiContract.served();
        assertEquals(List.of(), OpenApiContract.operationsMissingProblems(doc, EngagementEndpointMatrixTest.EXEMPT));
        // Secured operations also say what a wrong token gets, as problem+json.
        List<String> missing = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            if (EngagementEndpointMatrixTest.EXEMPT.contains(name) || !op.getValue().has("responses")) {
                return;
            }
            // 404 is the answer to another client's workspace; the service-only feed has none.
            List<String> statuses = "GET /changes".equals(name) ? List.of("401", "403") : List.of("401", "403", "404");
            for (String status : statuses) {
                if (!op.getValue().path("responses").path(status).path("content").has(PROBLEM)) {
                    missing.add(name + " " + status);
                }
            }
        }));
        assertEquals(List.of(), missing);
    }

    @Test
    void ingestionDocumentsItsLimitsAndOutages() throws Exception {
        JsonNode responses = OpenApiContract.served().path("paths").path("/workspaces/{workspaceId}/events")
                .path("post").path("responses");
        for (String status : List.of("400", "401", "403", "404", "413", "415", "429", "503")) {
            assertTrue(responses.path(status).path("content").has(PROBLEM), "POST events documents " + status);
        }
        assertTrue(responses.path("429").path("headers").has("Retry-After"), "429 names Retry-After");
        assertTrue(responses.path("503").path("headers").has("Retry-After"), "503 names Retry-After");
    }

    /** A client reading the document sees a ready example for every request body. */
    @Test
    void everyRequestBodyHasAnExample() throws Exception {
        JsonNode doc = OpenApiContract.served();
        List<String> missing = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode content = op.getValue().path("requestBody").path("content");
            for (Map.Entry<String, JsonNode> media : (Iterable<Map.Entry<String, JsonNode>>) content::fields) {
                if (!hasExample(doc, media.getValue())) {
                    missing.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + media.getKey());
                }
            }
        }));
        assertEquals(List.of(), missing);
        assertFalse(doc.path("paths").isEmpty());
    }

    private static boolean hasExample(JsonNode doc, JsonNode media) {
        if (media.has("example") || media.has("examples") || media.path("schema").has("example")
                || media.path("schema").has("examples")) {
            return true;
        }
        String ref = media.path("schema").path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            JsonNode schema = doc.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
            return schema.has("example") || schema.has("examples");
        }
        return false;
    }
}
