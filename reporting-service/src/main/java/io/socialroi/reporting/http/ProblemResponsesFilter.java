package io.socialroi.reporting.http;

import io.socialroi.common.problem.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes every workspace operation's problem answers in the OpenAPI document, so each one lists what a client
 * can meet, as application/problem+json with an example: 401, 403, 404 and 503 everywhere (503 names the service
 * that is down), 422 where there are parameters or a body, and 400, 413 and 415 where there is a body. What a
 * resource documents itself is kept; only a missing response, media type or example is added.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String SCHEMA_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/workspaces/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                complete(path.getKey(), op.getKey(), op.getValue());
            }
        }
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation op) {
        boolean body = op.getRequestBody() != null;
        boolean query = op.getParameters() != null
                && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        boolean report = path.contains("/reports/");
        APIResponses responses = op.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            op.setResponses(responses);
        }
        ensure(responses, "401", "No valid token", "unauthorized", "Unauthorized",
                "A valid bearer token is required");
        ensure(responses, "403", "The token lacks the scope", "forbidden", "Forbidden",
                "The token lacks the scope this operation needs");
        ensure(responses, "404", "Unknown workspace, or another workspace's", "not-found", "Not Found",
                "Workspace 5b0c1f1e-3f7a-4c55-9a57-1d1f6f0c2b11 not found");
        if (body) {
            ensure(responses, "400", "Malformed JSON, wrong type, unknown enum value or unknown field",
                    "invalid-field", "Invalid request body", "Unknown field 'timeZone'");
            ensure(responses, "413", "The body is larger than the limit (1 MB)", "payload-too-large",
                    "Payload Too Large", "The request body exceeds 1048576 bytes");
            ensure(responses, "415", "The body is not application/json", "unsupported-media-type",
                    "Unsupported Media Type", "Unsupported content type");
        }
        if (body || query) {
            ensure(responses, "422", body ? "Invalid field" : "Bad parameter value", "validation",
                    "Validation failed", body ? "The request has invalid fields" : "The request has invalid fields");
        }
        if (report) {
            ensure(responses, "406", "Neither application/json nor text/csv is accepted", "not-acceptable",
                    "Not Acceptable", "None of the accepted media types can be produced");
        }
        String unavailable = report
                ? "A service the report needs (content-service, engagement-service or conversion-service) is down or "
                        + "slow, or the database is: the title names it. Nothing partial is shown."
                : "content-service (the workspace's currency and time zone) or the database is unreachable; nothing "
                        + "was stored";
        ensure(responses, "503", unavailable, "dependency-unavailable",
                report ? "engagement-service unavailable" : "content-service unavailable",
                report ? "engagement-service did not answer in time; no partial report is shown"
                        : "content-service is unreachable");
        if (method == PathItem.HttpMethod.GET && !report && !responses.hasAPIResponse("200")) {
            responses.addAPIResponse("200", OASFactory.createAPIResponse().description("OK"));
        }
    }

    private static void ensure(APIResponses responses, String status, String description, String slug, String title,
            String detail) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(status, response);
        } else if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(description);
        }
        Content content = response.getContent();
        if (content == null) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        MediaType problem = content.getMediaType(Problem.MEDIA_TYPE);
        if (problem == null) {
            problem = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA_REF));
            content.addMediaType(Problem.MEDIA_TYPE, problem);
        }
        if (problem.getExample() == null && (problem.getExamples() == null || problem.getExamples().isEmpty())) {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", Problem.TYPE_BASE + slug);
            example.put("title", title);
            example.put("status", Integer.parseInt(status));
            example.put("detail", detail);
            if (status.equals("422")) {
                example.put("errors", List.of(Map.of("field", "to", "message", "must not be before from")));
            }
            problem.setExample(example);
        }
    }
}
