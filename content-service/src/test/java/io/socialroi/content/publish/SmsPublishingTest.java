package io.socialroi.content.publish;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.await;
import static io.socialroi.content.Fixtures.writer;
import static io.socialroi.content.publish.EmailPublishingTest.recipients;
import static io.socialroi.content.publish.NativePublishingTest.configure;
import static io.socialroi.content.publish.NativePublishingTest.post;
import static io.socialroi.content.publish.NativePublishingTest.scheduledNow;
import static io.socialroi.content.publish.NativePublishingTest.status;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialroi.content.ContentFakes;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.FakeServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SMS_API against a fake of Twilio's Messages resource (2010-04-01): what is sent, and each documented error. */
@QuarkusTest
class SmsPublishingTest {

    @ContentFakes.Messaging
    FakeServer fake;

    static String hex32() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    List<FakeServer.Recorded> calls(String sid) {
        return fake.requests().stream().filter(r -> r.path().equals("/twilio/2010-04-01/Accounts/" + sid
                + "/Messages.json")).toList();
    }

    List<String> to(String sid) {
        return calls(sid).stream().map(r -> FakeMessaging.form(r.body()).get("To").get(0)).toList();
    }

    static String publisher(String sid, String token, String from) {
        return "{\"type\":\"SMS_API\",\"accountSid\":\"" + sid + "\",\"authToken\":\"" + token + "\",\"from\":\"" + from
                + "\"}";
    }

    static final String POST = "{\"platform\":\"SMS\",\"funnelStage\":\"ACTION\",\"caption\":\"Peonies are in!\","
            + "\"callToAction\":\"Order\",\"landingUrl\":\"https://fiori.example/peonies\"}";

    @Test
    void eachRecipientGetsOneSmsAndRefusalsOptOutsAndServerErrorsAreHandledPerRecipient() {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        String sid = "AC" + hex32();
        String token = hex32();
        FakeMessaging twilio = FakeMessaging.twilio(fake, sid, token);
        JsonPath shown = configure(ws, "SMS", publisher(sid, token, "+15017122661"));
        assertEquals("+15017122661", shown.getString("target"));
        assertEquals(sid, shown.getString("settings.accountSid"));
        assertFalse(shown.prettify().contains(token));
        recipients(ws, "SMS", "+14155550101", "+14155550102", "+14155550103", "+14155550104");
        twilio.script("+14155550102", FakeMessaging.twilioError(400, 21211, "Invalid 'To' Phone Number: +14155550102"));
        twilio.script("+14155550103", FakeMessaging.twilioError(400, 21610,
                "Attempt to send to unsubscribed recipient"));
        twilio.script("+14155550104", FakeMessaging.twilioError(503, 20500, "Service unavailable"));
        String id = scheduledNow(ws, POST);
        await("failure", () -> "FAILED".equals(status(ws, id)));

        JsonPath view = post(ws, id);
        assertEquals("sent to 2 of 4 recipients; 2 refused: +14155550102: Twilio refused the message (HTTP 400, code "
                + "21211: Invalid 'To' Phone Number: +14155550102); +14155550103: the recipient unsubscribed from the "
                + "sender (STOP) (Twilio HTTP 400, code 21610: Attempt to send to unsubscribed recipient)",
                view.getString("publishing.failureReason"));
        assertEquals(2, view.getInt("publishing.attempts"));
        // The 503 paused the first attempt; the second sent to +...104 only.
        assertEquals(List.of("+14155550101", "+14155550102", "+14155550103", "+14155550104", "+14155550104"), to(sid));
        FakeServer.Recorded sent = calls(sid).get(0);
        assertEquals("Basic " + Base64.getEncoder().encodeToString((sid + ":" + token).getBytes(StandardCharsets.UTF_8)),
                sent.header("Authorization"));
        assertTrue(sent.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
        Map<String, List<String>> form = FakeMessaging.form(sent.body());
        // Twilio reports each message's delivery to the publisher's status callback on the public origin.
        assertEquals(Map.of("To", List.of("+14155550101"), "From", List.of("+15017122661"), "Body",
                List.of("Peonies are in!\n\nOrder: " + view.getString("trackedLink.url")), "StatusCallback",
                List.of(shown.getString("statusCallbackUrl"))), form);
        assertTrue(shown.getString("statusCallbackUrl").matches("https://suite\\.agency\\.example/hooks/twilio/"
                + "[0-9a-f-]{36}/status"), shown.getString("statusCallbackUrl"));
        assertEquals(2, Fixtures.count("select count(*) from post_recipient_delivery where post_id = ? and remote_id "
                + "like 'SM%' and sent_at is not null", UUID.fromString(id)));
        // Twilio's 21610 (the recipient texted STOP) unsubscribes them here too.
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers/SMS/recipients").then()
                .body("items.find { it.address == '+14155550103' }.subscribed", equalTo(false))
                .body("subscribed", equalTo(3));
    }

    @Test
    void aMessagingServiceSendsAllAndARateLimitWaitsForTwiliosDelay() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String sid = "AC" + hex32();
        String token = hex32();
        String service = "MG" + hex32();
        FakeMessaging twilio = FakeMessaging.twilio(fake, sid, token);
        configure(ws, "SMS", publisher(sid, token, service));
        recipients(ws, "SMS", "+393471234567", "+447700900123");
        String id = scheduledNow(ws, "{\"platform\":\"SMS\",\"funnelStage\":\"ACTION\",\"caption\":\"Open today\","
                + "\"mediaUrls\":[\"https://cdn.fiori.example/b.jpg\"]}");
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        JsonPath view = post(ws, id);
        assertEquals("2", view.getString("remoteId"));
        assertNull(view.getString("permalink"));
        Map<String, List<String>> form = FakeMessaging.form(calls(sid).get(0).body());
        assertEquals(List.of(service), form.get("MessagingServiceSid"));
        assertFalse(form.containsKey("From"));
        assertEquals(List.of("https://cdn.fiori.example/b.jpg"), form.get("MediaUrl"));
        assertEquals(2, calls(sid).size());

        twilio.script("+393471234567", FakeMessaging.twilioError(429, 20429, "Too Many Requests")
                .withHeader("Retry-After", "3600"));
        Instant before = Instant.now();
        String limited = scheduledNow(ws, POST);
        await("the first attempt", () -> post(ws, limited).getString("publishing.failureReason") != null);
        JsonPath waiting = post(ws, limited);
        assertEquals("PUBLISHING", waiting.getString("status"));
        assertTrue(waiting.getString("publishing.failureReason").startsWith("sent to 0 of 2 recipients; Twilio rate "
                + "limit (HTTP 429, code 20429"), waiting.getString("publishing.failureReason"));
        Instant next = Instant.parse(waiting.getString("publishing.nextAttemptAt"));
        assertFalse(next.isBefore(before.plus(Duration.ofSeconds(3600))), "next attempt " + next);
        // The rate limit stopped the attempt: the second recipient was not tried.
        assertEquals(3, calls(sid).size());
    }

    @Test
    void aSenderTwilioDoesNotKnowFailsThePostAtTheFirstRecipient() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String sid = "AC" + hex32();
        String token = hex32();
        FakeMessaging twilio = FakeMessaging.twilio(fake, sid, token);
        configure(ws, "SMS", publisher(sid, token, "+15005550001"));
        recipients(ws, "SMS", "+14155550101", "+14155550102");
        twilio.script("+14155550101", FakeMessaging.twilioError(400, 21212, "Invalid From Number (caller ID)"));
        String id = scheduledNow(ws, POST);
        await("failure", () -> "FAILED".equals(status(ws, id)));
        assertEquals("sent to 0 of 2 recipients; Twilio refused the sender (HTTP 400, code 21212: Invalid From Number "
                + "(caller ID))", post(ws, id).getString("publishing.failureReason"));
        assertEquals(List.of("+14155550101"), to(sid));
    }

    @Test
    void refusedCredentialsFailThePostAskingToReconnect() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String sid = "AC" + hex32();
        FakeMessaging.twilio(fake, sid, hex32());
        configure(ws, "SMS", publisher(sid, "revoked-token", "+15017122661"));
        recipients(ws, "SMS", "+14155550101", "+14155550102");
        String id = scheduledNow(ws, POST);
        await("failure", () -> "FAILED".equals(status(ws, id)));
        String reason = post(ws, id).getString("publishing.failureReason");
        assertEquals("Twilio refused the credentials (HTTP 401, code 20003: Authenticate) (sent to 0 of 2 recipients): "
                + "reconnect the account", reason);
        assertEquals(1, calls(sid).size());
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers/SMS").then()
                .body("reconnectReason", equalTo(reason));
    }

    @Test
    void anSmsLongerThanTwiliosLimitIsRefusedAtSubmitAndThePublisherIsValidated() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String sid = "AC" + hex32();
        configure(ws, "SMS", publisher(sid, hex32(), "+15017122661"));
        String caption = "x".repeat(1590);
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"SMS\",\"funnelStage\":\"ACTION\",\"caption\":\"" + caption + "\","
                        + "\"callToAction\":\"Order\",\"landingUrl\":\"https://fiori.example/peonies\"}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/submit").then().statusCode(422)
                .body("errors.field", hasItem("caption"));
        assertEquals("DRAFT", status(ws, id));

        NativePublishingTest.refused(ws, "SMS", publisher("AC123", hex32(), "+15017122661"), "accountSid");
        NativePublishingTest.refused(ws, "SMS", publisher(sid, hex32(), "Fiori"), "from");
        NativePublishingTest.refused(ws, "SMS", "{\"type\":\"SMS_API\",\"accountSid\":\"" + sid + "\",\"from\":"
                + "\"+15017122661\"}", "authToken");
        NativePublishingTest.refused(ws, "SMS", publisher(sid, hex32(), "+15017122661").replace("}",
                ",\"smtpHost\":\"smtp.example.com\"}"), "smtpHost");
    }
}
