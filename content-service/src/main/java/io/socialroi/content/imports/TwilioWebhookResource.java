package io.socialroi.content.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.delivery.Signatures;
import io.socialroi.content.delivery.StoredSecrets;
import io.socialroi.content.post.Platform;
import io.socialroi.content.publish.Publisher;
import io.socialroi.content.publish.PublisherType;
import io.socialroi.content.publish.PublishingConfig;
import io.socialroi.content.recipient.Addresses;
import io.socialroi.content.recipient.Recipients;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Twilio's webhooks (Programmable Messaging, REST API 2010-04-01) for a workspace's SMS_API publisher, named by its
 * public id ({@code PublisherView.id}). Both take Twilio's {@code application/x-www-form-urlencoded} POST and only with
 * a valid {@code X-Twilio-Signature} (https://www.twilio.com/docs/usage/webhooks/webhooks-security): the base64
 * HMAC-SHA1, under the publisher's Auth Token, of the full URL Twilio called (scheme, host, path and query) followed by
 * every POST parameter's name and value, sorted by name, compared in constant time. That URL is this deployment's
 * {@code suite.publishing.sms.hooks-base-url} (the public origin Twilio is given) with the request's path and query,
 * never the host the request arrived at: behind the Ingress that is another. Missing or wrong: 403 and nothing changes;
 * a publisher that is not an SMS_API one: 404.
 *
 * <p>{@code /status} is the {@code StatusCallback} SmsPublisher sets on every message: {@code MessageSid},
 * {@code MessageStatus} (queued, sending, sent, delivered, undelivered, failed, read), {@code ErrorCode}, kept per
 * message by {@link SmsStatuses} (a status never moves back; a redelivery changes nothing) and counted per post as
 * aggregate-only metrics (GET .../platform-metrics: delivered, undelivered, failed).
 *
 * <p>{@code /messages} is the number's incoming-message webhook (set in Twilio's console or the IncomingPhoneNumbers
 * resource's {@code SmsUrl}; https://www.twilio.com/docs/messaging/guides/webhook-request): a reply that is one of
 * Twilio's opt-out keywords (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT; the whole message, trimmed, any case), or
 * that Twilio's Advanced Opt-Out marks {@code OptOutType=STOP}, unsubscribes {@code From} from the workspace's SMS
 * list; an opt-in (START, YES, UNSTOP, or {@code OptOutType=START}) subscribes it again; any other text is a DM of
 * the account ({@code sms:message:<MessageSid>}, actor {@code sms:<From>}, no post) through engagement-service's
 * ingestion, so a redelivery is one event; while engagement-service does not take it the answer is a 503 (whether
 * Twilio sends it again is the webhook's retry setting in Twilio, its connection overrides). The answer is an
 * empty TwiML {@code <Response/>}: Twilio sends no reply of ours (its own STOP/START confirmations are Twilio's).
 */
@Path("/hooks/twilio/{publisherId}")
@Tag(name = "Platform webhooks")
public class TwilioWebhookResource {

    /** Twilio's default opt-out and opt-in keywords (SMS STOP filtering). */
    static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    static final Set<String> OPT_IN = Set.of("START", "YES", "UNSTOP");
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    /** A Message SID: SM (SMS) or MM (MMS) and 32 hex digits. */
    private static final Pattern MESSAGE_SID = Pattern.compile("(SM|MM)[0-9a-fA-F]{32}");
    private static final int MAX_TEXT = 4096;

    @Schema(name = "TwilioStatusCallback", description = "Twilio's status callback of an outbound message "
            + "(application/x-www-form-urlencoded; Twilio adds parameters over time, all of them are signed)")
    public record StatusCallback(
            @Schema(name = "MessageSid", example = "SM1f0e8ae6ade43cb3c0ce4525424e404f") String messageSid,
            @Schema(name = "MessageStatus", enumeration = {"queued", "sending", "sent", "delivered", "undelivered",
                    "failed", "read"}) String messageStatus,
            @Schema(name = "ErrorCode", description = "Set for undelivered and failed", example = "30003") String errorCode,
            @Schema(name = "AccountSid") String accountSid,
            @Schema(name = "From") String from,
            @Schema(name = "To") String to) {
    }

    @Schema(name = "TwilioIncomingMessage", description = "Twilio's request for a message to the publisher's number "
            + "(application/x-www-form-urlencoded; only these are read, all of them are signed)")
    public record IncomingMessage(
            @Schema(name = "MessageSid", example = "SM3e5b9c0d1a2f4b6c8d0e1f2a3b4c5d6e") String messageSid,
            @Schema(name = "AccountSid") String accountSid,
            @Schema(name = "From", description = "The sender, E.164") String from,
            @Schema(name = "To", description = "The publisher's number") String to,
            @Schema(name = "Body") String body,
            @Schema(name = "NumMedia") String numMedia,
            @Schema(name = "OptOutType", description = "With Advanced Opt-Out: STOP, START or HELP") String optOutType) {
    }

    @Schema(name = "TwilioStatusReceived", description = "What is known of the message after the callback")
    public record StatusReceived(String messageSid,
            @Schema(description = "The stored status: the callback's, or a later one already known") String status,
            @Schema(description = "Twilio's ErrorCode of an undelivered or failed message") Integer errorCode,
            @Schema(description = "Whether the callback changed anything (false for a redelivered or late one)")
            boolean changed) {
    }

    private final PublishingConfig config;
    private final StoredSecrets secrets;
    private final SmsStatuses statuses;
    private final Recipients recipients;
    private final EngagementIngest ingest;

    public TwilioWebhookResource(PublishingConfig config, StoredSecrets secrets, SmsStatuses statuses,
            Recipients recipients, EngagementIngest ingest) {
        this.config = config;
        this.secrets = secrets;
        this.statuses = statuses;
        this.recipients = recipients;
        this.ingest = ingest;
    }

    @POST
    @Path("/status")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "twilioStatusCallback", summary = "Twilio's status callback of a message an SMS_API "
            + "publisher sent", description = "Signed by Twilio (X-Twilio-Signature under the publisher's Auth Token, "
            + "over suite.publishing.sms.hooks-base-url + the path). The message's status only moves forward "
            + "(queued, sending, sent, then delivered, undelivered or failed, then read); the post's platform-metrics "
            + "count its messages delivered, undelivered and failed.")
    @APIResponse(responseCode = "200", description = "Taken (also when it changed nothing)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatusReceived.class)))
    @APIResponse(responseCode = "400", description = "No MessageSid or MessageStatus",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Missing or wrong X-Twilio-Signature; nothing is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No SMS_API publisher has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public StatusReceived status(@PathParam("publisherId") String publisherId,
            @HeaderParam("X-Twilio-Signature") String signature, @Context UriInfo uri,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(implementation = StatusCallback.class), examples = @ExampleObject(
                            name = "delivered", summary = "A message delivered", value =
                                "{\"MessageSid\":\"SM1f0e8ae6ade43cb3c0ce4525424e404f\",\"MessageStatus\":\"delivered\","
                                + "\"AccountSid\":\"AC0123456789abcdef0123456789abcdef\",\"From\":\"+15017122661\",\"To\":\"+141"
                                + "55550101\",\"ApiVersion\":\"2010-04-01\",\"SmsStatus\":\"delivered\"}"))) byte[] body) {
        Publisher publisher = publisher(publisherId);
        List<String[]> form = form(body);
        verify(publisher, uri, "/status", form, signature);
        String sid = first(form, "MessageSid");
        String status = first(form, "MessageStatus");
        if (sid == null || !MESSAGE_SID.matcher(sid).matches() || status == null) {
            throw ProblemException.badRequest("MessageSid and MessageStatus are required");
        }
        status = status.toLowerCase(Locale.ROOT);
        if (!SmsStatuses.known(status)) {
            // A status this version does not know (Twilio adds some): taken, nothing stored.
            return new StatusReceived(sid, null, null, false);
        }
        String code = first(form, "ErrorCode");
        Integer errorCode = code != null && code.matches("\\d{1,9}") ? Integer.valueOf(code) : null;
        String to = Addresses.normalized(Platform.SMS, first(form, "To"));
        SmsStatuses.Stored stored = statuses.record(publisher.workspaceId, sid, status, errorCode, to);
        return new StatusReceived(sid, stored.status(), stored.errorCode(), stored.changed());
    }

    @POST
    @Path("/messages")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    @Operation(operationId = "twilioIncomingMessage", summary = "A message to an SMS_API publisher's number",
            description = "Twilio's incoming-message webhook, signed with X-Twilio-Signature. STOP, STOPALL, "
                    + "UNSUBSCRIBE, CANCEL, END, QUIT unsubscribe the sender from the workspace's SMS recipients; "
                    + "START, YES, UNSTOP subscribe them again; other texts become a DM engagement event "
                    + "(sms:message:<MessageSid>). Answers an empty TwiML Response, so nothing is replied.")
    @APIResponse(responseCode = "200", description = "Taken; an empty TwiML <Response/>",
            content = @Content(mediaType = MediaType.TEXT_XML, schema = @Schema(type = SchemaType.STRING,
                    example = EMPTY_TWIML)))
    @APIResponse(responseCode = "400", description = "No MessageSid or From",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Missing or wrong X-Twilio-Signature; nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No SMS_API publisher has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "engagement-service did not take the DM",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response message(@PathParam("publisherId") String publisherId,
            @HeaderParam("X-Twilio-Signature") String signature, @Context UriInfo uri,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(implementation = IncomingMessage.class), examples = {
                        @ExampleObject(name = "reply", summary = "A reply", value = "{\"MessageSid\":\"SM3e5b9c0d1a2f4b6c8d0e1f2a3b4c5d6e\",\"SmsSid\":\"SM3e5b9c0d1a2f4b6c8d0e"
                                + "1f2a3b4c5d6e\",\"AccountSid\":\"AC0123456789abcdef0123456789abcdef\",\"From\":\"+141555501"
                                + "01\",\"To\":\"+15017122661\",\"Body\":\"Are peonies still available?\",\"NumMedia\":\"0\","
                                + "\"NumSegments\":\"1\",\"ApiVersion\":\"2010-04-01\"}"),
                        @ExampleObject(name = "stop", summary = "An opt-out", value = "{\"MessageSid\":\"SM4f6c0d1e2a3b4c5d6e7f8a9b0c1d2e3f\",\"AccountSid\":\"AC0123456789abcdef"
                                + "0123456789abcdef\",\"From\":\"+14155550101\",\"To\":\"+15017122661\",\"Body\":\"Stop\",\"N"
                                + "umMedia\":\"0\",\"OptOutType\":\"STOP\"}")}))
            byte[] body) {
        Publisher publisher = publisher(publisherId);
        List<String[]> form = form(body);
        verify(publisher, uri, "/messages", form, signature);
        String sid = first(form, "MessageSid");
        String from = first(form, "From");
        if (sid == null || !MESSAGE_SID.matcher(sid).matches() || from == null || from.isBlank()) {
            throw ProblemException.badRequest("MessageSid and From are required");
        }
        String text = first(form, "Body");
        String keyword = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        String optOutType = first(form, "OptOutType");
        String address = Addresses.normalized(Platform.SMS, from);
        boolean optOut = OPT_OUT.contains(keyword) || "STOP".equalsIgnoreCase(optOutType);
        boolean optIn = !optOut && (OPT_IN.contains(keyword) || "START".equalsIgnoreCase(optOutType));
        if (optOut || optIn) {
            if (address != null) {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (optOut) {
                        recipients.unsubscribe(publisher.workspaceId, Platform.SMS, address);
                    } else {
                        recipients.resubscribe(publisher.workspaceId, Platform.SMS, address);
                    }
                });
            }
        } else {
            String dm = text == null || text.isEmpty() ? null
                    : text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
            ingest.ingest(publisher.workspaceId, Platform.SMS, null, null, List.of(new ImportedEvent(
                    "sms:message:" + sid, "DM", "sms:" + (address == null ? from.strip() : address), Instant.now(), dm)));
        }
        return Response.ok(EMPTY_TWIML, MediaType.TEXT_XML_TYPE.withCharset("utf-8")).build();
    }

    private static Publisher publisher(String publicId) {
        UUID id;
        try {
            id = UUID.fromString(publicId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("SMS publisher " + publicId);
        }
        Publisher p = Publisher.byPublicId(id);
        if (p == null || p.type != PublisherType.SMS_API) {
            throw ProblemException.notFound("SMS publisher " + publicId);
        }
        return p;
    }

    private void verify(Publisher publisher, UriInfo uri, String path, List<String[]> form, String signature) {
        String token = publisher.secret == null ? null : secrets.open(publisher.secretKeyId, publisher.secret,
                StoredSecrets.publisherContext(publisher.workspaceId, publisher.platform)).orElse(null);
        String query = uri.getRequestUri().getRawQuery();
        String url = config.sms().hooksBaseUrl().replaceAll("/+$", "") + "/hooks/twilio/" + publisher.publicId + path
                + (query == null ? "" : "?" + query);
        if (token == null || signature == null
                || !MessageDigest.isEqual(signature(token, url, form).getBytes(StandardCharsets.UTF_8),
                        signature.strip().getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.forbidden("X-Twilio-Signature is missing or is not Twilio's signature of this "
                    + "request under the publisher's Auth Token");
        }
    }

    /**
     * Twilio's X-Twilio-Signature of a form-encoded request: base64 of HMAC-SHA1, keyed with the Auth Token, of the
     * URL followed by each parameter's name and value (no separators), sorted by name (and value, for a name given
     * more than once).
     */
    static String signature(String authToken, String url, List<String[]> params) {
        StringBuilder data = new StringBuilder(url);
        params.stream().sorted(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]))
                .forEach(p -> data.append(p[0]).append(p[1]));
        return Base64.getEncoder().encodeToString(Signatures.mac("HmacSHA1", authToken,
                data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The form's parameters in order, decoded (UTF-8); a malformed encoding is a 400. */
    static List<String[]> form(byte[] body) {
        List<String[]> params = new ArrayList<>();
        if (body == null || body.length == 0) {
            return params;
        }
        try {
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.add(new String[] {name, value});
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The body is not application/x-www-form-urlencoded");
        }
        return params;
    }

    private static String first(List<String[]> form, String name) {
        return form.stream().filter(p -> p[0].equals(name)).map(p -> p[1]).findFirst().orElse(null);
    }
}
