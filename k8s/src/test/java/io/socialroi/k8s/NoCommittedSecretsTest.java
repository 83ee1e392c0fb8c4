package io.socialroi.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Nothing committed under k8s/ (manifests, overlays, README) holds a secret value; Secrets are only referenced. */
class NoCommittedSecretsTest {

    private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z ]+-----");
    private static final Pattern BASE64_BLOB = Pattern.compile("[A-Za-z0-9+/]{40,}={0,2}");
    /** A JSON-patch operation's path (a JSON pointer of field names), which may be long but is no blob. */
    private static final Pattern JSON_PATCH_PATH = Pattern.compile("\\s*(- )?path: (/([a-z][A-Za-z]*|[0-9]+|-))+");
    private static final Pattern LITERAL_CREDENTIAL = Pattern.compile(
            "(?i)(password|passwd|secret|token|api[_-]?key|access[_-]?key)[\"']?\\s*[:=]\\s*[\"']?[A-Za-z0-9+/_.!@#%^&*-]{6,}");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|private|credential).*");

    @Test
    void committedFilesHoldNoSecretValues() {
        List<String> findings = new ArrayList<>();
        for (Path file : committedFiles()) {
            findings.addAll(scan(Manifests.k8s().relativize(file).toString(), read(file)));
        }
        assertEquals(List.of(), findings);
    }

    @Test
    void theScanFindsWhatItLooksFor() {
        assertFalse(scan("secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\nstringData:\n  a: b\n").isEmpty());
        assertFalse(scan("blob.yaml", "k: dGhpcyBpcyBhIHZlcnkgbG9uZyBiYXNlNjQgZW5jb2RlZCBzZWNyZXQgdmFsdWU=\n").isEmpty());
        assertFalse(scan("key.md", "-----BEGIN PRIVATE KEY-----\n").isEmpty());
        assertFalse(scan("README.md", "kubectl create secret generic x --from-literal=password=hunter2hunter2\n").isEmpty());
        assertFalse(scan("env.yaml", "env:\n  - name: SUITE_DB_PASSWORD\n    value: changeme\n").isEmpty());
        assertFalse(scan("k.yaml", "configMapGenerator:\n  - name: c\n    literals:\n      - SUITE_SERVICE_SECRET=abc\n").isEmpty());
        assertFalse(scan("k.yaml", "secretGenerator:\n  - name: c\n    files:\n      - a.pem\n").isEmpty());
        assertTrue(scan("ok.yaml", "env:\n  - name: SUITE_DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n"
                + "        name: suite-db-content\n        key: password\n").isEmpty());
        assertTrue(scan("README.md", "--from-literal=password=\"$(openssl rand -base64 24)\"\n").isEmpty());
        assertTrue(scan("patch.yaml", "- op: add\n  path: /spec/template/spec/containers/0/volumeMounts/-\n").isEmpty());
        assertFalse(scan("patch.yaml", "  path: /dGhpcyBpcyBhIHZlcnkgbG9uZyBiYXNlNjQgZW5jb2RlZCBzZWNyZXQgdmFsdWU\n").isEmpty());
    }

    /** Problems found in one file's text (and, for YAML, its objects). */
    static List<String> scan(String name, String text) {
        List<String> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String where = name + ":" + (i + 1) + ": ";
            if (PEM.matcher(lines[i]).find()) {
                findings.add(where + "a PEM block");
            }
            if (BASE64_BLOB.matcher(lines[i]).find() && !JSON_PATCH_PATH.matcher(lines[i]).matches()) {
                findings.add(where + "a base64 blob");
            }
            if (LITERAL_CREDENTIAL.matcher(lines[i]).find()) {
                findings.add(where + "a literal credential");
            }
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            for (JsonNode doc : Manifests.parse(text)) {
                if (doc.path("kind").asText().equals("Secret")) {
                    findings.add(name + ": a Secret object");
                }
                if (doc.has("secretGenerator")) {
                    findings.add(name + ": a secretGenerator");
                }
                walk(name, doc, findings);
            }
        }
        return findings;
    }

    /** Env vars with a secret-looking name and a literal value; generator literals of the same kind. */
    private static void walk(String name, JsonNode node, List<String> findings) {
        if (node.isObject()) {
            if (SECRET_NAME.matcher(node.path("name").asText()).matches() && node.path("value").isValueNode()
                    && !node.path("value").asText().startsWith("file:")) {
                findings.add(name + ": literal value for " + node.path("name").asText());
            }
            node.elements().forEachRemaining(child -> walk(name, child, findings));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> walk(name, child, findings));
        } else if (node.isTextual() && node.asText().contains("=")
                && SECRET_NAME.matcher(node.asText().substring(0, node.asText().indexOf('='))).matches()) {
            findings.add(name + ": literal " + node.asText().substring(0, node.asText().indexOf('=')));
        }
    }

    /** Everything under k8s/ but the build output and this module's own test sources. */
    private static List<Path> committedFiles() {
        Path k8s = Manifests.k8s();
        try (Stream<Path> files = Files.walk(k8s)) {
            List<Path> found = files.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith(k8s.resolve("target")) && !file.startsWith(k8s.resolve("src")))
                    .toList();
            assertTrue(found.stream().anyMatch(file -> file.endsWith("kustomization.yaml")), "nothing scanned");
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
