package io.socialroi.conversion;

import io.socialroi.testing.FakeServer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two services conversion-service calls, faked on real HTTP: content-service (service token and
 * workspace settings) and engagement-service (touchpoints, actors). Tests register the workspaces they
 * use with their time zone and currency; every other id is a 404, as content-service would answer.
 */
public final class Fakes {

    public final FakeServer content = new FakeServer();
    public final FakeServer engagement = new FakeServer();
    private final Map<UUID, String[]> workspaces = new ConcurrentHashMap<>();

    Fakes() {
        resetContent();
    }

    /** A new workspace known to the content fake. */
    public UUID workspace(String zone, String currency) {
        UUID id = UUID.randomUUID();
        workspaces.put(id, new String[] {zone, currency});
        return id;
    }

    /**
     * engagement-service's journey search for the workspace, over these touches (touchpoint JSON): the people who
     * engaged, of whom conversion-service leaves out the converting ones ({@link EngagedJourneys}).
     */
    public void journeys(UUID ws, java.util.List<String> touches) {
        engagement.on("POST", "/workspaces/" + ws + "/journeys/search", EngagedJourneys.over(touches));
    }

    public UUID workspace() {
        return workspace("UTC", "EUR");
    }

    /** Puts the content fake back to answering tokens and workspace settings (after a test took it down). */
    public void resetContent() {
        content.reset();
        content.on("POST", "/auth/token", r -> FakeServer.Reply.json(200,
                "{\"access_token\":\"" + io.socialroi.testing.TestTokens.service("engagement:read", "content:read")
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
        content.on("GET", "/workspaces/", r -> {
            String id = r.path().substring("/workspaces/".length());
            String[] settings;
            try {
                settings = workspaces.get(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                settings = null;
            }
            if (settings == null) {
                return FakeServer.Reply.json(404, "{\"status\":404}");
            }
            return FakeServer.Reply.json(200, "{\"id\":\"" + id + "\",\"name\":\"W\",\"timeZone\":\"" + settings[0]
                    + "\",\"currency\":\"" + settings[1] + "\"}");
        });
    }
}
