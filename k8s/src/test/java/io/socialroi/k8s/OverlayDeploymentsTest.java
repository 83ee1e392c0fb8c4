package io.socialroi.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay, rendered: each service runs as the issue asks (image, probes, limits, security, secrets). */
class OverlayDeploymentsTest {

    /** The env vars that carry credentials: each must come from a Secret, never a literal. */
    private static final Map<String, Set<String>> SECRET_ENV = Map.of(
            "content-service", Set.of("SUITE_DB_USER", "SUITE_DB_PASSWORD", "SUITE_SERVICE_SECRET",
                    "SUITE_ADMIN_CLIENT_ID", "SUITE_ADMIN_CLIENT_SECRET", "SUITE_SECRETS_KEY"),
            "engagement-service", Set.of("SUITE_DB_USER", "SUITE_DB_PASSWORD", "SUITE_SERVICE_SECRET"),
            "conversion-service", Set.of("SUITE_DB_USER", "SUITE_DB_PASSWORD", "SUITE_SERVICE_SECRET",
                    "SUITE_SECRETS_KEY"),
            "reporting-service", Set.of("SUITE_DB_USER", "SUITE_DB_PASSWORD", "SUITE_SERVICE_SECRET"));

    static Stream<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceRunsItsNativeImageOn8080WithHealthProbes(String overlay) {
        List<JsonNode> docs = Manifests.render(Manifests.k8s().resolve("overlays").resolve(overlay));
        assertEquals(Manifests.SERVICES.size(), Manifests.ofKind(docs, "Deployment").size());
        for (String service : Manifests.SERVICES) {
            JsonNode container = container(Manifests.one(docs, "Deployment", service));
            String image = container.path("image").asText();
            assertTrue(Pattern.matches("[a-z0-9.-]+(:\\d+)?(/[a-z0-9._-]+)*/" + service + ":[\\w.-]+-native", image),
                    overlay + " " + service + ": image " + image + " is not <registry>/" + service + ":<version>-native");
            JsonNode port = container.path("ports").get(0);
            assertEquals(8080, port.path("containerPort").asInt());
            assertEquals("http", port.path("name").asText());
            assertProbe(container, "startupProbe", "/q/health/started");
            assertProbe(container, "readinessProbe", "/q/health/ready");
            assertProbe(container, "livenessProbe", "/q/health/live");

            JsonNode service8080 = Manifests.one(docs, "Service", service);
            assertEquals(8080, service8080.path("spec").path("ports").get(0).path("port").asInt());
            assertEquals("http", service8080.path("spec").path("ports").get(0).path("targetPort").asText());
            assertEquals(service, service8080.path("spec").path("selector").path("app.kubernetes.io/name").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasLimitsAndALockedDownSecurityContext(String overlay) {
        List<JsonNode> docs = Manifests.render(Manifests.k8s().resolve("overlays").resolve(overlay));
        for (String service : Manifests.SERVICES) {
            JsonNode pod = Manifests.one(docs, "Deployment", service).path("spec").path("template").path("spec");
            JsonNode container = container(Manifests.one(docs, "Deployment", service));
            JsonNode resources = container.path("resources");
            for (String part : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    assertFalse(resources.path(part).path(resource).asText().isEmpty(),
                            overlay + " " + service + " has no " + part + "." + resource);
                }
            }
            long request = mebibytes(resources.path("requests").path("memory").asText());
            long limit = mebibytes(resources.path("limits").path("memory").asText());
            assertTrue(request <= limit, service + ": memory request above the limit");
            // The heap argument leaves room under the limit for the image heap, stacks and buffers.
            String xmx = container.path("args").get(0).asText();
            assertTrue(xmx.matches("-Xmx\\d+m"), service + ": " + xmx);
            assertTrue(Long.parseLong(xmx.replaceAll("\\D", "")) + 64 <= limit, service + ": -Xmx too close to the limit");

            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), service + " may run as root");
            JsonNode security = container.path("securityContext");
            assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), service + " has a writable root filesystem");
            assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), service + " allows privilege escalation");
            assertEquals("ALL", security.path("capabilities").path("drop").get(0).asText());
            assertEquals("emptyDir", volumeSource(pod, mountedVolume(container, "/tmp")), service + ": /tmp is not an emptyDir");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void credentialsComeFromSecretsAndSettingsFromTheConfigMap(String overlay) {
        List<JsonNode> docs = Manifests.render(Manifests.k8s().resolve("overlays").resolve(overlay));
        JsonNode config = Manifests.ofKind(docs, "ConfigMap").stream()
                .filter(map -> map.path("metadata").path("name").asText().startsWith("suite-config")).findFirst().orElseThrow();
        assertEquals("8080", config.path("data").path("QUARKUS_HTTP_PORT").asText());
        for (String service : Manifests.SERVICES) {
            String key = "SUITE_" + service.replace("-service", "").toUpperCase() + "_URL";
            assertEquals("http://" + service + ":8080", config.path("data").path(key).asText(), key);
        }
        assertTrue(config.path("data").path("SUITE_DB_URL").asText().startsWith("jdbc:postgresql://suite-db-rw:5432"));

        for (String service : Manifests.SERVICES) {
            JsonNode pod = Manifests.one(docs, "Deployment", service).path("spec").path("template").path("spec");
            JsonNode container = container(Manifests.one(docs, "Deployment", service));
            assertEquals(config.path("metadata").path("name").asText(),
                    container.path("envFrom").get(0).path("configMapRef").path("name").asText());
            Map<String, JsonNode> env = new HashMap<>();
            container.path("env").forEach(var -> env.put(var.path("name").asText(), var));
            for (String name : SECRET_ENV.get(service)) {
                JsonNode ref = env.getOrDefault(name, container).path("valueFrom").path("secretKeyRef");
                assertFalse(ref.path("name").asText().isEmpty(), overlay + " " + service + ": " + name + " is not from a Secret");
            }
            String database = service.replace("-service", "");
            assertEquals("suite-db-" + database, env.get("SUITE_DB_PASSWORD").path("valueFrom").path("secretKeyRef").path("name").asText());
            // Keys are files on Secret volumes: the public key(s) everywhere, the signing key only in content-service.
            assertSecretFile(pod, container, env.get("SUITE_JWT_PUBLIC_KEY"), "suite-jwt-verify");
            if (service.equals("content-service")) {
                assertSecretFile(pod, container, env.get("SUITE_JWT_PRIVATE_KEY"), "suite-jwt-signing");
            } else {
                assertFalse(env.containsKey("SUITE_JWT_PRIVATE_KEY"), service + " must not hold the signing key");
                assertFalse(env.containsKey("SUITE_ADMIN_CLIENT_SECRET"), service + " must not hold the admin secret");
            }
            for (JsonNode var : env.values()) {
                String name = var.path("name").asText();
                if (var.has("value") && name.matches(".*(PASSWORD|SECRET|TOKEN).*")) {
                    throw new AssertionError(overlay + " " + service + ": " + name + " has a literal value");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceAutoscalesAndHasADisruptionBudget(String overlay) {
        List<JsonNode> docs = Manifests.render(Manifests.k8s().resolve("overlays").resolve(overlay));
        for (String service : Manifests.SERVICES) {
            JsonNode hpa = Manifests.one(docs, "HorizontalPodAutoscaler", service).path("spec");
            assertEquals("Deployment", hpa.path("scaleTargetRef").path("kind").asText());
            assertEquals(service, hpa.path("scaleTargetRef").path("name").asText());
            assertTrue(hpa.path("minReplicas").asInt() >= 1 && hpa.path("minReplicas").asInt() < hpa.path("maxReplicas").asInt(),
                    service + ": replica range");
            JsonNode pdb = Manifests.one(docs, "PodDisruptionBudget", service).path("spec");
            assertEquals(service, pdb.path("selector").path("matchLabels").path("app.kubernetes.io/name").asText());
            assertEquals(1, pdb.path("maxUnavailable").asInt(), service + ": a drain takes at most one pod at a time");
        }
    }

    private static void assertProbe(JsonNode container, String probe, String path) {
        JsonNode get = container.path(probe).path("httpGet");
        assertEquals(path, get.path("path").asText(), probe);
        assertTrue(get.path("port").asText().equals("http") || get.path("port").asInt() == 8080, probe + " port");
    }

    private static void assertSecretFile(JsonNode pod, JsonNode container, JsonNode var, String secret) {
        String value = var.path("value").asText();
        assertTrue(value.startsWith("file:"), var.path("name").asText() + " is not a file location");
        String file = value.substring("file:".length());
        String dir = file.substring(0, file.lastIndexOf('/'));
        String volume = mountedVolume(container, dir);
        assertEquals(secret, volumes(pod).get(volume).path("secret").path("secretName").asText(), var.path("name").asText());
    }

    private static String mountedVolume(JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals(path)) {
                return mount.path("name").asText();
            }
        }
        throw new AssertionError("nothing mounted at " + path);
    }

    private static String volumeSource(JsonNode pod, String volume) {
        JsonNode source = volumes(pod).get(volume);
        return source.has("emptyDir") ? "emptyDir" : source.has("secret") ? "secret" : "other";
    }

    private static Map<String, JsonNode> volumes(JsonNode pod) {
        Map<String, JsonNode> volumes = new HashMap<>();
        pod.path("volumes").forEach(volume -> volumes.put(volume.path("name").asText(), volume));
        return volumes;
    }

    static JsonNode container(JsonNode deployment) {
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    static long mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.replace("Gi", "")) * 1024;
        }
        assertTrue(quantity.endsWith("Mi"), "memory in Mi or Gi: " + quantity);
        return Long.parseLong(quantity.replace("Mi", ""));
    }
}
