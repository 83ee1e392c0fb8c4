package io.socialroi.conversion.export;

import static io.socialroi.conversion.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.socialroi.conversion.FakeServices;
import io.socialroi.conversion.Fakes;
import io.socialroi.conversion.touchpoint.CaptureJob;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.FakeServer.Recorded;
import io.socialroi.testing.FakeServer.Reply;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attributed conversions out to Meta, Google, TikTok and LinkedIn, against fake servers implementing each
 * platform's documented requests, answers and errors ({@link AdPlatforms}): exactly what is sent (path, headers,
 * body fields, hashes of known addresses), batching at the limit, retries with backoff after 503 and 429, 400 as
 * REJECTED and never retried, a refused token as NEEDS_RECONNECT, nothing sent twice, tokens never answered and
 * stored encrypted, the 422s of a bad configuration.
 */
@QuarkusTest
@TestProfile(AdPlatforms.Profile.class)
class ConversionExportTest {

    static final String SHA_TEST_EXAMPLE = "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b";
    static final String SHA_JANEDOE_GMAIL = "d6117306485ed0e50afab3ac871e98f81699151f30281527d63ff5f233656c69";
    /** SHA-256 of +14155550100 (E.164: Google, TikTok) and of 14155550100 (digits with country code: Meta). */
    static final String SHA_PHONE_E164 = "40d3f4e02db27d66cf4cfdda506c2c945f115a7955cc8491dda98ce5beabcda0";
    static final String SHA_PHONE_DIGITS = "5e7ec4c79ccac6e420876e65ad0e6b4b2ccf73ec3dccb50297bf2890a1ec73b9";

    @FakeServices.Inject
    Fakes fakes;

    @Inject
    ExportJob job;

    @Inject
    CaptureJob capture;

    @Inject
    DataSource dataSource;

    /** The conversions of these tests happened two days ago; the touch that attributes them 20 days ago. */
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final Instant occurred = now.minus(Duration.ofDays(2));

    @BeforeEach
    void clean() throws SQLException {
        AdPlatforms.reset();
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                "DELETE FROM export_destination")) {
            delete.executeUpdate();
        }
    }

    UUID workspace() {
        UUID ws = fakes.workspace("UTC", "EUR");
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search", Reply.json(200,
                "{\"items\":[{\"eventId\":\"t-" + ws + "\",\"type\":\"CLICK\",\"platform\":\"INSTAGRAM\",\"postId\":"
                        + "\"11111111-1111-1111-1111-111111111111\",\"funnelStage\":\"ACTION\",\"actorId\":\"ig:5\","
                        + "\"clickId\":null,\"occurredAt\":\"" + now.minus(Duration.ofDays(20)) + "\","
                        + "\"retargeting\":false}]}"));
        return ws;
    }

    static String purchase(String eventId, String email, String amount, Instant at) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"PURCHASE\",\"value\":{\"amount\":\"" + amount
                + "\",\"currency\":\"EUR\"},\"occurredAt\":\"" + at + "\",\"customerId\":\"c-" + eventId + "\","
                + "\"actorIds\":[\"ig:5\"]" + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}";
    }

    static String withPhone(String body) {
        return body.substring(0, body.length() - 1) + ",\"phone\":\"+1 415 555 0100\"}";
    }

    void record(UUID ws, String... bodies) {
        as(ws).body("[" + String.join(",", bodies) + "]").post("/workspaces/" + ws + "/conversions/batch").then()
                .statusCode(200).body("accepted", equalTo(bodies.length));
        capture.run();
    }

    static void configure(UUID ws, String platform, String body) {
        as(ws).body(body).put("/workspaces/" + ws + "/exports/" + platform).then().statusCode(200);
    }

    static String meta(String datasetId) {
        return "{\"datasetId\":\"" + datasetId + "\",\"accessToken\":\"" + AdPlatforms.META_TOKEN + "\"}";
    }

    static List<Recorded> posts(FakeServer server) {
        return server.requests().stream().filter(r -> r.method().equals("POST")).toList();
    }

    record Row(String status, int attempts, OffsetDateTime nextAttemptAt, OffsetDateTime lastAttemptAt,
            String reason, String response) {
    }

    Map<String, Row> deliveries(UUID ws, String platform) throws SQLException {
        Map<String, Row> rows = new java.util.TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT event_id, status, attempts, next_attempt_at, last_attempt_at, reason, response "
                        + "FROM export_delivery WHERE workspace_id = ? AND platform = ?")) {
            select.setObject(1, ws);
            select.setString(2, platform);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new Row(rs.getString(2), rs.getInt(3),
                            rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
                            rs.getString(6), rs.getString(7)));
                }
            }
        }
        return rows;
    }

    @Test
    void metaGetsTheDocumentedEventWithHashedIdentifiersAndNothingTwice() throws SQLException {
        UUID ws = workspace();
        record(ws, withPhone(purchase("order-1", "  Test@Example.com ", "120.00", occurred)));
        configure(ws, "meta", meta("123456789012345"));
        job.run(now);

        List<Recorded> sent = posts(AdPlatforms.META);
        assertEquals(1, sent.size());
        Recorded r = sent.get(0);
        assertEquals("/v24.0/123456789012345/events", r.path());
        assertEquals("Bearer " + AdPlatforms.META_TOKEN, r.header("Authorization"));
        assertEquals(null, r.query());
        JsonNode event = AdPlatforms.json(r.body()).path("data").get(0);
        assertEquals("Purchase", event.path("event_name").asText());
        assertEquals(occurred.getEpochSecond(), event.path("event_time").asLong());
        assertEquals("order-1", event.path("event_id").asText());
        assertEquals("system_generated", event.path("action_source").asText());
        assertEquals(SHA_TEST_EXAMPLE, event.path("user_data").path("em").get(0).asText());
        assertEquals(SHA_PHONE_DIGITS, event.path("user_data").path("ph").get(0).asText(),
                "Meta: digits with the country code, no +");
        assertEquals(io.socialroi.conversion.conversion.Emails.sha256("c-order-1"),
                event.path("user_data").path("external_id").get(0).asText());
        assertFalse(event.path("user_data").has("fbc"), "no fbclid is stored, so no fbc is made up");
        assertTrue(r.body().contains("\"custom_data\":{\"value\":120.00,\"currency\":\"EUR\"}"), r.body());
        assertEquals("EUR", event.path("custom_data").path("currency").asText());

        Row row = deliveries(ws, "META").get("order-1");
        assertEquals("SENT", row.status());
        assertEquals(1, row.attempts());
        assertEquals("events_received=1 fbtrace_id=AbCdEfTrace", row.response());

        job.run(now);
        job.run(now.plus(Duration.ofDays(1)));
        assertEquals(1, posts(AdPlatforms.META).size(), "an acknowledged conversion is never sent again");

        as(ws).get("/workspaces/" + ws + "/exports/meta/deliveries").then().statusCode(200)
                .body("items[0].eventId", equalTo("order-1")).body("items[0].status", equalTo("SENT"))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void googleNormalisesGmailAddressesAndNamesAccountsAndConversionAction() throws SQLException {
        UUID ws = workspace();
        record(ws, withPhone(purchase("order-g", "Jane.Doe@gmail.com", "80.5", occurred)));
        configure(ws, "google", "{\"operatingAccountId\":\"123-456-7890\",\"loginAccountId\":\"9876543210\","
                + "\"conversionActionId\":\"555123456\",\"accessToken\":\"" + AdPlatforms.GOOGLE_TOKEN + "\"}");
        job.run(now);

        Recorded r = posts(AdPlatforms.GOOGLE).get(0);
        assertEquals("/v1/events:ingest", r.path());
        assertEquals("Bearer " + AdPlatforms.GOOGLE_TOKEN, r.header("Authorization"));
        JsonNode body = AdPlatforms.json(r.body());
        JsonNode destination = body.path("destinations").get(0);
        assertEquals("GOOGLE_ADS", destination.path("operatingAccount").path("accountType").asText());
        assertEquals("1234567890", destination.path("operatingAccount").path("accountId").asText());
        assertEquals("9876543210", destination.path("loginAccount").path("accountId").asText());
        assertEquals("555123456", destination.path("productDestinationId").asText());
        assertEquals("HEX", body.path("encoding").asText());
        JsonNode event = body.path("events").get(0);
        assertEquals("order-g", event.path("transactionId").asText());
        assertEquals(occurred.toString(), event.path("eventTimestamp").asText());
        assertTrue(r.body().contains("\"conversionValue\":80.50,\"currency\":\"EUR\""), r.body());
        assertEquals("EUR", event.path("currency").asText());
        assertEquals(SHA_JANEDOE_GMAIL, event.path("userData").path("userIdentifiers").get(0)
                .path("emailAddress").asText(), "janedoe@gmail.com: Google's normalisation before hashing");
        assertEquals(SHA_PHONE_E164, event.path("userData").path("userIdentifiers").get(1).path("phoneNumber")
                .asText(), "Google: E.164 with its +");
        assertFalse(event.has("adIdentifiers"), "no gclid is stored, so none is sent");
        assertEquals("SENT", deliveries(ws, "GOOGLE").get("order-g").status());
    }

    @Test
    void tiktokAndLinkedInGetTheirDocumentedShapes() throws SQLException {
        UUID ws = workspace();
        record(ws, withPhone(purchase("order-t", "test@example.com", "42.00", occurred)));
        configure(ws, "tiktok", "{\"pixelCode\":\"CQ5ABCDEFGHIJ1234567\",\"accessToken\":\""
                + AdPlatforms.TIKTOK_TOKEN + "\",\"testEventCode\":\"TEST123\"}");
        configure(ws, "linkedin", "{\"conversionRuleUrn\":\"urn:lla:llaPartnerConversion:104012\",\"accessToken\":\""
                + AdPlatforms.LINKEDIN_TOKEN + "\"}");
        job.run(now);

        Recorded t = posts(AdPlatforms.TIKTOK).get(0);
        assertEquals("/open_api/v1.3/event/track/", t.path());
        assertEquals(AdPlatforms.TIKTOK_TOKEN, t.header("Access-Token"));
        JsonNode tb = AdPlatforms.json(t.body());
        assertEquals("web", tb.path("event_source").asText());
        assertEquals("CQ5ABCDEFGHIJ1234567", tb.path("event_source_id").asText());
        assertEquals("TEST123", tb.path("test_event_code").asText());
        JsonNode te = tb.path("data").get(0);
        assertEquals("CompletePayment", te.path("event").asText());
        assertEquals(occurred.getEpochSecond(), te.path("event_time").asLong());
        assertEquals("order-t", te.path("event_id").asText());
        assertEquals(SHA_TEST_EXAMPLE, te.path("user").path("email").asText());
        assertEquals(SHA_PHONE_E164, te.path("user").path("phone").asText(), "TikTok: E.164 with its +");
        assertFalse(te.path("user").has("ttclid"));
        assertTrue(t.body().contains("\"properties\":{\"value\":42.00,\"currency\":\"EUR\"}"), t.body());

        Recorded l = posts(AdPlatforms.LINKEDIN).get(0);
        assertEquals("/rest/conversionEvents", l.path());
        assertEquals("Bearer " + AdPlatforms.LINKEDIN_TOKEN, l.header("Authorization"));
        assertEquals("202603", l.header("LinkedIn-Version"));
        assertEquals("2.0.0", l.header("X-Restli-Protocol-Version"));
        assertEquals("BATCH_CREATE", l.header("X-RestLi-Method"));
        JsonNode le = AdPlatforms.json(l.body()).path("elements").get(0);
        assertEquals("urn:lla:llaPartnerConversion:104012", le.path("conversion").asText());
        assertEquals(occurred.toEpochMilli(), le.path("conversionHappenedAt").asLong());
        assertEquals("42.00", le.path("conversionValue").path("amount").asText());
        assertEquals("EUR", le.path("conversionValue").path("currencyCode").asText());
        assertEquals("SHA256_EMAIL", le.path("user").path("userIds").get(0).path("idType").asText());
        assertEquals(SHA_TEST_EXAMPLE, le.path("user").path("userIds").get(0).path("idValue").asText());
        assertEquals("order-t", le.path("eventId").asText());
        assertEquals(1, le.path("user").path("userIds").size(), "LinkedIn takes no phone");

        assertEquals("SENT", deliveries(ws, "TIKTOK").get("order-t").status());
        assertEquals("SENT", deliveries(ws, "LINKEDIN").get("order-t").status());
    }

    @Test
    void batchesStayWithinEachPlatformsLimit() throws SQLException {
        UUID ws = workspace();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 2001; i++) {
            bodies.add(purchase("b-" + i, "buyer" + i + "@example.com", "10.00", occurred.minusSeconds(i)));
        }
        for (int from = 0; from < 2000; from += 1000) {
            as(ws).body("[" + String.join(",", bodies.subList(from, from + 1000)) + "]").post("/workspaces/" + ws
                    + "/conversions/batch").then().statusCode(200).body("accepted", equalTo(1000));
        }
        record(ws, bodies.get(2000));
        configure(ws, "meta", meta("2001"));
        configure(ws, "google", "{\"operatingAccountId\":\"1234567890\",\"conversionActionId\":\"77\","
                + "\"accessToken\":\"" + AdPlatforms.GOOGLE_TOKEN + "\"}");
        configure(ws, "tiktok", "{\"pixelCode\":\"CQ5ABCDEFGHIJ1234567\",\"accessToken\":\""
                + AdPlatforms.TIKTOK_TOKEN + "\"}");
        job.run(now);

        assertEquals(List.of(1000, 1000, 1), sizes(AdPlatforms.META, "data"));
        assertEquals(List.of(2000, 1), sizes(AdPlatforms.GOOGLE, "events"));
        assertEquals(List.of(1000, 1000, 1), sizes(AdPlatforms.TIKTOK, "data"));
        for (String platform : List.of("META", "GOOGLE", "TIKTOK")) {
            Map<String, Row> rows = deliveries(ws, platform);
            assertEquals(2001, rows.size(), platform);
            assertTrue(rows.values().stream().allMatch(r -> r.status().equals("SENT")), platform);
        }
        // Oldest first: the first request of each platform starts with the oldest conversion.
        assertEquals("b-2000", AdPlatforms.json(posts(AdPlatforms.META).get(0).body()).path("data").get(0)
                .path("event_id").asText());
    }

    @Test
    void linkedInBatchesHold5000Events() throws SQLException {
        UUID ws = workspace();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 5001; i++) {
            bodies.add(purchase("l-" + i, "member" + i + "@example.com", "1.00", occurred.minusSeconds(i)));
        }
        for (int from = 0; from < 5000; from += 1000) {
            as(ws).body("[" + String.join(",", bodies.subList(from, from + 1000)) + "]").post("/workspaces/" + ws
                    + "/conversions/batch").then().statusCode(200).body("accepted", equalTo(1000));
        }
        record(ws, bodies.get(5000));
        configure(ws, "linkedin", "{\"conversionRuleUrn\":\"urn:lla:llaPartnerConversion:9\",\"accessToken\":\""
                + AdPlatforms.LINKEDIN_TOKEN + "\"}");
        job.run(now);
        assertEquals(List.of(5000, 1), sizes(AdPlatforms.LINKEDIN, "elements"));
        assertTrue(deliveries(ws, "LINKEDIN").values().stream().allMatch(r -> r.status().equals("SENT")));
    }

    @Test
    void retriesEndAsFailedAfterTheLastAttempt() throws SQLException {
        UUID ws = workspace();
        record(ws, purchase("down", "test@example.com", "10.00", occurred));
        AdPlatforms.GOOGLE.on("POST", "/v1/events:ingest", Reply.json(503, "{\"error\":{\"code\":503,\"message\":"
                + "\"The service is currently unavailable.\",\"status\":\"UNAVAILABLE\"}}"));
        configure(ws, "google", "{\"operatingAccountId\":\"1234567890\",\"conversionActionId\":\"77\","
                + "\"accessToken\":\"" + AdPlatforms.GOOGLE_TOKEN + "\"}");
        List<Duration> waits = new ArrayList<>();
        Instant at = now;
        for (int attempt = 1; attempt <= 10; attempt++) {
            job.run(at);
            Row row = deliveries(ws, "GOOGLE").get("down");
            assertEquals(attempt, row.attempts());
            if (attempt < 10) {
                assertEquals("RETRYING", row.status());
                waits.add(Duration.between(at, row.nextAttemptAt().toInstant()));
                at = row.nextAttemptAt().toInstant();
            } else {
                assertEquals("FAILED", row.status());
                assertEquals("gave up after 10 attempts: HTTP 503: The service is currently unavailable.",
                        row.reason());
            }
        }
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofMinutes(64),
                Duration.ofMinutes(128), Duration.ofMinutes(256)), waits);
        job.run(at.plus(Duration.ofDays(1)));
        assertEquals(10, posts(AdPlatforms.GOOGLE).size(), "a FAILED delivery is not sent again");
    }

    static List<Integer> sizes(FakeServer server, String field) {
        return posts(server).stream().map(r -> AdPlatforms.json(r.body()).path(field).size()).toList();
    }

    @Test
    void a503IsRetriedWithBackoffAndTheSameDedupeId() throws SQLException {
        UUID ws = workspace();
        record(ws, purchase("order-r", "test@example.com", "10.00", occurred));
        AdPlatforms.failFirst(AdPlatforms.META, "/v24.0/", 1, Reply.json(503, "{}"), AdPlatforms::meta);
        configure(ws, "meta", meta("3001"));
        job.run(now);

        Row first = deliveries(ws, "META").get("order-r");
        assertEquals("RETRYING", first.status());
        assertEquals(1, first.attempts());
        assertEquals(now.plus(Duration.ofMinutes(1)), first.nextAttemptAt().toInstant(), "first backoff: 1 minute");
        assertEquals("HTTP 503", first.reason());

        job.run(now.plusSeconds(30));
        assertEquals(1, posts(AdPlatforms.META).size(), "not due yet");

        job.run(now.plusSeconds(61));
        List<Recorded> sent = posts(AdPlatforms.META);
        assertEquals(2, sent.size());
        assertEquals("order-r", AdPlatforms.json(sent.get(1).body()).path("data").get(0).path("event_id").asText());
        Row second = deliveries(ws, "META").get("order-r");
        assertEquals("SENT", second.status());
        assertEquals(2, second.attempts());
    }

    @Test
    void a429HonoursRetryAfterAndBackoffDoubles() throws SQLException {
        UUID ws = workspace();
        record(ws, purchase("order-429", "test@example.com", "10.00", occurred));
        AdPlatforms.failFirst(AdPlatforms.TIKTOK, "/open_api/v1.3/event/track/", 2,
                Reply.json(429, "{\"code\":40100,\"message\":\"Too many requests\"}").withHeader("Retry-After", "600"),
                AdPlatforms::tiktok);
        configure(ws, "tiktok", "{\"pixelCode\":\"CQ5ABCDEFGHIJ1234567\",\"accessToken\":\""
                + AdPlatforms.TIKTOK_TOKEN + "\"}");
        job.run(now);
        Row row = deliveries(ws, "TIKTOK").get("order-429");
        assertEquals("RETRYING", row.status());
        assertEquals(now.plusSeconds(600), row.nextAttemptAt().toInstant(), "Retry-After beats the 1-minute backoff");

        Instant later = now.plusSeconds(600);
        job.run(later);
        row = deliveries(ws, "TIKTOK").get("order-429");
        assertEquals(2, row.attempts());
        assertEquals(later.plusSeconds(600), row.nextAttemptAt().toInstant());
        job.run(later.plusSeconds(600));
        assertEquals("SENT", deliveries(ws, "TIKTOK").get("order-429").status());
        assertEquals(3, posts(AdPlatforms.TIKTOK).size());
    }

    @Test
    void anInvalidEventIsRejectedWithThePlatformsReasonAndTheOthersStillGo() throws SQLException {
        UUID ws = workspace();
        record(ws, purchase("ok-1", "a@example.com", "10.00", occurred), purchase("bad-2", "b@example.com", "10.00",
                occurred.plusSeconds(1)), purchase("ok-3", "c@example.com", "10.00", occurred.plusSeconds(2)));
        configure(ws, "meta", meta("4001"));
        configure(ws, "google", "{\"operatingAccountId\":\"1234567890\",\"conversionActionId\":\"77\","
                + "\"accessToken\":\"" + AdPlatforms.GOOGLE_TOKEN + "\"}");
        configure(ws, "linkedin", "{\"conversionRuleUrn\":\"urn:lla:llaPartnerConversion:9\",\"accessToken\":\""
                + AdPlatforms.LINKEDIN_TOKEN + "\"}");
        job.run(now);

        for (String platform : List.of("META", "GOOGLE", "LINKEDIN")) {
            Map<String, Row> rows = deliveries(ws, platform);
            assertEquals("SENT", rows.get("ok-1").status(), platform);
            assertEquals("SENT", rows.get("ok-3").status(), platform);
            assertEquals("REJECTED", rows.get("bad-2").status(), platform);
            assertEquals(1, rows.get("bad-2").attempts(), platform);
            assertEquals(null, rows.get("bad-2").nextAttemptAt(), platform);
        }
        assertEquals("Meta refused it: (#100) Invalid parameter", deliveries(ws, "META").get("bad-2").reason());
        assertEquals("Google refused it: events[1].conversion_value: Conversion value is invalid.",
                deliveries(ws, "GOOGLE").get("bad-2").reason());
        assertEquals("LinkedIn refused it: HTTP 400: conversionValue.amount is not valid",
                deliveries(ws, "LINKEDIN").get("bad-2").reason());
        // Meta fails the whole request for one event: 3, then halves of 1 and 2, then the 2 split again.
        assertEquals(5, posts(AdPlatforms.META).size());
        // Google names the event: one refused request, then the other two.
        assertEquals(2, posts(AdPlatforms.GOOGLE).size());
        assertEquals(1, posts(AdPlatforms.LINKEDIN).size());

        int before = AdPlatforms.META.requests().size() + AdPlatforms.GOOGLE.requests().size();
        job.run(now.plus(Duration.ofHours(7)));
        assertEquals(before, AdPlatforms.META.requests().size() + AdPlatforms.GOOGLE.requests().size(),
                "a rejected event is never retried");
        as(ws).get("/workspaces/" + ws + "/exports/meta/deliveries?status=REJECTED").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].reason", equalTo(
                        "Meta refused it: (#100) Invalid parameter"));
    }

    @Test
    void aRefusedTokenMarksTheDestinationNeedsReconnectUntilConfiguredAgain() throws SQLException {
        UUID ws = workspace();
        record(ws, purchase("order-401", "test@example.com", "10.00", occurred));
        configure(ws, "tiktok", "{\"pixelCode\":\"CQ5ABCDEFGHIJ1234567\",\"accessToken\":\"expired-token-0000\"}");
        configure(ws, "linkedin", "{\"conversionRuleUrn\":\"urn:lla:llaPartnerConversion:9\","
                + "\"accessToken\":\"expired-linkedin-0000\"}");
        job.run(now);

        as(ws).get("/workspaces/" + ws + "/exports/tiktok").then().statusCode(200)
                .body("status", equalTo("NEEDS_RECONNECT"))
                .body("statusReason", containsString("40105 Access token is incorrect or has been revoked."));
        as(ws).get("/workspaces/" + ws + "/exports/linkedin").then().statusCode(200)
                .body("status", equalTo("NEEDS_RECONNECT"));
        assertEquals("RETRYING", deliveries(ws, "TIKTOK").get("order-401").status());
        assertEquals(0, deliveries(ws, "TIKTOK").get("order-401").attempts());

        job.run(now.plus(Duration.ofHours(1)));
        assertEquals(1, posts(AdPlatforms.TIKTOK).size(), "nothing is sent while the token is refused");

        configure(ws, "tiktok", "{\"pixelCode\":\"CQ5ABCDEFGHIJ1234567\",\"accessToken\":\""
                + AdPlatforms.TIKTOK_TOKEN + "\"}");
        as(ws).get("/workspaces/" + ws + "/exports/tiktok").then().body("status", equalTo("ACTIVE"));
        job.run(now.plus(Duration.ofHours(2)));
        assertEquals("SENT", deliveries(ws, "TIKTOK").get("order-401").status());
        assertEquals(2, posts(AdPlatforms.TIKTOK).size());
    }

    @Test
    void tokensAreNeverAnsweredAndStoredEncrypted() throws SQLException {
        UUID ws = workspace();
        String answer = as(ws).body(meta("5001")).put("/workspaces/" + ws + "/exports/meta").then().statusCode(200)
                .body("tokenConfigured", equalTo(true)).body("tokenHint", equalTo("…9f3a"))
                .body("settings.datasetId", equalTo("5001")).body("status", equalTo("ACTIVE"))
                .body("api", equalTo("Meta Conversions API, Graph API v24.0"))
                .extract().asString();
        assertFalse(answer.contains(AdPlatforms.META_TOKEN));
        String list = as(ws).get("/workspaces/" + ws + "/exports").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].platform", equalTo("META")).extract().asString();
        assertFalse(list.contains(AdPlatforms.META_TOKEN));
        as(ws).get("/workspaces/" + ws + "/exports/META").then().statusCode(200)
                .body(not(containsString(AdPlatforms.META_TOKEN)));
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT token, token_key_id, settings::text FROM export_destination WHERE workspace_id = ?")) {
            select.setObject(1, ws);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next());
                assertFalse(rs.getString(1).contains(AdPlatforms.META_TOKEN));
                assertFalse(rs.getString(1).contains("9f3a"));
                assertNotNull(rs.getString(2));
                assertFalse(rs.getString(3).contains(AdPlatforms.META_TOKEN));
            }
        }
        as(ws).delete("/workspaces/" + ws + "/exports/meta").then().statusCode(204);
        as(ws).get("/workspaces/" + ws + "/exports/meta").then().statusCode(404);
        as(ws).delete("/workspaces/" + ws + "/exports/meta").then().statusCode(404);
    }

    @Test
    void badConfigurationsAre422AndChangeNothing() {
        UUID ws = workspace();
        String path = "/workspaces/" + ws + "/exports/";
        as(ws).body("{\"accessToken\":\"" + AdPlatforms.META_TOKEN + "\"}").put(path + "meta").then().statusCode(422)
                .contentType(containsString("application/problem+json")).body("errors.field", org.hamcrest.Matchers
                        .hasItem("datasetId"));
        as(ws).body("{\"datasetId\":\"12\",\"pixelCode\":\"CQ5ABCDEFGHIJ1234567\",\"accessToken\":\"short\"}")
                .put(path + "meta").then().statusCode(422).body("errors.field",
                        org.hamcrest.Matchers.hasItems("pixelCode", "accessToken"));
        as(ws).body("{\"conversionRuleUrn\":\"urn:li:sponsoredAccount:1\",\"accessToken\":\""
                + AdPlatforms.LINKEDIN_TOKEN + "\"}").put(path + "linkedin").then().statusCode(422)
                .body("errors[0].field", equalTo("conversionRuleUrn"));
        as(ws).body("{\"operatingAccountId\":\"12345\",\"conversionActionId\":\"1\",\"accessToken\":\""
                + AdPlatforms.GOOGLE_TOKEN + "\"}").put(path + "google").then().statusCode(422)
                .body("errors[0].field", equalTo("operatingAccountId"));
        as(ws).body("{\"datasetId\":\"12\",\"accessToken\":\"" + AdPlatforms.META_TOKEN
                + "\",\"conversionTypes\":[\"REFUND\"]}").put(path + "meta").then().statusCode(422)
                .body("errors[0].field", equalTo("conversionTypes"));
        as(ws).body("{\"datasetId\":\"12\",\"accessToken\":\"" + AdPlatforms.META_TOKEN + "\",\"pixel\":\"x\"}")
                .put(path + "meta").then().statusCode(400);
        as(ws).body(meta("12")).put(path + "snapchat").then().statusCode(404);
        as(ws).get(path + "meta/deliveries?status=LOST").then().statusCode(422).body("errors[0].field",
                equalTo("status"));
        as(ws).get(path + "meta/deliveries?cursor=nope").then().statusCode(422);
        as(ws).get(path).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void tooOldUnattributedAndUnmatchableConversionsAreHandledAsDocumented() throws SQLException {
        UUID ws = workspace();
        configure(ws, "meta", meta("6001"));
        configure(ws, "linkedin", "{\"conversionRuleUrn\":\"urn:lla:llaPartnerConversion:9\",\"accessToken\":\""
                + AdPlatforms.LINKEDIN_TOKEN + "\",\"conversionTypes\":[\"PURCHASE\"]}");
        // Recorded now, but it happened 10 days ago: past Meta's 7 days, within LinkedIn's 90.
        record(ws, purchase("late", "test@example.com", "10.00", now.minus(Duration.ofDays(10))),
                purchase("no-email", null, "10.00", occurred),
                "{\"eventId\":\"lead-1\",\"type\":\"LEAD\",\"occurredAt\":\"" + occurred + "\",\"actorIds\":[\"ig:5\"],"
                        + "\"email\":\"lead@example.com\"}",
                // A conversion without any touchpoint is not attributed: it is not sent.
                "{\"eventId\":\"walk-in\",\"type\":\"PURCHASE\",\"value\":{\"amount\":\"5.00\",\"currency\":\"EUR\"},"
                        + "\"occurredAt\":\"" + occurred + "\",\"email\":\"w@example.com\"}");
        job.run(now);

        Map<String, Row> meta = deliveries(ws, "META");
        assertEquals("SKIPPED", meta.get("late").status());
        assertTrue(meta.get("late").reason().contains("older than META accepts (7 days"), meta.get("late").reason());
        assertEquals("SENT", meta.get("no-email").status(), "Meta matches on the hashed customer id too");
        assertEquals("SENT", meta.get("lead-1").status());
        assertFalse(meta.containsKey("walk-in"));
        JsonNode lead = AdPlatforms.json(posts(AdPlatforms.META).get(0).body()).path("data");
        assertTrue(lead.toString().contains("\"event_name\":\"Lead\""));

        Map<String, Row> linkedin = deliveries(ws, "LINKEDIN");
        assertEquals("SENT", linkedin.get("late").status(), "within LinkedIn's 90 days");
        assertEquals("SKIPPED", linkedin.get("no-email").status());
        assertTrue(linkedin.get("no-email").reason().startsWith("no e-mail to match the member by"));
        assertFalse(linkedin.containsKey("lead-1"), "only the destination's conversion types");
        assertFalse(linkedin.containsKey("walk-in"));
    }

    @Test
    void twoReplicasRunningAtOnceSendEachConversionOnce() throws Exception {
        UUID ws = workspace();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bodies.add(purchase("once-" + i, "once" + i + "@example.com", "3.00", occurred.plusSeconds(i)));
        }
        record(ws, bodies.toArray(String[]::new));
        configure(ws, "meta", meta("8001"));
        configure(ws, "tiktok", "{\"pixelCode\":\"CQ5ABCDEFGHIJ1234567\",\"accessToken\":\""
                + AdPlatforms.TIKTOK_TOKEN + "\"}");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> runs = List.of(pool.submit(() -> job.run(now)),
                    pool.submit(() -> job.run(now)));
            for (java.util.concurrent.Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        for (FakeServer server : List.of(AdPlatforms.META, AdPlatforms.TIKTOK)) {
            List<String> ids = new ArrayList<>();
            for (Recorded r : posts(server)) {
                AdPlatforms.json(r.body()).path("data").forEach(e -> ids.add(e.path("event_id").asText()));
            }
            assertEquals(20, ids.size(), ids.toString());
            assertEquals(20, new java.util.HashSet<>(ids).size());
        }
    }

    @Test
    void whatTheConversionLacksComesFromWhatTheCustomerStatedLast() throws SQLException {
        UUID ws = workspace();
        as(ws).body("{\"customerId\":\"c-known\",\"actorId\":\"ig:77\",\"platform\":\"INSTAGRAM\","
                + "\"email\":\"Known@Example.com\"}").post("/workspaces/" + ws + "/identities").then().statusCode(201);
        record(ws, "{\"eventId\":\"known\",\"type\":\"PURCHASE\",\"value\":{\"amount\":\"7.00\",\"currency\":"
                + "\"EUR\"},\"occurredAt\":\"" + occurred + "\",\"customerId\":\"c-known\",\"actorIds\":[\"ig:5\"]}");
        configure(ws, "linkedin", "{\"conversionRuleUrn\":\"urn:lla:llaPartnerConversion:9\",\"accessToken\":\""
                + AdPlatforms.LINKEDIN_TOKEN + "\"}");
        job.run(now);
        JsonNode id = AdPlatforms.json(posts(AdPlatforms.LINKEDIN).get(0).body()).path("elements").get(0).path("user")
                .path("userIds").get(0);
        assertEquals("25f7e41ebbf138de7854fe2d8e80198fa18997ef6011874b419ed2d60a171820", id.path("idValue").asText(),
                "SHA-256 of known@example.com, stated with the identity");
        assertEquals("SENT", deliveries(ws, "LINKEDIN").get("known").status());
    }

    @Test
    void deliveriesArePaged() {
        UUID ws = workspace();
        record(ws, purchase("p-1", "a@example.com", "1.00", occurred), purchase("p-2", "b@example.com", "1.00",
                occurred.plusSeconds(1)), purchase("p-3", "c@example.com", "1.00", occurred.plusSeconds(2)));
        configure(ws, "meta", meta("7001"));
        job.run(now);
        JsonPath first = as(ws).get("/workspaces/" + ws + "/exports/meta/deliveries?limit=2").then().statusCode(200)
                .body("items.size()", equalTo(2)).extract().jsonPath();
        String cursor = first.getString("nextCursor");
        assertNotNull(cursor);
        as(ws).get("/workspaces/" + ws + "/exports/meta/deliveries?limit=2&cursor=" + cursor).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("nextCursor", equalTo(null));
        as(ws).get("/workspaces/" + ws + "/exports/meta").then().body("deliveries.SENT", equalTo(3));
    }

}
