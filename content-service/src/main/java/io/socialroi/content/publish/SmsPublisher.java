package io.socialroi.content.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialroi.common.net.OutboundHttp;
import io.socialroi.common.problem.FieldError;
import io.socialroi.content.post.Post;
import io.socialroi.content.post.PostText;
import io.socialroi.content.post.PostViews;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends a post as SMS (MMS with media) to each recipient with Twilio Programmable Messaging, REST API version
 * 2010-04-01: {@code POST <base-url>/2010-04-01/Accounts/<AccountSid>/Messages.json}, HTTP Basic
 * {@code AccountSid:AuthToken}, form fields {@code To} (the recipient, E.164), {@code From} (the publisher's number)
 * or {@code MessagingServiceSid} (when the publisher's sender is an {@code MG...} Messaging Service), {@code Body}
 * (the post's text: caption, call to action and tracked link; at most 1600 characters, checked at submit and
 * schedule) and a {@code MediaUrl} per media URL. Twilio answers 201 with the Message ({@code sid}, {@code status});
 * errors are {@code {"code","message","more_info","status"}}. Mapped: 21211 (invalid To), 21614 (not a mobile number)
 * and other 400s refuse that recipient; 21212, 21606 and 21659 (the sender is not a valid, SMS-capable or the
 * account's number) fail the post without trying the other recipients; 21610 (the recipient replied STOP) refuses it and marks it unsubscribed;
 * 401 / 20003 fails the post "reconnect the account"; 429 / 20429 pauses until Twilio's Retry-After (if given);
 * 5xx and no answer pause the attempt. Every message carries {@code StatusCallback=<suite.publishing.sms.hooks-base-url>
 * /hooks/twilio/<publisher id>/status}: Twilio reports its delivery there (sent, delivered, undelivered, failed, with
 * the ErrorCode), which becomes the post's delivery counts ({@code TwilioWebhookResource}). Replies to the number
 * reach {@code /hooks/twilio/<publisher id>/messages} once that URL is the number's incoming-message webhook in
 * Twilio: STOP and the other opt-out keywords unsubscribe the recipient here at once (Twilio itself blocks the number
 * and answers 21610 to a later send, which unsubscribes it too), START, YES and UNSTOP subscribe it again, and other
 * texts are the account's direct messages.
 */
@ApplicationScoped
public class SmsPublisher implements RecipientPublisher {

    /** Twilio's Body limit (https://www.twilio.com/docs/messaging/api/message-resource). */
    static final int MAX_BODY = 1600;
    /** An Account SID: AC and 32 hex digits. */
    static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
    /** A Messaging Service SID: MG and 32 hex digits. */
    static final Pattern SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");

    private final OutboundHttp http;
    private final ObjectMapper mapper;
    private final PublishingConfig config;
    private final PostViews views;
    private final Duration timeout;

    public SmsPublisher(OutboundHttp http, ObjectMapper mapper, PublishingConfig config, PostViews views,
            @ConfigProperty(name = "suite.delivery.timeout", defaultValue = "PT10S") Duration timeout) {
        this.http = http;
        this.mapper = mapper;
        this.config = config;
        this.views = views;
        this.timeout = timeout;
    }

    @Override
    public PublisherType type() {
        return PublisherType.SMS_API;
    }

    @Override
    public List<FieldError> check(Post post, Publisher publisher) {
        String text = PostText.compose(post.caption, post.callToAction,
                post.landingUrl == null || post.linkCode == null ? null : views.linkUrl(post.linkCode));
        int length = text.codePointCount(0, text.length());
        if (length > MAX_BODY) {
            return List.of(new FieldError("caption", "with the call to action and the tracked link the SMS is "
                    + length + " characters; Twilio takes at most " + MAX_BODY));
        }
        if (text.isBlank() && post.mediaUrls.isEmpty()) {
            return List.of(new FieldError("caption", "is required for an SMS without media"));
        }
        return List.of();
    }

    @Override
    public Session open(Broadcast b) {
        String sid = b.settings().accountSid();
        String url = config.sms().baseUrl().replaceAll("/+$", "") + "/2010-04-01/Accounts/" + sid + "/Messages.json";
        String auth = "Basic " + Base64.getEncoder().encodeToString((sid + ":" + b.attempt().secret())
                .getBytes(StandardCharsets.UTF_8));
        String sender = b.publisher().target;
        String statusCallback = config.sms().hooksBaseUrl().replaceAll("/+$", "") + "/hooks/twilio/"
                + b.publisher().publicId + "/status";
        return new Session() {
            @Override
            public Delivery send(String address) {
                List<String[]> form = new ArrayList<>();
                form.add(new String[] {"To", address});
                form.add(new String[] {SERVICE_SID.matcher(sender).matches() ? "MessagingServiceSid" : "From", sender});
                form.add(new String[] {"Body", b.attempt().text()});
                for (String media : b.attempt().media()) {
                    form.add(new String[] {"MediaUrl", media});
                }
                form.add(new String[] {"StatusCallback", statusCallback});
                String encoded = form.stream().map(f -> f[0] + "=" + URLEncoder.encode(f[1], StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
                OutboundHttp.Exchange answer = http.call(HttpMethod.POST, url, Map.of("Authorization", auth,
                        "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json",
                        "User-Agent", "social-roi-suite"), encoded.getBytes(StandardCharsets.UTF_8), timeout);
                return outcome(answer);
            }

            @Override
            public void close() {
            }
        };
    }

    private Delivery outcome(OutboundHttp.Exchange answer) {
        if (!answer.answered()) {
            return Delivery.pause("Twilio: " + answer.failure(), null);
        }
        int status = answer.status();
        JsonNode json = Texts.json(mapper, answer.body());
        if (status / 100 == 2) {
            String sid = json.path("sid").asText("");
            return sid.isEmpty() ? Delivery.refused("Twilio answered without the message's sid") : Delivery.sent(sid);
        }
        int code = json.path("code").asInt(0);
        String said = "HTTP " + status + (code == 0 ? "" : ", code " + code)
                + (json.path("message").asText("").isEmpty() ? "" : ": " + Texts.shorten(json.path("message").asText()));
        if (code == 21610) {
            return Delivery.optedOut("the recipient unsubscribed from the sender (STOP) (Twilio " + said + ")");
        }
        if (status == 401 || code == 20003) {
            return Delivery.reconnect("Twilio refused the credentials (" + said + ")");
        }
        if (code == 21212 || code == 21606 || code == 21659) {
            return Delivery.abort("Twilio refused the sender (" + said + ")");
        }
        if (status == 429 || code == 20429) {
            return Delivery.pause("Twilio rate limit (" + said + ")", retryAfter(answer.retryAfter()));
        }
        if (status / 100 == 4) {
            return Delivery.refused("Twilio refused the message (" + said + ")");
        }
        return Delivery.pause("Twilio answered " + said, null);
    }

    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
