package io.socialroi.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A platform's webhook end to end with the real services: Twilio calling an SMS_API publisher's incoming-message URL
 * (the one its publisher view tells the agency to paste into Twilio), signed the way Twilio signs. A reply becomes a
 * DM in engagement-service's real ingestion, counted once however often Twilio delivers it; STOP takes the sender off
 * the workspace's SMS list; a request signed with another token changes nothing.
 */
class PlatformWebhooksIT {

    private static SuiteCluster suite;

    @BeforeAll
    static void startSuite() {
        suite = SuiteCluster.get();
    }

    /** Twilio's X-Twilio-Signature: base64(HMAC-SHA1(auth token, URL + each name and value sorted by name)). */
    static String twilioSignature(String authToken, String url, Map<String, String> params) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, String> incoming(String accountSid, String from, String body) {
        Map<String, String> p = new LinkedHashMap<>();
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        p.put("MessageSid", sid);
        p.put("SmsMessageSid", sid);
        p.put("AccountSid", accountSid);
        p.put("From", from);
        p.put("To", "+15017122661");
        p.put("Body", body);
        p.put("NumMedia", "0");
        p.put("ApiVersion", "2010-04-01");
        return p;
    }

    /** POSTs the form to content-service at the path of the public URL, signed for that public URL. */
    static Response deliver(String publicUrl, String signedWith, Map<String, String> params) throws Exception {
        String form = params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return given().baseUri(suite.content()).contentType("application/x-www-form-urlencoded").body(form)
                .header("X-Twilio-Signature", twilioSignature(signedWith, publicUrl, params))
                .post(URI.create(publicUrl).getRawPath());
    }

    static int dms(String token, String ws) {
        String today = LocalDate.now(ZoneId.of("Europe/Rome")).toString();
        JsonPath summary = given().baseUri(suite.engagement()).auth().oauth2(token)
                .queryParam("from", LocalDate.parse(today).minusDays(1).toString()).queryParam("to", today)
                .queryParam("groupBy", "platform").get("/workspaces/" + ws + "/engagement/summary").then()
                .statusCode(200).extract().jsonPath();
        Object dm = summary.get("rows.find { it.key == 'SMS' }.counts.DM");
        return dm == null ? 0 : ((Number) dm).intValue();
    }

    @Test
    void aSignedReplyIsOneDmAndStopUnsubscribesWhileAForgedOneChangesNothing() throws Exception {
        String content = suite.content();
        String admin = EngagementImportIT.token(SuiteCluster.ADMIN_CLIENT_ID, SuiteCluster.ADMIN_CLIENT_SECRET);
        String ws = given().baseUri(content).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Fiori SMS", "timeZone", "Europe/Rome", "currency", "EUR"))
                .post("/workspaces").then().statusCode(201).extract().path("id");
        JsonPath credential = given().baseUri(content).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "integration", "scopes", List.of("content:read", "content:write",
                        "engagement:read")))
                .post("/workspaces/" + ws + "/credentials").then().statusCode(201).extract().jsonPath();
        String token = EngagementImportIT.token(credential.getString("clientId"), credential.getString("clientSecret"));

        String accountSid = "AC" + UUID.randomUUID().toString().replace("-", "");
        String authToken = UUID.randomUUID().toString().replace("-", "");
        JsonPath publisher = given().baseUri(content).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", "SMS_API", "accountSid", accountSid, "authToken", authToken,
                        "from", "+15017122661"))
                .put("/workspaces/" + ws + "/publishers/SMS").then().statusCode(200).extract().jsonPath();
        String hook = publisher.getString("incomingMessagesUrl");
        assertTrue(hook.matches("https?://.+/hooks/twilio/[0-9a-f-]{36}/messages"), hook);
        given().baseUri(content).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("recipients", List.of(Map.of("address", "+14155550101"),
                        Map.of("address", "+14155550102"))))
                .put("/workspaces/" + ws + "/publishers/SMS/recipients").then().statusCode(200);

        // A reply, delivered twice (Twilio retries when it gets no answer in time): one DM in the summary.
        Map<String, String> reply = incoming(accountSid, "+14155550101", "Do you deliver on Sundays?");
        for (int i = 0; i < 2; i++) {
            Response answer = deliver(hook, authToken, reply);
            assertEquals(200, answer.statusCode(), answer.asString());
            assertTrue(answer.getContentType().startsWith("text/xml"), answer.getContentType());
            assertEquals("<Response/>", answer.asString().strip().replaceAll("<\\?xml[^>]*\\?>", "").strip());
        }
        Eventually.await("the reply as a DM in the engagement summary", Duration.ofSeconds(30),
                () -> dms(token, ws) >= 1 ? true : null);
        assertEquals(1, dms(token, ws));

        // Signed with another token: refused, nothing stored, nobody unsubscribed.
        Response forged = deliver(hook, "not-" + authToken, incoming(accountSid, "+14155550102", "STOP"));
        assertEquals(403, forged.statusCode(), forged.asString());
        assertTrue(forged.getContentType().startsWith("application/problem+json"), forged.getContentType());

        // STOP from the second recipient: off the list, the first one stays.
        assertEquals(200, deliver(hook, authToken, incoming(accountSid, "+14155550102", " stop ")).statusCode());
        JsonPath list = given().baseUri(content).auth().oauth2(token)
                .get("/workspaces/" + ws + "/publishers/SMS/recipients").then().statusCode(200).extract().jsonPath();
        assertFalse(list.getBoolean("items.find { it.address == '+14155550102' }.subscribed"));
        assertTrue(list.getBoolean("items.find { it.address == '+14155550101' }.subscribed"));
        assertEquals(1, dms(token, ws), "STOP is no DM");
    }
}
