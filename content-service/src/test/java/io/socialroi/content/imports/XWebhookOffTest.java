package io.socialroi.content.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.publish.PublishingConfig;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A deployment without an X consumer secret: both requests of {@code /hooks/x} are a 404, the webhook is off. */
class XWebhookOffTest {

    @Test
    void withoutAConsumerSecretTheWebhookIsNotThere() {
        PublishingConfig.X x = (PublishingConfig.X) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PublishingConfig.X.class}, (p, m, a) -> m.getName().equals("consumerSecret")
                        ? Optional.of(" ") : null);
        PublishingConfig config = (PublishingConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PublishingConfig.class}, (p, m, a) -> m.getName().equals("x") ? x : null);
        XWebhookResource hook = new XWebhookResource(config, new ObjectMapper(), null, null);
        assertEquals(404, assertThrows(ProblemException.class, () -> hook.crc("abc")).problem().status());
        byte[] body = "{\"for_user_id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(404, assertThrows(ProblemException.class, () -> hook.deliver("sha256=x", body)).problem()
                .status());
    }
}
