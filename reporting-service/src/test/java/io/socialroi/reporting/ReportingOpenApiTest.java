package io.socialroi.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.testing.OpenApiContract;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document against the committed copy (contract changes show in review; regenerate with
 * {@code -Dopenapi.update=true}), and what each operation must document (issue 9).
 */
@QuarkusTest
class ReportingOpenApiTest {

    private static final Path COMMITTED = Path.of("src/test/resources/openapi/reporting-service.json");

    @Test
    void theServedDocumentIsTheCommittedOne() throws IOException {
        assertEquals(List.of(), OpenApiContract.compareWithCommitted(OpenApiContract.served(), COMMITTED));
    }

    @Test
    void everyOperationDocumentsItsProblems() throws IOException {
        // No open operation is served: the dashboard's files and /config.json are not part of the API document.
        assertEquals(List.of(), OpenApiContract.operationsMissingProblems(OpenApiContract.served(), Set.of()));
    }

    @Test
    void everyOperationDocumentsTheWholeSetOfAnswers() throws IOException {
        JsonNode doc = OpenApiContract.served();
        List<String> missing = new ArrayList<>();
        for (String operation : OpenApiContract.operations(doc)) {
            String method = operation.substring(0, operation.indexOf(' ')).toLowerCase();
            String path = operation.substring(operation.indexOf(' ') + 1);
            JsonNode op = doc.path("paths").path(path).path(method);
            JsonNode responses = op.path("responses");
            boolean body = op.has("requestBody");
            boolean query = false;
            for (JsonNode parameter : op.path("parameters")) {
                query |= parameter.path("in").asText().equals("query");
            }
            List<String> expected = new ArrayList<>(List.of("401", "403", "404", "503"));
            if (body) {
                expected.addAll(List.of("400", "413", "415", "422"));
            }
            if (query) {
                expected.add("422");
            }
            for (String status : expected) {
                if (!responses.path(status).path("content").has("application/problem+json")) {
                    missing.add(operation + ": " + status + " as problem+json");
                }
            }
            if ((method.equals("post") || method.equals("put")) && !body) {
                missing.add(operation + ": no request body documented");
            }
            if (body && !op.path("requestBody").path("content").path("application/json").has("schema")) {
                missing.add(operation + ": request body schema");
            }
            if (path.contains("/reports/")) {
                String unavailable = responses.path("503").path("description").asText();
                assertTrue(unavailable.contains("engagement-service") && unavailable.contains("conversion-service")
                        && unavailable.contains("content-service"), operation + " 503 names the services: " + unavailable);
                if (!responses.path("200").path("content").has("text/csv")) {
                    missing.add(operation + ": 200 as text/csv");
                }
            }
            for (var response : (Iterable<java.util.Map.Entry<String, JsonNode>>) responses::fields) {
                JsonNode problem = response.getValue().path("content").path("application/problem+json");
                if (!problem.isMissingNode() && !problem.has("example") && !problem.has("examples")) {
                    missing.add(operation + ": example for " + response.getKey());
                }
            }
        }
        assertEquals(List.of(), missing);
    }
}
