package io.socialroi.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.testing.SharedConfig;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The settings every service shares come from suite-common's META-INF/microprofile-config.properties with the
 * values they had in this service's application.properties; what this service sets itself still wins.
 */
@QuarkusTest
class SharedConfigTest {

    @Test
    void theSharedDefaultsApplyAndTheServiceStillOverridesThem() {
        // Its own: the memory the k8s manifests give it.
        assertEquals(List.of(), SharedConfig.mismatches(ConfigProvider.getConfig(), "reporting-service", Map.of("quarkus.kubernetes.resources.limits.memory", "256Mi")));
    }
}
