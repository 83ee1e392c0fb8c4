package io.socialroi.content.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialroi.common.net.OutboundHttp;
import io.socialroi.common.problem.FieldError;
import io.socialroi.content.post.PlatformOptions;
import io.socialroi.content.post.Post;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends a post as a WhatsApp template message to each recipient with the WhatsApp Cloud API, Graph API v21.0:
 * {@code POST <base-url>/v21.0/<phone-number-id>/messages}, {@code Authorization: Bearer <system user token>}, JSON
 * {@code {"messaging_product":"whatsapp","recipient_type":"individual","to":"<E.164 digits>","type":"template",
 * "template":{"name":"<platformOptions.template>","language":{"code":"<templateLanguage, default en_US>"}}}}.
 * Outside a 24-hour customer service window WhatsApp delivers approved templates only, so the template's approved
 * text is what recipients read, not the post's caption; when the post has a landing URL, the tracked link is the
 * template's one body parameter ({@code components:[{"type":"body","parameters":[{"type":"text","text":
 * "<tracked link>"}]}]}, the template's body must then have {{1}}). Answers {@code {"messages":[{"id":"wamid..."}]}};
 * errors {@code {"error":{"message","type","code","error_data":{"details"},"fbtrace_id"}}}. Mapped: 190 (token
 * expired or revoked) fails the post "reconnect the account"; 130429 (throughput), 4 and 80007 (rate limits) pause
 * the attempt; 131056 (too many messages to this recipient) tries that recipient again later; 132001 (no such
 * template in that language), 132000 and 132012 (its parameters do not fit) fail the post without trying the other
 * recipients; 131026 (undeliverable) and other 4xx refuse the recipient; 131050 (the user stopped marketing
 * messages) refuses it and marks it unsubscribed; 5xx and no answer pause.
 */
@ApplicationScoped
public class WhatsAppPublisher implements RecipientPublisher {

    /** A phone number id, as WhatsApp Manager shows it. */
    static final Pattern PHONE_NUMBER_ID = Pattern.compile("\\d{5,30}");
    /** A template language code: en, en_US, pt_BR, zh_CN... */
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");
    private static final Set<Integer> PAUSE = Set.of(130429, 4, 80007);

    private final OutboundHttp http;
    private final ObjectMapper mapper;
    private final PublishingConfig config;
    private final Duration timeout;

    public WhatsAppPublisher(OutboundHttp http, ObjectMapper mapper, PublishingConfig config,
            @ConfigProperty(name = "suite.delivery.timeout", defaultValue = "PT10S") Duration timeout) {
        this.http = http;
        this.mapper = mapper;
        this.config = config;
        this.timeout = timeout;
    }

    @Override
    public PublisherType type() {
        return PublisherType.WHATSAPP_API;
    }

    @Override
    public List<FieldError> check(Post post, Publisher publisher) {
        PlatformOptions o = post.platformOptions;
        if (o == null || o.template() == null) {
            return List.of(new FieldError("platformOptions.template", "is required to send on WhatsApp (an approved "
                    + "message template's name)"));
        }
        return List.of();
    }

    @Override
    public Session open(Broadcast b) {
        String url = config.whatsapp().baseUrl().replaceAll("/+$", "") + "/v21.0/" + b.publisher().target
                + "/messages";
        PlatformOptions o = b.attempt().view().platformOptions();
        String language = b.settings().templateLanguage() == null ? "en_US" : b.settings().templateLanguage();
        String link = b.attempt().view().trackedLink() == null ? null : b.attempt().view().trackedLink().url();
        return new Session() {
            @Override
            public Delivery send(String address) {
                if (o == null || o.template() == null) {
                    return Delivery.refused("the post has no WhatsApp template (platformOptions.template)");
                }
                ObjectNode body = mapper.createObjectNode();
                body.put("messaging_product", "whatsapp");
                body.put("recipient_type", "individual");
                body.put("to", address.substring(1));
                body.put("type", "template");
                ObjectNode template = body.putObject("template");
                template.put("name", o.template());
                template.putObject("language").put("code", language);
                if (link != null) {
                    ObjectNode component = template.putArray("components").addObject();
                    component.put("type", "body");
                    component.putArray("parameters").addObject().put("type", "text").put("text", link);
                }
                OutboundHttp.Exchange answer;
                try {
                    answer = http.call(HttpMethod.POST, url, Map.of("Authorization", "Bearer " + b.attempt().secret(),
                            "Content-Type", "application/json", "User-Agent", "social-roi-suite"),
                            mapper.writeValueAsBytes(body), timeout);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                return outcome(answer);
            }

            @Override
            public void close() {
            }
        };
    }

    private Delivery outcome(OutboundHttp.Exchange answer) {
        if (!answer.answered()) {
            return Delivery.pause("WhatsApp: " + answer.failure(), null);
        }
        int status = answer.status();
        JsonNode json = Texts.json(mapper, answer.body());
        if (status / 100 == 2) {
            String id = json.path("messages").path(0).path("id").asText("");
            return id.isEmpty() ? Delivery.refused("WhatsApp answered without the message's id") : Delivery.sent(id);
        }
        JsonNode error = json.path("error");
        int code = error.path("code").asInt(0);
        String details = error.path("error_data").path("details").asText("");
        String said = "HTTP " + status + (code == 0 ? "" : ", code " + code)
                + (error.path("message").asText("").isEmpty() ? "" : ": " + Texts.shorten(error.path("message").asText()))
                + (details.isEmpty() ? "" : " (" + Texts.shorten(details) + ")");
        if (code == 190 || status == 401) {
            return Delivery.reconnect("WhatsApp refused the access token (" + said + ")");
        }
        if (PAUSE.contains(code) || status == 429) {
            return Delivery.pause("WhatsApp rate limit (" + said + ")", SmsPublisher.retryAfter(answer.retryAfter()));
        }
        if (code == 132001 || code == 132000 || code == 132012) {
            return Delivery.abort("WhatsApp refused the template (" + said + ")");
        }
        if (code == 131056) {
            return Delivery.again("WhatsApp: too many messages to this recipient (" + said + ")");
        }
        if (code == 131050) {
            return Delivery.optedOut("the recipient stopped marketing messages (WhatsApp " + said + ")");
        }
        if (status / 100 == 4) {
            return Delivery.refused("WhatsApp refused the message (" + said + ")");
        }
        return Delivery.pause("WhatsApp answered " + said, null);
    }
}
