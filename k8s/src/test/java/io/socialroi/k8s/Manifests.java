package io.socialroi.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Reads the committed manifests, renders kustomizations with {@code kubectl kustomize} and finds objects in them. */
final class Manifests {

    /** The four services; each is a Deployment, Service, HPA and PDB of the same name. */
    static final List<String> SERVICES = List.of(
            "content-service", "engagement-service", "conversion-service", "reporting-service");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    /** The repository root (set by the build; the parent of this module when run from an IDE). */
    static Path root() {
        String configured = System.getProperty("suite.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        return root.toAbsolutePath().normalize();
    }

    static Path k8s() {
        return root().resolve("k8s");
    }

    /** Every overlay directory, so that a new overlay is checked without touching the tests. */
    static Stream<String> overlays() {
        try (Stream<Path> dirs = Files.list(k8s().resolve("overlays"))) {
            return dirs.filter(dir -> Files.exists(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The objects {@code kubectl kustomize <dir>} renders; the test is skipped, saying why, without kubectl. */
    static List<JsonNode> render(Path dir) {
        String kubectl = kubectl().orElse(null);
        Assumptions.assumeTrue(kubectl != null, "kubectl is not installed: the kustomize overlays were not rendered."
                + " Install it (Debian: apt-get install -y kubernetes-client) or set KUBECTL to its path.");
        try {
            Process process = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            byte[] out;
            try (InputStream stdout = process.getInputStream()) {
                out = stdout.readAllBytes();
            }
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed: " + err);
            }
            return parse(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<JsonNode> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> parse(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            var iterator = YAML.readValues(parser, JsonNode.class);
            while (iterator.hasNext()) {
                JsonNode doc = iterator.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(doc -> kind.equals(doc.path("kind").asText())).toList();
    }

    static JsonNode one(List<JsonNode> docs, String kind, String name) {
        List<JsonNode> found = ofKind(docs, kind).stream()
                .filter(doc -> name.equals(doc.path("metadata").path("name").asText())).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " " + name + ", found " + found.size());
        }
        return found.get(0);
    }

    /**
     * The environment a service's container gets: its ConfigMaps (envFrom) overlaid by its own env entries;
     * an entry taken from a Secret or elsewhere appears as {@code <from:secretKeyRef>}.
     */
    static Map<String, String> environment(List<JsonNode> docs, String deployment) {
        JsonNode container = one(docs, "Deployment", deployment).path("spec").path("template").path("spec")
                .path("containers").get(0);
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String name = from.path("configMapRef").path("name").asText();
            JsonNode map = one(docs, "ConfigMap", name);
            map.path("data").fields().forEachRemaining(entry -> env.put(entry.getKey(), entry.getValue().asText()));
        }
        for (JsonNode var : container.path("env")) {
            env.put(var.path("name").asText(), var.has("value") ? var.path("value").asText()
                    : "<from:" + var.path("valueFrom").fieldNames().next() + ">");
        }
        return env;
    }

    /** kubectl from KUBECTL, or the first on the PATH. */
    static Optional<String> kubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }
}
