package io.socialroi.conversion;

import io.socialroi.common.problem.Problem;
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
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document with the problem answers every workspace operation can give, so clients
 * see them all: 401 (no valid token), 403 (scope), 404 (workspace of another client, or no such item),
 * 400 and 413 for operations with a body, 422 for those with a body or query parameters, 503 (the database
 * or a service this one needs is unreachable). Every 4xx and 5xx is described as application/problem+json
 * with the {@code Problem} schema. Descriptions written on the resources are kept. Every POST here creates
 * something and documents the {@code Idempotency-Key} header.
 */
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";
    static final String REF = "#/components/schemas/" + SCHEMA;
    static final List<String> GENERIC = List.of("Not Authorized", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, problemSchema());
        openAPI.getComponents().addSchema("FieldError", fieldErrorSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/workspaces")) {
                continue;
            }
            Map<PathItem.HttpMethod, Operation> operations = path.getValue().getOperations();
            if (operations == null) {
                continue;
            }
            operations.values().forEach(ProblemResponses::complete);
            Operation post = operations.get(PathItem.HttpMethod.POST);
            if (post != null) {
                post.addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER)
                        .required(false).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                .maxLength(255))
                        .description("Makes a retry safe: the same key with the same body answers the first response "
                                + "again (same status and body) for 24 hours; the same key with another body is a 422; "
                                + "a retry while the first request still runs is a 409 with Retry-After"));
            }
        }
    }

    private static void complete(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean query = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        add(responses, "401", "No valid bearer token");
        add(responses, "403", "The token lacks the scope this operation needs");
        add(responses, "404", "No such workspace (or not this token's), or no such item in it");
        if (body) {
            add(responses, "400", "Malformed JSON, invalid UTF-8, a wrong type or an unknown value");
            add(responses, "413", "The request body is larger than the limit (1 MB)");
        }
        if (body || query) {
            add(responses, "422", "A field or parameter is invalid; errors lists each one");
        }
        add(responses, "503", "The database or a service this one needs is unreachable; nothing was changed, "
                + "retry later");
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                response.getValue().setContent(problemContent());
            }
        }
    }

    /** Adds the answer, or replaces the framework's generic wording ("Not Authorized") of one already there. */
    private static void add(APIResponses responses, String code, String description) {
        APIResponse existing = responses.getAPIResponse(code);
        if (existing == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        } else if (GENERIC.contains(existing.getDescription())) {
            existing.setDescription(description);
        }
    }

    private static Content problemContent() {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", string("A URI naming the kind of problem"))
                .addProperty("title", string("Short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("The HTTP status"))
                .addProperty("detail", string("What went wrong with this request"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("One entry per invalid field (validation problems only)")
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(List.of("type", "title", "status"))
                .example(Map.of("type", Problem.TYPE_BASE + "validation", "title", "Validation failed",
                        "status", 422, "detail", "The request has invalid fields",
                        "errors", List.of(Map.of("field", "value.currency",
                                "message", "must be an ISO 4217 code like EUR"))));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string("The request field or parameter, e.g. value.amount or [3].type"))
                .addProperty("message", string("Why it is invalid"))
                .required(List.of("field", "message"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
