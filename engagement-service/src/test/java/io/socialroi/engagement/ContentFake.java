package io.socialroi.engagement;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.TestTokens;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * content-service as the engagement tests see it: a real HTTP server answering {@code /auth/token} and
 * {@code GET /workspaces/{id}} for the workspaces a test registered (404 for others, 500 for broken ones).
 */
public class ContentFake implements QuarkusTestResourceLifecycleManager {

    private static final Map<UUID, String> ZONES = new ConcurrentHashMap<>();
    private static FakeServer server;

    /** Makes content-service know the workspace with this time zone; {@code null} makes it answer 500. */
    public static void workspace(UUID id, String timeZone) {
        ZONES.put(id, timeZone == null ? "" : timeZone);
    }

    /** The running fake, for a test that adds a route (e.g. {@code /auth/revocations}). */
    public static FakeServer server() {
        return server;
    }

    /** Puts {@code POST /auth/token} back to handing out service tokens (after a test made it fail). */
    public static void answerTokens() {
        server.on("POST", "/auth/token", r -> FakeServer.Reply.json(200, "{\"access_token\":\""
                + TestTokens.service("content:read") + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
    }

    @Override
    public Map<String, String> start() {
        server = new FakeServer();
        answerTokens();
        server.on("GET", "/workspaces/", r -> {
            UUID id = UUID.fromString(r.path().substring("/workspaces/".length()));
            String zone = ZONES.get(id);
            if (zone == null) {
                return FakeServer.Reply.json(404, "{\"status\":404}");
            }
            if (zone.isEmpty()) {
                return FakeServer.Reply.json(500, "{\"status\":500}");
            }
            return FakeServer.Reply.json(200, "{\"id\":\"" + id + "\",\"name\":\"Test\",\"timeZone\":\"" + zone
                    + "\",\"currency\":\"EUR\"}");
        });
        return Map.of("quarkus.rest-client.content-service.url", server.url());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
