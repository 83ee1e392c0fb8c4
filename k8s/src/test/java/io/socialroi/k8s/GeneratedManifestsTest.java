package io.socialroi.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The manifest quarkus-kubernetes generates at package time from each service's {@code quarkus.kubernetes.*}
 * settings agrees with what k8s/ deploys: ports, probe paths, resources, secret references and volumes. It keeps
 * the service's own view of its deployment (config keys, health endpoints) and k8s/ from drifting apart.
 */
class GeneratedManifestsTest {

    static Stream<String> services() {
        return Manifests.SERVICES.stream();
    }

    @ParameterizedTest
    @MethodSource("services")
    void generatedManifestAgreesWithK8s(String service) {
        Path generated = Manifests.root().resolve(service).resolve("target/kubernetes/kubernetes.yml");
        assertTrue(Files.exists(generated), generated + " is missing: package the services first"
                + " (./mvnw package -DskipTests -pl " + service + ")");
        List<JsonNode> quarkus = Manifests.read(generated);
        List<JsonNode> k8s = Manifests.read(Manifests.k8s().resolve("base").resolve(service + ".yaml"));

        JsonNode quarkusService = Manifests.one(quarkus, "Service", service).path("spec").path("ports").get(0);
        JsonNode k8sService = Manifests.one(k8s, "Service", service).path("spec").path("ports").get(0);
        assertEquals(k8sService.path("port").asInt(), quarkusService.path("port").asInt());
        assertEquals(8080, quarkusService.path("targetPort").asInt());

        JsonNode quarkusDeployment = Manifests.one(quarkus, "Deployment", service);
        JsonNode k8sDeployment = Manifests.one(k8s, "Deployment", service);
        JsonNode quarkusContainer = OverlayDeploymentsTest.container(quarkusDeployment);
        JsonNode k8sContainer = OverlayDeploymentsTest.container(k8sDeployment);
        assertEquals(k8sContainer.path("ports").get(0).path("containerPort").asInt(),
                quarkusContainer.path("ports").get(0).path("containerPort").asInt());
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals(k8sContainer.path(probe).path("httpGet").path("path").asText(),
                    quarkusContainer.path(probe).path("httpGet").path("path").asText(), probe);
            assertEquals(8080, quarkusContainer.path(probe).path("httpGet").path("port").asInt(), probe);
            for (String timing : List.of("periodSeconds", "timeoutSeconds", "failureThreshold")) {
                assertEquals(k8sContainer.path(probe).path(timing).asInt(), quarkusContainer.path(probe).path(timing).asInt(),
                        probe + " " + timing);
            }
            assertEquals(0, quarkusContainer.path(probe).path("initialDelaySeconds").asInt(), probe + " initial delay");
        }
        assertEquals(k8sContainer.path("resources"), quarkusContainer.path("resources"), "resources");
        assertEquals(k8sContainer.path("args"), quarkusContainer.path("args"), "args");
        assertEquals(secretRefs(k8sContainer), secretRefs(quarkusContainer), "secret references");
        assertEquals(fileLocations(k8sContainer), fileLocations(quarkusContainer), "key file locations");
        assertEquals("suite-config", quarkusContainer.path("envFrom").get(0).path("configMapRef").path("name").asText());
        assertEquals(mounts(k8sDeployment), mounts(quarkusDeployment), "volume mounts");

        JsonNode quarkusPod = quarkusDeployment.path("spec").path("template").path("spec");
        JsonNode k8sPod = k8sDeployment.path("spec").path("template").path("spec");
        assertTrue(quarkusPod.path("securityContext").path("runAsNonRoot").asBoolean());
        assertEquals(k8sPod.path("securityContext").path("runAsUser"), quarkusPod.path("securityContext").path("runAsUser"));
        assertTrue(Pattern.matches("[a-z0-9.-]+(/[a-z0-9._-]+)*/" + service + ":[\\w.-]+-native",
                quarkusContainer.path("image").asText()), quarkusContainer.path("image").asText());
        // Flyway migrates at start in both: no init Job or wait-for init container.
        assertTrue(Manifests.ofKind(quarkus, "Job").isEmpty(), "an init Job");
        assertTrue(quarkusPod.path("initContainers").isMissingNode(), "an init container");
    }

    /** env name -> secret/key. */
    private static Map<String, String> secretRefs(JsonNode container) {
        Map<String, String> refs = new TreeMap<>();
        for (JsonNode var : container.path("env")) {
            JsonNode ref = var.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                refs.put(var.path("name").asText(), ref.path("name").asText() + "/" + ref.path("key").asText());
            }
        }
        return refs;
    }

    private static Map<String, String> fileLocations(JsonNode container) {
        Map<String, String> values = new TreeMap<>();
        for (JsonNode var : container.path("env")) {
            if (var.path("value").asText().startsWith("file:")) {
                values.put(var.path("name").asText(), var.path("value").asText());
            }
        }
        return values;
    }

    /** mount path -> what is mounted there (emptyDir or secret name) and whether read-only. */
    private static Map<String, String> mounts(JsonNode deployment) {
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        Map<String, JsonNode> volumes = new TreeMap<>();
        pod.path("volumes").forEach(volume -> volumes.put(volume.path("name").asText(), volume));
        Map<String, String> mounts = new TreeMap<>();
        for (JsonNode mount : OverlayDeploymentsTest.container(deployment).path("volumeMounts")) {
            JsonNode volume = volumes.get(mount.path("name").asText());
            String source = volume.has("emptyDir") ? "emptyDir" : "secret " + volume.path("secret").path("secretName").asText()
                    + " mode " + volume.path("secret").path("defaultMode").asInt();
            mounts.put(mount.path("mountPath").asText(), source + (mount.path("readOnly").asBoolean() ? " ro" : " rw"));
        }
        return mounts;
    }
}
