package io.socialroi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one OpenAPI document of the whole suite, what integrators see behind the Ingress (k8s/: one host routes
 * each path prefix to its service): built from the four committed per-service documents, with the
 * service-to-service operations ({@code x-internal: true}, set by suite-common SuiteOpenApi) left out. Schemas
 * of one name that differ between services are kept apart as {@code <Service><Name>} (ReportingSettingsRequest).
 */
public final class CombinedOpenApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private CombinedOpenApi() {
    }

    /** {@code documents}: service name (content-service...) to its committed document, in the order to merge. */
    public static ObjectNode combine(Map<String, Path> documents) throws IOException {
        ObjectNode out = JSON.createObjectNode();
        ObjectNode paths = JSON.createObjectNode();
        ObjectNode schemas = JSON.createObjectNode();
        ObjectNode components = JSON.createObjectNode();
        Map<String, JsonNode> tags = new LinkedHashMap<>();
        for (Map.Entry<String, Path> entry : documents.entrySet()) {
            ObjectNode doc = (ObjectNode) JSON.readTree(Files.readString(entry.getValue()));
            if (!out.has("openapi")) {
                out.set("openapi", doc.get("openapi"));
            }
            String prefix = prefix(entry.getKey());
            for (String name : names(doc.path("components").path("schemas"))) {
                JsonNode schema = doc.path("components").path("schemas").get(name);
                if (schemas.has(name) && !schemas.get(name).equals(schema)) {
                    rename(doc, "#/components/schemas/" + name, "#/components/schemas/" + prefix + name);
                }
            }
            for (String name : names(doc.path("components").path("schemas"))) {
                String target = doc.path("components").path("schemas").has(name) ? name : name;
                schemas.set(target, doc.path("components").path("schemas").get(name));
            }
            Iterator<Map.Entry<String, JsonNode>> kinds = doc.path("components").fields();
            while (kinds.hasNext()) {
                Map.Entry<String, JsonNode> kind = kinds.next();
                if (kind.getKey().equals("schemas")) {
                    continue;
                }
                ObjectNode merged = components.has(kind.getKey()) ? (ObjectNode) components.get(kind.getKey())
                        : components.putObject(kind.getKey());
                kind.getValue().fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
            }
            for (JsonNode tag : doc.path("tags")) {
                tags.putIfAbsent(tag.path("name").asText(), tag);
            }
            for (String path : names(doc.path("paths"))) {
                JsonNode item = doc.path("paths").get(path);
                ObjectNode kept = paths.has(path) ? (ObjectNode) paths.get(path) : JSON.createObjectNode();
                item.fields().forEachRemaining(op -> {
                    if (!METHODS.contains(op.getKey()) || !op.getValue().path("x-internal").asBoolean(false)) {
                        kept.set(op.getKey(), op.getValue());
                    }
                });
                if (kept.fieldNames().hasNext() && kept.properties().stream().anyMatch(e -> METHODS.contains(e.getKey()))) {
                    paths.set(path, kept);
                }
            }
        }
        ObjectNode info = out.putObject("info");
        info.put("title", "Social ROI suite");
        info.put("version", "1.0");
        info.put("description", "The suite's public API as the Ingress serves it on one host: workspaces, credentials "
                + "and tokens, campaigns, posts and approvals (content-service), tracked links and engagement events "
                + "(engagement-service), conversions, identities and attribution (conversion-service), costs and "
                + "ROI, funnel and engagement-vs-revenue reports (reporting-service). Service-to-service endpoints are "
                + "not part of it.");
        ArrayNode servers = out.putArray("servers");
        ObjectNode server = servers.addObject();
        server.put("url", "/");
        server.put("description", "The host this document is served from: the suite's production HTTPS edge (the Ingress)");
        server.put("x-internal", false);
        ArrayNode tagList = out.putArray("tags");
        tags.values().forEach(tagList::add);
        out.set("paths", sorted(paths));
        components.set("schemas", sorted(reachable(schemas, paths, components)));
        out.set("components", sorted(components));
        return out;
    }

    /**
     * The schemas the kept operations reach: one used only by a service-to-service endpoint (left out above)
     * would otherwise become a model in every generated client.
     */
    private static ObjectNode reachable(ObjectNode schemas, JsonNode paths, JsonNode otherComponents) {
        java.util.Deque<String> pending = new java.util.ArrayDeque<>();
        refs(paths, pending);
        refs(otherComponents, pending);
        Set<String> used = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (used.add(name) && schemas.has(name)) {
                refs(schemas.get(name), pending);
            }
        }
        ObjectNode kept = JSON.createObjectNode();
        schemas.fields().forEachRemaining(e -> {
            if (used.contains(e.getKey())) {
                kept.set(e.getKey(), e.getValue());
            }
        });
        return kept;
    }

    private static void refs(JsonNode node, java.util.Deque<String> found) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/schemas/")) {
                found.push(ref.asText().substring("#/components/schemas/".length()));
            }
            node.elements().forEachRemaining(child -> refs(child, found));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> refs(child, found));
        }
    }

    private static ObjectNode sorted(ObjectNode node) {
        ObjectNode out = JSON.createObjectNode();
        new TreeSet<>(names(node)).forEach(name -> out.set(name, node.get(name)));
        return out;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new java.util.LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void rename(ObjectNode doc, String from, String to) {
        ObjectNode schemas = (ObjectNode) doc.path("components").path("schemas");
        String name = from.substring(from.lastIndexOf('/') + 1);
        String newName = to.substring(to.lastIndexOf('/') + 1);
        JsonNode schema = schemas.remove(name);
        schemas.set(newName, schema);
        replaceRefs(doc, from, to);
    }

    private static void replaceRefs(JsonNode node, String from, String to) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("$ref") && object.get("$ref").asText().equals(from)) {
                object.set("$ref", TextNode.valueOf(to));
            }
            object.elements().forEachRemaining(child -> replaceRefs(child, from, to));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> replaceRefs(child, from, to));
        }
    }

    private static String prefix(String service) {
        String name = service.replace("-service", "");
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
