package io.socialroi.common.openapi;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.Components;
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
 * Component schemas no operation reaches are dropped. The scanner registers the Java type of every body it
 * sees, also where an annotation then documents the body otherwise (a {@code JsonNode} read by hand comes out
 * as a schema of Jackson's node accessors); a generator would make a model of it, clashing with Jackson's own.
 */
final class UnusedSchemas {

    private static final String PREFIX = "#/components/schemas/";

    private UnusedSchemas() {
    }

    static void prune(OpenAPI api) {
        Components components = api.getComponents();
        if (components == null || components.getSchemas() == null) {
            return;
        }
        Deque<Schema> pending = new ArrayDeque<>();
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            for (PathItem item : api.getPaths().getPathItems().values()) {
                parameters(item.getParameters(), pending);
                if (item.getOperations() != null) {
                    for (Operation op : item.getOperations().values()) {
                        operation(op, pending);
                    }
                }
            }
        }
        values(components.getParameters()).forEach(p -> parameter(p, pending));
        values(components.getResponses()).forEach(r -> response(r, pending));
        values(components.getHeaders()).forEach(h -> header(h, pending));
        values(components.getRequestBodies()).forEach(b -> content(b.getContent(), pending));
        Set<String> used = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema.getRef() != null && schema.getRef().startsWith(PREFIX)) {
                String name = schema.getRef().substring(PREFIX.length());
                Schema target = components.getSchemas().get(name);
                if (used.add(name) && target != null) {
                    pending.push(target);
                }
            }
            children(schema, pending);
        }
        for (String name : List.copyOf(components.getSchemas().keySet())) {
            if (!used.contains(name)) {
                components.removeSchema(name);
            }
        }
    }

    private static <T> Collection<T> values(Map<String, T> map) {
        return map == null ? List.of() : map.values();
    }

    private static void operation(Operation op, Deque<Schema> pending) {
        parameters(op.getParameters(), pending);
        if (op.getRequestBody() != null) {
            content(op.getRequestBody().getContent(), pending);
        }
        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
            op.getResponses().getAPIResponses().values().forEach(r -> response(r, pending));
        }
    }

    private static void parameters(List<Parameter> parameters, Deque<Schema> pending) {
        if (parameters != null) {
            parameters.forEach(p -> parameter(p, pending));
        }
    }

    private static void parameter(Parameter parameter, Deque<Schema> pending) {
        add(parameter.getSchema(), pending);
        content(parameter.getContent(), pending);
    }

    private static void response(APIResponse response, Deque<Schema> pending) {
        content(response.getContent(), pending);
        values(response.getHeaders()).forEach(h -> header(h, pending));
    }

    private static void header(Header header, Deque<Schema> pending) {
        add(header.getSchema(), pending);
        content(header.getContent(), pending);
    }

    private static void content(Content content, Deque<Schema> pending) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType media : content.getMediaTypes().values()) {
                add(media.getSchema(), pending);
            }
        }
    }

    private static void children(Schema schema, Deque<Schema> pending) {
        values(schema.getProperties()).forEach(s -> add(s, pending));
        add(schema.getItems(), pending);
        add(schema.getAdditionalPropertiesSchema(), pending);
        add(schema.getNot(), pending);
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(s -> add(s, pending));
            }
        }
    }

    private static void add(Schema schema, Deque<Schema> pending) {
        if (schema != null) {
            pending.push(schema);
        }
    }
}
