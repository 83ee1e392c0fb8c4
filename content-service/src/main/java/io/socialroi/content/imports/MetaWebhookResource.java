package io.socialroi.content.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.delivery.Signatures;
import io.socialroi.content.post.Platform;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Meta's webhooks (Graph API v21.0) for the Pages and Instagram accounts the workspaces publish to: comments and
 * reactions arrive as they happen instead of at the post's next import. {@code GET} answers Meta's subscription
 * handshake ({@code hub.mode=subscribe}, {@code hub.verify_token}, {@code hub.challenge} echoed). {@code POST}
 * takes a delivery only with a valid {@code X-Hub-Signature-256: sha256=<HMAC-SHA256 of the raw body under the app
 * secret>} (compared in constant time), then maps what it names onto our published posts by the platform's post
 * id (and the publisher's Page or account id): a Page {@code feed} change with {@code item=comment} and
 * {@code verb=add|edited} is a COMMENT ({@code facebook:comment:<comment_id>}), {@code item=reaction, verb=add} a
 * LIKE ({@code facebook:reaction:<post_id>:<from.id>}); an Instagram {@code comments} change a COMMENT
 * ({@code instagram:comment:<id>}); a WhatsApp Business {@code messages} change (a reply to the workspace's
 * WHATSAPP_API number, found by {@code metadata.phone_number_id}) a DM of the account, without a post
 * ({@code whatsapp:message:<wamid>}): the same event ids the importers give, so a webhook and a later import of the
 * same comment are one event. They go through engagement-service's ingestion; while it does not take them the
 * answer is a 503, which Meta delivers again. Changes about posts we did not publish are counted as unmatched.
 */
@Path("/hooks/meta")
@Tag(name = "Platform webhooks")
public class MetaWebhookResource {

    /** A delivery as Meta sends it (only these fields are read; the body is verified as received). */
    @Schema(name = "MetaWebhookDelivery", description = "Meta's webhook delivery: object (page, instagram, "
            + "whatsapp_business_account) and its entries")
    public record Delivery(String object, List<DeliveryEntry> entry) {
    }

    @Schema(name = "MetaWebhookEntry", description = "One Page, Instagram account or WhatsApp Business account and its "
            + "changes")
    public record DeliveryEntry(String id, Long time, List<DeliveryChange> changes) {
    }

    @Schema(name = "MetaWebhookChange", description = "One change: its field (feed, comments, messages) and value")
    public record DeliveryChange(String field,
            @Schema(type = SchemaType.OBJECT, description = "The change as the field defines it") Map<String, Object> value) {
    }

    /** What a delivery came to. */
    @Schema(name = "MetaWebhookReceived", description = "Changes in the delivery, events stored, duplicates, changes "
            + "about posts or numbers that are not the suite's")
    public record Received(int changes, int stored, int duplicates, int unmatched) {
    }

    private record Target(UUID workspaceId, UUID postId, UUID campaignId, Platform platform) {
    }

    private final ImportConfig config;
    private final ObjectMapper mapper;
    private final EntityManager em;
    private final EngagementIngest ingest;

    public MetaWebhookResource(ImportConfig config, ObjectMapper mapper, EntityManager em, EngagementIngest ingest) {
        this.config = config;
        this.mapper = mapper;
        this.em = em;
        this.ingest = ingest;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "metaWebhookVerify", summary = "Meta's webhook subscription handshake",
            description = "Answers hub.challenge when hub.mode is subscribe and hub.verify_token is this "
                    + "deployment's suite.imports.meta-verify-token.")
    @APIResponse(responseCode = "200", description = "The challenge, as Meta expects it")
    @APIResponse(responseCode = "403", description = "Wrong mode or verify token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "This deployment has no Meta verify token configured",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
            @QueryParam("hub.challenge") String challenge) {
        String expected = config.metaVerifyToken().filter(t -> !t.isBlank())
                .orElseThrow(() -> ProblemException.notFound("Meta webhook subscription"));
        if (!"subscribe".equals(mode) || token == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.forbidden("hub.mode must be subscribe and hub.verify_token this deployment's");
        }
        if (challenge == null || !challenge.matches("[A-Za-z0-9_-]{1,200}")) {
            throw ProblemException.badRequest("hub.challenge is missing or not a token");
        }
        return challenge;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "metaWebhookDeliver", summary = "A Meta webhook delivery (Page feed, Instagram comments)",
            description = "Signed by Meta with X-Hub-Signature-256; comments and reactions on posts the suite "
                    + "published become engagement events with the importers' event ids (a redelivery changes "
                    + "nothing).")
    @APIResponse(responseCode = "200", description = "Taken: how many changes, stored, duplicates, not ours")
    @APIResponse(responseCode = "400", description = "Not JSON", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Missing or wrong X-Hub-Signature-256; nothing is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "This deployment has no Meta app secret configured",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "engagement-service did not take the events; Meta delivers "
            + "again", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Received deliver(@HeaderParam("X-Hub-Signature-256") String signature,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Delivery.class), examples = {
                @ExampleObject(name = "page-comment", summary = "A comment on a Page post", value = "{\"object\":"
                        + "\"page\",\"entry\":[{\"id\":\"104918372650183\",\"time\":1764583200,\"changes\":[{\"field\":"
                        + "\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\",\"comment_id\":\"4040_9\","
                        + "\"post_id\":\"104918372650183_4040\",\"from\":{\"id\":\"601\",\"name\":\"Cy\"},"
                        + "\"message\":\"Booked!\",\"created_time\":1764583100}}]}]}"),
                @ExampleObject(name = "instagram-comment", summary = "A comment on an Instagram media", value =
                        "{\"object\":\"instagram\",\"entry\":[{\"id\":\"17841405822304914\",\"time\":1764590000,"
                        + "\"changes\":[{\"field\":\"comments\",\"value\":{\"from\":{\"id\":\"232323\",\"username\":"
                        + "\"dee\"},\"media\":{\"id\":\"17895695668004550\"},\"id\":\"17865799348089039\",\"text\":"
                        + "\"Wow\"}}]}]}")})) byte[] body) {
        String secret = appSecret().orElseThrow(() -> ProblemException.notFound("Meta webhook receiver"));
        if (!signed(secret, body, signature)) {
            throw new ProblemException(Problem.of(401, "unauthorized", "Unauthorized",
                    "X-Hub-Signature-256 is missing or is not the HMAC-SHA256 of the body under the app secret"));
        }
        JsonNode delivery;
        try {
            delivery = mapper.readTree(body);
        } catch (IOException e) {
            throw ProblemException.badRequest("The delivery is not JSON");
        }
        String object = delivery.path("object").asText("");
        Map<Target, List<ImportedEvent>> byPost = new LinkedHashMap<>();
        int changes = 0;
        int unmatched = 0;
        for (JsonNode entry : delivery.path("entry")) {
            String account = entry.path("id").asText("");
            for (JsonNode change : entry.path("changes")) {
                changes++;
                JsonNode v = change.path("value");
                String field = change.path("field").asText("");
                ImportedEvent event = null;
                Target target = null;
                if ("page".equals(object) && "feed".equals(field)) {
                    String item = v.path("item").asText("");
                    String verb = v.path("verb").asText("");
                    String from = v.path("from").path("id").asText("");
                    Instant at = v.path("created_time").isNumber() ? Instant.ofEpochSecond(v.path("created_time").asLong())
                            : Instant.ofEpochSecond(entry.path("time").asLong(Instant.now().getEpochSecond()));
                    String postId = v.path("post_id").asText("");
                    if (!from.isEmpty() && !from.equals(account) && !postId.isEmpty()) {
                        if ("comment".equals(item) && ("add".equals(verb) || "edited".equals(verb))) {
                            event = new ImportedEvent("facebook:comment:" + v.path("comment_id").asText(), "COMMENT",
                                    "facebook:" + from, at, v.path("message").asText(null));
                        } else if ("reaction".equals(item) && "add".equals(verb)) {
                            event = new ImportedEvent("facebook:reaction:" + postId + ":" + from, "LIKE",
                                    "facebook:" + from, at, null);
                        }
                        target = event == null ? null : find(Platform.FACEBOOK, postId, account);
                    }
                } else if ("whatsapp_business_account".equals(object) && "messages".equals(field)) {
                    // Replies to the workspace's WhatsApp number: each message a DM of the account (no post), its
                    // workspace the one whose WHATSAPP_API publisher sends from metadata.phone_number_id. Statuses
                    // (sent, delivered, read) carry no engagement and are left alone.
                    Target number = findNumber(v.path("metadata").path("phone_number_id").asText(""));
                    for (JsonNode m : v.path("messages")) {
                        String id = m.path("id").asText("");
                        String from = m.path("from").asText("");
                        if (id.isEmpty() || from.isEmpty() || !m.path("timestamp").asText("").matches("\\d{1,12}")) {
                            continue;
                        }
                        if (number == null) {
                            unmatched++;
                            continue;
                        }
                        byPost.computeIfAbsent(number, t -> new ArrayList<>()).add(new ImportedEvent(
                                "whatsapp:message:" + id, "DM", "whatsapp:" + from,
                                Instant.ofEpochSecond(Long.parseLong(m.path("timestamp").asText())),
                                m.path("text").path("body").asText(null)));
                    }
                    changes += Math.max(0, v.path("messages").size() - 1);
                    continue;
                } else if ("instagram".equals(object) && "comments".equals(field)) {
                    String from = v.path("from").path("id").asText("");
                    String media = v.path("media").path("id").asText("");
                    if (!from.isEmpty() && !from.equals(account) && !media.isEmpty() && !v.path("id").asText("").isEmpty()) {
                        event = new ImportedEvent("instagram:comment:" + v.path("id").asText(), "COMMENT",
                                "instagram:" + from, Instant.ofEpochSecond(entry.path("time").asLong(
                                        Instant.now().getEpochSecond())), v.path("text").asText(null));
                        target = find(Platform.INSTAGRAM, media, account);
                    }
                }
                if (event == null) {
                    continue;
                }
                if (target == null) {
                    unmatched++;
                } else {
                    byPost.computeIfAbsent(target, t -> new ArrayList<>()).add(event);
                }
            }
        }
        int stored = 0;
        int duplicates = 0;
        for (Map.Entry<Target, List<ImportedEvent>> e : byPost.entrySet()) {
            Target t = e.getKey();
            EngagementIngest.Outcome outcome = ingest.ingest(t.workspaceId(), t.platform(), t.postId(), t.campaignId(),
                    e.getValue());
            stored += outcome.accepted();
            duplicates += outcome.duplicates();
        }
        return new Received(changes, stored, duplicates, unmatched);
    }

    /** Our published post with this platform id, whose publisher's Page or account is {@code account}. */
    private Target find(Platform platform, String remoteId, String account) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select p.workspace_id, p.id, p.campaign_id from post p"
                + " join publisher pub on pub.workspace_id = p.workspace_id and pub.platform = p.platform"
                + " where p.platform = ?1 and p.remote_id = ?2 and p.status = 'PUBLISHED'"
                + " and (pub.target is null or pub.target = ?3) limit 2").setParameter(1, platform.name())
                .setParameter(2, remoteId).setParameter(3, account).getResultList();
        // The same platform id in two workspaces cannot be told apart: neither is credited.
        if (rows.size() != 1) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Target((UUID) r[0], (UUID) r[1], (UUID) r[2], platform);
    }

    /** The one workspace whose WHATSAPP_API publisher sends from this phone number id (its DMs have no post). */
    private Target findNumber(String phoneNumberId) {
        if (phoneNumberId.isEmpty()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select workspace_id from publisher where platform = 'WHATSAPP'"
                + " and type = 'WHATSAPP_API' and target = ?1 limit 2").setParameter(1, phoneNumberId).getResultList();
        return rows.size() == 1 ? new Target((UUID) rows.get(0), null, null, Platform.WHATSAPP) : null;
    }

    private Optional<String> appSecret() {
        return config.metaAppSecret().filter(s -> !s.isBlank()).or(() -> ConfigProvider.getConfig()
                .getOptionalValue("suite.accounts.facebook.client-secret", String.class).filter(s -> !s.isBlank()));
    }

    static boolean signed(String secret, byte[] body, String header) {
        if (header == null || !header.startsWith("sha256=")) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring("sha256=".length()).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(Signatures.mac("HmacSHA256", secret, body), given);
    }
}
