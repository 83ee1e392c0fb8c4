package io.socialroi.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialroi.testing.FakeServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * engagement-service's {@code POST /workspaces/{ws}/events} as content-service's importer and webhook tests meet it:
 * each event kept once per workspace by its event id, the answer's {@code accepted} and {@code duplicates} counted as
 * the real ingestion counts them, 503 while the test says it is down, 400 for a body that is no JSON array. (The
 * real engagement-service takes these events in the system tests.)
 */
public final class FakeIngestion {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeIngestion() {
    }

    /** The answer to one ingestion request, storing its new events into {@code stored} (by workspace, event id). */
    public static FakeServer.Reply answer(FakeServer.Recorded r, Map<String, Map<String, JsonNode>> stored, boolean down) {
        if (down) {
            return FakeServer.Reply.json(503, "{\"status\":503}");
        }
        Map<String, JsonNode> events = stored.computeIfAbsent(r.path().split("/")[2], k -> new ConcurrentHashMap<>());
        int accepted = 0;
        int duplicates = 0;
        try {
            for (JsonNode e : JSON.readTree(r.body())) {
                if (events.putIfAbsent(e.path("eventId").asText(), e) == null) {
                    accepted++;
                } else {
                    duplicates++;
                }
            }
        } catch (Exception e) {
            return FakeServer.Reply.json(400, "{\"status\":400}");
        }
        return FakeServer.Reply.json(200, "{\"accepted\":" + accepted + ",\"duplicates\":" + duplicates
                + ",\"rejected\":[]}");
    }
}
