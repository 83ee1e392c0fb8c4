package io.socialroi.content.imports;

import static io.socialroi.content.imports.PlatformReads.base;
import static io.socialroi.content.imports.PlatformReads.q;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialroi.content.account.OAuthProvider;
import io.socialroi.content.account.OAuthSettings;
import io.socialroi.content.post.Platform;
import io.socialroi.content.publish.MetaGraph;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads of the Graph API v21.0 for the Meta importers: {@code <graph-base-url>/v21.0/<path>?...&access_token=...},
 * list edges followed with {@code after} cursors (at most {@link #PAGES} pages), and Meta's error shape
 * ({@code {"error":{"message","type","code","error_subcode"}}}) mapped: code 190 (expired or revoked token) and
 * 102 are a reconnect; others the failure Meta gave, tried again at the post's next turn. Every call carries the
 * {@code appsecret_proof} of its token under the secret of the OAuth app that issued it (as the publishers' calls do,
 * {@code publish/MetaGraph}), so apps set to "Require App Secret" take them.
 */
@ApplicationScoped
public class GraphReads {

    static final String VERSION = "v21.0";
    static final int PAGES = 10;

    private final PlatformReads reads;
    private final ImportConfig config;
    private final OAuthSettings apps;

    public GraphReads(PlatformReads reads, ImportConfig config, OAuthSettings apps) {
        this.reads = reads;
        this.config = config;
        this.apps = apps;
    }

    /** One object or edge page; throws the failure the answer means unless {@code optional} (then null). */
    JsonNode get(String platform, String path, String fields, String token, boolean optional) {
        String secret = OAuthProvider.of("Instagram".equals(platform) ? Platform.INSTAGRAM : Platform.FACEBOOK)
                .flatMap(apps::app).map(OAuthSettings.App::clientSecret).filter(s -> !s.isBlank()).orElse(null);
        String proof = MetaGraph.proof(token, secret);
        String url = base(config.graphBaseUrl()) + "/" + VERSION + "/" + path + (path.contains("?") ? "&" : "?")
                + (fields == null ? "" : "fields=" + q(fields) + "&") + "access_token=" + q(token)
                + (proof == null ? "" : "&appsecret_proof=" + proof);
        PlatformReads.Answer answer = reads.get(platform, url, Map.of("User-Agent", "social-roi-suite"));
        if (answer.ok()) {
            return answer.json();
        }
        JsonNode error = answer.json().path("error");
        int code = error.path("code").asInt(0);
        if (code == 190 || code == 102) {
            throw new ImportFailure(PlatformReads.said(platform, answer, error.path("message").asText(""))
                    + ": reconnect the account", true);
        }
        if (optional) {
            return null;
        }
        throw new ImportFailure(PlatformReads.said(platform, answer, error.path("message").asText("")), false);
    }

    /** The items of an edge, following {@code paging.cursors.after}. */
    List<JsonNode> edge(String platform, String path, String fields, String token, boolean optional) {
        List<JsonNode> items = new ArrayList<>();
        String after = null;
        for (int page = 0; page < PAGES; page++) {
            JsonNode answer = get(platform, after == null ? path : path + (path.contains("?") ? "&" : "?") + "after="
                    + q(after), fields, token, optional);
            if (answer == null) {
                return items;
            }
            answer.path("data").forEach(items::add);
            after = answer.path("paging").hasNonNull("next")
                    ? answer.path("paging").path("cursors").path("after").asText(null) : null;
            if (after == null) {
                break;
            }
        }
        return items;
    }

    /** The values of an insights answer by metric name ({@code values[0].value} or {@code total_value.value}). */
    static void insights(JsonNode answer, Map<String, Long> into, Map<String, String> names) {
        if (answer == null) {
            return;
        }
        for (JsonNode metric : answer.path("data")) {
            String name = names.get(metric.path("name").asText());
            JsonNode value = metric.path("total_value").path("value");
            if (!value.isNumber()) {
                value = metric.path("values").path(0).path("value");
            }
            if (name != null && value.isNumber()) {
                into.put(name, value.asLong());
            }
        }
    }
}
