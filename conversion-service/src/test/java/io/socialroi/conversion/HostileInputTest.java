package io.socialroi.conversion;

import static io.socialroi.conversion.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.TestTokens;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Hostile input on every endpoint that takes a body or parameters: each case must answer a 4xx
 * application/problem+json (the status given, or any 4xx when none is), never a 5xx or a stack trace,
 * and must leave every table of the workspace as it was. Table-driven: one list of cases, all sent, all
 * failures reported together.
 */
@QuarkusTest
class HostileInputTest {

    static final String VALID_CONVERSION = "{\"eventId\":\"ok-1\",\"type\":\"PURCHASE\",\"value\":{\"amount\":\"12.50\","
            + "\"currency\":\"EUR\"},\"occurredAt\":\"2026-11-22T09:00:00+01:00\",\"customerId\":\"cust-1\"}";
    static final String TABLES = "conversion identity_link audience exchange_rate conversion_touchpoint";

    @FakeServices.Inject
    Fakes fakes;

    @Inject
    DataSource dataSource;

    /** One hostile request: method, path (below /workspaces/{ws}), body bytes or null, expected status (0: any 4xx). */
    record Case(String name, String method, String path, byte[] body, int status) {
    }

    static Case body(String name, String method, String path, String json, int status) {
        return new Case(name, method, path, json.getBytes(StandardCharsets.UTF_8), status);
    }

    static Case query(String name, String path, int status) {
        return new Case(name, "GET", path, null, status);
    }

    /** A conversion with one field replaced by raw JSON. */
    static String conversionWith(String field, String rawValue) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("eventId", "\"hostile-1\"");
        fields.put("type", "\"PURCHASE\"");
        fields.put("value", "{\"amount\":\"12.50\",\"currency\":\"EUR\"}");
        fields.put("occurredAt", "\"2026-11-22T09:00:00+01:00\"");
        fields.put("customerId", "\"cust-h\"");
        fields.put(field, rawValue);
        StringBuilder sb = new StringBuilder("{");
        fields.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return sb.append('}').toString();
    }

    static String money(String amount, String currency) {
        return "{\"amount\":" + amount + ",\"currency\":" + currency + "}";
    }

    static String nested(int depth, char open, char close, String inner) {
        return String.valueOf(open).repeat(depth) + inner + String.valueOf(close).repeat(depth);
    }

    static String nestedObjects(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    static byte[] invalidUtf8(String before, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] b = after.getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
        byte[] all = new byte[a.length + bad.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(bad, 0, all, a.length, bad.length);
        System.arraycopy(b, 0, all, a.length + bad.length, b.length);
        return all;
    }

    /** Cases every body endpoint gets: broken JSON, wrong shapes, depth, encoding. */
    static List<Case> generic(String method, String path, String valid) {
        List<Case> cases = new ArrayList<>();
        cases.add(body("truncated {", method, path, "{", 400));
        cases.add(body("truncated mid-field", method, path, valid.substring(0, valid.length() / 2), 400));
        cases.add(body("missing closing brace", method, path, valid.substring(0, valid.length() - 1), 400));
        cases.add(body("trailing garbage", method, path, valid + "}}", 400));
        cases.add(body("single quotes", method, path, valid.replace('"', '\''), 400));
        cases.add(body("empty body", method, path, "", 0));
        cases.add(body("null", method, path, "null", 0));
        cases.add(body("a string", method, path, "\"text\"", 0));
        cases.add(body("a number", method, path, "42", 0));
        cases.add(body("10,000 nested arrays", method, path, nested(10_000, '[', ']', ""), 400));
        cases.add(body("10,000 nested objects", method, path, nestedObjects(10_000), 400));
        cases.add(body("nested arrays in a field", method, path,
                "{\"eventId\":" + nested(10_000, '[', ']', "1") + "}", 400));
        cases.add(new Case("invalid UTF-8", method, path, invalidUtf8(valid.substring(0, valid.indexOf(':') + 2),
                valid.substring(valid.indexOf(':') + 2)), 400));
        cases.add(body("2,000-digit number", method, path, "{\"x\":" + "9".repeat(2000) + "}", 0));
        return cases;
    }

    List<Case> cases(String audienceId) {
        List<Case> cases = new ArrayList<>();
        String conversions = "/conversions";
        cases.addAll(generic("POST", conversions, VALID_CONVERSION));
        Map<String, String> badConversionFields = new LinkedHashMap<>();
        badConversionFields.put("eventId", "7");
        badConversionFields.put("eventId ", "\"\"");
        badConversionFields.put("eventId  ", "\"" + "e".repeat(10_000) + "\"");
        badConversionFields.put("eventId   ", "\"nul\\u0000byte\"");
        badConversionFields.put("type", "\"SALE\"");
        badConversionFields.put("type ", "1");
        badConversionFields.put("type  ", "[\"PURCHASE\"]");
        badConversionFields.put("value", "\"12.50 EUR\"");
        badConversionFields.put("value ", money("\"-0.01\"", "\"EUR\""));
        badConversionFields.put("value  ", money("-5", "\"EUR\""));
        badConversionFields.put("value   ", money("\"1e400\"", "\"EUR\""));
        badConversionFields.put("value    ", money("1e400", "\"EUR\""));
        badConversionFields.put("value     ", money("-1e400", "\"EUR\""));
        badConversionFields.put("value      ", money("\"99999999999999999999999999.99\"", "\"EUR\""));
        badConversionFields.put("value       ", money("\"1E+2147483647\"", "\"EUR\""));
        badConversionFields.put("value        ", money("\"1E-2147483647\"", "\"EUR\""));
        badConversionFields.put("value         ", money("\"NaN\"", "\"EUR\""));
        badConversionFields.put("value          ", money("\"Infinity\"", "\"EUR\""));
        badConversionFields.put("value           ", money("\"0x10\"", "\"EUR\""));
        badConversionFields.put("value            ", money("true", "\"EUR\""));
        badConversionFields.put("value             ", money("\"12.50\"", "\"EURO\""));
        badConversionFields.put("value              ", money("\"12.50\"", "\"eur\""));
        badConversionFields.put("value               ", money("\"12.50\"", "\"ABC\""));
        badConversionFields.put("value                ", money("\"12.50\"", "978"));
        badConversionFields.put("value                 ", money("\"12.50\"", "\"\""));
        badConversionFields.put("value                  ", money("\"12.50\"", "null"));
        badConversionFields.put("value                   ", "{\"amount\":\"12.50\"}");
        badConversionFields.put("occurredAt", "\"2026-02-30T10:00:00Z\"");
        badConversionFields.put("occurredAt ", "\"2026-13-01T10:00:00Z\"");
        badConversionFields.put("occurredAt  ", "\"2026-11-22T25:00:00Z\"");
        badConversionFields.put("occurredAt   ", "\"2026-11-22T09:00:00+25:00\"");
        badConversionFields.put("occurredAt    ", "\"2026-11-22T09:00:00\"");
        badConversionFields.put("occurredAt     ", "\"2026-11-22\"");
        badConversionFields.put("occurredAt      ", "\"+999999999-12-31T23:59:59Z\"");
        badConversionFields.put("occurredAt       ", "\"-999999999-01-01T00:00:00Z\"");
        badConversionFields.put("occurredAt        ", "\"0001-01-01T00:00:00Z\"");
        badConversionFields.put("occurredAt         ", "\"2999-01-01T00:00:00Z\"");
        badConversionFields.put("occurredAt          ", "\"2026-11-22T09:00:00+01:00[Mars/Olympus_Mons]\"");
        badConversionFields.put("occurredAt           ", "\"2026-11-22T09:00:00 Europe/Rome\"");
        badConversionFields.put("occurredAt            ", "1795424400");
        badConversionFields.put("customerId", "42");
        badConversionFields.put("customerId ", "\"cust\\u0000\"");
        badConversionFields.put("clickId", "{}");
        badConversionFields.put("actorIds", "\"ig:1\"");
        badConversionFields.put("actorIds ", "[1]");
        badConversionFields.put("actorIds  ", "[\"ig:\\u00001\"]");
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("\"ig:").append(i).append('"');
        }
        badConversionFields.put("actorIds   ", many.append(']').toString());
        badConversionFields.put("email", "5");
        badConversionFields.put("email ", "\"not-an-email\"");
        badConversionFields.put("email  ", "\"a\\u0000@example.com\"");
        badConversionFields.forEach((field, raw) -> cases.add(body("conversion " + field.trim() + " = "
                + abbreviate(raw), "POST", conversions, conversionWith(field.trim(), raw), 422)));
        StringBuilder tooMany = new StringBuilder("[");
        for (int i = 0; i < 1001; i++) {
            tooMany.append(i == 0 ? "" : ",").append(VALID_CONVERSION.replace("ok-1", "many-" + i));
        }
        cases.add(body("batch of 1,001", "POST", conversions, tooMany.append(']').toString(), 422));
        cases.add(body("batch, then garbage", "POST", conversions, "[" + VALID_CONVERSION + "," , 400));

        String identities = "/identities";
        String identity = "{\"customerId\":\"cust-1\",\"actorId\":\"ig:1\",\"platform\":\"INSTAGRAM\"}";
        cases.addAll(generic("POST", identities, identity));
        cases.add(body("identity [] body", "POST", identities, "[]", 0));
        cases.add(body("identity platform MYSPACE", "POST", identities, identity.replace("INSTAGRAM", "MYSPACE"), 400));
        cases.add(body("identity platform 5", "POST", identities, identity.replace("\"INSTAGRAM\"", "5"), 400));
        cases.add(body("identity customerId 7", "POST", identities, identity.replace("\"cust-1\"", "7"), 400));
        cases.add(body("identity customerId blank", "POST", identities, identity.replace("cust-1", " "), 422));
        cases.add(body("identity customerId NUL", "POST", identities, identity.replace("cust-1", "c\\u0000"), 400));
        cases.add(body("identity actorId NUL", "POST", identities, identity.replace("ig:1", "ig:\\u0000"), 400));
        cases.add(body("identity actorId 10k", "POST", identities, identity.replace("ig:1", "i".repeat(10_000)), 422));
        cases.add(body("identity missing platform", "POST", identities,
                "{\"customerId\":\"cust-1\",\"actorId\":\"ig:1\"}", 422));

        String audiences = "/audiences";
        String audience = "{\"name\":\"Warm\",\"engagedWithinDays\":14,\"campaignId\":\"3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b\","
                + "\"funnelStages\":[\"TRUST\"],\"minIntent\":40,\"excludeConverted\":true}";
        cases.addAll(generic("POST", audiences, audience));
        cases.add(body("audience [] body", "POST", audiences, "[]", 0));
        Map<String, String> badAudience = new LinkedHashMap<>();
        badAudience.put("\"engagedWithinDays\":14", "\"engagedWithinDays\":\"soon\"");
        badAudience.put("\"engagedWithinDays\":14 ", "\"engagedWithinDays\":0");
        badAudience.put("\"engagedWithinDays\":14  ", "\"engagedWithinDays\":-1");
        badAudience.put("\"engagedWithinDays\":14   ", "\"engagedWithinDays\":366");
        badAudience.put("\"engagedWithinDays\":14    ", "\"engagedWithinDays\":99999999999999999999");
        badAudience.put("\"engagedWithinDays\":14     ", "\"engagedWithinDays\":1e400");
        badAudience.put("\"engagedWithinDays\":14      ", "\"engagedWithinDays\":14.5");
        badAudience.put("\"minIntent\":40", "\"minIntent\":-1");
        badAudience.put("\"minIntent\":40 ", "\"minIntent\":101");
        badAudience.put("\"minIntent\":40  ", "\"minIntent\":1e400");
        badAudience.put("\"minIntent\":40   ", "\"minIntent\":\"warm\"");
        badAudience.put("\"minIntent\":40    ", "\"minIntent\":1E-100000");
        badAudience.put("\"minIntent\":40     ", "\"minIntent\":\"NaN\"");
        badAudience.put("[\"TRUST\"]", "[\"NOPE\"]");
        badAudience.put("[\"TRUST\"] ", "\"TRUST\"");
        badAudience.put("[\"TRUST\"]  ", "[null]");
        badAudience.put("[\"TRUST\"]   ", "[\"TRUST\",\"ACTION\",\"INTEREST\",\"ATTENTION\",\"TRUST\"]");
        badAudience.put("\"3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b\"", "\"campaign-1\"");
        badAudience.put("\"3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b\" ", "42");
        badAudience.put("\"excludeConverted\":true", "\"excludeConverted\":\"yes\"");
        badAudience.put("\"excludeConverted\":true ", "\"excludeConverted\":[]");
        badAudience.put("\"name\":\"Warm\"", "\"name\":\"" + "n".repeat(10_000) + "\"");
        badAudience.put("\"name\":\"Warm\" ", "\"name\":\"a\\u0000b\"");
        badAudience.put("\"name\":\"Warm\"  ", "\"name\":{}");
        badAudience.forEach((from, to) -> cases.add(body("audience " + abbreviate(to), "POST", audiences,
                audience.replace(from.trim(), to), 0)));

        String rate = "/exchange-rates/USD/2026-11-22";
        cases.addAll(generic("PUT", rate, "{\"rate\":\"0.92\"}"));
        for (String bad : List.of("\"-1\"", "0", "-0.5", "\"abc\"", "1e400", "\"1e400\"", "\"1E-1000\"", "\"NaN\"",
                "null", "true", "[0.9]", "{}", "\"" + "9".repeat(2000) + "\"")) {
            cases.add(body("rate " + abbreviate(bad), "PUT", rate, "{\"rate\":" + bad + "}", 0));
        }
        for (String path : List.of("/exchange-rates/usd/2026-11-22", "/exchange-rates/EURO/2026-11-22",
                "/exchange-rates/ABC/2026-11-22", "/exchange-rates/USD/2026-02-30", "/exchange-rates/USD/2026-11-22T00:00Z",
                "/exchange-rates/USD/+999999999-12-31", "/exchange-rates/USD/-999999999-01-01",
                "/exchange-rates/USD/0000-01-01", "/exchange-rates/EUR/2026-11-22")) {
            cases.add(body("PUT " + path, "PUT", path, "{\"rate\":\"0.92\"}", 422));
            cases.add(query("GET " + path, path, path.contains("EUR/") ? 0 : 422));
        }

        for (String q : List.of("limit=0", "limit=501", "limit=-1", "limit=abc", "limit=99999999999", "limit=1.5",
                "type=SALE", "cursor=garbage", "cursor=%2B999999999-12-31T00:00Z_" + UUID.randomUUID(),
                "cursor=2026-11-22T00:00Z_not-a-uuid", "customerId=a%00b", "customerId=%C3%28")) {
            cases.add(query("conversions?" + q, "/conversions?" + q, 0));
        }
        cases.add(query("conversion id not a uuid", "/conversions/not-a-uuid", 422));
        cases.add(query("conversion id NUL", "/conversions/a%00b", 0));
        cases.add(query("identities without customerId", "/identities", 422));
        cases.add(query("identities customerId NUL", "/identities?customerId=a%00b", 0));
        List<String> reportParams = List.of("model=FOO", "model=first_touch,LINEAR", "lookbackDays=0",
                "lookbackDays=91", "lookbackDays=-1", "lookbackDays=abc", "lookbackDays=99999999999",
                "lookbackDays=1e3", "halfLifeDays=0", "halfLifeDays=-1", "halfLifeDays=366", "halfLifeDays=NaN",
                "halfLifeDays=Infinity", "halfLifeDays=abc", "halfLifeDays=1E-400", "halfLifeDays=1E%2B400",
                "touchTypes=FOO", "touchTypes=CLICK,FOO", "touchTypes=%00", "from=2026-02-30", "from=2026-11-31",
                "to=2026-13-01", "from=22-11-2026", "from=%2B999999999-12-31", "to=%2B999999999-12-31",
                "from=-999999999-01-01", "from=2026-11-22&to=2026-11-01", "groupBy=day", "groupBy=FOO",
                "groupBy=%00");
        for (String q : reportParams) {
            cases.add(query("attribution?" + q, "/attribution?" + q.replace("model=", "model="), 422));
            if (!q.startsWith("model=first_touch")) {
                cases.add(query("compare?" + q, "/attribution/compare?" + q.replace("model=", "models="), 422));
            }
        }
        for (String q : List.of("lookbackDays=0", "lookbackDays=91", "lookbackDays=abc", "touchTypes=FOO",
                "touchTypes=%00", "from=2026-02-30", "from=%2B999999999-12-31", "from=2026-11-22&to=2026-11-01",
                "by=post", "by=%00", "limit=0", "limit=101", "limit=99999999999", "maxLength=2", "maxLength=21",
                "maxLength=1e3")) {
            cases.add(query("paths?" + q, "/attribution/paths?" + q, 422));
        }
        cases.add(query("compare models=,", "/attribution/compare?models=,", 422));
        cases.add(query("compare models=LINEAR,FOO", "/attribution/compare?models=LINEAR,FOO", 422));
        for (String q : List.of("limit=0", "limit=abc", "cursor=not-a-uuid", "limit=99999999999")) {
            cases.add(query("audiences?" + q, "/audiences?" + q, 422));
        }
        String members = "/audiences/" + audienceId + "/members";
        for (String q : List.of("limit=0", "limit=501", "limit=abc", "cursor=a%00b", "cursor=" + "c".repeat(1500),
                "cursor=a.b", "cursor=engagement-refuses-it")) {
            cases.add(query("members?" + abbreviate(q), members + "?" + q, 422));
        }
        cases.add(query("members?cursor=%C3%28", members + "?cursor=%C3%28", 400));
        cases.add(query("audience id NUL", "/audiences/a%00b", 422));
        cases.add(query("customer id NUL", "/customers/a%00b", 0));
        cases.add(query("journey of customer id NUL", "/customers/a%00b/journey", 0));
        return cases;
    }

    @Test
    void everyHostileRequestIsAProblemAndChangesNothing() throws Exception {
        UUID ws = fakes.workspace();
        fakes.engagement.on("POST", "/workspaces/" + ws + "/actors/search",
                r -> r.body().contains("\"cursor\":null") ? FakeServer.Reply.json(200, "{\"items\":[],\"nextCursor\":null}")
                        : FakeServer.Reply.json(422, "{\"status\":422,\"errors\":[{\"field\":\"cursor\"}]}"));
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search",
                FakeServer.Reply.json(200, "{\"items\":[]}"));
        fakes.journeys(ws, List.of());
        as(ws).body(VALID_CONVERSION).post("/workspaces/" + ws + "/conversions").then().statusCode(201);
        String audienceId = as(ws).body("{\"name\":\"A\",\"engagedWithinDays\":7}").post("/workspaces/" + ws + "/audiences")
                .then().statusCode(201).extract().path("id");
        Map<String, Integer> before = counts(ws);
        List<String> failures = new ArrayList<>();
        List<Case> cases = cases(audienceId);
        for (Case c : cases) {
            Response response = send(ws, c);
            check(failures, c.name(), response.statusCode(), response.contentType(), response.asString(), c.status());
        }
        assertEquals(List.of(), failures, failures.size() + " of " + cases.size() + " cases failed");
        assertEquals(before, counts(ws), "hostile requests changed stored rows");
    }

    /** Bodies above the limit are a 413 problem before any is read, with or without Content-Length. */
    @Test
    void oversizeBodiesAre413WithOrWithoutContentLength() throws Exception {
        UUID ws = fakes.workspace();
        Map<String, Integer> before = counts(ws);
        StringBuilder big = new StringBuilder("[");
        for (int i = 0; big.length() < 1_200_000; i++) {
            big.append(i == 0 ? "" : ",").append(VALID_CONVERSION.replace("ok-1", "big-" + i));
        }
        byte[] body = big.append(']').toString().getBytes(StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String[] endpoint : List.of(new String[] {"POST", "/conversions"}, new String[] {"POST", "/identities"},
                new String[] {"POST", "/audiences"}, new String[] {"PUT", "/exchange-rates/USD/2026-11-22"})) {
            Response sized = as(ws).body(body).request(endpoint[0], "/workspaces/" + ws + endpoint[1]);
            check(failures, endpoint[0] + " " + endpoint[1] + " sized", sized.statusCode(), sized.contentType(),
                    sized.asString(), 413);
            HttpRequest chunked = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                    + "/workspaces/" + ws + endpoint[1]))
                    .header("Authorization", "Bearer " + TestTokens.workspace(ws, "conversions:read", "conversions:write"))
                    .header("Content-Type", "application/json")
                    .method(endpoint[0], HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                    .build();
            try {
                HttpResponse<String> answer = client.send(chunked, HttpResponse.BodyHandlers.ofString());
                check(failures, endpoint[0] + " " + endpoint[1] + " chunked", answer.statusCode(),
                        answer.headers().firstValue("Content-Type").orElse(null), answer.body(), 413);
            } catch (java.io.IOException e) {
                failures.add(endpoint[1] + " chunked: connection failed without an answer: " + e);
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(before, counts(ws));
    }

    /** Wrong media types and methods are problems too. */
    @Test
    void wrongContentTypeOrMethodIsAProblem() {
        UUID ws = fakes.workspace();
        Map<String, Integer> before = counts(ws);
        List<String> failures = new ArrayList<>();
        for (String path : List.of("/conversions", "/identities", "/audiences")) {
            for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
                Response r = io.restassured.RestAssured.given()
                        .auth().oauth2(TestTokens.workspace(ws, "conversions:read", "conversions:write"))
                        .contentType(type).body(VALID_CONVERSION).post("/workspaces/" + ws + path);
                check(failures, "POST " + path + " as " + type, r.statusCode(), r.contentType(), r.asString(), 415);
            }
            Response patch = as(ws).body(VALID_CONVERSION).patch("/workspaces/" + ws + path);
            check(failures, "PATCH " + path, patch.statusCode(), patch.contentType(), patch.asString(), 405);
        }
        assertEquals(List.of(), failures);
        assertEquals(before, counts(ws));
    }

    /** A batch stores its valid items and rejects each bad one by index (README: partial acceptance). */
    @Test
    void batchWithHostileItemsStoresOnlyTheValidOnes() {
        UUID ws = fakes.workspace();
        String batch = "[" + VALID_CONVERSION.replace("ok-1", "good-1") + ","
                + conversionWith("occurredAt", "\"2026-02-30T10:00:00Z\"") + ","
                + conversionWith("value", money("\"-1\"", "\"EUR\"")) + ","
                + "[[[[[[1]]]]]],"
                + "null,"
                + conversionWith("eventId", "\"nul\\u0000\"") + ","
                + conversionWith("value", money("1e400", "\"EUR\"")) + ","
                + conversionWith("value", money("\"1\"", "\"EURO\"")) + ","
                + conversionWith("type", "\"REFUND\"") + ","
                + conversionWith("occurredAt", "\"+999999999-12-31T23:59:59Z\"") + ","
                + VALID_CONVERSION.replace("ok-1", "good-2") + "]";
        as(ws).body(batch).post("/workspaces/" + ws + "/conversions").then().log().ifValidationFails()
                .statusCode(200).body("accepted", equalTo(2)).body("duplicates", equalTo(0))
                .body("rejected.index", contains(1, 2, 3, 4, 5, 6, 7, 8, 9));
        as(ws).get("/workspaces/" + ws + "/conversions").then().statusCode(200)
                .body("items.eventId", org.hamcrest.Matchers.containsInAnyOrder("good-1", "good-2"));
        assertEquals(2, counts(ws).get("conversion"));
    }

    static void check(List<String> failures, String name, int status, String contentType, String body, int expected) {
        boolean statusOk = expected == 0 ? status >= 400 && status < 500 : status == expected;
        if (!statusOk) {
            failures.add(name + ": expected " + (expected == 0 ? "4xx" : expected) + " but was " + status + " "
                    + abbreviate(body));
        } else if (contentType == null || !contentType.startsWith("application/problem+json")) {
            failures.add(name + ": " + status + " without problem+json (" + contentType + ")");
        } else if (!body.contains("\"status\":" + status) || body.contains("Exception") || body.contains("\tat ")) {
            failures.add(name + ": problem body is not clean: " + abbreviate(body));
        }
    }

    Response send(UUID ws, Case c) {
        var spec = as(ws).urlEncodingEnabled(false);
        if (c.body() != null) {
            spec = spec.body(c.body());
        }
        return spec.request(c.method(), "/workspaces/" + ws + c.path());
    }

    Map<String, Integer> counts(UUID ws) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : Set.of(TABLES.split(" "))) {
                try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE workspace_id = ?")) {
                    s.setObject(1, ws);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        counts.put(table, rs.getInt(1));
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return new java.util.TreeMap<>(counts);
    }

    static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() > 160 ? oneLine.substring(0, 157) + "..." : oneLine;
    }
}
