package io.socialroi.content.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialroi.testing.FakeServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Fakes of the messaging APIs, routed on the {@code @ContentFakes.Messaging} server.
 *
 * <p>Twilio Programmable Messaging (2010-04-01): {@code POST /twilio/2010-04-01/Accounts/<AccountSid>/Messages.json},
 * form-encoded {@code To}, {@code From} or {@code MessagingServiceSid}, {@code Body}, {@code MediaUrl}; HTTP Basic
 * {@code AccountSid:AuthToken} or 401 {@code {"code":20003,"message":"Authenticate",...}}; {@code To} not E.164: 400
 * code 21211; no Body nor MediaUrl: 400 code 21602; otherwise 201 with the Message resource ({@code sid} SM + 32 hex,
 * {@code status} queued), unless the test scripted replies for that {@code To} (Twilio's error shape:
 * {@code {"code","message","more_info","status"}}).
 *
 * <p>WhatsApp Cloud API (Graph v21.0): {@code POST /graph/v21.0/<phone-number-id>/messages}, JSON; {@code Authorization:
 * Bearer} of the number's token or 401 with Graph's {@code {"error":{"code":190,"type":"OAuthException",...}}};
 * {@code messaging_product} other than whatsapp: 400 code 100; a template not among the approved (name, language):
 * 404 code 132001; otherwise 200 {@code {"messaging_product":"whatsapp","contacts":[{"input","wa_id"}],
 * "messages":[{"id":"wamid...."}]}}, unless scripted for that {@code to}.
 */
final class FakeMessaging {

    /** Replies scripted per recipient, used once each in order; then the fake's own behaviour. */
    final Map<String, Deque<FakeServer.Reply>> scripted = new ConcurrentHashMap<>();

    private FakeMessaging() {
    }

    void script(String to, FakeServer.Reply... replies) {
        scripted.computeIfAbsent(to, k -> new ConcurrentLinkedDeque<>()).addAll(List.of(replies));
    }

    private FakeServer.Reply scriptedFor(String to) {
        Deque<FakeServer.Reply> d = scripted.get(to);
        return d == null ? null : d.poll();
    }

    static FakeMessaging twilio(FakeServer fake, String accountSid, String authToken) {
        FakeMessaging m = new FakeMessaging();
        String basic = "Basic " + Base64.getEncoder().encodeToString((accountSid + ":" + authToken)
                .getBytes(StandardCharsets.UTF_8));
        fake.on("POST", "/twilio/2010-04-01/Accounts/" + accountSid + "/Messages.json", r -> {
            if (!basic.equals(r.header("Authorization"))) {
                return twilioError(401, 20003, "Authenticate");
            }
            Map<String, List<String>> form = form(r.body());
            String to = first(form, "To");
            FakeServer.Reply s = m.scriptedFor(to);
            if (s != null) {
                return s;
            }
            if (to == null || !to.matches("\\+[1-9]\\d{7,14}")) {
                return twilioError(400, 21211, "Invalid 'To' Phone Number: " + to);
            }
            if (first(form, "Body") == null && !form.containsKey("MediaUrl")) {
                return twilioError(400, 21602, "Message body is required.");
            }
            String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
            return FakeServer.Reply.json(201, "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + accountSid + "\",\"to\":\""
                    + to + "\",\"from\":" + quoted(first(form, "From")) + ",\"messaging_service_sid\":"
                    + quoted(first(form, "MessagingServiceSid")) + ",\"status\":\"queued\",\"num_segments\":\"1\","
                    + "\"api_version\":\"2010-04-01\",\"error_code\":null,\"error_message\":null,\"uri\":"
                    + "\"/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + ".json\"}");
        });
        return m;
    }

    static FakeServer.Reply twilioError(int status, int code, String message) {
        return FakeServer.Reply.json(status, "{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":"
                + "\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}");
    }

    static FakeMessaging whatsApp(FakeServer fake, String phoneNumberId, String token, Set<String> approved) {
        FakeMessaging m = new FakeMessaging();
        fake.on("POST", "/graph/v21.0/" + phoneNumberId + "/messages", r -> {
            if (!("Bearer " + token).equals(r.header("Authorization"))) {
                return graphError(401, 190, "Error validating access token: Session has expired", null);
            }
            JsonNode body;
            try {
                body = FakePlatforms.JSON.readTree(r.body());
            } catch (java.io.IOException e) {
                return graphError(400, 100, "(#100) Invalid parameter", null);
            }
            String to = body.path("to").asText();
            FakeServer.Reply s = m.scriptedFor(to);
            if (s != null) {
                return s;
            }
            if (!"whatsapp".equals(body.path("messaging_product").asText())) {
                return graphError(400, 100, "(#100) The parameter messaging_product is required.", null);
            }
            String template = body.path("template").path("name").asText() + "/"
                    + body.path("template").path("language").path("code").asText();
            if (!"template".equals(body.path("type").asText()) || !approved.contains(template)) {
                return graphError(404, 132001, "(#132001) Template name does not exist in the translation",
                        "template name (" + body.path("template").path("name").asText() + ") does not exist in "
                                + body.path("template").path("language").path("code").asText());
            }
            return FakeServer.Reply.json(200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to
                    + "\",\"wa_id\":\"" + to + "\"}],\"messages\":[{\"id\":\"wamid.HBgL" + UUID.randomUUID()
                    .toString().replace("-", "") + "\"}]}");
        });
        return m;
    }

    static FakeServer.Reply graphError(int status, int code, String message, String details) {
        return FakeServer.Reply.json(status, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\","
                + "\"code\":" + code + (details == null ? "" : ",\"error_data\":{\"messaging_product\":\"whatsapp\","
                + "\"details\":\"" + details + "\"}") + ",\"fbtrace_id\":\"AbCdEf123\"}}");
    }

    static Map<String, List<String>> form(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>())
                        .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> v = form.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
