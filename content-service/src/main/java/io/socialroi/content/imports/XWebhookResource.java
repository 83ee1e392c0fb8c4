package io.socialroi.content.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.post.Platform;
import io.socialroi.content.publish.PublishingConfig;
import io.socialroi.content.delivery.Signatures;
import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * X's Account Activity API webhooks (docs.x.com, "Account Activity API" and "Securing webhooks") for the X accounts
 * the workspaces connected: likes, replies, reposts, quotes and follows arrive as they happen instead of at the
 * post's next import. Both requests are authenticated with the X app's consumer secret
 * ({@code suite.publishing.x.consumer-secret}; unset, both answer 404 and the webhook is off):
 * <ul>
 * <li>{@code GET ?crc_token=} is X's challenge-response check (at registration, then about hourly): the answer is
 * {@code {"response_token":"sha256=<base64 of HMAC-SHA256(key = consumer secret, message = crc_token)>"}};</li>
 * <li>{@code POST} takes a delivery only with a valid {@code x-twitter-webhooks-signature: sha256=<base64 of
 * HMAC-SHA256 of the raw body under the consumer secret>}, compared in constant time (403 otherwise, nothing
 * stored).</li>
 * </ul>
 * A delivery names the subscribed account in {@code for_user_id}: the X user id kept at connect (account/
 * AccountIdentity, {@code GET /2/users/me}); every workspace with that X account connected is looked at. What it
 * carries becomes the events the {@link XImporter} gives, with the same ids, so a webhook and a later import of the
 * same like are one event:
 * <ul>
 * <li>{@code favorite_events} on one of our published posts ({@code favorited_status.id_str} = the post's remote
 * id): LIKE {@code x:like:<post>:<user.id_str>};</li>
 * <li>{@code tweet_create_events}: a reply to our post ({@code in_reply_to_status_id_str}) COMMENT
 * {@code x:reply:<id_str>} with its text; a repost ({@code retweeted_status}) SHARE
 * {@code x:repost:<post>:<user>}; a quote ({@code quoted_status_id_str}) SHARE {@code x:quote:<id_str>} (the
 * importer reads quotes only as a count, so this id is the webhook's own);</li>
 * <li>{@code follow_events} of type {@code follow} whose target is the account: FOLLOW of the account, without a
 * post, {@code x:follow:<account>:<source.id>}.</li>
 * </ul>
 * The account's own posts, likes and follows are left alone; events about posts we did not publish, or for a
 * {@code for_user_id} no workspace has connected, are counted as {@code unmatched} and dropped. The events go
 * through engagement-service's ingestion; while it does not take them the answer is a 503, which X delivers again.
 */
@Path("/hooks/x")
@Tag(name = "Platform webhooks")
public class XWebhookResource {

    /** A delivery as X sends it (only these fields are read; the body is verified as received). */
    @Schema(name = "XWebhookDelivery", description = "An X Account Activity delivery: the subscribed account and "
            + "its events (favorite_events, tweet_create_events, follow_events; other kinds are ignored)")
    public record Delivery(
            @JsonProperty("for_user_id") @Schema(description = "The subscribed X user id") String forUserId,
            @JsonProperty("favorite_events") @Schema(description = "Likes: favorited_status (the post) and user")
            List<Map<String, Object>> favoriteEvents,
            @JsonProperty("tweet_create_events") @Schema(description = "Posts by or to the account: replies "
                    + "(in_reply_to_status_id_str), reposts (retweeted_status), quotes (quoted_status_id_str)")
            List<Map<String, Object>> tweetCreateEvents,
            @JsonProperty("follow_events") @Schema(description = "Follows: type, source, target")
            List<Map<String, Object>> followEvents) {
    }

    /** The answer to X's challenge-response check. */
    @Schema(name = "XWebhookCrcResponse", description = "sha256= and the base64 HMAC-SHA256 of crc_token under the "
            + "X app's consumer secret")
    public record CrcResponse(@JsonProperty("response_token") String responseToken) {
    }

    /** What a delivery came to. */
    @Schema(name = "XWebhookReceived", description = "Events in the delivery that the suite reads, events stored, "
            + "duplicates, events about posts or accounts that are not the suite's")
    public record Received(int events, int stored, int duplicates, int unmatched) {
    }

    private record Target(UUID workspaceId, UUID postId, UUID campaignId) {
    }

    private final PublishingConfig publishing;
    private final ObjectMapper mapper;
    private final EntityManager em;
    private final EngagementIngest ingest;

    public XWebhookResource(PublishingConfig publishing, ObjectMapper mapper, EntityManager em,
            EngagementIngest ingest) {
        this.publishing = publishing;
        this.mapper = mapper;
        this.em = em;
        this.ingest = ingest;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "xWebhookCrc", summary = "X's challenge-response check (CRC) of the webhook",
            description = "Answers response_token: sha256= and the base64 HMAC-SHA256 of crc_token under "
                    + "suite.publishing.x.consumer-secret.")
    @APIResponse(responseCode = "200", description = "The response token, as X expects it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CrcResponse.class)))
    @APIResponse(responseCode = "400", description = "No crc_token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "This deployment has no X consumer secret configured",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CrcResponse crc(@QueryParam("crc_token") String crcToken) {
        String secret = secret();
        if (crcToken == null || crcToken.isEmpty() || crcToken.length() > 1000) {
            throw ProblemException.badRequest("crc_token is missing");
        }
        return new CrcResponse("sha256=" + Base64.getEncoder().encodeToString(
                hmac(secret, crcToken.getBytes(StandardCharsets.UTF_8))));
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "xWebhookDeliver", summary = "An X Account Activity delivery (likes, replies, reposts, "
            + "quotes, follows)", description = "Signed by X with x-twitter-webhooks-signature; engagement with "
                    + "posts the suite published, and follows of the connected account, become engagement events "
                    + "with the importer's event ids (a redelivery changes nothing).")
    @APIResponse(responseCode = "200", description = "Taken: events read, stored, duplicates, not ours",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Received.class)))
    @APIResponse(responseCode = "400", description = "Not JSON", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Missing or wrong x-twitter-webhooks-signature; nothing is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "This deployment has no X consumer secret configured",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "engagement-service did not take the events; X delivers again",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Received deliver(@HeaderParam("x-twitter-webhooks-signature") String signature,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Delivery.class), examples = {
                @ExampleObject(name = "like", summary = "A like of a post the account published", value =
                        "{\"for_user_id\":\"2244994945\",\"favorite_events\":[{\"id\":\"a7ba59eab0bfcba386f7acedac279542\","
                        + "\"created_at\":\"Mon Mar 26 16:33:26 +0000 2018\",\"timestamp_ms\":1522082006140,"
                        + "\"favorited_status\":{\"id_str\":\"1850000000000000101\",\"user\":{\"id_str\":"
                        + "\"2244994945\"}},\"user\":{\"id_str\":\"3001969357\",\"screen_name\":\"jim\"}}]}"),
                @ExampleObject(name = "follow", summary = "Someone follows the account", value =
                        "{\"for_user_id\":\"2244994945\",\"follow_events\":[{\"type\":\"follow\",\"created_timestamp\":"
                        + "\"1517588749178\",\"target\":{\"id\":\"2244994945\"},\"source\":{\"id\":\"3001969357\"}}]}")}))
            byte[] body) {
        String secret = secret();
        if (!signed(secret, body, signature)) {
            throw ProblemException.forbidden("x-twitter-webhooks-signature is missing or is not the HMAC-SHA256 of "
                    + "the body under the X app's consumer secret");
        }
        JsonNode delivery;
        try {
            delivery = mapper.readTree(body);
        } catch (IOException e) {
            throw ProblemException.badRequest("The delivery is not JSON");
        }
        if (delivery == null || !delivery.isObject()) {
            throw ProblemException.badRequest("The delivery is not a JSON object");
        }
        String account = delivery.path("for_user_id").asText("");
        List<UUID> workspaces = workspaces(account);
        Map<Target, List<ImportedEvent>> byTarget = new LinkedHashMap<>();
        int events = 0;
        int unmatched = 0;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (JsonNode like : delivery.path("favorite_events")) {
            String user = id(like.path("user"));
            String post = like.path("favorited_status").path("id_str").asText("");
            if (user.isEmpty() || post.isEmpty() || user.equals(account)) {
                continue; // the account's own likes are not engagement with it
            }
            events++;
            unmatched += add(byTarget, post(workspaces, post), new ImportedEvent("x:like:" + post + ":" + user,
                    "LIKE", "x:" + user, millis(like.path("timestamp_ms"), now), null));
        }
        for (JsonNode tweet : delivery.path("tweet_create_events")) {
            String id = tweet.path("id_str").asText("");
            String user = id(tweet.path("user"));
            if (id.isEmpty() || user.isEmpty() || user.equals(account)) {
                continue; // the account's own posts
            }
            Instant at = millis(tweet.path("timestamp_ms"), now);
            String text = tweet.path("extended_tweet").path("full_text").asText(tweet.path("text").asText(null));
            String post;
            ImportedEvent event;
            if (tweet.hasNonNull("retweeted_status")) {
                post = tweet.path("retweeted_status").path("id_str").asText("");
                event = new ImportedEvent("x:repost:" + post + ":" + user, "SHARE", "x:" + user, at, null);
            } else if (!tweet.path("in_reply_to_status_id_str").asText("").isEmpty()) {
                post = tweet.path("in_reply_to_status_id_str").asText();
                event = new ImportedEvent("x:reply:" + id, "COMMENT", "x:" + user, at, text);
            } else if (!tweet.path("quoted_status_id_str").asText("").isEmpty()) {
                post = tweet.path("quoted_status_id_str").asText();
                event = new ImportedEvent("x:quote:" + id, "SHARE", "x:" + user, at, text);
            } else {
                continue; // a mention or another post without one of ours in it
            }
            if (post.isEmpty()) {
                continue;
            }
            events++;
            unmatched += add(byTarget, post(workspaces, post), event);
        }
        for (JsonNode follow : delivery.path("follow_events")) {
            String source = id(follow.path("source"));
            if (!"follow".equals(follow.path("type").asText("")) || source.isEmpty() || source.equals(account)
                    || account.isEmpty() || !account.equals(id(follow.path("target")))) {
                continue; // unfollows carry no engagement; the account following others is not followed
            }
            events++;
            ImportedEvent event = new ImportedEvent("x:follow:" + account + ":" + source, "FOLLOW", "x:" + source,
                    millis(follow.path("created_timestamp"), now), null);
            if (workspaces.isEmpty()) {
                unmatched++;
            }
            for (UUID ws : workspaces) {
                byTarget.computeIfAbsent(new Target(ws, null, null), t -> new ArrayList<>()).add(event);
            }
        }
        int stored = 0;
        int duplicates = 0;
        for (Map.Entry<Target, List<ImportedEvent>> e : byTarget.entrySet()) {
            Target t = e.getKey();
            EngagementIngest.Outcome outcome = ingest.ingest(t.workspaceId(), Platform.X, t.postId(), t.campaignId(),
                    e.getValue());
            stored += outcome.accepted();
            duplicates += outcome.duplicates();
        }
        return new Received(events, stored, duplicates, unmatched);
    }

    /** Adds the event to its post's; answers 1 when there is no such post of ours (unmatched), else 0. */
    private static int add(Map<Target, List<ImportedEvent>> byTarget, Target target, ImportedEvent event) {
        if (target == null) {
            return 1;
        }
        byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(event);
        return 0;
    }

    /** The workspaces whose connected X account is this X user. */
    private List<UUID> workspaces(String userId) {
        if (userId.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> rows = em.createNativeQuery("select workspace_id from platform_account where platform = 'X'"
                + " and platform_user_id = ?1").setParameter(1, userId).getResultList();
        return rows;
    }

    /** The published X post with this id in one of these workspaces; null when there is none (or it is ambiguous). */
    private Target post(List<UUID> workspaces, String remoteId) {
        if (workspaces.isEmpty()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select p.workspace_id, p.id, p.campaign_id from post p"
                + " where p.platform = 'X' and p.remote_id = ?1 and p.status = 'PUBLISHED'"
                + " and p.workspace_id in (?2) limit 2").setParameter(1, remoteId).setParameter(2, workspaces)
                .getResultList();
        if (rows.size() != 1) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Target((UUID) r[0], (UUID) r[1], (UUID) r[2]);
    }

    /** A user's id: {@code id_str} in post and like objects, {@code id} (a string) in follow events. */
    private static String id(JsonNode user) {
        String id = user.path("id_str").asText("");
        return id.isEmpty() ? user.path("id").asText("") : id;
    }

    /** X's epoch milliseconds (a number or a string of digits), else {@code otherwise}. */
    private static Instant millis(JsonNode value, Instant otherwise) {
        String text = value.asText("");
        return text.matches("\\d{1,15}") ? Instant.ofEpochMilli(Long.parseLong(text)) : otherwise;
    }

    private String secret() {
        return publishing.x().consumerSecret().filter(s -> !s.isBlank())
                .orElseThrow(() -> ProblemException.notFound("X webhook receiver"));
    }

    static byte[] hmac(String secret, byte[] message) {
        return Signatures.mac("HmacSHA256", secret, message);
    }

    static boolean signed(String secret, byte[] body, String header) {
        if (header == null || !header.startsWith("sha256=")) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring("sha256=".length()).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), given);
    }
}
