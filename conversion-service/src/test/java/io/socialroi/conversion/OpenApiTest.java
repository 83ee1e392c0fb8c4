package io.socialroi.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.testing.OpenApiContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document: equal to the committed copy (a contract change shows in review; regenerate
 * with {@code -Dopenapi.update=true}), every operation documents its problems, every body has an example.
 */
@QuarkusTest
class OpenApiTest {

    static final Path COMMITTED = Path.of("src/test/resources/openapi/conversion-service.json");

    static JsonNode served;

    @BeforeEach
    void read() throws Exception {
        if (served == null) {
            served = OpenApiContract.served();
        }
    }

    @Test
    void servedDocumentIsTheCommittedOne() throws Exception {
        assertEquals(List.of(), OpenApiContract.compareWithCommitted(served, COMMITTED));
    }

    @Test
    void everyOperationDocumentsItsProblemsAsProblemJson() {
        assertEquals(List.of(), OpenApiContract.operationsMissingProblems(served, Set.of()));
        List<String> missing = new ArrayList<>();
        for (String operation : OpenApiContract.operations(served)) {
            JsonNode responses = operation(operation).path("responses");
            // The receivers take a signature, not a token: a refusal is 401, never 403.
            List<String> codes = receiver(operation) ? List.of("401", "404", "503") : List.of("401", "403", "404", "503");
            for (String code : codes) {
                if (!responses.path(code).path("content").has("application/problem+json")) {
                    missing.add(operation + " " + code);
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(served.path("components").path("schemas").path("Problem").path("properties").has("errors"));
    }

    @Test
    void reportsAndAudiencesDocumentEngagementServiceOutages() {
        for (String operation : List.of("GET /workspaces/{workspaceId}/attribution",
                "GET /workspaces/{workspaceId}/attribution/compare",
                "GET /workspaces/{workspaceId}/attribution/paths",
                "GET /workspaces/{workspaceId}/customers/{customerId}/journey",
                "GET /workspaces/{workspaceId}/audiences/{audienceId}/members",
                "GET /workspaces/{workspaceId}/audiences/{audienceId}/lift")) {
            JsonNode unavailable = operation(operation).path("responses").path("503");
            assertTrue(unavailable.path("description").asText().contains("engagement-service"), operation);
            assertTrue(unavailable.path("content").has("application/problem+json"), operation);
        }
    }

    @Test
    void everyRequestBodyHasAnExample() {
        List<String> missing = new ArrayList<>();
        List<String> withBody = new ArrayList<>();
        for (String operation : OpenApiContract.operations(served)) {
            JsonNode body = operation(operation).path("requestBody");
            if (body.isMissingNode()) {
                continue;
            }
            withBody.add(operation);
            for (Map.Entry<String, JsonNode> media : iterable(body.path("content").fields())) {
                JsonNode content = media.getValue();
                if (!content.has("example") && !content.has("examples") && !schemaHasExample(content.path("schema"))) {
                    missing.add(operation + " " + media.getKey());
                }
            }
        }
        assertEquals(List.of(), missing);
        assertEquals(List.of("PATCH /workspaces/{workspaceId}/audiences/{audienceId}",
                "POST /hooks/{workspaceId}/leads", "POST /hooks/{workspaceId}/shopify",
                "POST /hooks/{workspaceId}/stripe", "POST /hooks/{workspaceId}/woocommerce",
                "POST /workspaces/{workspaceId}/audiences", "POST /workspaces/{workspaceId}/conversions",
                "POST /workspaces/{workspaceId}/conversions/batch", "POST /workspaces/{workspaceId}/identities",
                "PUT /workspaces/{workspaceId}/connectors/{connector}",
                "PUT /workspaces/{workspaceId}/exchange-rates/{currency}/{date}",
                "PUT /workspaces/{workspaceId}/exports/{platform}"),
                withBody);
        JsonNode single = operation("POST /workspaces/{workspaceId}/conversions").path("requestBody")
                .path("content").path("application/json").path("examples");
        assertTrue(single.has("single"), single.toString());
        JsonNode batch = operation("POST /workspaces/{workspaceId}/conversions/batch").path("requestBody")
                .path("content").path("application/json");
        assertTrue(batch.path("examples").has("batch"), batch.toString());
        assertEquals("array", batch.path("schema").path("type").asText(), batch.toString());
    }

    /** The model parameter's documented values are the engine's models, no more and no fewer. */
    @Test
    void theModelParameterListsEveryAttributionModel() {
        List<String> documented = new ArrayList<>();
        for (JsonNode parameter : operation("GET /workspaces/{workspaceId}/attribution").path("parameters")) {
            if ("model".equals(parameter.path("name").asText())) {
                parameter.path("schema").path("enum").forEach(value -> documented.add(value.asText()));
            }
        }
        assertEquals(java.util.Arrays.stream(io.socialroi.conversion.attribution.AttributionModel.values())
                .map(Enum::name).toList(), documented);
    }

    @Test
    void everyCreatingPostDocumentsIdempotencyKey() {
        List<String> missing = new ArrayList<>();
        for (String operation : OpenApiContract.operations(served)) {
            // The receivers dedupe by the platform's delivery and order ids, which retries keep; no Idempotency-Key.
            if (!operation.startsWith("POST ") || receiver(operation)) {
                continue;
            }
            boolean documented = false;
            for (JsonNode parameter : operation(operation).path("parameters")) {
                documented |= "Idempotency-Key".equals(parameter.path("name").asText())
                        && "header".equals(parameter.path("in").asText());
            }
            if (!documented) {
                missing.add(operation);
            }
        }
        assertEquals(List.of(), missing);
    }

    /** The commerce and CRM receivers: called by the platforms with a signature instead of a token. */
    private static boolean receiver(String operation) {
        return operation.startsWith("POST /hooks/");
    }

    /** Every operation has a readable operationId; the receivers' and connectors' are named in SuiteOpenApi. */
    @Test
    void connectorOperationsHaveReadableIds() {
        assertEquals(List.of("receiveShopifyWebhook", "receiveStripeEvent", "receiveWooCommerceWebhook", "receiveLead",
                "setConnector", "getConnector", "deleteConnector"), java.util.stream.Stream.of(
                "POST /hooks/{workspaceId}/shopify", "POST /hooks/{workspaceId}/stripe",
                "POST /hooks/{workspaceId}/woocommerce", "POST /hooks/{workspaceId}/leads",
                "PUT /workspaces/{workspaceId}/connectors/{connector}",
                "GET /workspaces/{workspaceId}/connectors/{connector}",
                "DELETE /workspaces/{workspaceId}/connectors/{connector}")
                .map(o -> operation(o).path("operationId").asText()).toList());
    }

    private boolean schemaHasExample(JsonNode schema) {
        if (schema.has("example") || schema.has("examples")) {
            return true;
        }
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/components/schemas/")
                && served.path("components").path("schemas").path(ref.substring(21)).has("example");
    }

    private static JsonNode operation(String operation) {
        int space = operation.indexOf(' ');
        return served.path("paths").path(operation.substring(space + 1))
                .path(operation.substring(0, space).toLowerCase());
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
