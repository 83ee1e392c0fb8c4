package io.socialroi.system.truth;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialroi.system.Eventually;
import io.socialroi.system.truth.TruthModel.Audience;
import io.socialroi.system.truth.TruthModel.Campaign;
import io.socialroi.system.truth.TruthModel.Conversion;
import io.socialroi.system.truth.TruthModel.Cost;
import io.socialroi.system.truth.TruthModel.Event;
import io.socialroi.system.truth.TruthModel.Identity;
import io.socialroi.system.truth.TruthModel.Post;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes one {@link TruthModel} into one workspace in one order, through the public APIs, and remembers
 * which id each logical name got there ({@link #labels()}), so the reports can be compared across
 * workspaces. Subclasses choose the order and batching; every write must be acknowledged (2xx) before
 * {@link #write()} returns.
 */
public abstract class WorkspaceWriter {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    protected final TruthModel model;
    protected final SuiteApi api;
    protected final Random random;
    private final Map<String, String> ids = new LinkedHashMap<>();

    protected WorkspaceWriter(TruthModel model, SuiteApi api, long orderSeed) {
        this.model = model;
        this.api = api;
        this.random = new Random(orderSeed);
        ids.put("workspace", api.workspaceId());
    }

    /** A short name for reports and failure messages. */
    public abstract String name();

    /** Writes the whole model; returns once every write is acknowledged. */
    public abstract void write();

    public SuiteApi api() {
        return api;
    }

    /** The id each logical name got in this workspace, keyed "campaign:Spring sale", "post:Post 3 ...", .... */
    public Map<String, String> ids() {
        return ids;
    }

    /** id -> logical name, for the normaliser. */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        ids.forEach((name, id) -> labels.put(id, "<" + name + ">"));
        return labels;
    }

    protected String id(String kind, String name) {
        String id = ids.get(kind + ":" + name);
        if (id == null) {
            throw new IllegalStateException("no " + kind + " " + name + " written yet");
        }
        return id;
    }

    // ---- building blocks ----

    protected void createCampaigns() {
        for (Campaign campaign : model.campaigns()) {
            JsonNode created = api.post(api.suite().content(), "/campaigns", Map.of("name", campaign.name(),
                    "objective", campaign.objective(), "startDate", model.from().minusDays(30).toString(),
                    "endDate", model.to().plusDays(30).toString(),
                    "budget", Map.of("amount", "1000.00", "currency", "EUR")), 201);
            ids.put("campaign:" + campaign.name(), created.get("id").asText());
        }
    }

    /** Creates every post, with its final campaign and stage, or with its draft ones when {@code draft}. */
    protected void createPosts(boolean draft) {
        for (Post post : model.posts()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("campaignId", id("campaign", draft ? post.draftCampaign() : post.campaign()));
            body.put("platform", post.platform());
            body.put("funnelStage", draft ? post.draftStage() : post.stage());
            body.put("caption", post.caption());
            body.put("landingUrl", post.landingUrl());
            JsonNode created = api.post(api.suite().content(), "/posts", body, 201);
            ids.put("post:" + post.caption(), created.get("id").asText());
        }
    }

    /** PATCHes {@code post} to its final campaign and stage. */
    protected void editToFinal(Post post) {
        SuiteApi.Answer answer = api.call(api.suite().content(), "PATCH", "/posts/" + id("post", post.caption()),
                Map.of("campaignId", id("campaign", post.campaign()), "funnelStage", post.stage()));
        if (answer.status() != 200) {
            throw new AssertionError("PATCH post answered " + answer.status() + ": " + answer.body());
        }
    }

    /** Waits until engagement-service's post directory holds every post with its final (or draft) values. */
    protected void awaitDirectory(boolean draft) {
        for (Post post : model.posts()) {
            String campaign = id("campaign", draft ? post.draftCampaign() : post.campaign());
            String stage = draft ? post.draftStage() : post.stage();
            Eventually.await("post directory entry of " + post.caption(), Duration.ofSeconds(30), () -> {
                SuiteApi.Answer entry = api.directoryEntry(id("post", post.caption()));
                if (entry.status() != 200) {
                    return null;
                }
                JsonNode json = entry.json();
                return campaign.equals(json.path("campaignId").asText()) && stage.equals(json.path("funnelStage").asText())
                        ? json : null;
            });
        }
    }

    protected Map<String, Object> eventJson(Event event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", event.eventId());
        json.put("type", event.type());
        json.put("platform", event.platform());
        if (event.post() != null) {
            json.put("postId", id("post", event.post()));
        }
        json.put("actorId", event.actorId());
        json.put("occurredAt", event.occurredAt().atZone(ZONE).toOffsetDateTime().toString());
        if (event.retargeting()) {
            json.put("retargeting", true);
        }
        if (event.commentText() != null && "COMMENT".equals(event.type())) {
            json.put("attributes", Map.of("text", event.commentText()));
        }
        return json;
    }

    protected void sendEvents(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        JsonNode answer = api.post(api.suite().engagement(), "/events",
                Map.of("events", events.stream().map(this::eventJson).toList()), 200);
        if (answer.path("accepted").asInt() != events.size() || !answer.path("rejected").isEmpty()) {
            throw new AssertionError("events not all accepted: " + answer);
        }
    }

    /** The events shuffled and cut into batches of 1 to {@code maxBatch}. */
    protected List<List<Event>> shuffledBatches(List<Event> events, int maxBatch) {
        List<Event> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, random);
        List<List<Event>> batches = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); ) {
            int n = 1 + random.nextInt(maxBatch);
            batches.add(List.copyOf(shuffled.subList(i, Math.min(shuffled.size(), i + n))));
            i += n;
        }
        return batches;
    }

    protected Map<String, Object> conversionJson(Conversion conversion) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", conversion.eventId());
        json.put("type", conversion.type());
        if (conversion.value() != null) {
            json.put("value", Map.of("amount", conversion.value().toPlainString(), "currency", "EUR"));
        }
        json.put("occurredAt", conversion.occurredAt().atZone(ZONE).toOffsetDateTime().toString());
        json.put("customerId", conversion.customerId());
        if (!conversion.actorIds().isEmpty()) {
            json.put("actorIds", conversion.actorIds());
        }
        return json;
    }

    protected void sendConversion(Conversion conversion) {
        api.post(api.suite().conversion(), "/conversions", conversionJson(conversion), 201);
    }

    protected void sendConversions(List<Conversion> conversions) {
        if (conversions.isEmpty()) {
            return;
        }
        JsonNode answer = api.post(api.suite().conversion(), "/conversions",
                conversions.stream().map(this::conversionJson).toList(), 200);
        if (answer.path("accepted").asInt() != conversions.size()) {
            throw new AssertionError("conversions not all accepted: " + answer);
        }
    }

    protected void sendIdentity(Identity identity) {
        api.post(api.suite().conversion(), "/identities", Map.of("customerId", identity.customerId(),
                "actorId", identity.actorId(), "platform", identity.platform()), 200, 201);
    }

    protected void sendCosts() {
        for (Cost cost : model.costs()) {
            api.post(api.suite().reporting(), "/costs", Map.of("category", "AD_SPEND",
                    "amount", Map.of("amount", cost.amount().toPlainString(), "currency", "EUR"),
                    "incurredOn", cost.day().toString(), "campaignId", id("campaign", cost.campaign()),
                    "platform", cost.platform()), 201);
        }
    }

    protected void createAudiences() {
        for (Audience audience : model.audiences()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", audience.name());
            body.put("engagedWithinDays", audience.engagedWithinDays());
            if (audience.campaign() != null) {
                body.put("campaignId", id("campaign", audience.campaign()));
            }
            if (audience.stages() != null) {
                body.put("funnelStages", audience.stages());
            }
            if (audience.eventTypes() != null) {
                body.put("eventTypes", audience.eventTypes());
            }
            body.put("excludeConverted", audience.excludeConverted());
            JsonNode created = api.post(api.suite().conversion(), "/audiences", body, 201);
            ids.put("audience:" + audience.name(), created.get("id").asText());
        }
    }

    /**
     * Reads the reports as a dashboard open during the import would (answers ignored): attribution captures
     * pending conversions' touchpoints when asked, and reporting-service keeps what it read for a while, so
     * a later write must still reach what was computed and cached here.
     */
    protected void peek() {
        String from = model.from().toString();
        String to = model.to().toString();
        api.call(api.suite().conversion(), "GET", "/attribution" + SuiteApi.query(SuiteApi.params("from", from, "to", to,
                "groupBy", "campaign")), null);
        api.call(api.suite().engagement(), "GET", "/engagement/summary" + SuiteApi.query(SuiteApi.params("from", from,
                "to", to, "groupBy", "post")), null);
        api.call(api.suite().reporting(), "GET", "/reports/roi" + SuiteApi.query(SuiteApi.params("from", from, "to", to,
                "groupBy", "campaign")), null);
    }

    /** Adds {@code count} {@link #peek()}s at random places of {@code writes}. */
    protected void addPeeks(List<Runnable> writes, int count) {
        for (int i = 0; i < count; i++) {
            writes.add(random.nextInt(writes.size() + 1), this::peek);
        }
    }

    protected static List<Event> chronological(List<Event> events) {
        return events.stream().sorted(Comparator.comparing(Event::occurredAt)).toList();
    }

    /** The conversions as single posts and arrays of random sizes, in random order. */
    protected List<Runnable> conversionWrites(List<Conversion> conversions) {
        List<Conversion> shuffled = new ArrayList<>(conversions);
        Collections.shuffle(shuffled, random);
        List<Runnable> writes = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); ) {
            int n = 1 + random.nextInt(3);
            List<Conversion> chunk = List.copyOf(shuffled.subList(i, Math.min(shuffled.size(), i + n)));
            writes.add(chunk.size() == 1 ? () -> sendConversion(chunk.get(0)) : () -> sendConversions(chunk));
            i += n;
        }
        return writes;
    }
}
