package io.socialroi.common.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.socialroi.common.problem.Problem;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents {@link RateLimitFilter} in every service's OpenAPI document: each operation that needs a token
 * (and each one that already names a 429, the sign-in endpoints) answers 429 problem+json with
 * {@code Retry-After}, and every answer of those operations past authentication carries {@code RateLimit}
 * and {@code RateLimit-Policy}.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 10)
public class RateLimitOpenApi implements OASFilter {

    static final String RATE_LIMIT = "Where this credential (or, on the sign-in endpoints, this address) stands: "
            + "limit=<burst>, remaining=<requests left>, reset=<seconds until the bucket is full again> "
            + "(draft-ietf-httpapi-ratelimit-headers)";
    static final String RATE_LIMIT_POLICY = "<requests a minute>;w=60;burst=<burst>: the limit of this endpoint "
            + "per credential (suite.rate-limit.<policy>.per-minute / .burst), shared by every replica";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addHeader("RateLimit", header(RATE_LIMIT, Schema.SchemaType.STRING));
        api.getComponents().addHeader("RateLimit-Policy", header(RATE_LIMIT_POLICY, Schema.SchemaType.STRING));
        api.getComponents().addHeader("Retry-After", header("Seconds to wait before the next request can pass",
                Schema.SchemaType.INTEGER));
        for (PathItem path : api.getPaths().getPathItems().values()) {
            if (path.getOperations() == null) {
                continue;
            }
            for (Operation op : path.getOperations().values()) {
                boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
                boolean limited = op.getResponses() != null && op.getResponses().getAPIResponse("429") != null;
                if (secured || limited) {
                    document(op);
                }
            }
        }
    }

    private static void document(Operation op) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponse tooMany = op.getResponses().getAPIResponse("429");
        if (tooMany == null) {
            tooMany = OASFactory.createAPIResponse().description("Too many requests from this credential; see "
                    + "Retry-After, RateLimit and RateLimit-Policy");
            op.getResponses().addAPIResponse("429", tooMany);
        }
        if (tooMany.getContent() == null || tooMany.getContent().getMediaType(Problem.MEDIA_TYPE) == null) {
            Content content = tooMany.getContent() == null ? OASFactory.createContent() : tooMany.getContent();
            content.addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
            tooMany.setContent(content);
        }
        MediaType problem = tooMany.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (problem.getExample() == null && (problem.getExamples() == null || problem.getExamples().isEmpty())) {
            problem.setExample(Map.of("type", Problem.TYPE_BASE + "rate-limited", "title", "Too Many Requests",
                    "status", 429, "detail", "Rate limit of 1200 requests a minute (bursts of 300) exceeded for this "
                            + "credential; retry in 2 s"));
        }
        ref(tooMany, "Retry-After");
        for (Map.Entry<String, APIResponse> entry : op.getResponses().getAPIResponses().entrySet()) {
            if (entry.getKey().equals("401") || entry.getKey().equals("403")) {
                continue; // refused before the limit is looked at
            }
            ref(entry.getValue(), "RateLimit");
            ref(entry.getValue(), "RateLimit-Policy");
        }
    }

    private static void ref(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + name));
        }
    }

    private static Header header(String description, Schema.SchemaType type) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(type));
    }
}
