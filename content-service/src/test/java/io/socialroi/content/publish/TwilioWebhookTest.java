package io.socialroi.content.publish;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.await;
import static io.socialroi.content.Fixtures.writer;
import static io.socialroi.content.publish.EmailPublishingTest.recipients;
import static io.socialroi.content.publish.NativePublishingTest.configure;
import static io.socialroi.content.publish.NativePublishingTest.scheduledNow;
import static io.socialroi.content.publish.NativePublishingTest.status;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.socialroi.content.ContentFakes;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.FakeServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Twilio's webhooks of an SMS_API publisher, called the way Twilio calls them: form-encoded, signed with
 * X-Twilio-Signature as Twilio documents it (https://www.twilio.com/docs/usage/webhooks/webhooks-security), computed
 * here independently of the service, over the public URL Twilio is given (https://suite.agency.example, ContentFakes),
 * not the test's 127.0.0.1.
 */
@QuarkusTest
class TwilioWebhookTest {

    static final String PUBLIC = "https://suite.agency.example";

    @ContentFakes.Messaging
    FakeServer fake;

    @ContentFakes.Engagement
    FakeServer engagement;

    /** What the fake engagement-service stored, by workspace: event id -> event. */
    static final Map<String, Map<String, JsonNode>> STORED = new ConcurrentHashMap<>();
    static final AtomicInteger INGESTS = new AtomicInteger();
    static volatile boolean engagementDown;

    @BeforeEach
    void route() {
        engagement.on("POST", "/workspaces/", r -> {
            INGESTS.incrementAndGet();
            return io.socialroi.content.FakeIngestion.answer(r, STORED, engagementDown);
        });
    }

    /** Twilio's algorithm: base64(HMAC-SHA1(token, url + each name and value, sorted by name)). */
    static String sign(String token, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String encoded(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** POSTs the form to the publisher's hook with the given signature (null: none). */
    static ValidatableResponse call(String publisherId, String hook, Map<String, String> params, String signature) {
        var request = given().contentType("application/x-www-form-urlencoded").body(encoded(params));
        if (signature != null) {
            request = request.header("X-Twilio-Signature", signature);
        }
        return request.post("/hooks/twilio/" + publisherId + "/" + hook).then();
    }

    /** POSTs the form signed as Twilio signs it for the public URL. */
    static ValidatableResponse signed(String token, String publisherId, String hook, Map<String, String> params) {
        return call(publisherId, hook, params, sign(token, PUBLIC + "/hooks/twilio/" + publisherId + "/" + hook, params));
    }

    static Map<String, String> callback(String accountSid, String messageSid, String status, String errorCode) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("SmsSid", messageSid);
        p.put("SmsStatus", status);
        p.put("MessageStatus", status);
        p.put("To", "+14155550101");
        p.put("MessageSid", messageSid);
        p.put("AccountSid", accountSid);
        p.put("From", "+15017122661");
        p.put("ApiVersion", "2010-04-01");
        if (errorCode != null) {
            p.put("ErrorCode", errorCode);
        }
        return p;
    }

    static Map<String, String> incoming(String accountSid, String messageSid, String from, String body) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ToCountry", "US");
        p.put("SmsMessageSid", messageSid);
        p.put("NumMedia", "0");
        p.put("SmsSid", messageSid);
        p.put("SmsStatus", "received");
        p.put("Body", body);
        p.put("To", "+15017122661");
        p.put("NumSegments", "1");
        p.put("MessageSid", messageSid);
        p.put("AccountSid", accountSid);
        p.put("From", from);
        p.put("ApiVersion", "2010-04-01");
        return p;
    }

    /** The publisher's id in the URLs its view shows for Twilio, both on the public origin. */
    static String hookId(JsonPath shown) {
        String status = shown.getString("statusCallbackUrl");
        assertTrue(status.matches(Pattern.quote(PUBLIC) + "/hooks/twilio/[0-9a-f-]{36}/status"), status);
        String id = status.split("/")[5];
        assertEquals(PUBLIC + "/hooks/twilio/" + id + "/messages", shown.getString("incomingMessagesUrl"));
        return id;
    }

    static String publicId(UUID ws) throws Exception {
        try (Connection c = Fixtures.db(); PreparedStatement s = c.prepareStatement("select public_id from publisher "
                + "where workspace_id = ? and platform = 'SMS'")) {
            s.setObject(1, ws);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    static String messageSid() {
        return "SM" + SmsPublishingTest.hex32();
    }

    /** The Message SID Twilio gave each recipient's message of the post. */
    static Map<String, String> sids(String postId) throws Exception {
        Map<String, String> sids = new HashMap<>();
        try (Connection c = Fixtures.db(); PreparedStatement s = c.prepareStatement("select address, remote_id from "
                + "post_recipient_delivery where post_id = ?")) {
            s.setObject(1, UUID.fromString(postId));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sids.put(r.getString(1), r.getString(2));
                }
            }
        }
        return sids;
    }

    static Map<String, Long> metrics(UUID ws, String postId) {
        JsonPath m = given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + postId + "/platform-metrics")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Long> out = new LinkedHashMap<>();
        List<Map<String, Object>> list = m.getList("metrics");
        for (Map<String, Object> e : list) {
            out.put((String) e.get("metric"), ((Number) e.get("value")).longValue());
        }
        return out;
    }

    static boolean subscribed(UUID ws, String address) {
        JsonPath page = given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers/SMS/recipients").then()
                .statusCode(200).extract().jsonPath();
        return page.getBoolean("items.find { it.address == '" + address + "' }.subscribed");
    }

    @Test
    void theTestsSignatureIsTwiliosDocumentedExample() {
        // Twilio's documented example: Auth Token 12345, this URL and these parameters sign as 0/KCTR6DLpKmkAf8muzZqo1nDgQ=.
        Map<String, String> params = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030", "Digits", "1234",
                "From", "+12349013030", "To", "+18005551212");
        assertEquals("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2",
                params));
    }

    @Test
    void statusCallbacksAreTakenOnlySignedNeverMoveBackAndAreThePostsDeliveryCounts() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String sid = "AC" + SmsPublishingTest.hex32();
        String token = SmsPublishingTest.hex32();
        FakeMessaging.twilio(fake, sid, token);
        String id = hookId(configure(ws, "SMS", SmsPublishingTest.publisher(sid, token, "+15017122661")));
        recipients(ws, "SMS", "+14155550101", "+14155550102", "+14155550103");
        String post = scheduledNow(ws, SmsPublishingTest.POST);
        await("publication", () -> "PUBLISHED".equals(status(ws, post)));
        Map<String, String> sids = sids(post);
        String first = sids.get("+14155550101");
        String second = sids.get("+14155550102");
        String third = sids.get("+14155550103");
        assertEquals(Map.of(), metrics(ws, post), "no callback yet");

        // Unsigned, signed with another token, or signed over the host the request reached: 403, nothing stored.
        Map<String, String> delivered = callback(sid, first, "delivered", null);
        call(id, "status", delivered, null).statusCode(403).contentType("application/problem+json");
        call(id, "status", delivered, sign(SmsPublishingTest.hex32(), PUBLIC + "/hooks/twilio/" + id + "/status",
                delivered)).statusCode(403);
        call(id, "status", delivered, sign(token, "http://localhost:8081/hooks/twilio/" + id + "/status", delivered))
                .statusCode(403);
        Map<String, String> altered = new LinkedHashMap<>(delivered);
        altered.put("MessageStatus", "failed");
        call(id, "status", altered, sign(token, PUBLIC + "/hooks/twilio/" + id + "/status", delivered)).statusCode(403);
        assertEquals(0, Fixtures.count("select count(*) from sms_message_status where message_sid = ?", first));

        // In order, then out of order and redelivered: delivered stays delivered.
        signed(token, id, "status", callback(sid, first, "sent", null)).statusCode(200).body("status", equalTo("sent"))
                .body("changed", equalTo(true));
        signed(token, id, "status", delivered).statusCode(200).body("status", equalTo("delivered"))
                .body("changed", equalTo(true));
        signed(token, id, "status", callback(sid, first, "sent", null)).statusCode(200)
                .body("status", equalTo("delivered")).body("changed", equalTo(false));
        signed(token, id, "status", delivered).statusCode(200).body("changed", equalTo(false));
        // The final status arriving before the earlier ones: they change nothing.
        signed(token, id, "status", callback(sid, second, "undelivered", "30003")).statusCode(200)
                .body("status", equalTo("undelivered")).body("errorCode", equalTo(30003));
        signed(token, id, "status", callback(sid, second, "queued", null)).statusCode(200)
                .body("status", equalTo("undelivered")).body("changed", equalTo(false));
        signed(token, id, "status", callback(sid, second, "sent", null)).statusCode(200)
                .body("status", equalTo("undelivered")).body("errorCode", equalTo(30003));
        signed(token, id, "status", callback(sid, third, "failed", "30008")).statusCode(200);
        // A status this version does not know is taken and not stored.
        signed(token, id, "status", callback(sid, messageSid(), "teleported", null)).statusCode(200)
                .body("status", nullValue());

        assertEquals(Map.of("delivered", 1L, "failed", 1L, "undelivered", 1L), metrics(ws, post));
        assertEquals(30003L, Fixtures.count("select error_code from sms_message_status where message_sid = ?", second));
        assertEquals(List.of("delivered", "failed", "undelivered"), new ArrayList<>(metrics(ws, post).keySet()));
        // read is a delivered message read (RCS, WhatsApp): still counted as delivered.
        signed(token, id, "status", callback(sid, first, "read", null)).statusCode(200).body("status", equalTo("read"));
        assertEquals(Map.of("delivered", 1L, "failed", 1L, "undelivered", 1L), metrics(ws, post));

        // An id no SMS_API publisher has: 404; a workspace whose SMS publisher is a WEBHOOK: 404 too.
        // Signed but without a status, or not form-encoded at all: 400, nothing stored.
        Map<String, String> noStatus = new LinkedHashMap<>(delivered);
        noStatus.remove("MessageStatus");
        signed(token, id, "status", noStatus).statusCode(400).contentType("application/problem+json");
        given().contentType("application/x-www-form-urlencoded").header("X-Twilio-Signature", "x").body("MessageSid=%zz")
                .post("/hooks/twilio/" + id + "/status").then().statusCode(400).contentType("application/problem+json");

        signed(token, UUID.randomUUID().toString(), "status", delivered).statusCode(404)
                .contentType("application/problem+json");
        call("not-an-id", "status", delivered, "x").statusCode(404);
        UUID other = Fixtures.workspace("UTC", "EUR");
        JsonPath asWebhook = configure(other, "SMS", "{\"type\":\"WEBHOOK\",\"url\":\"https://hooks.example/sms\","
                + "\"secret\":\"0123456789abcdef\"}");
        assertNull(asWebhook.getString("incomingMessagesUrl"));
        String webhook = publicId(other);
        signed(token, webhook, "status", delivered).statusCode(404);
    }

    @Test
    void stopUnsubscribesTheSenderUntilStartAndTheNextPostSkipsThem() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String sid = "AC" + SmsPublishingTest.hex32();
        String token = SmsPublishingTest.hex32();
        FakeMessaging.twilio(fake, sid, token);
        String id = hookId(configure(ws, "SMS", SmsPublishingTest.publisher(sid, token, "+15017122661")));
        recipients(ws, "SMS", "+14155550201", "+14155550202");
        int ingests = INGESTS.get();

        // A STOP Twilio did not sign changes nothing.
        Map<String, String> forged = incoming(sid, messageSid(), "+14155550202", "STOP");
        call(id, "messages", forged, sign("not-the-token", PUBLIC + "/hooks/twilio/" + id + "/messages", forged))
                .statusCode(403).contentType("application/problem+json");
        call(id, "messages", forged, null).statusCode(403);
        assertTrue(subscribed(ws, "+14155550202"));

        signed(token, id, "messages", incoming(sid, messageSid(), "+14155550201", "  stop \n")).statusCode(200)
                .contentType("text/xml").body(equalTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"));
        assertEquals(false, subscribed(ws, "+14155550201"));
        // Each of Twilio's opt-out keywords, any case.
        for (String keyword : List.of("StopAll", "unsubscribe", "CANCEL", "End", "quit")) {
            recipients(ws, "SMS", "+14155550201", "+14155550202", "+14155550203");
            signed(token, id, "messages", incoming(sid, messageSid(), "+14155550203", keyword)).statusCode(200);
            assertEquals(false, subscribed(ws, "+14155550203"), keyword);
            signed(token, id, "messages", incoming(sid, messageSid(), "+14155550203", "unstop")).statusCode(200);
            assertEquals(true, subscribed(ws, "+14155550203"), keyword);
        }
        recipients(ws, "SMS", "+14155550201", "+14155550202");
        // START from a number that is not on the list adds nobody; STOP from one keeps it out of any later list.
        signed(token, id, "messages", incoming(sid, messageSid(), "+14155550299", "START")).statusCode(200);
        signed(token, id, "messages", incoming(sid, messageSid(), "+14155550298", "STOP")).statusCode(200);
        recipients(ws, "SMS", "+14155550201", "+14155550202", "+14155550298");
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers/SMS/recipients").then()
                .body("total", equalTo(3)).body("subscribed", equalTo(1));
        assertEquals(false, subscribed(ws, "+14155550298"));
        assertEquals(ingests, INGESTS.get(), "opt-outs and opt-ins are not messages");

        String post = scheduledNow(ws, SmsPublishingTest.POST);
        await("publication", () -> "PUBLISHED".equals(status(ws, post)));
        assertEquals(List.of("+14155550202"), to(sid));

        signed(token, id, "messages", incoming(sid, messageSid(), "+14155550201", "Yes")).statusCode(200)
                .contentType("text/xml");
        assertTrue(subscribed(ws, "+14155550201"));
        String next = scheduledNow(ws, SmsPublishingTest.POST);
        await("publication", () -> "PUBLISHED".equals(status(ws, next)));
        assertEquals(List.of("+14155550202", "+14155550201", "+14155550202"), to(sid));
    }

    @Test
    void aReplyIsOneDirectMessageOfTheAccountEvenWhenTwilioDeliversItTwice() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String sid = "AC" + SmsPublishingTest.hex32();
        String token = SmsPublishingTest.hex32();
        String id = hookId(configure(ws, "SMS", SmsPublishingTest.publisher(sid, token, "+15017122661")));
        String message = messageSid();
        Map<String, String> reply = incoming(sid, message, "+393471234567", "Are peonies still available? Stop by 5?");
        signed(token, id, "messages", reply).statusCode(200).contentType("text/xml")
                .body(equalTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"));
        signed(token, id, "messages", reply).statusCode(200);
        Map<String, JsonNode> events = STORED.get(ws.toString());
        assertEquals(List.of("sms:message:" + message), List.copyOf(events.keySet()));
        JsonNode dm = events.get("sms:message:" + message);
        assertEquals("DM", dm.path("type").asText());
        assertEquals("SMS", dm.path("platform").asText());
        assertEquals("sms:+393471234567", dm.path("actorId").asText());
        assertEquals("Are peonies still available? Stop by 5?", dm.path("attributes").path("text").asText());
        assertTrue(dm.path("postId").isMissingNode(), dm.toString());

        // While engagement-service does not take it: 503, and Twilio's retry stores it once.
        String later = messageSid();
        Map<String, String> again = incoming(sid, later, "+393471234567", "Thanks!");
        engagementDown = true;
        try {
            signed(token, id, "messages", again).statusCode(503).contentType("application/problem+json");
        } finally {
            engagementDown = false;
        }
        signed(token, id, "messages", again).statusCode(200);
        assertEquals(2, STORED.get(ws.toString()).size());
    }

    List<String> to(String accountSid) {
        return fake.requests().stream().filter(r -> r.path().equals("/twilio/2010-04-01/Accounts/" + accountSid
                + "/Messages.json")).map(r -> FakeMessaging.form(r.body()).get("To").get(0)).toList();
    }
}
