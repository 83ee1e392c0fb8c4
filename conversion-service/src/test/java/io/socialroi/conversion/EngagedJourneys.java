package io.socialroi.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialroi.testing.FakeServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * engagement-service's {@code POST /workspaces/{ws}/journeys/search} as CONTRACTS.md describes it, over the touches a
 * test gives (touchpoint JSON, as the touchpoint search answers them): the actors with a touch of {@code eventTypes}
 * (default every type but IMPRESSION) in [from, to) and not in {@code excludeActors}, each actor's touches in time
 * order (ties by group key, a missing key as "none"), identical touches once, identical paths aggregated and ordered
 * by journeys (descending) then path. The fake holds no bots, so there is nothing flagged to leave out.
 */
public final class EngagedJourneys {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Touch(String actor, Instant at, String type, String platform, String post, String campaign,
            String stage) {
    }

    private EngagedJourneys() {
    }

    /** The handler answering journey searches over {@code touches}. */
    public static Function<FakeServer.Recorded, FakeServer.Reply> over(List<String> touches) {
        List<Touch> all = new ArrayList<>();
        for (String json : touches) {
            try {
                JsonNode t = JSON.readTree(json);
                all.add(new Touch(t.path("actorId").asText(), Instant.parse(t.path("occurredAt").asText()),
                        t.path("type").asText(), text(t, "platform"), text(t, "postId"), text(t, "campaignId"),
                        text(t, "funnelStage")));
            } catch (Exception e) {
                throw new IllegalArgumentException(json, e);
            }
        }
        return r -> answer(all, r.body());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static FakeServer.Reply answer(List<Touch> all, String body) {
        try {
            JsonNode q = JSON.readTree(body);
            Instant from = Instant.parse(q.path("from").asText());
            Instant to = Instant.parse(q.path("to").asText());
            String groupBy = q.path("groupBy").asText();
            Integer maxLength = q.hasNonNull("maxLength") ? q.path("maxLength").asInt() : null;
            Set<String> types = new HashSet<>();
            q.path("eventTypes").forEach(t -> types.add(t.asText()));
            if (types.isEmpty()) {
                types.addAll(List.of("VIEW", "LIKE", "COMMENT", "SHARE", "SAVE", "CLICK", "FOLLOW", "DM", "MENTION"));
            }
            Set<String> excluded = new HashSet<>();
            q.path("excludeActors").forEach(a -> excluded.add(a.asText()));
            Map<String, Set<Touch>> byActor = new TreeMap<>();
            for (Touch t : all) {
                if (!t.at().isBefore(from) && t.at().isBefore(to) && types.contains(t.type())
                        && !excluded.contains(t.actor())) {
                    byActor.computeIfAbsent(t.actor(), a -> new java.util.LinkedHashSet<>()).add(t);
                }
            }
            Function<Touch, String> key = t -> switch (groupBy) {
                case "POST" -> t.post();
                case "PLATFORM" -> t.platform();
                case "CAMPAIGN" -> t.campaign();
                default -> t.stage();
            };
            Map<List<String>, Long> paths = new LinkedHashMap<>();
            for (Set<Touch> touches : byActor.values()) {
                List<Touch> sorted = new ArrayList<>(touches);
                sorted.sort(Comparator.comparing(Touch::at)
                        .thenComparing(t -> Objects.requireNonNullElse(key.apply(t), "none")));
                List<String> steps = new ArrayList<>();
                for (Touch t : sorted) {
                    String k = key.apply(t);
                    // maxLength given: consecutive repeats collapsed, a longer path cut to its first maxLength - 2
                    // steps, "…" and its last step (the contract).
                    if (maxLength == null || steps.isEmpty() || !Objects.equals(steps.get(steps.size() - 1), k)) {
                        steps.add(k);
                    }
                }
                if (maxLength != null && steps.size() > maxLength) {
                    List<String> kept = new ArrayList<>(steps.subList(0, maxLength - 2));
                    kept.add("…");
                    kept.add(steps.get(steps.size() - 1));
                    steps = kept;
                }
                paths.merge(steps, 1L, Long::sum);
            }
            List<Map.Entry<List<String>, Long>> items = new ArrayList<>(paths.entrySet());
            items.sort((a, b) -> !a.getValue().equals(b.getValue()) ? Long.compare(b.getValue(), a.getValue())
                    : String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())));
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map.Entry<List<String>, Long> e : items) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("path", e.getKey());
                item.put("journeys", e.getValue());
                out.add(item);
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("items", out);
            answer.put("actors", byActor.size());
            answer.put("paths", paths.size());
            answer.put("truncated", false);
            answer.put("omittedJourneys", 0);
            return FakeServer.Reply.json(200, JSON.writeValueAsString(answer));
        } catch (Exception e) {
            return FakeServer.Reply.json(422, "{\"status\":422,\"title\":\"bad search\"}");
        }
    }
}
