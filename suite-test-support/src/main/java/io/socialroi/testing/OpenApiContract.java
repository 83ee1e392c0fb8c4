package io.socialroi.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a service's served OpenAPI document: compared with the committed copy (so contract changes show
 * in review; regenerate with {@code -Dopenapi.update=true}), and every operation documents its 4xx
 * answers as problem+json.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head");

    private OpenApiContract() {
    }

    /** The served document, from {@code /q/openapi?format=json} of the app under test. */
    public static JsonNode served() throws IOException {
        return JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
    }

    /**
     * Differences between the served document and {@code committed} (a path under src/test/resources),
     * as readable lines; empty when equal. Writes the file instead when {@code -Dopenapi.update=true}.
     */
    public static List<String> compareWithCommitted(JsonNode served, Path committed) throws IOException {
        String normalised = JSON.writeValueAsString(JSON.treeToValue(served, Object.class)) + "\n";
        if (Boolean.getBoolean("openapi.update") || !Files.exists(committed)) {
            if (!Boolean.getBoolean("openapi.update")) {
                return List.of("No committed OpenAPI document at " + committed
                        + ": run the test once with -Dopenapi.update=true and commit the file");
            }
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, normalised);
            return List.of();
        }
        String expected = Files.readString(committed);
        if (expected.equals(normalised)) {
            return List.of();
        }
        List<String> diff = new ArrayList<>();
        diff(JSON.readTree(expected), served, "", diff);
        if (diff.isEmpty()) {
            diff.add("formatting differs; regenerate with -Dopenapi.update=true");
        }
        return diff;
    }

    /** Operations (as "METHOD path") that lack a problem+json 4xx response, or a 401 when secured. */
    public static List<String> operationsMissingProblems(JsonNode document, Set<String> openOperations) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : iterable(document.path("paths").fields())) {
            for (Map.Entry<String, JsonNode> op : iterable(path.getValue().fields())) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = op.getValue().path("responses");
                boolean problem4xx = false;
                for (Map.Entry<String, JsonNode> response : iterable(responses.fields())) {
                    if (response.getKey().startsWith("4")
                            && response.getValue().path("content").has("application/problem+json")) {
                        problem4xx = true;
                    }
                }
                if (!problem4xx) {
                    missing.add(name + ": no 4xx response documented as application/problem+json");
                }
                if (!openOperations.contains(name) && !responses.has("401")) {
                    missing.add(name + ": secured but no 401 documented");
                }
            }
        }
        return missing;
    }

    /** Every operation of the document as "METHOD path", sorted. */
    public static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : iterable(document.path("paths").fields())) {
            for (Map.Entry<String, JsonNode> op : iterable(path.getValue().fields())) {
                if (METHODS.contains(op.getKey())) {
                    operations.add(op.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    private static void diff(JsonNode expected, JsonNode actual, String at, List<String> out) {
        if (out.size() > 50) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> keys = new TreeSet<>();
            expected.fieldNames().forEachRemaining(keys::add);
            actual.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String child = at + "/" + key;
                if (!expected.has(key)) {
                    out.add("added " + child);
                } else if (!actual.has(key)) {
                    out.add("removed " + child);
                } else {
                    diff(expected.get(key), actual.get(key), child, out);
                }
            }
        } else if (!expected.equals(actual)) {
            out.add("changed " + at + ": " + abbreviate(expected) + " -> " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }
}
