package io.socialroi.content;

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
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document: equal to the committed copy (regenerate with {@code -Dopenapi.update=true}
 * and review the diff), every operation documents its 4xx as problem+json and the secured ones a 401, and
 * every request body carries an example.
 */
@QuarkusTest
class ContentOpenApiTest {

    /**
     * Open by contract: token and sign-in endpoints, setting a password with a reset link's token, and the
     * client's approval page, and an e-mail's one-click unsubscribe link (its signed token is the capability), and
     * Meta's webhook (the subscription handshake is answered for the verify token; deliveries are signed by Meta), and
     * a Telegram publisher's webhook (Telegram sends the publisher's secret_token), and Twilio's webhooks of an SMS_API
     * publisher (signed by Twilio with X-Twilio-Signature).
     */
    static final Set<String> OPEN = Set.of("POST /auth/token", "POST /auth/login", "POST /auth/logout",
            "POST /auth/password-reset",
            "GET /approvals/{token}", "POST /approvals/{token}", "GET /oauth/callback",
            "GET /unsubscribe/{token}", "POST /unsubscribe/{token}", "GET /hooks/meta", "POST /hooks/meta",
            "GET /hooks/x", "POST /hooks/x", "POST /hooks/telegram/{publisherId}",
            "POST /hooks/twilio/{publisherId}/status", "POST /hooks/twilio/{publisherId}/messages");

    @Test
    void servedDocumentEqualsTheCommittedCopy() throws Exception {
        JsonNode served = OpenApiContract.served();
        assertEquals(List.of(), OpenApiContract.compareWithCommitted(served,
                Path.of("src/test/resources/openapi/content-service.json")));
    }

    @Test
    void everyOperationDocumentsItsProblems() throws Exception {
        JsonNode served = OpenApiContract.served();
        assertTrue(OpenApiContract.operations(served).containsAll(OPEN));
        assertEquals(List.of(), OpenApiContract.operationsMissingProblems(served, OPEN));
    }

    @Test
    void everyRequestBodyHasAnExample() throws Exception {
        JsonNode served = OpenApiContract.served();
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonNode> path : iterable(served.path("paths").fields())) {
            for (Map.Entry<String, JsonNode> op : iterable(path.getValue().fields())) {
                for (Map.Entry<String, JsonNode> body : iterable(op.getValue().path("requestBody").path("content")
                        .fields())) {
                    JsonNode content = body.getValue();
                    if (!content.has("example") && !content.has("examples")
                            && !hasSchemaExample(served, content.path("schema"))) {
                        missing.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + body.getKey());
                    }
                    checked++;
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(checked >= 15, "only " + checked + " request bodies found");
    }

    private static boolean hasSchemaExample(JsonNode document, JsonNode schema) {
        if (schema.has("example") || schema.has("examples")) {
            return true;
        }
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            JsonNode target = document.path("components").path("schemas").path(ref.substring(21));
            return target.has("example") || target.has("examples");
        }
        return false;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
