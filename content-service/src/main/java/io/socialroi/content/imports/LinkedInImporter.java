package io.socialroi.content.imports;

import static io.socialroi.content.imports.PlatformReads.base;
import static io.socialroi.content.imports.PlatformReads.q;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialroi.content.post.Platform;
import io.socialroi.content.publish.PublishingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a LinkedIn post back with LinkedIn's versioned Community Management API ({@code Linkedin-Version:
 * <YYYYMM>} from {@code suite.publishing.linkedin.version}, {@code X-Restli-Protocol-Version: 2.0.0}) and the
 * connected LinkedIn account's token ({@code r_organization_social}, for the Page posts the LINKEDIN_API publisher
 * makes). The post is the URN its publisher stored ({@code urn:li:share:...} or {@code urn:li:ugcPost:...}), URL
 * encoded in the path:
 * <ul>
 * <li>{@code GET /rest/socialMetadata/{urn}} (Social Metadata API): {@code reactionSummaries} (per reaction type,
 * its {@code count}) summed as {@code reactions} and {@code commentSummary.count} as {@code comments}, the counts
 * kept as the post's metrics;</li>
 * <li>{@code GET /rest/socialActions/{urn}/comments?start=&count=} (Comments API): each comment a COMMENT
 * ({@code linkedin:comment:<comment id>}, else its URN), actor {@code linkedin:<actor URN>}, LinkedIn's
 * {@code created.time} (epoch milliseconds) and {@code message.text}; the post's own author (the publisher's
 * target) answering is not an engagement and is left out. Pages of {@link #COUNT} follow by {@code start}, at most
 * {@link XImporter#PAGES}, until a page is short or {@code paging.total} is reached.</li>
 * </ul>
 * Errors, LinkedIn's {@code {"status","serviceErrorCode","code","message"}}: 401 the token is no good (reconnect);
 * 403 on the comments (the member lacks the permission to read them) skips them and keeps the counts; any other
 * refusal, 429 or 5xx is the failure with LinkedIn's message, tried again at the post's next turn.
 */
@ApplicationScoped
public class LinkedInImporter implements EngagementImporter {

    static final int COUNT = 100;

    private final PlatformReads reads;
    private final PublishingConfig config;

    public LinkedInImporter(PlatformReads reads, PublishingConfig config) {
        this.reads = reads;
        this.config = config;
    }

    @Override
    public Platform platform() {
        return Platform.LINKEDIN;
    }

    @Override
    public Imported read(String remoteId, String accessToken, String target) {
        String api = base(config.linkedin().baseUrl()) + "/rest/";
        Map<String, String> headers = Map.of("Authorization", "Bearer " + accessToken, "Linkedin-Version",
                config.linkedin().version(), "X-Restli-Protocol-Version", "2.0.0");
        PlatformReads.Answer meta = check(reads.get("LinkedIn", api + "socialMetadata/" + q(remoteId), headers), false);
        Map<String, Long> metrics = new LinkedHashMap<>();
        JsonNode summaries = meta.json().path("reactionSummaries");
        if (summaries.isObject()) {
            long reactions = 0;
            for (JsonNode summary : summaries) {
                reactions += summary.path("count").asLong(0);
            }
            metrics.put("reactions", reactions);
        }
        if (meta.json().path("commentSummary").path("count").isNumber()) {
            metrics.put("comments", meta.json().path("commentSummary").path("count").asLong());
        }
        List<ImportedEvent> events = new ArrayList<>();
        for (int page = 0; page < XImporter.PAGES; page++) {
            int start = page * COUNT;
            PlatformReads.Answer comments = check(reads.get("LinkedIn", api + "socialActions/" + q(remoteId)
                    + "/comments?start=" + start + "&count=" + COUNT, headers), true);
            if (comments == null) {
                break;
            }
            JsonNode elements = comments.json().path("elements");
            for (JsonNode c : elements) {
                String actor = c.path("actor").asText("");
                String id = c.path("id").asText(c.path("commentUrn").asText(c.path("$URN").asText("")));
                if (actor.isEmpty() || id.isEmpty() || actor.equals(target)
                        || !c.path("created").path("time").isNumber()) {
                    continue;
                }
                events.add(new ImportedEvent("linkedin:comment:" + id, "COMMENT", "linkedin:" + actor,
                        Instant.ofEpochMilli(c.path("created").path("time").asLong()),
                        c.path("message").path("text").asText(null)));
            }
            JsonNode total = comments.json().path("paging").path("total");
            if (elements.size() < COUNT || total.isNumber() && start + COUNT >= total.asLong()) {
                break;
            }
        }
        return new Imported(events, metrics);
    }

    /** The answer when it is a 2xx; null for a 403 of an optional read; else the failure LinkedIn's answer means. */
    private static PlatformReads.Answer check(PlatformReads.Answer answer, boolean optional) {
        if (answer.ok()) {
            return answer;
        }
        String code = answer.json().path("code").asText("");
        String message = answer.json().path("message").asText("");
        String said = PlatformReads.said("LinkedIn", answer, code.isEmpty() ? message
                : message.isEmpty() ? code : code + ", " + message);
        if (answer.status() == 401) {
            throw new ImportFailure(said + ": reconnect the account", true);
        }
        if (optional && answer.status() == 403) {
            return null;
        }
        throw new ImportFailure(said, false);
    }
}
