package io.socialroi.content.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.delivery.StoredSecrets;
import io.socialroi.content.post.Platform;
import io.socialroi.content.publish.Publisher;
import io.socialroi.content.publish.PublisherHook;
import io.socialroi.content.publish.PublisherType;
import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Telegram Bot API webhook of each TELEGRAM publisher (set with setWebhook when the publisher is saved,
 * {@code publish/TelegramHooks}): Telegram POSTs one {@code Update} (https://core.telegram.org/bots/api#update) per
 * request to {@code /hooks/telegram/<publisher id>} with the publisher's {@code secret_token} in
 * {@code X-Telegram-Bot-Api-Secret-Token}, compared in constant time (missing or wrong: 403, nothing stored; unknown
 * publisher id: 404). What the update says about a message the publisher published (its chat, and the
 * {@code message_id} TelegramPublisher kept as the post's remote id):
 * <ul>
 * <li>{@code message} / {@code channel_post} replying to it ({@code reply_to_message.message_id} in the same
 * {@code chat.id}; in a channel's discussion group, the reply to the automatic forward of the channel post, found by
 * its {@code forward_origin} channel and {@code message_id}): a COMMENT by {@code from.id}
 * ({@code telegram:message:<chat id>:<message id>}, text or caption, Telegram's {@code date}); messages of bots and
 * without a sender user are left out;</li>
 * <li>{@code message_reaction} (a user's reactions, chats where they are not anonymous): a LIKE by {@code user.id}
 * ({@code telegram:reaction:<chat id>:<message id>:<user id>}) when {@code new_reaction} is not empty; a removed
 * reaction is not a new like and stays what it was;</li>
 * <li>{@code message_reaction_count} (anonymous reactions, channels): the sum of {@code reactions[].total_count} as
 * the post's aggregate-only metric {@code reactions} (no actors are made up).</li>
 * </ul>
 * Updates about other messages are counted as unmatched. Accepted updates are always answered 200 (Telegram would
 * otherwise send them again and again); while engagement-service does not take the events the answer is a 503,
 * which Telegram delivers again. The event ids are Telegram's own, so a redelivered update changes nothing.
 */
@Path("/hooks/telegram/{publisherId}")
@Tag(name = "Platform webhooks")
public class TelegramWebhookResource {

    /** The parts of an Update that are read (the rest is ignored). */
    @Schema(name = "TelegramUpdate", description = "A Telegram Bot API Update: update_id and one of message, "
            + "channel_post, message_reaction, message_reaction_count")
    public record Update(Long update_id,
            @Schema(type = SchemaType.OBJECT, description = "Message: message_id, from, chat, date, text, caption, "
                    + "reply_to_message") Map<String, Object> message,
            @Schema(type = SchemaType.OBJECT, description = "Message in a channel") Map<String, Object> channel_post,
            @Schema(type = SchemaType.OBJECT, description = "MessageReactionUpdated: chat, message_id, user, date, "
                    + "old_reaction, new_reaction") Map<String, Object> message_reaction,
            @Schema(type = SchemaType.OBJECT, description = "MessageReactionCountUpdated: chat, message_id, date, "
                    + "reactions") Map<String, Object> message_reaction_count) {
    }

    /** What an update came to. */
    @Schema(name = "TelegramWebhookReceived", description = "Events stored, duplicates (a redelivery), metrics "
            + "updated, and whether the update was about a message the publisher did not publish")
    public record Received(int stored, int duplicates, int metrics, int unmatched) {
    }

    private record Target(UUID postId, UUID campaignId) {
    }

    private final ObjectMapper mapper;
    private final EntityManager em;
    private final EngagementIngest ingest;
    private final StoredSecrets secrets;

    public TelegramWebhookResource(ObjectMapper mapper, EntityManager em, EngagementIngest ingest,
            StoredSecrets secrets) {
        this.mapper = mapper;
        this.em = em;
        this.ingest = ingest;
        this.secrets = secrets;
    }

    @POST
    @PermitAll
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "telegramWebhookDeliver", summary = "A Telegram Bot API update for a TELEGRAM publisher",
            description = "Sent by Telegram with the publisher's secret_token in X-Telegram-Bot-Api-Secret-Token; "
                    + "replies to the publisher's posts become COMMENT events, users' reactions LIKE events, "
                    + "anonymous reaction counts the post's reactions metric (a redelivery changes nothing).")
    @APIResponse(responseCode = "200", description = "Taken: events stored, duplicates, metrics, not ours",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Received.class)))
    @APIResponse(responseCode = "400", description = "Not JSON", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Missing or wrong X-Telegram-Bot-Api-Secret-Token; nothing is "
            + "stored", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No TELEGRAM publisher has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "engagement-service did not take the events; Telegram delivers "
            + "again", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Received deliver(@PathParam("publisherId") String publisherId,
            @HeaderParam("X-Telegram-Bot-Api-Secret-Token") String secretToken,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Update.class), examples = {
                @ExampleObject(name = "reply", summary = "A reply to a published message", value = "{\"update_id\":"
                        + "812000101,\"message\":{\"message_id\":77,\"from\":{\"id\":5551234,\"is_bot\":false,"
                        + "\"first_name\":\"Cy\"},\"chat\":{\"id\":-1001234567890,\"type\":\"supergroup\"},\"date\":"
                        + "1764583200,\"text\":\"Booked!\",\"reply_to_message\":{\"message_id\":41,\"chat\":{\"id\":"
                        + "-1001234567890,\"type\":\"supergroup\"},\"date\":1764580000}}}"),
                @ExampleObject(name = "reaction-count", summary = "Anonymous reactions on a channel post", value =
                        "{\"update_id\":812000102,\"message_reaction_count\":{\"chat\":{\"id\":-1001234567890,\"type\":"
                        + "\"channel\",\"username\":\"fiori_news\"},\"message_id\":41,\"date\":1764583300,"
                        + "\"reactions\":[{\"type\":{\"type\":\"emoji\",\"emoji\":\"\u2764\"},\"total_count\":12}]}}")}))
            byte[] body) {
        UUID id;
        try {
            id = UUID.fromString(publisherId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Telegram publisher");
        }
        Publisher publisher = Publisher.byPublicId(id);
        PublisherHook hook = publisher == null || publisher.type != PublisherType.TELEGRAM ? null
                : PublisherHook.of(publisher.workspaceId, publisher.platform);
        if (hook == null) {
            throw ProblemException.notFound("Telegram publisher");
        }
        Optional<String> expected = secrets.open(hook.secretKeyId, hook.secret,
                StoredSecrets.publisherHookContext(hook.workspaceId, hook.platform));
        if (secretToken == null || expected.isEmpty() || !MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.UTF_8), secretToken.getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.forbidden("X-Telegram-Bot-Api-Secret-Token is missing or is not this publisher's");
        }
        JsonNode update;
        try {
            update = mapper.readTree(body);
        } catch (IOException e) {
            throw ProblemException.badRequest("The update is not JSON");
        }
        if (update == null || !update.isObject()) {
            throw ProblemException.badRequest("The update is not a JSON object");
        }
        List<ImportedEvent> events = new ArrayList<>();
        Target target = null;
        boolean about = false;
        int metrics = 0;
        JsonNode message = update.has("message") ? update.path("message") : update.path("channel_post");
        if (message.isObject() && message.path("reply_to_message").isObject()) {
            about = true;
            JsonNode replied = message.path("reply_to_message");
            JsonNode origin = replied.path("forward_origin");
            // In a channel's discussion group a comment replies to the group's automatic forward of the post.
            target = "channel".equals(origin.path("type").asText("")) && origin.path("message_id").canConvertToLong()
                    ? find(publisher, origin.path("chat"), origin.path("message_id").asText())
                    : find(publisher, message.path("chat"), replied.path("message_id").asText(""));
            JsonNode from = message.path("from");
            if (target != null && from.path("id").canConvertToLong() && !from.path("is_bot").asBoolean(false)) {
                String text = message.path("text").asText(message.path("caption").asText(null));
                events.add(new ImportedEvent("telegram:message:" + message.path("chat").path("id").asText() + ":"
                        + message.path("message_id").asText(), "COMMENT", "telegram:" + from.path("id").asText(),
                        time(message), text));
            }
        }
        JsonNode reaction = update.path("message_reaction");
        if (reaction.isObject()) {
            about = true;
            target = find(publisher, reaction.path("chat"), reaction.path("message_id").asText(""));
            JsonNode user = reaction.path("user");
            if (target != null && user.path("id").canConvertToLong() && !user.path("is_bot").asBoolean(false)
                    && !reaction.path("new_reaction").isEmpty()) {
                events.add(new ImportedEvent("telegram:reaction:" + reaction.path("chat").path("id").asText() + ":"
                        + reaction.path("message_id").asText() + ":" + user.path("id").asText(), "LIKE",
                        "telegram:" + user.path("id").asText(), time(reaction), null));
            }
        }
        JsonNode count = update.path("message_reaction_count");
        if (count.isObject()) {
            about = true;
            target = find(publisher, count.path("chat"), count.path("message_id").asText(""));
            if (target != null) {
                long total = 0;
                for (JsonNode r : count.path("reactions")) {
                    total += Math.max(0, r.path("total_count").asLong(0));
                }
                PostMetrics.store(em, publisher.workspaceId, target.postId(), Map.of("reactions", total),
                        Instant.now().truncatedTo(ChronoUnit.MICROS));
                metrics++;
            }
        }
        EngagementIngest.Outcome outcome = events.isEmpty() ? new EngagementIngest.Outcome(0, 0, 0)
                : ingest.ingest(publisher.workspaceId, Platform.TELEGRAM, target.postId(), target.campaignId(), events);
        return new Received(outcome.accepted(), outcome.duplicates(), metrics, about && target == null ? 1 : 0);
    }

    private static Instant time(JsonNode node) {
        return node.path("date").canConvertToLong() ? Instant.ofEpochSecond(node.path("date").asLong())
                : Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The publisher's published post that is message {@code messageId} of its chat; null when not one of ours. */
    private Target find(Publisher publisher, JsonNode chat, String messageId) {
        if (!messageId.matches("\\d{1,20}") || !sameChat(publisher.chatId, chat)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, campaign_id from post where workspace_id = ?1"
                + " and platform = 'TELEGRAM' and remote_id = ?2 and status = 'PUBLISHED' limit 1")
                .setParameter(1, publisher.workspaceId).setParameter(2, messageId).getResultList();
        return rows.isEmpty() ? null : new Target((UUID) rows.get(0)[0], (UUID) rows.get(0)[1]);
    }

    /** Whether the update's chat is the one the publisher posts to (a numeric id or a public @username). */
    static boolean sameChat(String chatId, JsonNode chat) {
        if (chatId == null) {
            return false;
        }
        if (chatId.startsWith("@")) {
            return chatId.substring(1).equalsIgnoreCase(chat.path("username").asText(""));
        }
        return chatId.equals(chat.path("id").asText(""));
    }
}
