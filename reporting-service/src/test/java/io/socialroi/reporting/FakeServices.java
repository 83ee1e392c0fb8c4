package io.socialroi.reporting;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.FakeServer.Reply;
import java.util.Map;
import java.util.UUID;

/**
 * Fake content-, engagement- and conversion-services. The content fake hands out a service token and
 * knows the workspaces a test registers with {@link #workspace}; everything else a test routes itself,
 * under its own workspace's path, so tests never see each other's answers.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    private static volatile FakeServer content;
    private static volatile FakeServer engagement;
    private static volatile FakeServer conversion;

    @Override
    public Map<String, String> start() {
        content = new FakeServer();
        engagement = new FakeServer();
        conversion = new FakeServer();
        content.on("POST", "/auth/token", Reply.json(200,
                "{\"access_token\":\"reporting-service-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
        return Map.of("quarkus.rest-client.content-service.url", content.url(),
                "quarkus.rest-client.engagement-service.url", engagement.url(),
                "quarkus.rest-client.conversion-service.url", conversion.url());
    }

    @Override
    public void stop() {
        content.close();
        engagement.close();
        conversion.close();
    }

    public static FakeServer content() {
        return content;
    }

    public static FakeServer engagement() {
        return engagement;
    }

    public static FakeServer conversion() {
        return conversion;
    }

    /** Registers a new workspace with content-service and returns its id. */
    public static UUID workspace(String timeZone, String currency) {
        UUID id = UUID.randomUUID();
        content.on("GET", "/workspaces/" + id, Reply.json(200, "{\"id\":\"" + id + "\",\"name\":\"Client " + id
                + "\",\"timeZone\":\"" + timeZone + "\",\"currency\":\"" + currency + "\"}"));
        return id;
    }
}
