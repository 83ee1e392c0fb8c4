package io.socialroi.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * What every service must read from suite-common's {@code META-INF/microprofile-config.properties} (the settings
 * the four services share), checked by each service's {@code SharedConfigTest} in its test profile.
 */
public final class SharedConfig {

    /** A sample of the shared settings with the values every service had in its own application.properties. */
    static final Map<String, String> SHARED = new LinkedHashMap<>();

    static {
        SHARED.put("quarkus.datasource.jdbc.max-size", "16");
        SHARED.put("quarkus.datasource.jdbc.acquisition-timeout", "3S");
        SHARED.put("quarkus.hibernate-orm.schema-management.strategy", "validate");
        SHARED.put("quarkus.datasource.jdbc.additional-jdbc-properties.options",
                "-c jit=off -c plan_cache_mode=force_custom_plan");
        SHARED.put("quarkus.kubernetes.replicas", "2");
        SHARED.put("quarkus.kubernetes.env.configmaps", "suite-config");
        SHARED.put("suite.rate-limit.api.per-minute", "100000");
        SHARED.put("suite.remote.breaker.window", "20");
        SHARED.put("quarkus.otel.exporter.otlp.enabled", "false");
        SHARED.put("suite.revocation.refresh-every", "15s");
    }

    private SharedConfig() {
    }

    /**
     * The shared settings, and the service's own ones given here, whose value differs from the expected one:
     * {@code key: expected <x> but was <y>}; empty when all are as expected.
     */
    public static List<String> mismatches(Config config, String applicationName, Map<String, String> own) {
        Map<String, String> expected = new LinkedHashMap<>(SHARED);
        expected.put("quarkus.application.name", applicationName);
        expected.putAll(own);
        List<String> wrong = new ArrayList<>();
        expected.forEach((key, value) -> {
            String actual = config.getOptionalValue(key, String.class).orElse(null);
            if (!value.equals(actual)) {
                wrong.add(key + ": expected <" + value + "> but was <" + actual + ">");
            }
        });
        return wrong;
    }
}
