package io.socialroi.content.imports;

import static io.socialroi.content.imports.PlatformReads.base;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialroi.content.post.Platform;
import io.socialroi.content.publish.PublishingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back the posts a DISCORD bot published (bot mode), Discord API v10, with the publisher's own bot token
 * ({@code Authorization: Bot <token>}; the bot needs View Channel and Read Message History in the channel):
 * <ul>
 * <li>{@code GET /v10/channels/{channel}/messages/{id}} ("Get Channel Message"): {@code reactions[].count} summed,
 * kept as the post's aggregate-only metric {@code reactions} (Discord gives counts per emoji, not who reacted,
 * without one more call per emoji and page);</li>
 * <li>{@code GET /v10/channels/{channel}/messages?after={id}&limit=100} ("Get Channel Messages"), up to
 * {@link #PAGES} pages, each continuing after the newest id of the previous one: the messages whose
 * {@code message_reference.message_id} is our post (a reply; a forward, reference type 1, is not) become COMMENTs
 * ({@code discord:message:<id>}, actor {@code discord:<author.id>}, Discord's timestamp; {@code content} as text,
 * which Discord leaves empty unless the bot has the Message Content intent). Bots' own messages are left out.
 * Replies further than {@code PAGES * 100} messages after the post in a busy channel are not seen.</li>
 * </ul>
 * Webhook-mode publishers (no channel id) cannot read anything back (a webhook has no read access): their posts are
 * not imported, and the read says so. Errors: 401 (token reset) and 403 (50001 Missing Access, 50013 Missing
 * Permissions) mark the publisher "reconnect"; 404 (10008 Unknown Message, 10003 Unknown Channel), 429 and 5xx are
 * tried again at the post's next turn.
 */
@ApplicationScoped
public class DiscordImporter implements EngagementImporter {

    static final int PAGES = 10;

    private final PlatformReads reads;
    private final PublishingConfig config;

    public DiscordImporter(PlatformReads reads, PublishingConfig config) {
        this.reads = reads;
        this.config = config;
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public boolean usesAccount() {
        return false;
    }

    @Override
    public Imported read(String remoteId, String botToken, String channel) {
        if (channel == null) {
            throw new ImportFailure("a Discord webhook cannot read its posts back; configure the DISCORD publisher "
                    + "with a bot (discordBotToken, channelId) to import reactions and replies", false);
        }
        if (!remoteId.matches("\\d{1,25}") || !channel.matches("\\d{1,25}")) {
            throw new ImportFailure("not a Discord message id: " + remoteId, false);
        }
        String api = base(config.discord().baseUrl()) + "/v10/channels/" + channel + "/messages";
        Map<String, String> auth = Map.of("Authorization", "Bot " + botToken, "User-Agent", "social-roi-suite");
        JsonNode message = check(reads.get("Discord", api + "/" + remoteId, auth)).json();
        Map<String, Long> metrics = new LinkedHashMap<>();
        long reactions = 0;
        for (JsonNode r : message.path("reactions")) {
            reactions += Math.max(0, r.path("count").asLong(0));
        }
        metrics.put("reactions", reactions);
        List<ImportedEvent> events = new ArrayList<>();
        BigInteger after = new BigInteger(remoteId);
        for (int page = 0; page < PAGES; page++) {
            JsonNode messages = check(reads.get("Discord", api + "?after=" + after + "&limit=100", auth)).json();
            BigInteger newest = after;
            for (JsonNode m : messages) {
                String id = m.path("id").asText("");
                if (!id.matches("\\d{1,25}")) {
                    continue;
                }
                newest = newest.max(new BigInteger(id));
                JsonNode ref = m.path("message_reference");
                String author = m.path("author").path("id").asText("");
                if (!remoteId.equals(ref.path("message_id").asText("")) || ref.path("type").asInt(0) != 0
                        || author.isEmpty() || m.path("author").path("bot").asBoolean(false)) {
                    continue;
                }
                String content = m.path("content").asText("");
                events.add(new ImportedEvent("discord:message:" + id, "COMMENT", "discord:" + author,
                        time(m.path("timestamp").asText("")), content.isEmpty() ? null : content));
            }
            if (messages.size() < 100 || newest.equals(after)) {
                break;
            }
            after = newest;
        }
        return new Imported(events, metrics);
    }

    private static Instant time(String iso) {
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    /** The answer when it is a 2xx; else the failure Discord's answer means. */
    private static PlatformReads.Answer check(PlatformReads.Answer answer) {
        if (answer.ok()) {
            return answer;
        }
        String message = answer.json().path("message").asText("");
        int code = answer.json().path("code").asInt(0);
        String said = PlatformReads.said("Discord", answer, message + (code == 0 ? "" : " (code " + code + ")"));
        if (answer.status() == 401 || answer.status() == 403) {
            throw new ImportFailure(said + ": reconnect / check the bot's access to the channel", true);
        }
        throw new ImportFailure(said, false);
    }
}
