package io.socialroi.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.Config;
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
        Config config = ConfigProvider.getConfig();
        assertEquals("engagement-service", config.getValue("quarkus.application.name", String.class));
        assertEquals("16", config.getValue("quarkus.datasource.jdbc.max-size", String.class));
        assertEquals("3S", config.getValue("quarkus.datasource.jdbc.acquisition-timeout", String.class));
        assertEquals("validate", config.getValue("quarkus.hibernate-orm.schema-management.strategy", String.class));
        assertEquals("-c jit=off -c plan_cache_mode=force_custom_plan",
                config.getValue("quarkus.datasource.jdbc.additional-jdbc-properties.options", String.class));
        assertEquals("2", config.getValue("quarkus.kubernetes.replicas", String.class));
        assertEquals("suite-config", config.getValue("quarkus.kubernetes.env.configmaps", String.class));
        assertEquals("100000", config.getValue("suite.rate-limit.api.per-minute", String.class));
        assertEquals("20", config.getValue("suite.remote.breaker.window", String.class));
        assertEquals("false", config.getValue("quarkus.otel.exporter.otlp.enabled", String.class));
        // Its own: the ingestion body limit.
        assertEquals("32M", config.getValue("suite.http.max-body-size", String.class));
        assertEquals("15s", config.getValue("suite.revocation.refresh-every", String.class));
    }
}
