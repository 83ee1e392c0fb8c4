package io.socialroi.content.imports;

import static io.socialroi.content.imports.PlatformReads.base;
import static io.socialroi.content.imports.PlatformReads.q;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialroi.content.post.Platform;
import io.socialroi.content.publish.PublishingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a post back from the X API v2 with the connected account's user token ({@code tweet.read users.read}):
 * <ul>
 * <li>{@code GET /2/tweets/{id}?tweet.fields=public_metrics}: the counts X gives without actors (impressions,
 * likes, replies, reposts, quotes, bookmarks), kept as the post's metrics;</li>
 * <li>{@code GET /2/tweets/search/recent?query=conversation_id:{id}&tweet.fields=author_id,created_at}: the
 * replies, each a COMMENT ({@code x:reply:<reply id>}, actor {@code x:<author id>}, X's time and text);</li>
 * <li>{@code GET /2/tweets/{id}/liking_users} and {@code /retweeted_by}: each a LIKE
 * ({@code x:like:<post>:<user>}) or SHARE ({@code x:repost:<post>:<user>}); X gives no time for them, so the
 * first import's time is theirs, which the ids keep.</li>
 * </ul>
 * Pages are followed with {@code pagination_token} / {@code next_token}, at most {@link #PAGES} each. Recent search
 * covers the last seven days and, like the user lists, is not in every X access tier: a 403 there skips that part
 * (the metrics still count); a 401 on any call is a reconnect, a 429 or 5xx is tried again at the post's next turn.
 * {@link XWebhookResource} gives the likes, replies and reposts X's Account Activity webhooks deliver these same
 * ids, so a webhook and a later import are one event.
 */
@ApplicationScoped
public class XImporter implements EngagementImporter {

    static final int PAGES = 5;

    private final PlatformReads reads;
    private final PublishingConfig config;

    public XImporter(PlatformReads reads, PublishingConfig config) {
        this.reads = reads;
        this.config = config;
    }

    @Override
    public Platform platform() {
        return Platform.X;
    }

    @Override
    public Imported read(String remoteId, String accessToken, String target) {
        String api = base(config.x().baseUrl()) + "/2/tweets/";
        Map<String, String> auth = Map.of("Authorization", "Bearer " + accessToken, "User-Agent", "social-roi-suite");
        PlatformReads.Answer post = check(reads.get("X", api + q(remoteId) + "?tweet.fields=public_metrics", auth),
                false);
        Map<String, Long> metrics = new LinkedHashMap<>();
        JsonNode pm = post.json().path("data").path("public_metrics");
        for (String[] m : new String[][] {{"impression_count", "impressions"}, {"like_count", "likes"},
            {"reply_count", "replies"}, {"retweet_count", "reposts"}, {"quote_count", "quotes"},
            {"bookmark_count", "bookmarks"}}) {
            if (pm.path(m[0]).isNumber()) {
                metrics.put(m[1], pm.path(m[0]).asLong());
            }
        }
        List<ImportedEvent> events = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String search = base(config.x().baseUrl()) + "/2/tweets/search/recent?query=" + q("conversation_id:" + remoteId)
                + "&tweet.fields=author_id,created_at&max_results=100";
        for (JsonNode reply : pages(search, "next_token", auth)) {
            String id = reply.path("id").asText("");
            String author = reply.path("author_id").asText("");
            if (id.isEmpty() || author.isEmpty() || id.equals(remoteId)) {
                continue;
            }
            Instant at = reply.hasNonNull("created_at") ? Instant.parse(reply.path("created_at").asText()) : now;
            events.add(new ImportedEvent("x:reply:" + id, "COMMENT", "x:" + author, at, reply.path("text").asText(null)));
        }
        for (String[] list : new String[][] {{"liking_users", "LIKE", "like"}, {"retweeted_by", "SHARE", "repost"}}) {
            for (JsonNode user : pages(api + q(remoteId) + "/" + list[0] + "?max_results=100", "pagination_token",
                    auth)) {
                String id = user.path("id").asText("");
                if (!id.isEmpty()) {
                    events.add(new ImportedEvent("x:" + list[2] + ":" + remoteId + ":" + id, list[1], "x:" + id, now,
                            null));
                }
            }
        }
        return new Imported(events, metrics);
    }

    /** The items of up to {@link #PAGES} pages; none when X does not allow this read (403). */
    private List<JsonNode> pages(String url, String tokenParameter, Map<String, String> auth) {
        List<JsonNode> items = new ArrayList<>();
        String next = null;
        for (int page = 0; page < PAGES; page++) {
            PlatformReads.Answer answer = check(reads.get("X", next == null ? url : url + "&" + tokenParameter + "="
                    + q(next), auth), true);
            if (answer == null) {
                return items;
            }
            answer.json().path("data").forEach(items::add);
            next = answer.json().path("meta").path("next_token").asText(null);
            if (next == null) {
                break;
            }
        }
        return items;
    }

    /** The answer when it is a 2xx; null for a 403 of an optional read; else the failure X's answer means. */
    private static PlatformReads.Answer check(PlatformReads.Answer answer, boolean optional) {
        if (answer.ok()) {
            return answer;
        }
        String message = answer.json().path("detail").asText(answer.json().path("title").asText(""));
        if (answer.status() == 401) {
            throw new ImportFailure(PlatformReads.said("X", answer, message) + ": reconnect the account", true);
        }
        if (optional && answer.status() == 403) {
            return null;
        }
        throw new ImportFailure(PlatformReads.said("X", answer, message), false);
    }
}
