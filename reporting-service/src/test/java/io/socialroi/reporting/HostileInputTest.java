package io.socialroi.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.socialroi.testing.TestTokens;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Hostile input on every endpoint that takes a body or parameters (issue 9): each case must get its 4xx as
 * application/problem+json naming the status, never a 5xx or a stack trace, and must store nothing. The
 * dependencies are never asked: every case is refused before a report reads another service (the fakes have
 * no routes for these workspaces, so reaching them would show as a 503 and fail the case).
 */
@QuarkusTest
class HostileInputTest {

    private static final String COST = "{\"category\":\"AD_SPEND\",\"amount\":{\"amount\":\"40.00\",\"currency\":\"EUR\"},"
            + "\"incurredOn\":\"2026-11-20\",\"platform\":\"INSTAGRAM\"}";
    private static final String SETTINGS = "{\"hourlyRate\":{\"amount\":\"30.00\",\"currency\":\"EUR\"},"
            + "\"minutesPerComment\":2,\"minutesPerDm\":5}";
    private static final String UUID_LIKE = "5b0c1f1e-3f7a-4c55-9a57-1d1f6f0c2b11";

    /** One hostile request: a method, a path below the workspace, a body (null for none) and the 4xx it must get. */
    record Case(String name, String method, String path, String contentType, byte[] body, String accept, int status) {

        static Case json(String name, String method, String path, String body, int status) {
            return new Case(name, method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), null, status);
        }

        static Case get(String name, String path, int status) {
            return new Case(name, "GET", path, null, null, null, status);
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void costBodiesAreRefusedAndNothingIsStored() throws Exception {
        UUID ws = FakeServices.workspace("Europe/Rome", "EUR");
        List<Case> cases = new ArrayList<>(bodyCases("POST", "/costs", COST));
        cases.addAll(List.of(
                Case.json("unknown category", "POST", "/costs", COST.replace("AD_SPEND", "BRIBES"), 400),
                Case.json("lower-case unknown category", "POST", "/costs", COST.replace("AD_SPEND", "ad_spendx"), 400),
                Case.json("unknown platform", "POST", "/costs", COST.replace("INSTAGRAM", "MYSPACE"), 400),
                Case.json("category as number", "POST", "/costs", COST.replace("\"AD_SPEND\"", "5"), 400),
                Case.json("category as object", "POST", "/costs", COST.replace("\"AD_SPEND\"", "{}"), 400),
                Case.json("amount as string", "POST", "/costs", COST.replace("{\"amount\":\"40.00\",\"currency\":\"EUR\"}",
                        "\"forty\""), 400),
                Case.json("amount not a number", "POST", "/costs", COST.replace("\"40.00\"", "\"forty\""), 400),
                Case.json("amount as array", "POST", "/costs", COST.replace("\"40.00\"", "[40]"), 400),
                Case.json("amount true", "POST", "/costs", COST.replace("\"40.00\"", "true"), 400),
                Case.json("amount NaN", "POST", "/costs", COST.replace("\"40.00\"", "\"NaN\""), 400),
                Case.json("amount Infinity", "POST", "/costs", COST.replace("\"40.00\"", "\"Infinity\""), 400),
                Case.json("negative amount", "POST", "/costs", COST.replace("\"40.00\"", "\"-0.01\""), 422),
                Case.json("negative number amount", "POST", "/costs", COST.replace("\"40.00\"", "-40"), 422),
                Case.json("too many decimals", "POST", "/costs", COST.replace("\"40.00\"", "\"40.001\""), 422),
                Case.json("huge amount", "POST", "/costs", COST.replace("\"40.00\"", "\"1e400\""), 422),
                Case.json("huge exponent", "POST", "/costs", COST.replace("\"40.00\"", "1e999999999"), 422),
                Case.json("tiny exponent", "POST", "/costs", COST.replace("\"40.00\"", "\"1e-999999999\""), 422),
                Case.json("5000 digits", "POST", "/costs", COST.replace("\"40.00\"", "9".repeat(5000)), 400),
                Case.json("5000 digit string", "POST", "/costs", COST.replace("\"40.00\"", "\"" + "9".repeat(5000) + "\""),
                        400),
                Case.json("currency not ISO 4217", "POST", "/costs", COST.replace("\"EUR\"", "\"XYZ\""), 422),
                Case.json("currency lower case", "POST", "/costs", COST.replace("\"EUR\"", "\"eur\""), 422),
                Case.json("currency too long", "POST", "/costs", COST.replace("\"EUR\"", "\"EURO\""), 422),
                Case.json("another currency", "POST", "/costs", COST.replace("\"EUR\"", "\"USD\""), 422),
                Case.json("currency missing", "POST", "/costs", COST.replace(",\"currency\":\"EUR\"", ""), 422),
                Case.json("currency as number", "POST", "/costs", COST.replace("\"EUR\"", "978"), 400),
                Case.json("amount missing", "POST", "/costs", COST.replace("\"amount\":{\"amount\":\"40.00\",\"currency\""
                        + ":\"EUR\"},", ""), 422),
                Case.json("impossible date", "POST", "/costs", COST.replace("2026-11-20", "2026-02-30"), 400),
                Case.json("month 13", "POST", "/costs", COST.replace("2026-11-20", "2026-13-01"), 400),
                Case.json("date as number", "POST", "/costs", COST.replace("\"2026-11-20\"", "20261120"), 400),
                Case.json("date with time", "POST", "/costs", COST.replace("2026-11-20", "2026-11-20T10:00:00Z"), 400),
                Case.json("year 999999999", "POST", "/costs", COST.replace("2026-11-20", "+999999999-12-31"), 422),
                Case.json("year 0", "POST", "/costs", COST.replace("2026-11-20", "0000-01-01"), 422),
                Case.json("campaignId not a UUID", "POST", "/costs", COST.replace("\"platform\"",
                        "\"campaignId\":\"campaign-1\",\"platform\""), 400),
                Case.json("postId a number", "POST", "/costs", COST.replace("\"platform\"", "\"postId\":7,\"platform\""),
                        400),
                Case.json("note too long", "POST", "/costs", COST.replace("\"platform\"", "\"note\":\"" + "n".repeat(501)
                        + "\",\"platform\""), 422),
                Case.json("note as object", "POST", "/costs", COST.replace("\"platform\"", "\"note\":{\"a\":1},"
                        + "\"platform\""), 400),
                Case.json("unknown field", "POST", "/costs", COST.replace("\"platform\"", "\"amountCents\":4000,"
                        + "\"platform\""), 400),
                Case.json("no category", "POST", "/costs", COST.replace("\"category\":\"AD_SPEND\",", ""), 422)));
        run(ws, cases);
        assertEquals(0, rows("select count(*) from cost where workspace_id = ?", ws), "costs stored");
    }

    @Test
    void settingsBodiesAreRefusedAndNothingIsStored() throws Exception {
        UUID ws = FakeServices.workspace("America/New_York", "EUR");
        List<Case> cases = new ArrayList<>(bodyCases("PUT", "/settings", SETTINGS));
        cases.addAll(List.of(
                Case.json("negative rate", "PUT", "/settings", SETTINGS.replace("\"30.00\"", "\"-30\""), 422),
                Case.json("rate in another currency", "PUT", "/settings", SETTINGS.replace("\"EUR\"", "\"USD\""), 422),
                Case.json("rate currency not ISO 4217", "PUT", "/settings", SETTINGS.replace("\"EUR\"", "\"E$\""), 422),
                Case.json("huge rate", "PUT", "/settings", SETTINGS.replace("\"30.00\"", "1e999999999"), 422),
                Case.json("rate as text", "PUT", "/settings", SETTINGS.replace("\"30.00\"", "\"thirty\""), 400),
                Case.json("negative minutes", "PUT", "/settings", SETTINGS.replace(":2,", ":-1,"), 422),
                Case.json("minutes above a day", "PUT", "/settings", SETTINGS.replace(":2,", ":1441,"), 422),
                Case.json("huge minutes", "PUT", "/settings", SETTINGS.replace(":2,", ":1e999999999,"), 422),
                Case.json("minutes 5000 digits", "PUT", "/settings", SETTINGS.replace(":2,", ":" + "9".repeat(5000)
                        + ","), 400),
                Case.json("minutes too precise", "PUT", "/settings", SETTINGS.replace(":2,", ":2.125,"), 422),
                Case.json("minutes as text", "PUT", "/settings", SETTINGS.replace(":2,", ":\"two\","), 400),
                Case.json("minutes as array", "PUT", "/settings", SETTINGS.replace(":2,", ":[2],"), 400),
                Case.json("minutes missing", "PUT", "/settings", SETTINGS.replace("\"minutesPerComment\":2,", ""), 422),
                Case.json("rate missing", "PUT", "/settings", SETTINGS.replace("\"hourlyRate\":{\"amount\":\"30.00\","
                        + "\"currency\":\"EUR\"},", ""), 422),
                Case.json("time zone as offset nonsense", "PUT", "/settings",
                        SETTINGS.substring(0, SETTINGS.length() - 1) + ",\"timeZone\":\"+25:00\"}", 400),
                Case.json("time zone Mars", "PUT", "/settings",
                        SETTINGS.substring(0, SETTINGS.length() - 1) + ",\"timeZone\":\"Mars/Olympus\"}", 400)));
        run(ws, cases);
        assertEquals(0, rows("select count(*) from workspace_settings where workspace_id = ?", ws), "settings stored");
    }

    @Test
    void costListParametersAreRefused() throws Exception {
        UUID ws = FakeServices.workspace("UTC", "EUR");
        List<Case> cases = new ArrayList<>(periodCases("/costs?"));
        cases.addAll(List.of(
                Case.get("unknown category", "/costs?category=BRIBES", 422),
                Case.get("unknown platform", "/costs?platform=MYSPACE", 422),
                Case.get("campaignId not a UUID", "/costs?campaignId=x", 422),
                Case.get("postId not a UUID", "/costs?postId=1", 422),
                Case.get("limit 0", "/costs?limit=0", 422),
                Case.get("limit 501", "/costs?limit=501", 422),
                Case.get("limit negative", "/costs?limit=-5", 422),
                Case.get("limit not a number", "/costs?limit=ten", 422),
                Case.get("limit huge", "/costs?limit=99999999999999999999", 422),
                Case.get("garbage cursor", "/costs?cursor=%7B%22a%22%3A1%7D", 422),
                Case.get("cursor far in the future", "/costs?cursor=%2B999999999-12-31_" + UUID_LIKE, 422),
                Case.get("cursor without id", "/costs?cursor=2026-11-01", 422)));
        run(ws, cases);
    }

    @Test
    void reportParametersAreRefused() throws Exception {
        UUID ws = FakeServices.workspace("Pacific/Auckland", "EUR");
        List<Case> cases = new ArrayList<>();
        for (String report : List.of("/reports/roi?", "/reports/funnel?", "/reports/engagement-vs-revenue?")) {
            cases.addAll(periodCases(report));
            cases.addAll(List.of(
                    Case.get("absurd range", report + "from=0001-01-01&to=9999-12-31", 422),
                    Case.get("367 days", report + "from=2025-01-01&to=2026-01-02", 422),
                    Case.get("unknown model", report + "model=LAST_CLICK_WINS", 422),
                    Case.get("model as number", report + "model=3", 422),
                    Case.get("lookback negative", report + "lookbackDays=-1", 422),
                    Case.get("lookback text", report + "lookbackDays=week", 422),
                    Case.get("lookback huge", report + "lookbackDays=99999999999999999999", 422),
                    Case.get("half-life zero", report + "halfLifeDays=0", 422),
                    Case.get("half-life NaN", report + "halfLifeDays=NaN", 422),
                    Case.get("half-life huge exponent", report + "halfLifeDays=1e999999999", 422),
                    Case.get("unknown touch type", report + "touchTypes=CLICK,TELEPATHY", 422),
                    new Case("unknown format", "GET", report + "from=2026-11-01", null, null, "application/xml", 406),
                    new Case("unknown format pdf", "GET", report + "from=2026-11-01", null, null, "application/pdf",
                            406)));
        }
        cases.addAll(List.of(
                Case.get("unknown groupBy", "/reports/roi?groupBy=weather", 422),
                Case.get("groupBy injection", "/reports/roi?groupBy=campaign%27%3B%20drop%20table%20cost%3B--", 422),
                Case.get("campaignId not a UUID", "/reports/funnel?campaignId=summer", 422)));
        run(ws, cases);
    }

    /** Cases every endpoint with a JSON body shares. */
    private static List<Case> bodyCases(String method, String path, String valid) {
        byte[] utf8 = valid.getBytes(StandardCharsets.UTF_8);
        byte[] invalidUtf8 = (valid.substring(0, valid.length() - 1) + ",\"note\":\"").getBytes(StandardCharsets.UTF_8);
        invalidUtf8 = concat(invalidUtf8, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE},
                "\"}".getBytes(StandardCharsets.UTF_8));
        byte[] overlong = concat(valid.substring(0, valid.length() - 1).getBytes(StandardCharsets.UTF_8),
                ",\"x\":\"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC0, (byte) 0xAF},
                "\"}".getBytes(StandardCharsets.UTF_8));
        String nestedArrays = "[".repeat(10_000) + "]".repeat(10_000);
        String nestedObjects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        String oversize = valid.substring(0, valid.length() - 1) + ",\"padding\":\"" + "x".repeat(2 * 1024 * 1024)
                + "\"}";
        return List.of(
                Case.json("empty body", method, path, "", 422),
                Case.json("whitespace body", method, path, "   ", 422),
                Case.json("malformed JSON", method, path, "{\"category\":", 400),
                Case.json("not JSON", method, path, "category=AD_SPEND", 400),
                Case.json("truncated JSON", method, path, valid.substring(0, valid.length() - 7), 400),
                Case.json("trailing garbage", method, path, valid + "}}", 400),
                Case.json("two documents", method, path, valid + valid, 400),
                Case.json("single quotes", method, path, valid.replace('"', '\''), 400),
                Case.json("comment", method, path, "/* hi */" + valid, 400),
                Case.json("null", method, path, "null", 422),
                Case.json("array", method, path, "[" + valid + "]", 400),
                Case.json("string", method, path, "\"" + valid.replace("\"", "\\\"") + "\"", 400),
                Case.json("number", method, path, "42", 400),
                Case.json("empty object", method, path, "{}", 422),
                Case.json("10,000 nested arrays", method, path, nestedArrays, 400),
                Case.json("10,000 nested arrays in a field", method, path,
                        valid.replaceFirst(":", ":" + nestedArrays + ",\"x\":"), 400),
                Case.json("10,000 nested objects", method, path, nestedObjects, 400),
                Case.json("oversize body", method, path, oversize, 413),
                new Case("invalid UTF-8", method, path, "application/json", invalidUtf8, null, 400),
                new Case("overlong UTF-8", method, path, "application/json", overlong, null, 400),
                new Case("text/plain", method, path, "text/plain", utf8, null, 415),
                new Case("XML", method, path, "application/xml", "<cost/>".getBytes(StandardCharsets.UTF_8), null, 415),
                new Case("no content type", method, path, null, utf8, null, 415));
    }

    /** Cases every endpoint with a from/to period shares; {@code path} ends in ? or &. */
    private static List<Case> periodCases(String path) {
        return List.of(
                Case.get("impossible from", path + "from=2026-02-30", 422),
                Case.get("impossible to", path + "from=2026-02-01&to=2026-02-29", 422),
                Case.get("month 13", path + "from=2026-13-01", 422),
                Case.get("from not a date", path + "from=yesterday", 422),
                Case.get("from with time", path + "from=2026-11-01T00:00:00Z", 422),
                Case.get("from after to", path + "from=2026-11-20&to=2026-11-01", 422),
                Case.get("year 999999999", path + "from=%2B999999999-12-01&to=%2B999999999-12-31", 422),
                Case.get("negative year", path + "from=-0001-01-01&to=-0001-01-31", 422),
                Case.get("to year 999999999", path + "to=%2B999999999-12-31", 422),
                Case.get("from far in the past", path + "from=%2D999999999-01-01", 422));
    }

    private void run(UUID ws, List<Case> cases) {
        List<String> failures = new ArrayList<>();
        String token = TestTokens.workspace(ws, "costs:write", "reports:read");
        for (Case c : cases) {
            RequestSpecification spec = given().config(RestAssuredConfig.config().encoderConfig(
                    EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                    .auth().oauth2(token);
            if (c.accept() != null) {
                spec = spec.accept(c.accept());
            }
            if (c.contentType() != null) {
                spec = spec.contentType(c.contentType());
            }
            if (c.body() != null) {
                spec = spec.body(c.body());
            }
            Response r;
            try {
                r = spec.urlEncodingEnabled(false).request(c.method(), "/workspaces/" + ws + c.path());
            } catch (RuntimeException e) {
                failures.add(c.name() + " " + c.method() + " " + c.path() + ": connection failed " + e);
                continue;
            }
            String body = r.asString();
            String where = c.name() + " (" + c.method() + " " + abbreviate(c.path()) + ")";
            if (r.statusCode() != c.status()) {
                failures.add(where + ": expected " + c.status() + " but was " + r.statusCode() + " " + abbreviate(body));
            } else if (r.contentType() == null || !r.contentType().startsWith("application/problem+json")) {
                failures.add(where + ": " + r.statusCode() + " as " + r.contentType());
            } else if (!body.contains("\"status\":" + c.status()) || !body.contains("\"title\"")) {
                failures.add(where + ": problem without status/title " + abbreviate(body));
            } else if (body.contains("Exception") || body.contains("\tat ") || body.contains("io.socialroi")) {
                failures.add(where + ": internals in the answer " + abbreviate(body));
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + cases.size() + " cases failed");
    }

    private long rows(String sql, UUID ws) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, ws);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }
}
