package io.socialroi.content;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.socialroi.testing.TestTokens;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hostile input on every content-service endpoint that takes a body, a query or a path parameter: malformed
 * and truncated JSON, wrong types, unknown enums, huge numbers, negative money, impossible dates, bad time
 * zones, deep nesting, oversize bodies, invalid UTF-8. Each answer must be the expected 4xx as problem+json
 * without internals, and nothing may be written: every table keeps its row count and the posts used as
 * targets keep their status and history.
 */
@QuarkusTest
class HostileInputTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final List<String> TABLES = List.of("workspace", "credential", "app_user", "user_workspace",
            "campaign", "post", "post_history", "link_registration", "publisher", "webhook_subscription",
            "webhook_delivery", "approval_link");
    private static final Set<Integer> BAD = Set.of(400);
    private static final Set<Integer> INVALID = Set.of(422);
    private static final Set<Integer> BAD_OR_INVALID = Set.of(400, 422);

    /** One hostile call: what is sent and which statuses are right. */
    record Case(String name, String method, String path, String token, String contentType, byte[] body,
            Set<Integer> expected) {
    }

    static UUID ws;
    static String writer;
    static String campaign;
    static String draft;
    static String inReview;
    static String approved;
    static String scheduled;

    /** Called by the test (a static @BeforeAll would run before RestAssured knows the test port). */
    static void setUp() {
        ws = Fixtures.workspace("Europe/Berlin", "EUR");
        writer = Fixtures.writer(ws);
        campaign = Fixtures.campaign(ws, "Hostile").toString();
        draft = post();
        inReview = post();
        move(inReview, "submit");
        approved = post();
        move(approved, "submit");
        move(approved, "approve");
        scheduled = post();
        move(scheduled, "submit");
        move(scheduled, "approve");
        given().auth().oauth2(writer).contentType(ContentType.JSON).body("{\"scheduledAt\":\"2031-05-01T09:00:00Z\"}")
                .post(posts() + "/" + scheduled + "/schedule").then().statusCode(200);
    }

    @Test
    void everyHostileCallIsA4xxProblemAndChangesNothing() throws Exception {
        setUp();
        List<Case> cases = cases();
        Map<String, Long> rows = rows();
        Map<String, String> states = states();

        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Answer response;
            try {
                response = send(c);
            } catch (java.io.IOException e) {
                failures.add(c.name() + ": no answer (" + e + ")");
                continue;
            }
            int status = response.status();
            String type = response.contentType();
            String body = response.body();
            if (!c.expected().contains(status)) {
                failures.add(c.name() + ": expected " + c.expected() + " but was " + status + " " + abbreviate(body));
            } else if (type == null || !type.startsWith("application/problem+json")) {
                failures.add(c.name() + ": " + status + " without problem+json (" + type + ")");
            } else if (!body.contains("\"status\":" + status) || body.contains("Exception") || body.contains("\tat ")
                    || body.contains("io.socialroi") || body.contains("com.fasterxml")) {
                failures.add(c.name() + ": problem body shows internals or lacks its status: " + abbreviate(body));
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + cases.size() + " hostile calls");
        assertTrue(cases.size() > 150, "only " + cases.size() + " cases");
        assertEquals(rows, rows(), "row counts");
        assertEquals(states, states(), "post states and history");
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String w = "/workspaces/" + ws;
        String admin = TestTokens.admin();

        // Every JSON body endpoint gets the generic hostile bodies.
        Map<String, String[]> json = new LinkedHashMap<>();
        json.put("POST " + w + "/campaigns", new String[] {writer,
            "{\"name\":\"Spring\",\"objective\":\"Sales\",\"startDate\":\"2026-03-01\"}"});
        json.put("PATCH " + w + "/campaigns/" + campaign, new String[] {writer, "{\"name\":\"Renamed\"}"});
        json.put("POST " + w + "/posts", new String[] {writer,
            "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"Hi\"}"});
        json.put("PATCH " + w + "/posts/" + draft, new String[] {writer, "{\"caption\":\"Edited\"}"});
        json.put("POST " + w + "/posts/" + draft + "/submit", new String[] {writer, "{\"comment\":\"please\"}"});
        json.put("POST " + w + "/posts/" + inReview + "/approve", new String[] {writer, "{\"comment\":\"ok\"}"});
        json.put("POST " + w + "/posts/" + inReview + "/reject", new String[] {writer, "{\"comment\":\"no\"}"});
        json.put("POST " + w + "/posts/" + approved + "/schedule", new String[] {writer,
            "{\"scheduledAt\":\"2031-01-01T09:00:00Z\"}"});
        json.put("POST " + w + "/posts/" + scheduled + "/unschedule", new String[] {writer, "{\"comment\":\"wait\"}"});
        json.put("POST " + w + "/posts/" + draft + "/retry", new String[] {writer, "{\"comment\":\"again\"}"});
        json.put("POST " + w + "/posts/" + inReview + "/approval-links", new String[] {writer,
            "{\"expiresInHours\":24}"});
        json.put("PUT " + w + "/publishers/INSTAGRAM", new String[] {writer,
            "{\"type\":\"WEBHOOK\",\"url\":\"https://hooks.example/ig\",\"secret\":\"0123456789abcdef\"}"});
        json.put("PUT " + w + "/publishers/TELEGRAM", new String[] {writer,
            "{\"type\":\"TELEGRAM\",\"botToken\":\"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0\",\"chatId\":\"@fiori\"}"});
        json.put("POST " + w + "/posts/" + draft + "/mark-published", new String[] {writer,
            "{\"url\":\"https://www.quora.com/What-is-new/answer/Fiori\"}"});
        json.put("PUT " + w + "/webhooks", new String[] {writer,
            "{\"url\":\"https://hooks.example/s\",\"secret\":\"0123456789abcdef\",\"events\":[\"post.approved\"]}"});
        json.put("POST /workspaces", new String[] {admin, "{\"name\":\"X\",\"timeZone\":\"UTC\",\"currency\":\"EUR\"}"});
        json.put("POST " + w + "/credentials", new String[] {admin, "{\"name\":\"X\",\"scopes\":[\"content:read\"]}"});
        json.put("POST /users", new String[] {admin, "{\"email\":\"h@x.test\",\"name\":\"H\",\"password\":\"0123456789ab\","
            + "\"role\":\"MANAGER\",\"workspaceIds\":[]}"});
        int n = 0;
        for (Map.Entry<String, String[]> e : json.entrySet()) {
            String method = e.getKey().substring(0, e.getKey().indexOf(' '));
            String path = e.getKey().substring(e.getKey().indexOf(' ') + 1);
            String token = e.getValue()[0];
            String valid = e.getValue()[1];
            String name = e.getKey();
            cases.add(json(name + " malformed", method, path, token, "{\"name\":", BAD));
            cases.add(json(name + " truncated", method, path, token, valid.substring(0, valid.length() / 2), BAD));
            cases.add(json(name + " trailing garbage", method, path, token, valid + "}}", BAD));
            cases.add(json(name + " array", method, path, token, "[" + valid + "]", BAD));
            cases.add(json(name + " string", method, path, token, "\"hello\"", BAD));
            cases.add(json(name + " null", method, path, token, "null", BAD_OR_INVALID));
            cases.add(json(name + " nested 10000", method, path, token, "[".repeat(10_000) + "]".repeat(10_000), BAD));
            cases.add(json(name + " nested field", method, path, token,
                    valid.substring(0, valid.length() - 1) + ",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}", BAD));
            cases.add(json(name + " huge number", method, path, token,
                    valid.substring(0, valid.length() - 1) + ",\"x\":1" + "0".repeat(2000) + "}", BAD));
            cases.add(raw(name + " invalid UTF-8", method, path, token, "application/json", invalidUtf8(valid), BAD));
            cases.add(raw(name + " UTF-32 lookalike", method, path, token, "application/json",
                    new byte[] {0, 0, 0, '{', 0, 0, 0, '"', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, BAD));
            cases.add(raw(name + " oversize", method, path, token, "application/json", oversize(valid),
                    Set.of(413)));
            cases.add(raw(name + " not JSON", method, path, token, "text/plain", valid.getBytes(StandardCharsets.UTF_8),
                    Set.of(400, 415)));
            n++;
        }
        assertEquals(json.size(), n);

        // Field by field: wrong types, unknown enums, impossible dates, bad zones, money.
        String c = "POST " + w + "/campaigns";
        String base = "{\"name\":\"S\",\"objective\":\"Sales\",\"startDate\":\"2026-03-01\"";
        cases.add(json(c + " impossible date", "POST", w + "/campaigns", writer,
                "{\"name\":\"S\",\"objective\":\"Sales\",\"startDate\":\"2026-02-30\"}", BAD));
        cases.add(json(c + " month 13", "POST", w + "/campaigns", writer,
                "{\"name\":\"S\",\"objective\":\"Sales\",\"startDate\":\"2026-13-01\"}", BAD));
        cases.add(json(c + " date as object", "POST", w + "/campaigns", writer,
                "{\"name\":\"S\",\"objective\":\"Sales\",\"startDate\":{\"y\":2026}}", BAD));
        cases.add(json(c + " end before start", "POST", w + "/campaigns", writer,
                base + ",\"endDate\":\"2026-02-01\"}", INVALID));
        cases.add(json(c + " negative money", "POST", w + "/campaigns", writer,
                base + ",\"budget\":{\"amount\":\"-0.01\",\"currency\":\"EUR\"}}", INVALID));
        cases.add(json(c + " negative money number", "POST", w + "/campaigns", writer,
                base + ",\"budget\":{\"amount\":-5,\"currency\":\"EUR\"}}", INVALID));
        cases.add(json(c + " huge money", "POST", w + "/campaigns", writer,
                base + ",\"budget\":{\"amount\":\"1e400\",\"currency\":\"EUR\"}}", INVALID));
        cases.add(json(c + " huge exponent", "POST", w + "/campaigns", writer,
                base + ",\"budget\":{\"amount\":1e999999999,\"currency\":\"EUR\"}}", BAD_OR_INVALID));
        cases.add(json(c + " tiny exponent", "POST", w + "/campaigns", writer,
                base + ",\"budget\":{\"amount\":1e-999999999,\"currency\":\"EUR\"}}", BAD_OR_INVALID));
        cases.add(json(c + " too many decimals", "POST", w + "/campaigns", writer,
                base + ",\"budget\":{\"amount\":\"1.001\",\"currency\":\"EUR\"}}", INVALID));
        cases.add(json(c + " money not a number", "POST", w + "/campaigns", writer,
                base + ",\"budget\":{\"amount\":\"ten\",\"currency\":\"EUR\"}}", BAD));
        cases.add(json(c + " money as string", "POST", w + "/campaigns", writer, base + ",\"budget\":\"12 EUR\"}", BAD));
        cases.add(json(c + " other currency", "POST", w + "/campaigns", writer,
                base + ",\"budget\":{\"amount\":\"1\",\"currency\":\"USD\"}}", INVALID));
        cases.add(json(c + " unknown currency", "POST", w + "/campaigns", writer,
                base + ",\"budget\":{\"amount\":\"1\",\"currency\":\"XYZW\"}}", INVALID));
        cases.add(json(c + " name too long", "POST", w + "/campaigns", writer,
                "{\"name\":\"" + "n".repeat(201) + "\",\"objective\":\"Sales\",\"startDate\":\"2026-03-01\"}", INVALID));
        cases.add(json(c + " bad slug", "POST", w + "/campaigns", writer, base + ",\"slug\":\"Not A Slug\"}", INVALID));
        cases.add(json(c + " name as object", "POST", w + "/campaigns", writer,
                "{\"name\":{},\"objective\":\"Sales\",\"startDate\":\"2026-03-01\"}", BAD));
        String cp = w + "/campaigns/" + campaign;
        cases.add(json("PATCH campaign impossible date", "PATCH", cp, writer, "{\"endDate\":\"2026-04-31\"}", BAD));
        cases.add(json("PATCH campaign negative money", "PATCH", cp, writer,
                "{\"budget\":{\"amount\":\"-1\",\"currency\":\"EUR\"}}", INVALID));
        cases.add(json("PATCH campaign slug change", "PATCH", cp, writer, "{\"slug\":\"other\"}", INVALID));
        cases.add(json("PATCH campaign blank name", "PATCH", cp, writer, "{\"name\":\"  \"}", INVALID));

        String natives = w + "/publishers/";
        cases.add(json("PUT publisher native type on another platform", "PUT", natives + "X", writer,
                "{\"type\":\"TELEGRAM\",\"botToken\":\"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0\","
                        + "\"chatId\":\"@fiori\"}", INVALID));
        cases.add(json("PUT publisher bot token as number", "PUT", natives + "TELEGRAM", writer,
                "{\"type\":\"TELEGRAM\",\"botToken\":12345,\"chatId\":\"@fiori\"}", BAD_OR_INVALID));
        cases.add(json("PUT publisher discord webhook elsewhere", "PUT", natives + "DISCORD", writer,
                "{\"type\":\"DISCORD\",\"webhookUrl\":\"http://169.254.169.254/api/webhooks/123456/abcdefghijklmnopqrstuvwxyz\"}",
                INVALID));
        cases.add(json("PUT publisher webhook fields on quora", "PUT", natives + "QUORA", writer,
                "{\"type\":\"QUORA_ASSISTED\",\"url\":\"https://hooks.example/q\"}", INVALID));
        cases.add(json("POST mark-published url as object", "POST", w + "/posts/" + draft + "/mark-published", writer,
                "{\"url\":{}}", BAD));

        String p = w + "/posts";
        String pb = "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\"";
        cases.add(json("POST post unknown platform", "POST", p, writer,
                "{\"platform\":\"MYSPACE\",\"funnelStage\":\"ACTION\"}", BAD));
        cases.add(json("POST post unknown stage", "POST", p, writer,
                "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"PANIC\"}", BAD));
        cases.add(json("POST post stage as number", "POST", p, writer,
                "{\"platform\":\"INSTAGRAM\",\"funnelStage\":99}", BAD));
        cases.add(json("POST post stage as ordinal", "POST", p, writer,
                "{\"platform\":\"INSTAGRAM\",\"funnelStage\":1}", BAD));
        cases.add(json("POST post lower-case enum", "POST", p, writer,
                "{\"platform\":\"instagram \",\"funnelStage\":\"ACTION\"}", BAD));
        cases.add(json("POST post impossible schedule", "POST", p, writer,
                pb + ",\"scheduledAt\":\"2026-02-30T09:00:00+01:00\"}", BAD_OR_INVALID));
        cases.add(json("POST post bad offset", "POST", p, writer,
                pb + ",\"scheduledAt\":\"2026-03-01T09:00:00+25:00\"}", BAD_OR_INVALID));
        cases.add(json("POST post year 20260", "POST", p, writer,
                pb + ",\"scheduledAt\":\"+20260-03-01T09:00:00Z\"}", INVALID));
        cases.add(json("POST post bad zone", "POST", p, writer,
                pb + ",\"scheduledAt\":\"2026-03-01T09:00:00[Mars/Olympus]\"}", BAD_OR_INVALID));
        cases.add(json("POST post schedule 25h", "POST", p, writer,
                pb + ",\"scheduledAt\":\"2026-03-01T25:00:00\"}", BAD_OR_INVALID));
        cases.add(json("POST post campaign not uuid", "POST", p, writer, pb + ",\"campaignId\":\"abc\"}", BAD));
        cases.add(json("POST post unknown campaign", "POST", p, writer,
                pb + ",\"campaignId\":\"" + UUID.randomUUID() + "\"}", BAD_OR_INVALID));
        cases.add(json("POST post media not a list", "POST", p, writer, pb + ",\"mediaUrls\":\"https://x\"}", BAD));
        cases.add(json("POST post too many media", "POST", p, writer,
                pb + ",\"mediaUrls\":[" + "\"https://cdn.example/a.jpg\",".repeat(20) + "\"https://cdn.example/b.jpg\"]}",
                INVALID));
        cases.add(json("POST post caption too long", "POST", p, writer,
                pb + ",\"caption\":\"" + "c".repeat(10_001) + "\"}", INVALID));
        cases.add(json("POST post X caption over 280", "POST", p, writer,
                "{\"platform\":\"X\",\"funnelStage\":\"ACTION\",\"caption\":\"" + "c".repeat(281) + "\"}", INVALID));
        cases.add(json("POST post landing not http", "POST", p, writer,
                pb + ",\"landingUrl\":\"javascript:alert(1)\"}", INVALID));
        cases.add(json("POST post missing platform", "POST", p, writer, "{\"funnelStage\":\"ACTION\"}", INVALID));
        cases.add(json("PATCH post unknown platform", "PATCH", p + "/" + draft, writer, "{\"platform\":\"NOPE\"}", BAD));
        cases.add(json("PATCH post impossible schedule", "PATCH", p + "/" + draft, writer,
                "{\"scheduledAt\":\"2026-02-30T10:00:00\"}", BAD_OR_INVALID));
        cases.add(json("PATCH post caption as array", "PATCH", p + "/" + draft, writer, "{\"caption\":[1]}", BAD));

        String sch = p + "/" + approved + "/schedule";
        cases.add(json("schedule impossible date", "POST", sch, writer, "{\"scheduledAt\":\"2030-02-30T09:00:00\"}",
                BAD_OR_INVALID));
        cases.add(json("schedule bad zone", "POST", sch, writer,
                "{\"scheduledAt\":\"2030-03-29T09:00:00[Europe/Atlantis]\"}", BAD_OR_INVALID));
        cases.add(json("schedule bad offset", "POST", sch, writer, "{\"scheduledAt\":\"2030-03-29T09:00:00+19:00\"}",
                BAD_OR_INVALID));
        cases.add(json("schedule in the past", "POST", sch, writer, "{\"scheduledAt\":\"1999-01-01T00:00:00Z\"}",
                INVALID));
        cases.add(json("schedule year 99999", "POST", sch, writer, "{\"scheduledAt\":\"+99999-01-01T00:00:00Z\"}",
                BAD_OR_INVALID));
        cases.add(json("schedule as number", "POST", sch, writer, "{\"scheduledAt\":1e308}", BAD_OR_INVALID));
        cases.add(json("schedule as object", "POST", sch, writer, "{\"scheduledAt\":{}}", BAD));
        cases.add(json("schedule comment too long", "POST", sch, writer,
                "{\"comment\":\"" + "c".repeat(2001) + "\"}", INVALID));

        String links = p + "/" + inReview + "/approval-links";
        cases.add(json("approval link zero hours", "POST", links, writer, "{\"expiresInHours\":0}", INVALID));
        cases.add(json("approval link negative", "POST", links, writer, "{\"expiresInHours\":-5}", INVALID));
        cases.add(json("approval link too long", "POST", links, writer, "{\"expiresInHours\":721}", INVALID));
        cases.add(json("approval link overflow", "POST", links, writer, "{\"expiresInHours\":99999999999999999999}", BAD));
        cases.add(json("approval link text", "POST", links, writer, "{\"expiresInHours\":\"soon\"}", BAD));
        cases.add(json("approval link fraction", "POST", links, writer, "{\"expiresInHours\":1.5}", BAD));

        String pub = w + "/publishers/INSTAGRAM";
        cases.add(json("publisher unknown type", "PUT", pub, writer,
                "{\"type\":\"CARRIER_PIGEON\",\"url\":\"https://h.example\",\"secret\":\"0123456789abcdef\"}", BAD));
        cases.add(json("publisher ftp url", "PUT", pub, writer,
                "{\"type\":\"WEBHOOK\",\"url\":\"ftp://h.example\",\"secret\":\"0123456789abcdef\"}", INVALID));
        cases.add(json("publisher short secret", "PUT", pub, writer,
                "{\"type\":\"WEBHOOK\",\"url\":\"https://h.example\",\"secret\":\"short\"}", INVALID));
        cases.add(json("publisher unknown platform", "PUT", w + "/publishers/MYSPACE", writer,
                "{\"type\":\"WEBHOOK\",\"url\":\"https://h.example\",\"secret\":\"0123456789abcdef\"}", INVALID));
        cases.add(json("webhook unknown event", "PUT", w + "/webhooks", writer,
                "{\"url\":\"https://h.example\",\"secret\":\"0123456789abcdef\",\"events\":[\"post.deleted\"]}", INVALID));
        cases.add(json("webhook no events", "PUT", w + "/webhooks", writer,
                "{\"url\":\"https://h.example\",\"secret\":\"0123456789abcdef\",\"events\":[]}", INVALID));
        cases.add(json("webhook events not a list", "PUT", w + "/webhooks", writer,
                "{\"url\":\"https://h.example\",\"secret\":\"0123456789abcdef\",\"events\":\"post.approved\"}", BAD));
        cases.add(json("webhook bad url", "PUT", w + "/webhooks", writer,
                "{\"url\":\"not a url\",\"secret\":\"0123456789abcdef\",\"events\":[\"post.approved\"]}", INVALID));

        cases.add(json("workspace bad zone", "POST", "/workspaces", admin,
                "{\"name\":\"X\",\"timeZone\":\"Mars/Olympus\",\"currency\":\"EUR\"}", INVALID));
        cases.add(json("workspace offset zone", "POST", "/workspaces", admin,
                "{\"name\":\"X\",\"timeZone\":\"+25:00\",\"currency\":\"EUR\"}", INVALID));
        cases.add(json("workspace zone as number", "POST", "/workspaces", admin,
                "{\"name\":\"X\",\"timeZone\":[],\"currency\":\"EUR\"}", BAD));
        cases.add(json("workspace bad currency", "POST", "/workspaces", admin,
                "{\"name\":\"X\",\"timeZone\":\"UTC\",\"currency\":\"EURO\"}", INVALID));
        cases.add(json("workspace blank name", "POST", "/workspaces", admin,
                "{\"name\":\" \",\"timeZone\":\"UTC\",\"currency\":\"EUR\"}", INVALID));
        cases.add(json("credential scopes not a list", "POST", w + "/credentials", admin,
                "{\"name\":\"X\",\"scopes\":\"content:read\"}", BAD));
        cases.add(json("credential unknown scope", "POST", w + "/credentials", admin,
                "{\"name\":\"X\",\"scopes\":[\"admin\"]}", INVALID));
        cases.add(json("user unknown role", "POST", "/users", admin,
                "{\"email\":\"r@x.test\",\"name\":\"R\",\"password\":\"0123456789ab\",\"role\":\"GOD\"}", BAD));
        cases.add(json("user bad email", "POST", "/users", admin,
                "{\"email\":\"nope\",\"name\":\"R\",\"password\":\"0123456789ab\",\"role\":\"MANAGER\"}", INVALID));
        cases.add(json("user short password", "POST", "/users", admin,
                "{\"email\":\"r@x.test\",\"name\":\"R\",\"password\":\"short\",\"role\":\"MANAGER\"}", INVALID));
        cases.add(json("user workspace not uuid", "POST", "/users", admin,
                "{\"email\":\"r@x.test\",\"name\":\"R\",\"password\":\"0123456789ab\",\"role\":\"MANAGER\","
                        + "\"workspaceIds\":[\"x\"]}", BAD));
        cases.add(json("user unknown workspace", "POST", "/users", admin,
                "{\"email\":\"r@x.test\",\"name\":\"R\",\"password\":\"0123456789ab\",\"role\":\"MANAGER\","
                        + "\"workspaceIds\":[\"" + UUID.randomUUID() + "\"]}", INVALID));

        // Sign-in: every body names an e-mail of its own, so the per-e-mail rate limit never hides the answer.
        String login = "/auth/login";
        String e = "{\"email\":\"hostile-" + UUID.randomUUID() + "@x.test\",";
        cases.add(json("login truncated", "POST", login, null, e + "\"password\":\"ab", BAD));
        cases.add(json("login password as array", "POST", login, null, e + "\"password\":[\"a\"]}", BAD));
        cases.add(json("login nested", "POST", login, null,
                e + "\"password\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}", BAD));
        cases.add(raw("login invalid UTF-8", "POST", login, null, "application/json",
                invalidUtf8(e + "\"password\":\"secret\"}"), Set.of(400, 401)));
        cases.add(raw("login oversize", "POST", login, null, "application/json", oversize(e + "\"password\":\"x\"}"),
                Set.of(413)));
        cases.add(json("login missing password", "POST", login, null, e.substring(0, e.length() - 1) + "}", INVALID));
        cases.add(json("login email too long", "POST", login, null,
                "{\"email\":\"" + "e".repeat(400) + "@x.test\",\"password\":\"x\"}", BAD_OR_INVALID));
        String form = "application/x-www-form-urlencoded";
        cases.add(raw("token wrong grant", "POST", "/auth/token", null, form,
                ("grant_type=password&client_id=h-" + UUID.randomUUID() + "&client_secret=x").getBytes(), BAD));
        cases.add(raw("token invalid UTF-8", "POST", "/auth/token", null, form,
                concat("grant_type=client_credentials&client_id=h-" + UUID.randomUUID() + "&client_secret=%FF%FE",
                        new byte[] {(byte) 0xC3, 0x28}), Set.of(400, 401)));
        cases.add(raw("token as JSON", "POST", "/auth/token", null, "application/json",
                "{\"grant_type\":\"client_credentials\"}".getBytes(), Set.of(415)));
        cases.add(raw("token oversize", "POST", "/auth/token", null, form, oversize("grant_type=x"), Set.of(413)));

        // The client's approval page: an unknown link stays a 404 whatever is posted to it.
        String page = "/approvals/" + "t".repeat(43);
        cases.add(get("approval page unknown", page, Set.of(404)));
        cases.add(raw("approval unknown decision", "POST", page, null, form, "decision=MAYBE".getBytes(), Set.of(404)));
        cases.add(raw("approval invalid UTF-8", "POST", page, null, form,
                concat("decision=APPROVE&comment=", new byte[] {(byte) 0xC3, 0x28}), Set.of(400, 404)));
        cases.add(raw("approval as JSON", "POST", page, null, "application/json", "{\"decision\":\"APPROVE\"}".getBytes(),
                Set.of(415)));
        cases.add(raw("approval oversize", "POST", page, null, form, oversize("decision=APPROVE"), Set.of(413)));

        // Query and path parameters.
        cases.add(get("posts unknown status", p + "?status=DELETED", INVALID));
        cases.add(get("posts unknown platform", p + "?platform=MYSPACE", INVALID));
        cases.add(get("posts unknown stage", p + "?stage=PANIC", INVALID));
        cases.add(get("posts negative limit", p + "?limit=-1", BAD_OR_INVALID));
        cases.add(get("posts zero limit", p + "?limit=0", BAD_OR_INVALID));
        cases.add(get("posts huge limit", p + "?limit=99999999999999999999", BAD_OR_INVALID));
        cases.add(get("posts limit text", p + "?limit=ten", BAD_OR_INVALID));
        cases.add(get("posts garbage cursor", p + "?cursor=%00%FF", BAD_OR_INVALID));
        cases.add(get("posts forged cursor", p + "?cursor=eyJ4IjoxfQ", BAD_OR_INVALID));
        cases.add(get("campaigns limit 501", w + "/campaigns?limit=501", BAD_OR_INVALID));
        cases.add(get("campaigns garbage cursor", w + "/campaigns?cursor=%27%3B--", BAD_OR_INVALID));
        cases.add(get("workspaces limit text", "/workspaces?limit=abc", BAD_OR_INVALID));
        cases.add(get("workspaces bad cursor", "/workspaces?cursor=nope", BAD_OR_INVALID));
        String cal = w + "/calendar";
        cases.add(get("calendar impossible date", cal + "?from=2026-02-30&to=2026-03-05", BAD_OR_INVALID));
        cases.add(get("calendar month 13", cal + "?from=2026-13-01&to=2026-13-05", BAD_OR_INVALID));
        cases.add(get("calendar missing to", cal + "?from=2026-03-01", INVALID));
        cases.add(get("calendar to before from", cal + "?from=2026-03-05&to=2026-03-01", INVALID));
        cases.add(get("calendar too long", cal + "?from=2026-01-01&to=2028-01-01", INVALID));
        cases.add(get("calendar year 999999999", cal + "?from=2026-01-01&to=999999999-01-01", BAD_OR_INVALID));
        cases.add(get("calendar date-time", cal + "?from=2026-03-01T00:00:00Z&to=2026-03-02", BAD_OR_INVALID));
        cases.add(get("calendar unknown platform", cal + "?from=2026-03-01&to=2026-03-02&platform=NOPE", INVALID));
        cases.add(get("calendar bad campaign", cal + "?from=2026-03-01&to=2026-03-02&campaignId=x", BAD_OR_INVALID));
        cases.add(get("publisher unknown platform", w + "/publishers/MYSPACE", INVALID));
        cases.add(get("post id not a uuid", p + "/not-a-uuid", Set.of(400, 404)));
        cases.add(get("history id not a uuid", p + "/1%27%20or%201=1/history", Set.of(400, 404)));
        cases.add(get("workspace id not a uuid", "/workspaces/not-a-uuid", Set.of(400, 404)));
        cases.add(get("campaign id not a uuid", w + "/campaigns/" + "9".repeat(3000), Set.of(400, 404)));
        return cases;
    }

    private static Case json(String name, String method, String path, String token, String body, Set<Integer> expected) {
        return new Case(name, method, path, token, "application/json", body.getBytes(StandardCharsets.UTF_8), expected);
    }

    private static Case raw(String name, String method, String path, String token, String type, byte[] body,
            Set<Integer> expected) {
        return new Case(name, method, path, token, type, body, expected);
    }

    private static Case get(String name, String pathAndQuery, Set<Integer> expected) {
        String token = pathAndQuery.startsWith("/workspaces?") ? TestTokens.admin() : writer;
        return new Case(name, "GET", pathAndQuery, token, null, null, expected);
    }

    /** Sent with the JDK client, byte for byte as given: no charset added, nothing re-encoded. */
    private static Answer send(Case c) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + c.path()))
                .timeout(Duration.ofSeconds(30));
        if (c.token() != null) {
            request.header("Authorization", "Bearer " + c.token());
        }
        if (c.body() != null) {
            request.header("Content-Type", c.contentType())
                    .method(c.method(), HttpRequest.BodyPublishers.ofByteArray(c.body()));
        } else {
            request.method(c.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body());
    }

    /** What came back. */
    record Answer(int status, String contentType, String body) {
    }

    /** The valid body with a broken two-byte sequence (0xC3 0x28) inside its first string value. */
    private static byte[] invalidUtf8(String valid) {
        int quote = valid.indexOf(":\"");
        if (quote < 0) {
            return concat(valid.substring(0, valid.length() - 1) + ",\"x\":\"", new byte[] {(byte) 0xC3, 0x28, '"', '}'});
        }
        byte[] head = valid.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8);
        byte[] tail = valid.substring(quote + 2).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF});
        out.writeBytes(tail);
        return out.toByteArray();
    }

    /** The valid body padded past the 1 MB limit inside a string value. */
    private static byte[] oversize(String valid) {
        if (!valid.startsWith("{")) {
            return (valid + "&pad=" + "p".repeat(1_100_000)).getBytes(StandardCharsets.UTF_8);
        }
        return ("{\"pad\":\"" + "p".repeat(1_100_000) + "\"," + valid.substring(1)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(String head, byte[] tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(tail);
        return out.toByteArray();
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }

    private static Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, Fixtures.count("select count(*) from " + table));
        }
        return rows;
    }

    /** Status, caption, schedule and history length of the posts the hostile moves aim at, and the campaign. */
    private static Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        for (String id : List.of(draft, inReview, approved, scheduled)) {
            var post = given().auth().oauth2(writer).get(posts() + "/" + id).then().statusCode(200).extract().jsonPath();
            states.put(id, post.getString("status") + "|" + post.getString("caption") + "|"
                    + post.getString("scheduledAt") + "|" + post.getString("platform") + "|"
                    + given().auth().oauth2(writer).get(posts() + "/" + id + "/history").then().statusCode(200)
                            .extract().jsonPath().getList("items").size());
        }
        states.put("campaign", given().auth().oauth2(writer).get("/workspaces/" + ws + "/campaigns/" + campaign).then()
                .statusCode(200).extract().asString());
        return states;
    }

    private static String posts() {
        return "/workspaces/" + ws + "/posts";
    }

    private static String post() {
        return given().auth().oauth2(writer).contentType(ContentType.JSON)
                .body("{\"campaignId\":\"" + campaign + "\",\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\","
                        + "\"caption\":\"Original\",\"mediaUrls\":[\"https://cdn.example/p.jpg\"],\"landingUrl\":\"https://shop.example/p\"}")
                .post(posts()).then().statusCode(201).extract().path("id");
    }

    private static void move(String id, String action) {
        given().auth().oauth2(writer).post(posts() + "/" + id + "/" + action).then().statusCode(200);
    }
}
