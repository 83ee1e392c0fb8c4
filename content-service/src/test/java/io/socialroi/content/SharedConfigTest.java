package io.socialroi.content;

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
        // Overridden here: content-service rereads its own revocation table more often than the shared 15 s.
        assertEquals(List.of(), SharedConfig.mismatches(ConfigProvider.getConfig(), "content-service", Map.of("suite.revocation.refresh-every", "5s")));
    }
}
