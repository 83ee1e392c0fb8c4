package io.socialroi.common.openapi;

import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Gives every string, array and integer schema of a document that declares no bound of its own the bound the
 * service actually holds to, so generated clients and linters see one: a string is never longer than the request
 * body limit (1 MB) and a formatted one than its format allows (a UUID 36 characters, a date 10, a timestamp 35, a
 * URI 2048); an array in a body or an answer never holds more than {@value #MAX_ITEMS} items (bodies are at most
 * 1 MB, pages at most 500 items, reports are bounded by the date range); an integer stays within its Java type
 * (int32 or int64). Bounds a resource declares ({@code @Size}, {@code @Max}, {@code @Schema(maxLength...)}) win.
 */
final class Bounds {

    static final int BODY_LIMIT = 1_048_576;
    static final int MAX_ITEMS = 100_000;

    private static final Map<String, Integer> FORMAT_LENGTH = Map.of("uuid", 36, "date", 10, "date-time", 35,
            "uri", 2048, "email", 320, "byte", BODY_LIMIT, "binary", BODY_LIMIT, "duration", 64, "time", 32);

    private Bounds() {
    }

    static void apply(OpenAPI api) {
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (api.getComponents() != null) {
            if (api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().values().forEach(s -> schema(s, seen));
            }
            if (api.getComponents().getHeaders() != null) {
                api.getComponents().getHeaders().values().forEach(h -> header(h, seen));
            }
        }
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : api.getPaths().getPathItems().values()) {
            if (path.getParameters() != null) {
                path.getParameters().forEach(p -> parameter(p, seen));
            }
            if (path.getOperations() == null) {
                continue;
            }
            for (Operation op : path.getOperations().values()) {
                if (op.getParameters() != null) {
                    op.getParameters().forEach(p -> parameter(p, seen));
                }
                if (op.getRequestBody() != null) {
                    content(op.getRequestBody().getContent(), seen);
                }
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    for (APIResponse response : op.getResponses().getAPIResponses().values()) {
                        content(response.getContent(), seen);
                        if (response.getHeaders() != null) {
                            response.getHeaders().values().forEach(h -> header(h, seen));
                        }
                    }
                }
            }
        }
    }

    private static void parameter(Parameter parameter, Set<Schema> seen) {
        schema(parameter.getSchema(), seen);
        content(parameter.getContent(), seen);
    }

    private static void header(Header header, Set<Schema> seen) {
        schema(header.getSchema(), seen);
        content(header.getContent(), seen);
    }

    private static void content(Content content, Set<Schema> seen) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            schema(media.getSchema(), seen);
        }
    }

    static void schema(Schema schema, Set<Schema> seen) {
        if (schema == null || !seen.add(schema) || schema.getRef() != null) {
            return;
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        boolean fixed = (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty())
                || schema.getConstValue() != null;
        if (types.contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null && !fixed) {
            schema.setMaxLength(schema.getFormat() == null ? BODY_LIMIT : FORMAT_LENGTH.getOrDefault(schema.getFormat(), BODY_LIMIT));
        }
        if (types.contains(Schema.SchemaType.ARRAY) && schema.getMaxItems() == null) {
            schema.setMaxItems(MAX_ITEMS);
        }
        if (types.contains(Schema.SchemaType.INTEGER) && !fixed) {
            boolean int32 = "int32".equals(schema.getFormat()) || (schema.getFormat() == null
                    && schema.getMaximum() != null
                    && schema.getMaximum().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                    && (schema.getMinimum() == null
                            || schema.getMinimum().compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0));
            if (schema.getFormat() == null) {
                schema.setFormat(int32 ? "int32" : "int64");
            }
            if (schema.getMinimum() == null) {
                schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> schema(s, seen));
        }
        schema(schema.getItems(), seen);
        schema(schema.getAdditionalPropertiesSchema(), seen);
        for (List<Schema> list : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(),
            schema.getPrefixItems()}) {
            if (list != null) {
                list.forEach(s -> schema(s, seen));
            }
        }
        schema(schema.getNot(), seen);
    }
}
