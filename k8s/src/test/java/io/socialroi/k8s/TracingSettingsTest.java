package io.socialroi.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every service exports its traces to the OTLP collector named by configuration (the suite-config ConfigMap), and
 * the network policies let it reach that collector on the OTLP port.
 */
class TracingSettingsTest {

    static Stream<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceNamesTheCollectorFromTheConfigMap(String overlay) {
        List<JsonNode> docs = Manifests.render(Manifests.k8s().resolve("overlays").resolve(overlay));
        for (String service : Manifests.SERVICES) {
            Map<String, String> env = Manifests.environment(docs, service);
            String endpoint = env.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");
            assertTrue(endpoint != null && endpoint.startsWith("http"), overlay + " " + service + ": " + endpoint);
            URI uri = URI.create(endpoint);
            assertEquals(4317, uri.getPort(), overlay + " " + service + " OTLP/gRPC port");
            assertTrue(uri.getHost().endsWith(".observability.svc"), overlay + " collector in observability: " + uri);
        }
        JsonNode otlp = Manifests.one(Manifests.ofKind(docs, "NetworkPolicy"), "NetworkPolicy", "allow-otlp");
        JsonNode rule = otlp.path("spec").path("egress").get(0);
        assertEquals("observability", rule.path("to").get(0).path("namespaceSelector").path("matchLabels")
                .path("kubernetes.io/metadata.name").asText());
        assertEquals(4317, rule.path("ports").get(0).path("port").asInt());
    }
}
