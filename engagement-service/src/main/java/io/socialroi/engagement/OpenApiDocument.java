package io.socialroi.engagement;

import io.socialroi.common.problem.Problem;
import io.socialroi.engagement.event.EventResource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document with what annotations cannot say: the NDJSON request example (an annotation
 * example that looks like JSON is parsed, which keeps only its first line), and what every operation of the
 * service shares: a {@code Problem} schema,
 * 401 and 403 answers on every workspace (token-protected) operation, and problem+json content with that
 * schema on every 4xx and 5xx answer. The resources document their own specific problems (400, 404, 413,
 * 422, 429, 503...); this filter only fills in what they leave out, so a new endpoint cannot forget them.
 */
public class OpenApiDocument implements OASFilter {

    static final String SCHEMA = "Problem";
    private static final String REF = "#/components/schemas/" + SCHEMA;

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSchema(SCHEMA, problemSchema());
        api.getComponents().addSchema("FieldError", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string("The offending field, parameter or header"))
                .addProperty("message", string("What is wrong with it")));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
            boolean secured = path.getKey().startsWith("/workspaces/");
            for (Operation op : path.getValue().getOperations().values()) {
                complete(op, secured);
                ndjsonExample(op);
            }
        }
    }

    private static void complete(Operation op, boolean secured) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        if (secured) {
            addIfMissing(responses, "401", "No valid bearer token");
            addIfMissing(responses, "403", "The token lacks the scope this operation needs");
        }
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            String status = entry.getKey();
            if (!status.startsWith("4") && !status.startsWith("5")) {
                continue;
            }
            APIResponse response = entry.getValue();
            if (response.getContent() == null) {
                response.setContent(OASFactory.createContent());
            }
            Content content = response.getContent();
            MediaType problem = content.getMediaType(Problem.MEDIA_TYPE);
            if (problem == null) {
                content.addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(ref()));
            } else if (problem.getSchema() == null) {
                problem.setSchema(ref());
            }
        }
    }

    private static void ndjsonExample(Operation op) {
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
            return;
        }
        MediaType ndjson = op.getRequestBody().getContent().getMediaType(EventResource.NDJSON);
        if (ndjson != null) {
            ndjson.setExamples(null);
            ndjson.setExample(EventResource.NDJSON_EXAMPLE);
            ndjson.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    .description("One event object per line"));
        }
    }

    private static void addIfMissing(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        } else if (existing.getDescription() == null || existing.getDescription().startsWith("Not ")) {
            // Quarkus adds "Not Authorized" / "Not Allowed" without a body; say what it is.
            existing.setDescription(description);
        }
    }

    private static Schema ref() {
        return OASFactory.createSchema().ref(REF);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; errors lists field-level messages of a validation failure")
                .addProperty("type", string("URI naming the kind of problem"))
                .addProperty("title", string("Short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("The HTTP status"))
                .addProperty("detail", string("What went wrong with this request"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(List.of("type", "title", "status"))
                .example(Map.of("type", Problem.TYPE_BASE + "validation", "title", "Validation failed", "status", 422,
                        "detail", "The request has invalid fields", "errors",
                        List.of(Map.of("field", "from", "message", "must be a date like 2026-11-22"))));
    }
}
