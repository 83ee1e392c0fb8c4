package io.socialroi.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.Problem;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.servers.Server;

/**
 * The one OpenAPI filter of the suite: what every service's document shares, so SDK generators and linters
 * (Spectral with the OWASP ruleset) get the same shape from all four.
 * <ul>
 * <li>One {@code Problem} schema (and {@code FieldError}), built from the records themselves, and every 4xx/5xx
 * answer documented as {@code application/problem+json} with it; 401, 403 on every secured operation, 500 on every
 * operation, 503 on every secured one (database or a needed service down), 404 where the path names something, 400/413/415 where there is a body, 422 where there is a body or a
 * parameter. What a resource documents itself (descriptions, examples) is kept.</li>
 * <li>The OAuth 2 client-credentials scheme ({@code POST /auth/token}) with the scopes of {@link Scopes}; each
 * operation's security requirement names the scopes its {@code @RolesAllowed} accepts.</li>
 * <li>A stable {@code operationId} on every operation ({@link OperationIds}), kept when a resource sets one.</li>
 * <li>Service-to-service operations (those only a suite service's token may call) marked {@code x-internal}, and
 * left out of the combined document.</li>
 * <li>Bounds on every string, array and integer that declares none: the largest value the service accepts or
 * answers (see {@link Bounds}); a field's own annotation wins.</li>
 * <li>{@code servers} described, the {@code Idempotency-Key} header given a schema, CORS documented.</li>
 * </ul>
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 5) // after RateLimitOpenApi (10)
public class SuiteOpenApi implements OASFilter {

    public static final String SCHEME = "OAuth2";
    public static final String INTERNAL = "x-internal";
    static final String PROBLEM_REF = "#/components/schemas/Problem";
    static final String CORS = "Access-Control-Allow-Origin";

    private static final Map<String, String> SCOPES = new LinkedHashMap<>();

    static {
        SCOPES.put(Scopes.ADMIN, "The agency admin: workspaces, credentials, users");
        SCOPES.put(Scopes.CONTENT_READ, "Read campaigns, posts, calendars, publishers and webhooks");
        SCOPES.put(Scopes.CONTENT_WRITE, "Create and change campaigns and posts, move posts through review");
        SCOPES.put(Scopes.ENGAGEMENT_READ, "Read engagement summaries, touchpoints and scoring settings");
        SCOPES.put(Scopes.ENGAGEMENT_WRITE, "Send engagement events, change scoring settings");
        SCOPES.put(Scopes.CONVERSIONS_READ, "Read conversions, identities, attribution, audiences");
        SCOPES.put(Scopes.CONVERSIONS_WRITE, "Record conversions and identities, manage audiences and rates");
        SCOPES.put(Scopes.REPORTS_READ, "Read ROI, funnel and engagement-vs-revenue reports and costs");
        SCOPES.put(Scopes.COSTS_WRITE, "Record costs and report settings");
        SCOPES.put(Scopes.SERVICE, "A suite service's own token (service-to-service endpoints only)");
    }

    /**
     * A reference stands alone: the referenced schema says its type and properties. The scanner writes
     * {@code type} (and for form bodies {@code properties}) beside {@code $ref}, which generators refuse or
     * half-ignore; only annotations such as the description and examples stay beside it.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null) {
            schema.setType(null);
            schema.setProperties(null);
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSchema("Problem", RecordSchemas.of(Problem.class));
        api.getComponents().addSchema("FieldError", RecordSchemas.of(FieldError.class));
        api.getComponents().addHeader(CORS, OASFactory.createHeader()
                .description("The dashboard's origin (quarkus.http.cors.origins) when the request came from it; "
                        + "absent for other origins, never *")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri").maxLength(2048)));
        Header retryAfter = api.getComponents().getHeaders() == null ? null
                : api.getComponents().getHeaders().get("Retry-After");
        if (retryAfter != null && retryAfter.getSchema() != null && retryAfter.getSchema().getMaximum() == null) {
            retryAfter.getSchema().format("int32").minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(86_400));
        }
        securityScheme(api);
        servers(api);
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
                if (path.getValue().getOperations() == null) {
                    continue;
                }
                for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                    operation(path.getKey(), op.getKey(), op.getValue());
                    QueryParameters.apply(op.getValue());
                    headers(api, op.getValue());
                }
            }
        }
        mergePatches(api);
        Bounds.apply(api);
        UnusedSchemas.prune(api);
    }

    /**
     * A PATCH is a JSON merge patch of the create body (RFC 7396): every field may be left out. Its body
     * references {@code <Create>Patch}, the create schema's properties with nothing required, so generated
     * clients let a caller send only what changes.
     */
    static void mergePatches(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        for (PathItem item : api.getPaths().getPathItems().values()) {
            Operation patch = item.getPATCH();
            if (patch == null || patch.getRequestBody() == null || patch.getRequestBody().getContent() == null
                    || patch.getRequestBody().getContent().getMediaTypes() == null) {
                continue;
            }
            for (MediaType media : patch.getRequestBody().getContent().getMediaTypes().values()) {
                Schema body = media.getSchema();
                String prefix = "#/components/schemas/";
                if (body == null || body.getRef() == null || !body.getRef().startsWith(prefix)) {
                    continue;
                }
                String name = body.getRef().substring(prefix.length());
                Schema create = api.getComponents().getSchemas().get(name);
                if (create == null || create.getRequired() == null || create.getRequired().isEmpty()) {
                    continue;
                }
                String patchName = name.endsWith("Request") ? name.substring(0, name.length() - 7) + "Patch"
                        : name + "Patch";
                Schema copy = OASFactory.createSchema().type(create.getType()).properties(create.getProperties())
                        .description("JSON merge patch of " + name + ": the fields sent replace the stored ones, "
                                + "the rest stay; none is required");
                if (create.getExamples() != null) {
                    copy.setExamples(create.getExamples());
                }
                api.getComponents().addSchema(patchName, copy);
                media.setSchema(OASFactory.createSchema().ref(prefix + patchName));
            }
        }
    }

    private static void securityScheme(OpenAPI api) {
        Map<String, SecurityScheme> schemes = api.getComponents().getSecuritySchemes();
        if (schemes != null) {
            new ArrayList<>(schemes.keySet()).forEach(api.getComponents()::removeSecurityScheme);
        }
        OAuthFlow flow = OASFactory.createOAuthFlow().tokenUrl("/auth/token").scopes(new LinkedHashMap<>(SCOPES));
        api.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("OAuth 2 client credentials: POST /auth/token on content-service with the workspace "
                        + "credential's client_id and client_secret; send the access token as Authorization: Bearer. "
                        + "Tokens are RS256 JWTs handled as RFC8725 recommends (one algorithm, issuer and audience "
                        + "checked, one hour lifetime, revocable).")
                .flows(OASFactory.createOAuthFlows().clientCredentials(flow)));
    }

    /**
     * One relative server: the host the document was read from, which is the suite's HTTPS edge (the Ingress,
     * k8s/) for integrators, or a service started by {@code ./suite up} (http://127.0.0.1:8081..8084).
     */
    private static void servers(OpenAPI api) {
        api.setServers(new ArrayList<>(List.of(OASFactory.createServer().url("/")
                .description("The host this document is served from: the suite's HTTPS edge (the Ingress), or one "
                        + "service started locally by ./suite up")
                .addExtension(INTERNAL, false))));
    }

    private static void operation(String path, PathItem.HttpMethod method, Operation op) {
        if (op.getOperationId() == null || op.getOperationId().isBlank()) {
            op.setOperationId(OperationIds.of(method.name(), path));
        }
        List<String> scopes = new ArrayList<>();
        if (op.getSecurity() != null) {
            List<SecurityRequirement> renamed = new ArrayList<>();
            for (SecurityRequirement requirement : op.getSecurity()) {
                SecurityRequirement copy = OASFactory.createSecurityRequirement();
                requirement.getSchemes().values().forEach(s -> scopes.addAll(s == null ? List.of() : s));
                copy.addScheme(SCHEME, scopes);
                renamed.add(copy);
            }
            op.setSecurity(renamed);
        }
        boolean secured = !scopes.isEmpty();
        if (secured && scopes.stream().allMatch(Scopes.SERVICE::equals)) {
            op.addExtension(INTERNAL, true);
        }
        boolean body = op.getRequestBody() != null;
        boolean pathParams = path.contains("{");
        boolean params = op.getParameters() != null
                && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        if (creates(method, path) && secured && !Boolean.TRUE.equals(extension(op))) {
            idempotencyKey(op);
        }
        if (op.getParameters() != null) {
            for (Parameter parameter : op.getParameters()) {
                if (parameter.getSchema() == null && parameter.getContent() == null) {
                    parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(255));
                }
            }
        }
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        if (secured) {
            add(responses, "401", "No valid bearer token (missing, expired, revoked or not for this service)",
                    "unauthorized", "Unauthorized", "A valid bearer token is required");
            add(responses, "403", "The token lacks the scope this operation needs, or is not bound to the workspace",
                    "forbidden", "Forbidden", "The token lacks the scope this operation needs");
        }
        if (pathParams) {
            add(responses, "404", "No such item (or not this token's workspace)", "not-found", "Not Found",
                    "Post 0d7c5a4e-2a62-4b6c-9d7c-2f8e6f1a9b10 not found");
        }
        if (body) {
            add(responses, "400", "Malformed JSON, a wrong type, an unknown field or enum value", "invalid-field",
                    "Invalid request body", "Unknown field 'colour'");
            add(responses, "413", "The request body is larger than the limit (1 MB)", "payload-too-large",
                    "Payload Too Large", "The request body exceeds 1048576 bytes");
            add(responses, "415", "The body is not in a media type this operation accepts", "unsupported-media-type",
                    "Unsupported Media Type", "Unsupported content type");
        }
        if (body || params) {
            add(responses, "422", "A field or parameter is invalid; errors lists each one", "validation",
                    "Validation failed", "The request has invalid fields");
        }
        if (secured) {
            add(responses, "503", "The database or a service this one needs is unreachable or slow; nothing was "
                    + "changed, retry later", "dependency-unavailable", "Service Unavailable",
                    "content-service is unreachable");
        }
        add(responses, "500", "An unexpected failure; the detail carries an incident id to quote", "internal",
                "Internal Server Error", "Unexpected failure; incident 4bf92f3577b34da6a3ce929d0e0e4736");
        boolean limited = responses.getAPIResponses().values().stream()
                .anyMatch(r -> r.getHeaders() != null && r.getHeaders().containsKey("RateLimit"));
        formExamples(op);
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            String status = entry.getKey();
            APIResponse response = entry.getValue();
            if (status.startsWith("4") || status.startsWith("5")) {
                problemContent(status, response);
            }
            // Answers added here past the rate limit carry its headers like the others (see RateLimitOpenApi).
            if (limited && (status.startsWith("2") || status.startsWith("4")) && !List.of("401", "403", "413")
                    .contains(status)) {
                for (String header : List.of("RateLimit", "RateLimit-Policy")) {
                    if (response.getHeaders() == null || !response.getHeaders().containsKey(header)) {
                        response.addHeader(header, OASFactory.createHeader().ref("#/components/headers/" + header));
                    }
                }
            }
            if (response.getRef() == null) {
                if (response.getHeaders() == null || !response.getHeaders().containsKey(CORS)) {
                    response.addHeader(CORS, OASFactory.createHeader().ref("#/components/headers/" + CORS));
                }
            }
        }
    }

    /** A response header written without a schema refers to the component of its name, or is a bounded string. */
    private static void headers(OpenAPI api, Operation op) {
        if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
            return;
        }
        Map<String, Header> shared = api.getComponents().getHeaders() == null ? Map.of()
                : api.getComponents().getHeaders();
        for (APIResponse response : op.getResponses().getAPIResponses().values()) {
            if (response.getHeaders() == null) {
                continue;
            }
            for (Map.Entry<String, Header> header : new LinkedHashMap<>(response.getHeaders()).entrySet()) {
                Header value = header.getValue();
                if (value.getRef() != null || value.getSchema() != null || value.getContent() != null) {
                    continue;
                }
                if (shared.containsKey(header.getKey())) {
                    response.removeHeader(header.getKey());
                    response.addHeader(header.getKey(),
                            OASFactory.createHeader().ref("#/components/headers/" + header.getKey()));
                } else {
                    value.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(1024));
                }
            }
        }
    }

    /** A form body's example written as a query string ("a=1&b=2") becomes the object its schema describes. */
    private static void formExamples(Operation op) {
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
            return;
        }
        MediaType form = op.getRequestBody().getContent().getMediaType("application/x-www-form-urlencoded");
        if (form != null && form.getExample() instanceof String text && text.contains("=")) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                fields.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
            form.setExample(fields);
        }
    }

    private static Object extension(Operation op) {
        return op.getExtensions() == null ? null : op.getExtensions().get(INTERNAL);
    }

    /**
     * A POST to a collection (its last segment a plural noun) or to a collection's {@code /batch} creates
     * something; those honour Idempotency-Key.
     */
    static boolean creates(PathItem.HttpMethod method, String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return method == PathItem.HttpMethod.POST && !last.startsWith("{") && (last.endsWith("s") || last.equals("batch"));
    }

    private static void idempotencyKey(Operation op) {
        Parameter key = op.getParameters() == null ? null : op.getParameters().stream()
                .filter(p -> "Idempotency-Key".equalsIgnoreCase(p.getName())).findFirst().orElse(null);
        if (key == null) {
            key = OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER).required(false);
            op.addParameter(key);
        }
        if (key.getDescription() == null) {
            key.setDescription("Makes a retry safe: the same key with the same body answers the first response again "
                    + "(same status and body) for 24 hours; the same key with another body is a 422; a retry while "
                    + "the first request still runs is a 409 with Retry-After");
        }
        if (key.getSchema() == null && key.getContent() == null) {
            key.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(255)
                    .examples(List.of("b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d")));
        }
    }

    private static final List<String> GENERIC = List.of("Not Authorized", "Not Allowed", "Forbidden", "Unauthorized");

    private static void add(APIResponses responses, String status, String description, String slug, String title,
            String detail) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            existing = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(status, existing);
        } else if (existing.getDescription() == null || existing.getDescription().isBlank()
                || GENERIC.contains(existing.getDescription())) {
            existing.setDescription(description);
        }
        Content content = existing.getContent() == null ? OASFactory.createContent() : existing.getContent();
        existing.setContent(content);
        MediaType media = content.getMediaType(Problem.MEDIA_TYPE);
        if (media == null) {
            media = OASFactory.createMediaType();
            content.addMediaType(Problem.MEDIA_TYPE, media);
        }
        if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())) {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", Problem.TYPE_BASE + slug);
            example.put("title", title);
            example.put("status", Integer.parseInt(status));
            example.put("detail", detail);
            if (status.equals("422")) {
                example.put("errors", List.of(Map.of("field", "name", "message", "must not be blank")));
            }
            media.setExample(example);
        }
    }

    /** Every problem answer is problem+json with the one schema (a page for browsers may sit beside it). */
    private static void problemContent(String status, APIResponse response) {
        if (response.getRef() != null) {
            return;
        }
        Content content = response.getContent() == null ? OASFactory.createContent() : response.getContent();
        response.setContent(content);
        MediaType problem = content.getMediaType(Problem.MEDIA_TYPE);
        if (problem == null) {
            problem = OASFactory.createMediaType();
            content.addMediaType(Problem.MEDIA_TYPE, problem);
        }
        problem.setSchema(OASFactory.createSchema().ref(PROBLEM_REF));
        for (String other : List.copyOf(content.getMediaTypes().keySet())) {
            if (other.contains("json") && !other.equals(Problem.MEDIA_TYPE)) {
                content.removeMediaType(other); // an error is never the operation's JSON type
            }
        }
    }

    /** The Problem and FieldError schemas, read from the records and their {@code @Schema} annotations. */
    static final class RecordSchemas {

        private RecordSchemas() {
        }

        static Schema of(Class<? extends Record> type) {
            Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
            org.eclipse.microprofile.openapi.annotations.media.Schema doc =
                    type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
            if (doc != null && !doc.description().isEmpty()) {
                schema.description(doc.description());
            }
            List<String> required = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Schema property = property(component);
                org.eclipse.microprofile.openapi.annotations.media.Schema field = component.getAccessor()
                        .getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
                if (field != null) {
                    if (!field.description().isEmpty()) {
                        property.description(field.description());
                    }
                    if (field.maxLength() != Integer.MAX_VALUE) {
                        property.maxLength(field.maxLength());
                    }
                    if (field.maxItems() != Integer.MIN_VALUE && field.maxItems() != Integer.MAX_VALUE) {
                        property.maxItems(field.maxItems());
                    }
                    if (!field.format().isEmpty()) {
                        property.format(field.format());
                    }
                    if (!field.minimum().isEmpty()) {
                        property.minimum(new BigDecimal(field.minimum()));
                    }
                    if (!field.maximum().isEmpty()) {
                        property.maximum(new BigDecimal(field.maximum()));
                    }
                    if (field.required()) {
                        required.add(component.getName());
                    }
                }
                schema.addProperty(component.getName(), property);
            }
            if (!required.isEmpty()) {
                schema.required(required);
            }
            return schema;
        }

        private static Schema property(RecordComponent component) {
            Class<?> type = component.getType();
            if (type == String.class) {
                return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
            }
            if (type == int.class || type == Integer.class) {
                return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32");
            }
            if (List.class.isAssignableFrom(type)
                    && component.getGenericType() instanceof ParameterizedType generic
                    && generic.getActualTypeArguments()[0] instanceof Class<?> item) {
                return OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + item.getSimpleName()));
            }
            throw new IllegalStateException("No schema mapping for " + type + " of " + component);
        }
    }

    /** Readable operation ids from method and path: createPost, listCampaigns, submitPost, getAudienceLift. */
    public static final class OperationIds {

        private static final Map<String, String> NAMED = Map.ofEntries(
                Map.entry("POST /auth/token", "createToken"),
                Map.entry("POST /auth/login", "login"),
                Map.entry("POST /auth/logout", "logout"),
                Map.entry("GET /auth/revocations", "listRevocations"),
                Map.entry("GET /r/{code}", "followTrackedLink"),
                Map.entry("HEAD /r/{code}", "checkTrackedLink"),
                Map.entry("GET /s/{workspaceId}.js", "getClickScript"),
                Map.entry("POST /auth/password", "changePassword"),
                Map.entry("POST /auth/password-reset", "resetPassword"),
                Map.entry("POST /users/{userId}/password-reset", "createPasswordResetLink"),
                Map.entry("GET /approvals/{token}", "getApprovalPage"),
                Map.entry("POST /approvals/{token}", "decideApproval"),
                Map.entry("GET /workspaces/{workspaceId}/reports/roi", "getRoiReport"),
                Map.entry("GET /workspaces/{workspaceId}/reports/funnel", "getFunnelReport"),
                Map.entry("GET /workspaces/{workspaceId}/reports/engagement-vs-revenue",
                        "getEngagementVsRevenueReport"),
                Map.entry("GET /workspaces/{workspaceId}/attribution/compare", "compareAttribution"),
                Map.entry("POST /workspaces/{workspaceId}/touchpoints/search", "searchTouchpoints"),
                Map.entry("POST /workspaces/{workspaceId}/actors/search", "searchActors"),
                Map.entry("POST /workspaces/{workspaceId}/journeys/search", "searchJourneys"),
                Map.entry("POST /workspaces/{workspaceId}/events", "ingestEvents"),
                Map.entry("GET /workspaces/{workspaceId}/settings", "getReportSettings"),
                Map.entry("PUT /workspaces/{workspaceId}/settings", "updateReportSettings"),
                Map.entry("GET /workspaces/{workspaceId}/engagement/settings", "getScoringSettings"),
                Map.entry("PUT /workspaces/{workspaceId}/engagement/settings", "updateScoringSettings"),
                Map.entry("GET /workspaces/{workspaceId}/webhooks", "getWebhook"),
                Map.entry("PUT /workspaces/{workspaceId}/webhooks", "setWebhook"),
                Map.entry("DELETE /workspaces/{workspaceId}/webhooks", "deleteWebhook"),
                Map.entry("DELETE /workspaces/{workspaceId}/credentials/{clientId}", "revokeCredential"),
                Map.entry("POST /workspaces/{workspaceId}/identities", "linkIdentities"),
                Map.entry("POST /workspaces/{workspaceId}/conversions", "recordConversion"),
                Map.entry("POST /workspaces/{workspaceId}/conversions/batch", "recordConversionBatch"),
                Map.entry("PUT /workspaces/{workspaceId}/exchange-rates/{currency}/{date}", "setExchangeRate"),
                Map.entry("PUT /workspaces/{workspaceId}/publishers/{platform}", "setPublisher"),
                Map.entry("PUT /workspaces/{workspaceId}/connectors/{connector}", "setConnector"),
                Map.entry("POST /hooks/{workspaceId}/shopify", "receiveShopifyWebhook"),
                Map.entry("POST /hooks/{workspaceId}/stripe", "receiveStripeEvent"),
                Map.entry("POST /hooks/{workspaceId}/woocommerce", "receiveWooCommerceWebhook"),
                Map.entry("POST /hooks/{workspaceId}/leads", "receiveLead"));

        private OperationIds() {
        }

        public static String of(String method, String path) {
            String named = NAMED.get(method + " " + path);
            if (named != null) {
                return named;
            }
            List<String> segments = new ArrayList<>(List.of(path.replaceFirst("^/", "").split("/")));
            if (segments.size() > 2 && segments.get(0).equals("workspaces")) {
                segments = segments.subList(2, segments.size());
            }
            String last = segments.get(segments.size() - 1);
            String verb = switch (method) {
                case "GET" -> "get";
                case "PUT", "PATCH" -> "update";
                case "DELETE" -> "delete";
                default -> "create";
            };
            if (param(last)) {
                return verb + singular(pascal(lastLiteral(segments, segments.size() - 1)));
            }
            if (segments.size() >= 2 && param(segments.get(segments.size() - 2))) {
                String parent = singular(pascal(lastLiteral(segments, segments.size() - 2)));
                boolean plural = last.endsWith("s");
                if (method.equals("POST")) {
                    return plural ? "create" + parent + singular(pascal(last)) : camel(last) + parent;
                }
                return (plural && method.equals("GET") ? "list" : verb) + parent + pascal(last);
            }
            String name = segments.stream().filter(s -> !param(s)).map(OperationIds::pascal)
                    .reduce("", String::concat);
            boolean plural = name.endsWith("s") && !name.endsWith("ss");
            return switch (method) {
                case "GET" -> (plural ? "list" : "get") + name;
                case "POST" -> "create" + singular(name);
                default -> verb + name;
            };
        }

        private static String lastLiteral(List<String> segments, int before) {
            for (int i = before; i >= 0; i--) {
                if (!param(segments.get(i))) {
                    return segments.get(i);
                }
            }
            return "item";
        }

        private static boolean param(String segment) {
            return segment.startsWith("{");
        }

        private static String singular(String name) {
            if (name.endsWith("ies")) {
                return name.substring(0, name.length() - 3) + "y";
            }
            return name.endsWith("s") && !name.endsWith("ss") ? name.substring(0, name.length() - 1) : name;
        }

        private static String pascal(String segment) {
            StringBuilder out = new StringBuilder();
            for (String word : segment.split("-")) {
                if (!word.isEmpty()) {
                    out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
                }
            }
            return out.toString();
        }

        private static String camel(String segment) {
            String pascal = pascal(segment);
            return pascal.substring(0, 1).toLowerCase(Locale.ROOT) + pascal.substring(1);
        }
    }
}
