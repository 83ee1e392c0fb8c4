package io.socialroi.conversion;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/** Starts {@link Fakes} for the whole test run and points the REST clients at them. */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the running {@link Fakes}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    private Fakes fakes;

    @Override
    public Map<String, String> start() {
        fakes = new Fakes();
        return Map.of("quarkus.rest-client.content-service.url", fakes.content.url(),
                "quarkus.rest-client.engagement-service.url", fakes.engagement.url(),
                "suite.secrets.key", io.socialroi.testing.TestKeys.secretsKey());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(fakes, new TestInjector.AnnotatedAndMatchesType(Inject.class, Fakes.class));
    }

    @Override
    public void stop() {
        fakes.content.close();
        fakes.engagement.close();
    }
}
