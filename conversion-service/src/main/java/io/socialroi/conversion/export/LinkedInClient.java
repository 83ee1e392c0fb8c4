package io.socialroi.conversion.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialroi.common.net.OutboundHttp;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * LinkedIn Conversions API (versioned Marketing API): {@code POST {base}/rest/conversionEvents} with
 * {@code Authorization: Bearer}, {@code LinkedIn-Version: <yyyymm>}, {@code X-Restli-Protocol-Version: 2.0.0} and
 * {@code X-RestLi-Method: BATCH_CREATE}, body {@code {"elements": [conversion events]}}; at most 5,000 events a batch.
 * The answer carries one status per element ({@code {"elements": [{"status": 201}, {"status": 400, "error": ...}]}}),
 * so each event gets its own outcome. 401 and 403 need a new token (rw_conversions on the ad account).
 */
@ApplicationScoped
class LinkedInClient extends PlatformClient {

    private final String baseUrl;
    private final String version;

    LinkedInClient(@ConfigProperty(name = "suite.exports.linkedin.base-url") String baseUrl,
            @ConfigProperty(name = "suite.exports.linkedin.version") String version) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.version = version;
    }

    @Override
    ExportPlatform platform() {
        return ExportPlatform.LINKEDIN;
    }

    @Override
    String api() {
        return "LinkedIn Conversions API, LinkedIn-Version " + version;
    }

    @Override
    String unsendable(ExportEvent e) {
        if (e.emailSha256() == null) {
            return "no e-mail to match the member by (we hold no li_fat_id; LinkedIn needs SHA256_EMAIL or a "
                    + "first-party ads tracking id)";
        }
        return null;
    }

    @Override
    Outcome.Request request(Destination d, String token, List<ExportEvent> events) {
        ObjectNode body = object();
        ArrayNode elements = body.putArray("elements");
        for (ExportEvent e : events) {
            ObjectNode element = elements.addObject();
            element.put("conversion", d.setting("conversionRuleUrn"));
            element.put("conversionHappenedAt", e.occurredAt().toEpochMilli());
            if (hasValue(e)) {
                ObjectNode value = element.putObject("conversionValue");
                value.put("currencyCode", e.currency());
                value.put("amount", amount(e).toPlainString());
            }
            ObjectNode id = element.putObject("user").putArray("userIds").addObject();
            id.put("idType", "SHA256_EMAIL");
            id.put("idValue", e.emailSha256());
            element.put("eventId", e.eventId());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("LinkedIn-Version", version);
        headers.put("X-Restli-Protocol-Version", "2.0.0");
        headers.put("X-RestLi-Method", "BATCH_CREATE");
        headers.put("Content-Type", "application/json");
        return new Outcome.Request(baseUrl + "/rest/conversionEvents", headers, write(body));
    }

    @Override
    Outcome answer(OutboundHttp.Exchange x, int size) {
        JsonNode answer = parse(x.body());
        String message = clip(text(answer, "message"));
        if (x.status() == 401 || x.status() == 403) {
            return new Outcome.Reconnect("LinkedIn refused the token: HTTP " + x.status()
                    + (message == null ? "" : ": " + message));
        }
        if (isTransient(x.status())) {
            return transientStatus(x, message);
        }
        if (x.status() / 100 == 2) {
            Map<Integer, Outcome.EventError> errors = new LinkedHashMap<>();
            JsonNode elements = answer.path("elements");
            for (int i = 0; i < size && i < elements.size(); i++) {
                int status = elements.get(i).path("status").asInt(0);
                if (status / 100 != 2) {
                    JsonNode error = elements.get(i).path("error");
                    String reason = clip("LinkedIn refused it: HTTP " + status
                            + (text(error, "message") == null ? "" : ": " + text(error, "message")));
                    errors.put(i, new Outcome.EventError(isTransient(status), reason));
                }
            }
            return new Outcome.Accepted(errors, null);
        }
        return new Outcome.Invalid("LinkedIn refused it: HTTP " + x.status() + (message == null ? "" : ": " + message),
                Map.of(), null);
    }
}
