package io.socialroi.conversion.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialroi.common.net.OutboundHttp;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * TikTok Events API 2.0: {@code POST {base}/open_api/v1.3/event/track/} with the {@code Access-Token} header, body
 * {@code {"event_source": "web", "event_source_id": <pixel code>, "test_event_code"?, "data": [events]}}; at most
 * 1,000 events a request. TikTok answers HTTP 200 with {@code {"code", "message", "request_id", "data"}}: code 0 is
 * success; 40001, 40102, 40104 and 40105 are permission or token errors (a new token is needed), 40100 the rate
 * limit, 5xxxx TikTok's own failures (sent again later); any other code refuses the request as invalid.
 */
@ApplicationScoped
class TikTokClient extends PlatformClient {

    static final Map<String, String> EVENT_NAMES = Map.of("PURCHASE", "CompletePayment", "LEAD", "SubmitForm",
            "SIGNUP", "CompleteRegistration", "CALL", "Contact", "BOOKING", "SubmitForm", "DM_INQUIRY", "Contact");
    private static final Set<Integer> TOKEN = Set.of(40001, 40102, 40104, 40105);

    private final String baseUrl;

    TikTokClient(@ConfigProperty(name = "suite.exports.tiktok.base-url") String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Override
    ExportPlatform platform() {
        return ExportPlatform.TIKTOK;
    }

    @Override
    String api() {
        return "TikTok Events API 2.0 (open_api v1.3 event/track)";
    }

    @Override
    String unsendable(ExportEvent e) {
        if (e.emailSha256() == null && e.phoneSha256() == null && e.customerId() == null) {
            return "no e-mail, phone or customer id to match the person by (we hold no ttclid)";
        }
        return null;
    }

    @Override
    Outcome.Request request(Destination d, String token, List<ExportEvent> events) {
        ObjectNode body = object();
        body.put("event_source", "web");
        body.put("event_source_id", d.setting("pixelCode"));
        if (d.setting("testEventCode") != null) {
            body.put("test_event_code", d.setting("testEventCode"));
        }
        ArrayNode data = body.putArray("data");
        for (ExportEvent e : events) {
            ObjectNode event = data.addObject();
            event.put("event", EVENT_NAMES.get(e.type()));
            event.put("event_time", e.occurredAt().getEpochSecond());
            event.put("event_id", e.eventId());
            ObjectNode user = event.putObject("user");
            if (e.emailSha256() != null) {
                user.put("email", e.emailSha256());
            }
            if (e.phoneSha256() != null) {
                user.put("phone", e.phoneSha256());
            }
            if (e.customerId() != null) {
                user.put("external_id", externalId(e));
            }
            if (hasValue(e)) {
                ObjectNode properties = event.putObject("properties");
                properties.put("value", amount(e));
                properties.put("currency", e.currency());
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Token", token);
        headers.put("Content-Type", "application/json");
        return new Outcome.Request(baseUrl + "/open_api/v1.3/event/track/", headers, write(body));
    }

    @Override
    Outcome answer(OutboundHttp.Exchange x, int size) {
        JsonNode answer = parse(x.body());
        int code = answer.path("code").asInt(-1);
        String message = clip(text(answer, "message"));
        String request = text(answer, "request_id");
        String response = request == null ? null : "request_id=" + request;
        if (x.status() == 401 || TOKEN.contains(code)) {
            return new Outcome.Reconnect("TikTok refused the token: " + code + " " + message);
        }
        if (isTransient(x.status()) || code == 40100 || code >= 50000 && code < 60000) {
            return transientStatus(x, code < 0 ? null : code + " " + message);
        }
        if (x.status() / 100 == 2 && code == 0) {
            return new Outcome.Accepted(Map.of(), response);
        }
        return new Outcome.Invalid("TikTok refused it: " + (code < 0 ? "HTTP " + x.status() : code + " " + message),
                Map.of(), response);
    }
}
