package io.socialroi.content.imports;

import static io.socialroi.content.imports.PlatformReads.base;
import static io.socialroi.content.imports.PlatformReads.q;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialroi.content.post.Platform;
import io.socialroi.content.publish.PublishingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Pin back with the Pinterest API v5 and the connected account ({@code pins:read}):
 * {@code GET /v5/pins/{pin_id}?pin_metrics=true} answers the Pin's {@code pin_metrics.lifetime_metrics}
 * (impression, save, pin_click, outbound_click, reaction, comment). Pinterest names no people behind them, so they
 * are kept as the post's metrics only; no events. 401 is a reconnect; others ({@code {"code","message"}}) the
 * failure Pinterest gave.
 */
@ApplicationScoped
public class PinterestImporter implements EngagementImporter {

    private static final Map<String, String> NAMES = Map.of("impression", "impressions", "save", "saves",
            "pin_click", "pinClicks", "outbound_click", "outboundClicks", "reaction", "reactions", "comment", "comments");

    private final PlatformReads reads;
    private final PublishingConfig config;

    public PinterestImporter(PlatformReads reads, PublishingConfig config) {
        this.reads = reads;
        this.config = config;
    }

    @Override
    public Platform platform() {
        return Platform.PINTEREST;
    }

    @Override
    public Imported read(String remoteId, String accessToken, String target) {
        PlatformReads.Answer answer = reads.get("Pinterest", base(config.pinterest().baseUrl()) + "/v5/pins/"
                + q(remoteId) + "?pin_metrics=true", Map.of("Authorization", "Bearer " + accessToken));
        if (!answer.ok()) {
            String message = answer.json().path("message").asText("");
            throw new ImportFailure(PlatformReads.said("Pinterest", answer, message)
                    + (answer.status() == 401 ? ": reconnect the account" : ""), answer.status() == 401);
        }
        Map<String, Long> metrics = new LinkedHashMap<>();
        JsonNode lifetime = answer.json().path("pin_metrics").path("lifetime_metrics");
        lifetime.fieldNames().forEachRemaining(name -> {
            if (NAMES.containsKey(name) && lifetime.path(name).isNumber()) {
                metrics.put(NAMES.get(name), lifetime.path(name).asLong());
            }
        });
        return new Imported(List.of(), metrics);
    }
}
