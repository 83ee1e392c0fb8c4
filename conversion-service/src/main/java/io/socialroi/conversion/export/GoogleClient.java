package io.socialroi.conversion.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialroi.common.net.OutboundHttp;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Google Data Manager API v1, offline conversion import: {@code POST {base}/v1/events:ingest} with an OAuth 2 bearer
 * token, body {@code {"destinations": [{"operatingAccount": {"accountType": "GOOGLE_ADS", "accountId"},
 * "loginAccount"?, "productDestinationId": <conversion action id>}], "encoding": "HEX", "events": [...]}}; at most
 * 2,000 events a request. The answer is {@code {"requestId"}}; an error is a google.rpc.Status
 * {@code {"error": {"code", "message", "status", "details": [...]}}} whose {@code BadRequest} detail names the
 * offending fields ({@code events[3].user_data...}): those events are REJECTED and the rest sent again, since a
 * refused request ingests nothing. UNAUTHENTICATED (401) and PERMISSION_DENIED (403) need a new token.
 */
@ApplicationScoped
class GoogleClient extends PlatformClient {

    private static final Pattern EVENT_FIELD = Pattern.compile("^(?:request\\.)?events\\[(\\d+)]");

    private final String baseUrl;

    GoogleClient(@ConfigProperty(name = "suite.exports.google.base-url") String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Override
    ExportPlatform platform() {
        return ExportPlatform.GOOGLE;
    }

    @Override
    String api() {
        return "Google Data Manager API v1 (events:ingest)";
    }

    @Override
    String unsendable(ExportEvent e) {
        if (e.emailSha256() == null && e.phoneSha256() == null) {
            return "no e-mail or phone to match the person by (we hold no gclid; Google needs a user identifier or a "
                    + "click id)";
        }
        return null;
    }

    @Override
    Outcome.Request request(Destination d, String token, List<ExportEvent> events) {
        ObjectNode body = object();
        ObjectNode destination = body.putArray("destinations").addObject();
        ObjectNode operating = destination.putObject("operatingAccount");
        operating.put("accountType", "GOOGLE_ADS");
        operating.put("accountId", d.setting("operatingAccountId"));
        if (d.setting("loginAccountId") != null) {
            ObjectNode login = destination.putObject("loginAccount");
            login.put("accountType", "GOOGLE_ADS");
            login.put("accountId", d.setting("loginAccountId"));
        }
        destination.put("productDestinationId", d.setting("conversionActionId"));
        body.put("encoding", "HEX");
        ArrayNode list = body.putArray("events");
        for (ExportEvent e : events) {
            ObjectNode event = list.addObject();
            event.put("transactionId", e.eventId());
            event.put("eventTimestamp", DateTimeFormatter.ISO_INSTANT.format(e.occurredAt()));
            if (hasValue(e)) {
                event.put("conversionValue", amount(e));
                event.put("currency", e.currency());
            }
            ArrayNode ids = event.putObject("userData").putArray("userIdentifiers");
            if (e.emailSha256() != null) {
                ids.addObject().put("emailAddress", e.emailGoogleSha256());
            }
            if (e.phoneSha256() != null) {
                ids.addObject().put("phoneNumber", e.phoneSha256());
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Content-Type", "application/json");
        return new Outcome.Request(baseUrl + "/v1/events:ingest", headers, write(body));
    }

    @Override
    Outcome answer(OutboundHttp.Exchange x, int size) {
        JsonNode answer = parse(x.body());
        if (x.status() / 100 == 2) {
            String id = text(answer, "requestId");
            return new Outcome.Accepted(Map.of(), id == null ? null : "requestId=" + id);
        }
        JsonNode error = answer.path("error");
        String status = text(error, "status");
        String message = clip(text(error, "message"));
        if (x.status() == 401 || x.status() == 403 || "UNAUTHENTICATED".equals(status)
                || "PERMISSION_DENIED".equals(status)) {
            return new Outcome.Reconnect("Google refused the token: " + (status == null ? "HTTP " + x.status()
                    : status) + (message == null ? "" : ": " + message));
        }
        if (isTransient(x.status()) || "RESOURCE_EXHAUSTED".equals(status) || "UNAVAILABLE".equals(status)) {
            return transientStatus(x, message);
        }
        Map<Integer, String> bad = new LinkedHashMap<>();
        for (JsonNode detail : error.path("details")) {
            for (JsonNode violation : detail.path("fieldViolations")) {
                Matcher m = EVENT_FIELD.matcher(violation.path("field").asText(""));
                if (m.find()) {
                    int index = Integer.parseInt(m.group(1));
                    if (index < size) {
                        bad.merge(index, clip("Google refused it: " + violation.path("field").asText() + ": "
                                + violation.path("description").asText()), (a, b) -> a);
                    }
                }
            }
        }
        return new Outcome.Invalid("Google refused it: " + (status == null ? "HTTP " + x.status() : status)
                + (message == null ? "" : ": " + message), bad, null);
    }
}
