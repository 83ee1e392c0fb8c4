package io.socialroi.system.truth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Every report the contract promises to be order independent, read from one workspace and normalised so
 * that two workspaces holding the same logical data give equal snapshots: ids the services handed out are
 * replaced by the generator's logical names (campaign name, post caption, audience name), other UUIDs
 * (conversion ids) by a placeholder, bookkeeping instants (createdAt and the like) dropped, and the rows of
 * grouped reports sorted (a report orders rows by key, and keys are ids that differ between workspaces).
 * Touchpoints and journeys keep their order: they are ordered by time, and every instant of a model is a
 * distinct second; so do the funnel's stages, whose order is fixed.
 */
public final class ReportSnapshot {

    static final List<String> MODELS = List.of("FIRST_TOUCH", "LAST_TOUCH", "LINEAR", "TIME_DECAY", "POSITION_BASED",
            "DATA_DRIVEN");
    private static final List<String> SUMMARY_GROUPS = List.of("post", "platform", "funnelStage", "campaign", "day");
    private static final List<String> ATTRIBUTION_GROUPS = List.of("post", "platform", "campaign", "funnelStage");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> VOLATILE = Set.of("createdAt", "updatedAt", "capturedAt", "generatedAt",
            "computedAt", "receivedAt", "nextCursor", "cursor",
            // an audience's lift: the start of its window, "now" minus engagedWithinDays at the time of asking
            "since");
    private static final Pattern SHORT_ID = Pattern.compile("\\b[0-9a-f]{8}\\b");

    private ReportSnapshot() {
    }

    /** report name -> normalised answer (or "HTTP 503: ..." when it did not answer 200). */
    public static Map<String, JsonNode> take(WorkspaceWriter writer, ExecutorService pool) {
        TruthModel model = writer.model;
        SuiteApi api = writer.api();
        String from = model.from().toString();
        String to = model.to().toString();
        Map<String, Supplier<JsonNode>> reads = new LinkedHashMap<>();
        String engagement = api.suite().engagement();
        String conversion = api.suite().conversion();
        String reporting = api.suite().reporting();
        for (String group : SUMMARY_GROUPS) {
            reads.put("summary?groupBy=" + group, () -> api.get(engagement, "/engagement/summary",
                    SuiteApi.params("from", from, "to", to, "groupBy", group)));
        }
        for (String actor : model.actors()) {
            reads.put("touchpoints?actorId=" + actor, () -> api.get(engagement, "/touchpoints",
                    SuiteApi.params("actorId", actor)));
        }
        for (String group : ATTRIBUTION_GROUPS) {
            for (String attributionModel : MODELS) {
                reads.put("attribution?model=" + attributionModel + "&groupBy=" + group, () -> api.get(conversion,
                        "/attribution", SuiteApi.params("model", attributionModel, "groupBy", group, "from", from,
                                "to", to)));
            }
            reads.put("attribution/compare?groupBy=" + group, () -> api.get(conversion, "/attribution/compare",
                    SuiteApi.params("groupBy", group, "from", from, "to", to)));
        }
        for (TruthModel.Audience audience : model.audiences()) {
            String id = writer.id("audience", audience.name());
            reads.put("audience members: " + audience.name(), () -> members(api, id));
            reads.put("audience lift: " + audience.name(), () -> api.get(conversion, "/audiences/" + id + "/lift",
                    null));
        }
        for (String group : ATTRIBUTION_GROUPS) {
            reads.put("roi?groupBy=" + group, () -> api.get(reporting, "/reports/roi",
                    SuiteApi.params("from", from, "to", to, "groupBy", group)));
        }
        for (String attributionModel : MODELS) {
            reads.put("roi?groupBy=campaign&model=" + attributionModel, () -> api.get(reporting, "/reports/roi",
                    SuiteApi.params("from", from, "to", to, "groupBy", "campaign", "model", attributionModel)));
        }
        reads.put("funnel", () -> api.get(reporting, "/reports/funnel", SuiteApi.params("from", from, "to", to)));
        for (TruthModel.Campaign campaign : model.campaigns()) {
            String id = writer.id("campaign", campaign.name());
            reads.put("funnel?campaignId=" + campaign.name(), () -> api.get(reporting, "/reports/funnel",
                    SuiteApi.params("from", from, "to", to, "campaignId", id)));
        }
        reads.put("engagement-vs-revenue", () -> api.get(reporting, "/reports/engagement-vs-revenue",
                SuiteApi.params("from", from, "to", to)));
        for (String customer : model.customers()) {
            reads.put("journey: " + customer, () -> api.get(conversion, "/customers/" + customer + "/journey", null));
            reads.put("customer: " + customer, () -> api.get(conversion, "/customers/" + customer, null));
        }

        Map<String, Future<JsonNode>> answers = new LinkedHashMap<>();
        reads.forEach((name, read) -> answers.put(name, pool.submit(() -> {
            try {
                return read.get();
            } catch (AssertionError | RuntimeException e) {
                return TextNode.valueOf(String.valueOf(e.getMessage()));
            }
        })));
        Map<String, String> labels = writer.labels();
        Map<String, JsonNode> snapshot = new TreeMap<>();
        answers.forEach((name, answer) -> {
            try {
                boolean ordered = name.startsWith("touchpoints") || name.startsWith("journey")
                        || name.startsWith("funnel");
                snapshot.put(name, normalise(answer.get(), labels, ordered));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                snapshot.put(name, TextNode.valueOf(String.valueOf(e.getCause())));
            }
        });
        return snapshot;
    }

    private static JsonNode members(SuiteApi api, String audience) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        String cursor = null;
        do {
            JsonNode page = api.get(api.suite().conversion(), "/audiences/" + audience + "/members",
                    SuiteApi.params("limit", "500", "cursor", cursor));
            page.path("items").forEach(all::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return all;
    }

    /** A copy of {@code node} with ids mapped to labels, volatile fields dropped and (unless ordered) arrays sorted. */
    static JsonNode normalise(JsonNode node, Map<String, String> labels, boolean ordered) {
        if (node.isTextual()) {
            return TextNode.valueOf(relabel(node.asText(), labels));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!VOLATILE.contains(field.getKey())) {
                    fields.put(relabel(field.getKey(), labels), normalise(field.getValue(), labels, ordered));
                }
            }
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(normalise(item, labels, ordered)));
            if (!ordered) {
                // By key first (rows of grouped reports, mapped to logical names), so that the rows of two
                // snapshots line up in a diff even when their figures differ; then by the whole row.
                items.sort(Comparator.comparing((JsonNode item) -> item.path("key").asText(""))
                        .thenComparing(JsonNode::toString));
            }
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            items.forEach(copy::add);
            return copy;
        }
        return node;
    }

    private static String relabel(String text, Map<String, String> labels) {
        if (!text.isEmpty() && UUID.matcher(text).find()) {
            for (Map.Entry<String, String> label : labels.entrySet()) {
                text = text.replace(label.getKey(), label.getValue());
            }
            text = UUID.matcher(text).replaceAll("<uuid>");
        }
        // engagement-service labels what it has no name for by the id's first 8 digits ("Post 3f42b303").
        if (text.length() < 100 && SHORT_ID.matcher(text).find()) {
            for (Map.Entry<String, String> label : labels.entrySet()) {
                text = text.replace(label.getKey().substring(0, 8), label.getValue());
            }
        }
        return text;
    }

    /** Up to {@code max} human-readable differences between two normalised answers. */
    public static List<String> differences(JsonNode expected, JsonNode actual, int max) {
        List<String> out = new ArrayList<>();
        diff("", expected, actual, out, max);
        return out;
    }

    private static void diff(String path, JsonNode expected, JsonNode actual, List<String> out, int max) {
        if (out.size() >= max || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeMap<String, Boolean> keys = new TreeMap<>();
            expected.fieldNames().forEachRemaining(k -> keys.put(k, true));
            actual.fieldNames().forEachRemaining(k -> keys.put(k, true));
            for (String key : keys.keySet()) {
                JsonNode e = expected.get(key);
                JsonNode a = actual.get(key);
                if (e == null || a == null) {
                    if (out.size() < max) {
                        out.add(path + "." + key + ": " + shorten(e) + " vs " + shorten(a));
                    }
                } else {
                    diff(path + "." + key, e, a, out, max);
                }
            }
            return;
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                diff(path + "[" + i + "]", expected.get(i), actual.get(i), out, max);
            }
            return;
        }
        out.add(path + ": " + shorten(expected) + " vs " + shorten(actual));
    }

    private static String shorten(JsonNode node) {
        if (node == null) {
            return "(absent)";
        }
        String text = node.toString();
        return text.length() > 300 ? text.substring(0, 300) + "...(" + text.length() + " chars)" : text;
    }
}
