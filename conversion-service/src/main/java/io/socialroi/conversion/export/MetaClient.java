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
 * Meta Conversions API: {@code POST {base}/{graph-version}/{datasetId}/events} with the token as
 * {@code Authorization: Bearer}, body {@code {"data": [server events], "test_event_code"?}}. A request holds at most
 * 1,000 events, and one invalid event fails the whole request (nothing is processed), so an invalid batch is sent
 * again in halves to find the culprit. Errors are Graph API errors {@code {"error": {"message", "type", "code",
 * "error_subcode", "is_transient", "error_user_msg", "fbtrace_id"}}}: code 190 (invalid or expired token) and 102
 * (session) need a new token, 10 and 200-299 a missing permission; 4, 17, 32, 613 and 80004 are rate limits, 1 and
 * 2 and {@code is_transient} passing failures.
 */
@ApplicationScoped
class MetaClient extends PlatformClient {

    static final Map<String, String> EVENT_NAMES = Map.of("PURCHASE", "Purchase", "LEAD", "Lead", "SIGNUP",
            "CompleteRegistration", "CALL", "Contact", "BOOKING", "Schedule", "DM_INQUIRY", "Contact");
    private static final Set<Integer> TOKEN = Set.of(190, 102);
    private static final Set<Integer> RATE = Set.of(4, 17, 32, 613, 80004, 1, 2);

    private final String baseUrl;
    private final String version;

    MetaClient(@ConfigProperty(name = "suite.exports.meta.base-url") String baseUrl,
            @ConfigProperty(name = "suite.exports.meta.graph-version") String version) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.version = version;
    }

    @Override
    ExportPlatform platform() {
        return ExportPlatform.META;
    }

    @Override
    String api() {
        return "Meta Conversions API, Graph API " + version;
    }

    @Override
    String unsendable(ExportEvent e) {
        if (e.emailSha256() == null && e.phoneDigitsSha256() == null && e.customerId() == null) {
            return "no e-mail, phone or customer id to match the person by (Meta needs customer information)";
        }
        if (e.type().equals("PURCHASE") && !hasValue(e)) {
            return "a purchase without a value (Meta requires value and currency on Purchase)";
        }
        return null;
    }

    @Override
    Outcome.Request request(Destination d, String token, List<ExportEvent> events) {
        ObjectNode body = object();
        ArrayNode data = body.putArray("data");
        for (ExportEvent e : events) {
            ObjectNode event = data.addObject();
            event.put("event_name", EVENT_NAMES.get(e.type()));
            event.put("event_time", e.occurredAt().getEpochSecond());
            event.put("event_id", e.eventId());
            event.put("action_source", "system_generated");
            ObjectNode user = event.putObject("user_data");
            if (e.emailSha256() != null) {
                user.putArray("em").add(e.emailSha256());
            }
            if (e.phoneDigitsSha256() != null) {
                user.putArray("ph").add(e.phoneDigitsSha256());
            }
            if (e.customerId() != null) {
                user.putArray("external_id").add(externalId(e));
            }
            if (hasValue(e)) {
                ObjectNode custom = event.putObject("custom_data");
                custom.put("value", amount(e));
                custom.put("currency", e.currency());
            }
        }
        if (d.setting("testEventCode") != null) {
            body.put("test_event_code", d.setting("testEventCode"));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Content-Type", "application/json");
        return new Outcome.Request(baseUrl + "/" + version + "/" + d.setting("datasetId") + "/events", headers,
                write(body));
    }

    @Override
    Outcome answer(OutboundHttp.Exchange x, int size) {
        JsonNode answer = parse(x.body());
        JsonNode error = answer.path("error");
        if (x.status() / 100 == 2 && error.isMissingNode()) {
            String trace = text(answer, "fbtrace_id");
            return new Outcome.Accepted(Map.of(), "events_received=" + answer.path("events_received").asInt()
                    + (trace == null ? "" : " fbtrace_id=" + trace));
        }
        int code = error.path("code").asInt(-1);
        String message = clip(text(error, "message") + (text(error, "error_user_msg") == null ? ""
                : " (" + text(error, "error_user_msg") + ")"));
        String trace = text(error, "fbtrace_id");
        String response = trace == null ? null : "fbtrace_id=" + trace;
        if (x.status() == 401 || TOKEN.contains(code) || code == 10 || code >= 200 && code <= 299) {
            return new Outcome.Reconnect("Meta refused the token: " + message);
        }
        if (isTransient(x.status()) || RATE.contains(code) || error.path("is_transient").asBoolean(false)) {
            return transientStatus(x, error.isMissingNode() ? null : message);
        }
        return new Outcome.Invalid("Meta refused it: " + message, Map.of(), response);
    }
}
