package io.socialroi.content.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.remote.RemotePolicy;
import io.socialroi.content.auth.TokenIssuer;
import io.socialroi.content.post.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Writes imported engagements through engagement-service's normal ingestion ({@code POST /workspaces/{ws}/events},
 * the same validation, dedupe by event id, rollups and change feed as any integration's events), with a service
 * token content-service mints for the one workspace ({@code engagement:write}), in batches of at most 1,000, under
 * the suite's {@link RemotePolicy}: a failure throws (a 503 problem naming engagement-service), so the caller keeps
 * its place and sends the same events again, which the event ids make harmless.
 */
@ApplicationScoped
public class EngagementIngest {

    static final int BATCH = 1_000;

    /** What engagement-service made of the events. */
    public record Outcome(int accepted, int duplicates, int rejected) {
    }

    private final EngagementEventsClient client;
    private final TokenIssuer tokens;

    public EngagementIngest(@RestClient EngagementEventsClient client, TokenIssuer tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    public Outcome ingest(UUID workspaceId, Platform platform, UUID postId, UUID campaignId,
            List<ImportedEvent> events) {
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        String token = "Bearer " + tokens.forService(List.of(Scopes.ENGAGEMENT_WRITE), workspaceId).token();
        for (int from = 0; from < events.size(); from += BATCH) {
            List<Map<String, Object>> body = new ArrayList<>();
            for (ImportedEvent e : events.subList(from, Math.min(events.size(), from + BATCH))) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("eventId", e.eventId());
                json.put("type", e.type());
                json.put("platform", platform.name());
                if (postId != null) {
                    json.put("postId", postId.toString());
                }
                if (campaignId != null) {
                    json.put("campaignId", campaignId.toString());
                }
                json.put("actorId", e.actorId());
                json.put("occurredAt", e.occurredAt().toString());
                Map<String, Object> attributes = new LinkedHashMap<>();
                attributes.put("source", "import");
                if (e.text() != null) {
                    attributes.put("text", e.text());
                }
                json.put("attributes", attributes);
                body.add(json);
            }
            JsonNode answer = RemotePolicy.of("engagement-service").send(() -> client.ingest(token, workspaceId, body));
            accepted += answer.path("accepted").asInt();
            duplicates += answer.path("duplicates").asInt();
            rejected += answer.path("rejected").size();
        }
        return new Outcome(accepted, duplicates, rejected);
    }
}
