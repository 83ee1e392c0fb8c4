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
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialroi.content.ContentFakes;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.FakeServer;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** WHATSAPP_API against a fake of the WhatsApp Cloud API (Graph v21.0 /messages): template sends and errors. */
@QuarkusTest
class WhatsAppPublishingTest {

    @ContentFakes.Messaging
    FakeServer fake;

    static String phoneNumberId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L));
    }

    List<FakeServer.Recorded> calls(String phone) {
        return fake.requests().stream().filter(r -> r.path().equals("/graph/v21.0/" + phone + "/messages")).toList();
    }

    List<String> to(String phone) {
        return calls(phone).stream().map(r -> json(r).path("to").asText()).toList();
    }

    static JsonNode json(FakeServer.Recorded r) {
        try {
            return FakePlatforms.JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String publisher(String phone, String token, String language) {
        return "{\"type\":\"WHATSAPP_API\",\"phoneNumberId\":\"" + phone + "\",\"accessToken\":\"" + token + "\""
                + (language == null ? "" : ",\"templateLanguage\":\"" + language + "\"") + "}";
    }

    static final String POST = "{\"platform\":\"WHATSAPP\",\"funnelStage\":\"ACTION\",\"caption\":\"Peonies\","
            + "\"landingUrl\":\"https://fiori.example/peonies\",\"platformOptions\":{\"template\":\"spring_offer\"}}";

    @Test
    void theTemplateGoesToEachRecipientWithTheTrackedLinkAndUndeliverableOnesAreRefused() {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        String phone = phoneNumberId();
        String token = "EAAG" + UUID.randomUUID();
        FakeMessaging wa = FakeMessaging.whatsApp(fake, phone, token, Set.of("spring_offer/it"));
        JsonPath shown = configure(ws, "WHATSAPP", publisher(phone, token, "it"));
        assertEquals(phone, shown.getString("target"));
        assertEquals("it", shown.getString("settings.templateLanguage"));
        recipients(ws, "WHATSAPP", "+393471234567", "+393471234568", "+393471234569");
        wa.script("393471234568", FakeMessaging.graphError(400, 131026, "(#131026) Message undeliverable",
                "Message Undeliverable."));
        // A throughput limit pauses the attempt; the next one continues with the recipients not yet sent.
        wa.script("393471234569", FakeMessaging.graphError(429, 130429, "(#130429) Rate limit hit", null));
        String id = scheduledNow(ws, POST);
        await("failure", () -> "FAILED".equals(status(ws, id)));

        JsonPath view = post(ws, id);
        assertEquals("sent to 2 of 3 recipients; 1 refused: +393471234568: WhatsApp refused the message (HTTP 400, "
                + "code 131026: (#131026) Message undeliverable (Message Undeliverable.))",
                view.getString("publishing.failureReason"));
        assertEquals(List.of("393471234567", "393471234568", "393471234569", "393471234569"), to(phone));
        FakeServer.Recorded first = calls(phone).get(0);
        assertEquals("Bearer " + token, first.header("Authorization"));
        JsonNode body = json(first);
        assertEquals("whatsapp", body.path("messaging_product").asText());
        assertEquals("individual", body.path("recipient_type").asText());
        assertEquals("template", body.path("type").asText());
        assertEquals("spring_offer", body.at("/template/name").asText());
        assertEquals("it", body.at("/template/language/code").asText());
        assertEquals("body", body.at("/template/components/0/type").asText());
        assertEquals("text", body.at("/template/components/0/parameters/0/type").asText());
        assertEquals(view.getString("trackedLink.url"), body.at("/template/components/0/parameters/0/text").asText());
        assertEquals(2, Fixtures.count("select count(*) from post_recipient_delivery where post_id = ? and remote_id "
                + "like 'wamid.%'", UUID.fromString(id)));
    }

    @Test
    void allSentIsPublishedAnExpiredTokenAsksToReconnectAndAnUnknownTemplateIsRefused() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String phone = phoneNumberId();
        String token = "EAAG" + UUID.randomUUID();
        FakeMessaging.whatsApp(fake, phone, token, Set.of("spring_offer/en_US"));
        configure(ws, "WHATSAPP", publisher(phone, token, null));
        recipients(ws, "WHATSAPP", "+14155550101", "+14155550102");
        String id = scheduledNow(ws, "{\"platform\":\"WHATSAPP\",\"funnelStage\":\"ACTION\",\"caption\":\"Hi\","
                + "\"platformOptions\":{\"template\":\"spring_offer\"}}");
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        assertEquals("2", post(ws, id).getString("remoteId"));
        JsonNode body = json(calls(phone).get(0));
        assertEquals("en_US", body.at("/template/language/code").asText());
        // No landing URL: no parameter (the template then has none).
        assertTrue(body.at("/template/components").isMissingNode());

        String unknown = scheduledNow(ws, "{\"platform\":\"WHATSAPP\",\"funnelStage\":\"ACTION\",\"caption\":\"Hi\","
                + "\"platformOptions\":{\"template\":\"winter_sale\"}}");
        await("failure", () -> "FAILED".equals(status(ws, unknown)));
        // An unknown template would be refused for everyone: the post fails at the first recipient.
        assertEquals("sent to 0 of 2 recipients; WhatsApp refused the template (HTTP 404, code 132001: (#132001) "
                + "Template name does not exist in the translation (template name (winter_sale) does not exist in "
                + "en_US))", post(ws, unknown).getString("publishing.failureReason"));
        assertEquals(1, calls(phone).stream().filter(r -> json(r).at("/template/name").asText().equals("winter_sale"))
                .count());

        UUID expired = Fixtures.workspace("UTC", "EUR");
        String other = phoneNumberId();
        FakeMessaging.whatsApp(fake, other, "EAAG-current", Set.of("spring_offer/en_US"));
        configure(expired, "WHATSAPP", publisher(other, "EAAG-expired", null));
        recipients(expired, "WHATSAPP", "+14155550101", "+14155550102");
        String post = scheduledNow(expired, "{\"platform\":\"WHATSAPP\",\"funnelStage\":\"ACTION\",\"caption\":\"Hi\","
                + "\"platformOptions\":{\"template\":\"spring_offer\"}}");
        await("failure", () -> "FAILED".equals(status(expired, post)));
        String reason = post(expired, post).getString("publishing.failureReason");
        assertTrue(reason.startsWith("WhatsApp refused the access token (HTTP 401, code 190") && reason.endsWith(
                "reconnect the account"), reason);
        assertEquals(1, calls(other).size());
        given().auth().oauth2(writer(expired)).get("/workspaces/" + expired + "/publishers/WHATSAPP").then()
                .body("reconnectReason", equalTo(reason));
    }

    @Test
    void theTemplateIsRequiredAtSubmitAndThePublisherIsValidated() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String phone = phoneNumberId();
        configure(ws, "WHATSAPP", publisher(phone, "EAAG-token", null));
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"WHATSAPP\",\"funnelStage\":\"ACTION\",\"caption\":\"Hi\"}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/submit").then().statusCode(422)
                .body("errors.field", hasItem("platformOptions.template"));
        NativePublishingTest.refused(ws, "WHATSAPP", publisher("+3934712", "EAAG-token", null), "phoneNumberId");
        NativePublishingTest.refused(ws, "WHATSAPP", publisher(phone, "EAAG-token", "Italian"), "templateLanguage");
        NativePublishingTest.refused(ws, "WHATSAPP", "{\"type\":\"WHATSAPP_API\",\"phoneNumberId\":\"" + phone + "\"}",
                "accessToken");
        NativePublishingTest.refused(ws, "TELEGRAM", publisher(phone, "EAAG-token", null), "type");
    }
}
