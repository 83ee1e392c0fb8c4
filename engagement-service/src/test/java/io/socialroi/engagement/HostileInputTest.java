package io.socialroi.engagement;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.socialroi.testing.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input on every endpoint that takes a body or parameters, table-driven: malformed, truncated and
 * invalid-UTF-8 bodies, NDJSON with a broken line, wrong types, unknown enums, huge numbers, impossible and
 * out-of-range dates, deep nesting, oversize bodies. Each answer is a 4xx problem+json with the status in its
 * body and no trace of the implementation, and nothing is stored anywhere (raw events, keys, rollups,
 * directory, settings, bot hits).
 */
@QuarkusTest
class HostileInputTest {

    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final String AT = "2026-11-20T10:00:00Z";
    private static final byte[] BAD_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};

    private final UUID ws = UUID.randomUUID();
    private final UUID post = UUID.randomUUID();

    /** One hostile request and the 4xx it must get. */
    record Case(String name, String method, String path, String contentType, byte[] body, int status) {
    }

    @BeforeEach
    void workspace() {
        ContentFake.workspace(ws, "Europe/Rome");
    }

    private static String event(String id, String extra) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"LIKE\",\"platform\":\"INSTAGRAM\",\"postId\":\""
                + "5f0c2a8e-1b7d-4c3e-9f6a-2d4b8e1c7a90\",\"actorId\":\"ig:1\",\"occurredAt\":\"" + AT + "\"" + extra + "}";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(UTF_8);
    }

    /** {@code before}, then bytes that are not UTF-8, then {@code after}. */
    private static byte[] withBadUtf8(String before, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(before));
        out.writeBytes(BAD_UTF8);
        out.writeBytes(utf8(after));
        return out.toByteArray();
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private List<Case> cases() {
        String events = "/workspaces/" + ws + "/events";
        String settings = "/workspaces/" + ws + "/engagement/settings";
        String directory = "/workspaces/" + ws + "/posts/" + post;
        String touchSearch = "/workspaces/" + ws + "/touchpoints/search";
        String actors = "/workspaces/" + ws + "/actors/search";
        String journeys = "/workspaces/" + ws + "/journeys/search";
        String summary = "/workspaces/" + ws + "/engagement/summary";
        String touchpoints = "/workspaces/" + ws + "/touchpoints";
        String entry = "{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\",\"trackedLink\":{\"code\":\"hx"
                + post.toString().substring(0, 6) + "\",\"destination\":\"https://shop.example/\"}}";
        String valid = event("h-valid", "");
        List<Case> cases = new ArrayList<>();

        // --- POST events: the document as a whole is broken, so nothing of it is stored.
        cases.add(new Case("events: truncated array", "POST", events, JSON, utf8("[" + valid + ",{\"eventId\":"), 400));
        cases.add(new Case("events: truncated inside a string", "POST", events, JSON,
                utf8("[" + valid + ",{\"eventId\":\"h-2"), 400));
        cases.add(new Case("events: not JSON", "POST", events, JSON, utf8("[" + valid + ", {eventId: h-3}]"), 400));
        cases.add(new Case("events: empty body", "POST", events, JSON, new byte[0], 400));
        cases.add(new Case("events: a string", "POST", events, JSON, utf8("\"events\""), 400));
        cases.add(new Case("events: trailing garbage", "POST", events, JSON, utf8("[" + valid + "] x"), 400));
        cases.add(new Case("events: envelope of the wrong type", "POST", events, JSON, utf8("{\"events\":\"all\"}"),
                422));
        cases.add(new Case("events: envelope with a number", "POST", events, JSON, utf8("{\"events\":1e999999}"), 422));
        cases.add(new Case("events: envelope without events", "POST", events, JSON, utf8("{\"evnts\":[" + valid + "]}"),
                422));
        cases.add(new Case("events: NDJSON with a broken line", "POST", events, NDJSON,
                utf8(valid + "\n{\"eventId\":\"h-4\",\"type\n" + event("h-5", "") + "\n"), 400));
        cases.add(new Case("events: NDJSON with a garbage line", "POST", events, NDJSON,
                utf8(valid + "\nthis is not json\n" + event("h-6", "") + "\n"), 400));
        cases.add(new Case("events: invalid UTF-8 in a value", "POST", events, JSON,
                withBadUtf8("[" + valid + ",{\"eventId\":\"h-7", "\",\"type\":\"LIKE\"}]"), 400));
        cases.add(new Case("events: invalid UTF-8 in NDJSON", "POST", events, NDJSON,
                withBadUtf8(valid + "\n{\"actorId\":\"", "\"}\n"), 400));
        cases.add(new Case("events: 10,000 nested arrays", "POST", events, JSON, utf8(nested(10_000)), 400));
        cases.add(new Case("events: 10,000 nested arrays in attributes", "POST", events, JSON,
                utf8("[" + valid + "," + event("h-8", ",\"attributes\":{\"a\":" + nested(10_000) + "}") + "]"), 400));
        cases.add(new Case("events: 10,000 nested objects in an unknown field", "POST", events, JSON,
                utf8("[" + event("h-9", ",\"x\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)) + "]"), 400));
        cases.add(new Case("events: 10,001 events", "POST", events, JSON,
                utf8(IntStream.rangeClosed(0, 10_000).mapToObj(i -> event("h-many-" + i, ""))
                        .collect(Collectors.joining(",", "[", "]"))), 413));
        cases.add(new Case("events: 10,001 NDJSON lines", "POST", events, NDJSON,
                utf8(IntStream.rangeClosed(0, 10_000).mapToObj(i -> event("h-line-" + i, ""))
                        .collect(Collectors.joining("\n"))), 413));
        // Jackson reads at most 1,000 digits of a number: beyond, the document itself is refused.
        cases.add(new Case("events: a 5,000-digit number", "POST", events, JSON,
                utf8("[" + valid + "," + event("h-10", "").replace("\"h-10\"", "1" + "0".repeat(5000)) + "]"), 400));
        cases.add(new Case("events: XML", "POST", events, "application/xml", utf8("<events/>"), 415));

        // --- PUT settings.
        cases.add(new Case("settings: truncated", "PUT", settings, JSON, utf8("{\"burstPerMinute\":"), 400));
        cases.add(new Case("settings: wrong type", "PUT", settings, JSON, utf8("{\"burstPerMinute\":\"many\"}"), 400));
        cases.add(new Case("settings: huge integer", "PUT", settings, JSON,
                utf8("{\"burstPerMinute\":99999999999999999999999}"), 400));
        cases.add(new Case("settings: 1e400 as an integer", "PUT", settings, JSON, utf8("{\"onlyLikesMin\":1e400}"),
                400));
        cases.add(new Case("settings: huge weight", "PUT", settings, JSON, utf8("{\"intentWeights\":{\"DM\":1e400}}"),
                422));
        cases.add(new Case("settings: negative weight", "PUT", settings, JSON,
                utf8("{\"intentWeights\":{\"DM\":-1}}"), 422));
        cases.add(new Case("settings: unknown event type", "PUT", settings, JSON,
                utf8("{\"intentWeights\":{\"POKE\":5}}"), 422));
        cases.add(new Case("settings: weights not an object", "PUT", settings, JSON, utf8("{\"intentWeights\":[5]}"),
                400));
        cases.add(new Case("settings: weight of the wrong type", "PUT", settings, JSON,
                utf8("{\"intentWeights\":{\"DM\":\"lots\"}}"), 400));
        cases.add(new Case("settings: threshold out of range", "PUT", settings, JSON, utf8("{\"burstPerMinute\":1}"),
                422));
        cases.add(new Case("settings: null body", "PUT", settings, JSON, utf8("null"), 422));
        cases.add(new Case("settings: invalid UTF-8", "PUT", settings, JSON,
                withBadUtf8("{\"intentWeights\":{\"", "\":1}}"), 400));
        cases.add(new Case("settings: deep nesting", "PUT", settings, JSON,
                utf8("{\"intentWeights\":" + nested(10_000) + "}"), 400));

        // --- PUT post directory.
        cases.add(new Case("directory: truncated", "PUT", directory, JSON, utf8(entry.substring(0, 30)), 400));
        cases.add(new Case("directory: unknown platform", "PUT", directory, JSON,
                utf8(entry.replace("INSTAGRAM", "MYSPACE")), 400));
        cases.add(new Case("directory: unknown funnel stage", "PUT", directory, JSON,
                utf8(entry.replace("ACTION", "PURCHASE")), 400));
        cases.add(new Case("directory: campaign id not a UUID", "PUT", directory, JSON,
                utf8(entry.replace("{\"platform\"", "{\"campaignId\":\"spring\",\"platform\"")), 400));
        cases.add(new Case("directory: campaign id a number", "PUT", directory, JSON,
                utf8(entry.replace("{\"platform\"", "{\"campaignId\":1e400,\"platform\"")), 400));
        cases.add(new Case("directory: script destination", "PUT", directory, JSON,
                utf8(entry.replace("https://shop.example/", "javascript:alert(1)")), 422));
        cases.add(new Case("directory: bad code", "PUT", directory, JSON, utf8(entry.replace("\"hx", "\"h x/")), 422));
        cases.add(new Case("directory: tracked link of the wrong type", "PUT", directory, JSON,
                utf8("{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\",\"trackedLink\":[]}"), 400));
        cases.add(new Case("directory: missing fields", "PUT", directory, JSON, utf8("{}"), 422));
        cases.add(new Case("directory: invalid UTF-8", "PUT", directory, JSON,
                withBadUtf8("{\"platform\":\"", "\",\"funnelStage\":\"ACTION\"}"), 400));
        cases.add(new Case("directory: deep nesting", "PUT", directory, JSON, utf8(nested(10_000)), 400));
        cases.add(new Case("directory: post id not a UUID", "PUT", "/workspaces/" + ws + "/posts/not-a-uuid", JSON,
                utf8(entry), 404));

        // --- POST touchpoints/search.
        cases.add(new Case("touchpoints: truncated", "POST", touchSearch, JSON, utf8("{\"actorIds\":[\"ig:1\""), 400));
        cases.add(new Case("touchpoints: ids of the wrong type", "POST", touchSearch, JSON,
                utf8("{\"actorIds\":\"ig:1\"}"), 400));
        cases.add(new Case("touchpoints: click id not a UUID", "POST", touchSearch, JSON,
                utf8("{\"clickIds\":[\"c-1\"]}"), 400));
        cases.add(new Case("touchpoints: unknown type", "POST", touchSearch, JSON,
                utf8("{\"actorIds\":[\"ig:1\"],\"types\":[\"POKE\"]}"), 400));
        cases.add(new Case("touchpoints: impossible date", "POST", touchSearch, JSON,
                utf8("{\"actorIds\":[\"ig:1\"],\"before\":\"2026-02-30T10:00:00Z\"}"), 400));
        cases.add(new Case("touchpoints: date without offset", "POST", touchSearch, JSON,
                utf8("{\"actorIds\":[\"ig:1\"],\"before\":\"2026-11-20T10:00:00\"}"), 400));
        cases.add(new Case("touchpoints: year 999999999", "POST", touchSearch, JSON,
                utf8("{\"actorIds\":[\"ig:1\"],\"before\":\"+999999999-12-31T23:59:59Z\"}"), 422));
        cases.add(new Case("touchpoints: year -999999999", "POST", touchSearch, JSON,
                utf8("{\"actorIds\":[\"ig:1\"],\"after\":\"-999999999-01-01T00:00:00Z\"}"), 422));
        cases.add(new Case("touchpoints: date as a huge number", "POST", touchSearch, JSON,
                utf8("{\"actorIds\":[\"ig:1\"],\"before\":1e400}"), 400));
        cases.add(new Case("touchpoints: date as epoch seconds", "POST", touchSearch, JSON,
                utf8("{\"actorIds\":[\"ig:1\"],\"after\":1700000000}"), 400));
        // The suite's one strict-JSON rule (suite-common StrictJson), which engagement-service did not apply before.
        cases.add(new Case("touchpoints: enum by ordinal", "POST", touchSearch, JSON,
                utf8("{\"actorIds\":[\"ig:1\"],\"types\":[0]}"), 400));
        cases.add(new Case("touchpoints: duplicate key", "POST", touchSearch, JSON,
                utf8("{\"actorIds\":[\"ig:1\"],\"actorIds\":[\"ig:2\"]}"), 400));
        cases.add(new Case("touchpoints: trailing tokens", "POST", touchSearch, JSON,
                utf8("{\"actorIds\":[\"ig:1\"]}}"), 400));
        cases.add(new Case("touchpoints: nesting deeper than 64", "POST", touchSearch, JSON,
                utf8("{\"actorIds\":" + "[".repeat(70) + "]".repeat(70) + "}"), 400));
        cases.add(new Case("touchpoints: NUL in an actor id", "POST", touchSearch, JSON,
                utf8("{\"actorIds\":[\"ig:\\u0000\"]}"), 400));
        cases.add(new Case("touchpoints: 1,001 ids", "POST", touchSearch, JSON,
                utf8(IntStream.rangeClosed(0, 1000).mapToObj(i -> "\"ig:" + i + "\"")
                        .collect(Collectors.joining(",", "{\"actorIds\":[", "]}"))), 422));
        cases.add(new Case("touchpoints: nobody", "POST", touchSearch, JSON, utf8("{}"), 422));
        cases.add(new Case("touchpoints: null body", "POST", touchSearch, JSON, utf8("null"), 422));
        cases.add(new Case("touchpoints: invalid UTF-8", "POST", touchSearch, JSON,
                withBadUtf8("{\"actorIds\":[\"", "\"]}"), 400));
        cases.add(new Case("touchpoints: deep nesting", "POST", touchSearch, JSON,
                utf8("{\"actorIds\":" + nested(10_000) + "}"), 400));

        // --- POST actors/search.
        cases.add(new Case("actors: truncated", "POST", actors, JSON, utf8("{\"since\":\"2026-11-01T00:00:00Z\""), 400));
        cases.add(new Case("actors: since missing", "POST", actors, JSON, utf8("{\"limit\":10}"), 422));
        cases.add(new Case("actors: impossible since", "POST", actors, JSON, utf8("{\"since\":\"2026-13-01T00:00:00Z\"}"),
                400));
        cases.add(new Case("actors: since a number", "POST", actors, JSON, utf8("{\"since\":1e400}"), 400));
        cases.add(new Case("actors: since in year 999999999", "POST", actors, JSON,
                utf8("{\"since\":\"+999999999-12-31T23:59:59Z\"}"), 422));
        cases.add(new Case("actors: unknown stage", "POST", actors, JSON,
                utf8("{\"since\":\"2026-11-01T00:00:00Z\",\"funnelStages\":[\"BUY\"]}"), 400));
        cases.add(new Case("actors: limit 0", "POST", actors, JSON, utf8("{\"since\":\"2026-11-01T00:00:00Z\",\"limit\":0}"),
                422));
        cases.add(new Case("actors: huge limit", "POST", actors, JSON,
                utf8("{\"since\":\"2026-11-01T00:00:00Z\",\"limit\":99999999999999999999}"), 400));
        cases.add(new Case("actors: minIntent 1e400", "POST", actors, JSON,
                utf8("{\"since\":\"2026-11-01T00:00:00Z\",\"minIntent\":1e400}"), 422));
        cases.add(new Case("actors: minIntent NaN", "POST", actors, JSON,
                utf8("{\"since\":\"2026-11-01T00:00:00Z\",\"minIntent\":\"NaN\"}"), 422));
        cases.add(new Case("actors: forged cursor", "POST", actors, JSON,
                utf8("{\"since\":\"2026-11-01T00:00:00Z\",\"cursor\":\"!!not-a-cursor\"}"), 422));
        cases.add(new Case("actors: cursor hiding a NUL", "POST", actors, JSON,
                utf8("{\"since\":\"2026-11-01T00:00:00Z\",\"cursor\":\"AA\"}"), 422));
        cases.add(new Case("actors: cursor hiding bad UTF-8", "POST", actors, JSON,
                utf8("{\"since\":\"2026-11-01T00:00:00Z\",\"cursor\":\"w yg\"}".replace(" ", "")), 422));
        cases.add(new Case("actors: invalid UTF-8", "POST", actors, JSON,
                withBadUtf8("{\"since\":\"", "\"}"), 400));
        cases.add(new Case("actors: deep nesting", "POST", actors, JSON,
                utf8("{\"funnelStages\":" + nested(10_000) + "}"), 400));

        // --- POST journeys/search.
        String period = "\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\"";
        cases.add(new Case("journeys: truncated", "POST", journeys, JSON, utf8("{" + period), 400));
        cases.add(new Case("journeys: null body", "POST", journeys, JSON, utf8("null"), 422));
        cases.add(new Case("journeys: no groupBy", "POST", journeys, JSON, utf8("{" + period + "}"), 422));
        cases.add(new Case("journeys: to before from", "POST", journeys, JSON, utf8("{\"from\":\"2026-12-01T00:00:00Z\","
                + "\"to\":\"2026-11-01T00:00:00Z\",\"groupBy\":\"POST\"}"), 422));
        cases.add(new Case("journeys: year 999999999", "POST", journeys, JSON, utf8("{\"from\":\"2026-11-01T00:00:00Z\","
                + "\"to\":\"+999999999-12-31T23:59:59Z\",\"groupBy\":\"POST\"}"), 422));
        cases.add(new Case("journeys: unknown type", "POST", journeys, JSON,
                utf8("{" + period + ",\"groupBy\":\"POST\",\"eventTypes\":[\"WATCH\"]}"), 400));
        // The suite's JSON reading refuses a NUL in any string (400 naming the field) before validation.
        cases.add(new Case("journeys: NUL in an excluded actor", "POST", journeys, JSON,
                utf8("{" + period + ",\"groupBy\":\"POST\",\"excludeActors\":[\"a\\u0000b\"]}"), 400));
        cases.add(new Case("journeys: huge maxLength", "POST", journeys, JSON,
                utf8("{" + period + ",\"groupBy\":\"POST\",\"maxLength\":99999999999999999999}"), 400));
        cases.add(new Case("journeys: invalid UTF-8", "POST", journeys, JSON,
                withBadUtf8("{" + period + ",\"groupBy\":\"", "\"}"), 400));
        cases.add(new Case("journeys: deep nesting", "POST", journeys, JSON,
                utf8("{\"excludeActors\":" + nested(10_000) + "}"), 400));

        // --- GET summary: parameters.
        cases.add(new Case("summary: no period", "GET", summary, null, null, 422));
        cases.add(new Case("summary: impossible date", "GET", summary + "?from=2026-02-30&to=2026-03-01", null, null,
                422));
        cases.add(new Case("summary: month 13", "GET", summary + "?from=2026-13-01&to=2026-13-02", null, null, 422));
        cases.add(new Case("summary: to before from", "GET", summary + "?from=2026-11-30&to=2026-11-01", null, null,
                422));
        cases.add(new Case("summary: unknown groupBy", "GET", summary + "?from=2026-11-01&to=2026-11-30&groupBy=hour",
                null, null, 422));
        cases.add(new Case("summary: campaign not a UUID", "GET",
                summary + "?from=2026-11-01&to=2026-11-30&campaignId=spring", null, null, 422));
        cases.add(new Case("summary: year 999999999", "GET", summary + "?from=2026-11-01&to=%2B999999999-12-31", null,
                null, 422));
        cases.add(new Case("summary: year -999999999", "GET", summary + "?from=-999999999-01-01&to=2026-11-01", null,
                null, 422));
        cases.add(new Case("summary: a date that is a number", "GET", summary + "?from=1e400&to=2026-11-01", null,
                null, 422));

        // --- GET touchpoints: parameters.
        cases.add(new Case("touchpoints: neither id", "GET", touchpoints, null, null, 422));
        cases.add(new Case("touchpoints: both ids", "GET", touchpoints + "?actorId=ig:1&clickId=" + UUID.randomUUID(),
                null, null, 422));
        cases.add(new Case("touchpoints: click id not a UUID", "GET", touchpoints + "?clickId=c-1", null, null, 422));
        cases.add(new Case("touchpoints: impossible before", "GET",
                touchpoints + "?actorId=ig:1&before=2026-02-30T10:00:00Z", null, null, 422));
        cases.add(new Case("touchpoints: before year 999999999", "GET",
                touchpoints + "?actorId=ig:1&before=%2B999999999-12-31T23:59:59Z", null, null, 422));
        cases.add(new Case("touchpoints: NUL in the actor id", "GET", touchpoints + "?actorId=ig:%00", null, null, 422));

        // --- The public redirect: a hostile code is an unknown code.
        // The suite's one parameter guard (suite-common ParameterGuard) answers before the redirect looks the code up.
        cases.add(new Case("redirect: NUL in the code", "GET", "/r/ab%00cd", null, null, 422));
        cases.add(new Case("redirect: code not UTF-8", "GET", "/r/ab%C3%28%FF", null, null, 400));
        cases.add(new Case("redirect: long code", "GET", "/r/" + "a".repeat(2000), null, null, 404));
        return cases;
    }

    /** Every stored row that a request could add, across all workspaces. */
    private static String stored() {
        return Db.text("SELECT concat_ws(',', (SELECT count(*) FROM engagement_event), (SELECT count(*) FROM event_key), "
                + "(SELECT coalesce(sum(events), 0) FROM engagement_rollup), (SELECT count(*) FROM actor_rollup), "
                + "(SELECT count(*) FROM actor_minute), (SELECT count(*) FROM post_directory), "
                + "(SELECT count(*) FROM engagement_settings), (SELECT count(*) FROM redirect_bot_hit))");
    }

    private static Response call(RequestSpecification spec, String method, String path) {
        return spec.urlEncodingEnabled(false).redirects().follow(false).request(method, path);
    }

    @Test
    void everyHostileRequestIsA4xxProblemAndStoresNothing() {
        List<String> failures = new ArrayList<>();
        String before = stored();
        String token = TestTokens.workspace(ws, "engagement:read", "engagement:write");
        // The post directory and the searches are service-to-service endpoints (CONTRACTS.md).
        String service = TestTokens.serviceFor(ws, "engagement:read", "engagement:write");
        for (Case c : cases()) {
            boolean serviceOnly = c.path().contains("/posts/") || c.path().endsWith("/search");
            RequestSpecification spec = given().auth().oauth2(serviceOnly ? service : token);
            if (c.body() != null) {
                spec = spec.contentType(c.contentType()).body(c.body());
            }
            Response response = call(spec, c.method(), c.path());
            String body = response.asString();
            String type = response.contentType();
            if (response.statusCode() != c.status()) {
                failures.add(c.name() + ": expected " + c.status() + " but was " + response.statusCode() + " "
                        + abbreviate(body));
            } else if (type == null || !type.startsWith("application/problem+json")) {
                failures.add(c.name() + ": " + c.status() + " without problem+json (" + type + ")");
            } else if (response.jsonPath().getInt("status") != c.status() || body.contains("Exception")
                    || body.contains("\tat ") || body.contains("org.")) {
                failures.add(c.name() + ": problem body " + abbreviate(body));
            }
            String after = stored();
            if (!after.equals(before)) {
                failures.add(c.name() + ": stored rows changed " + before + " -> " + after);
                before = after;
            }
        }
        assertEquals(List.of(), failures, String.join("\n", failures));
    }

    /**
     * Fields of a single event that are wrong reject that event alone (the contract's partial acceptance): a 200
     * naming it and the field, and nothing stored.
     */
    @Test
    void aHostileEventIsRejectedByIndexAndStoresNothing() {
        // Backslash, \\N, tab, newline and quotes: what COPY's text format must escape, in JSON and as stored.
        String awkwardJson = "e21\\\\N\\t\\n'\\\"'";
        String awkward = "e21\\N\t\n'\"'";
        List<String[]> table = List.of(
                new String[] {"unknown type", "{\"eventId\":\"e1\",\"type\":\"POKE\",\"platform\":\"INSTAGRAM\","
                        + "\"postId\":\"" + post + "\",\"actorId\":\"ig:1\",\"occurredAt\":\"" + AT + "\"}", "type"},
                new String[] {"lower-case type", event("e2", "").replace("LIKE", "like"), "type"},
                new String[] {"unknown platform", event("e3", "").replace("INSTAGRAM", "MYSPACE"), "platform"},
                new String[] {"event id a long number", event("e4", "").replace("\"e4\"", "1" + "0".repeat(900)),
                    "eventId"},
                new String[] {"event id 1e400", event("e5", "").replace("\"e5\"", "1e400"), "eventId"},
                new String[] {"occurredAt a huge number", event("e6", "").replace("\"" + AT + "\"", "1e400"),
                    "occurredAt"},
                new String[] {"impossible date", event("e7", "").replace(AT, "2026-02-30T10:00:00Z"), "occurredAt"},
                new String[] {"hour 25", event("e8", "").replace(AT, "2026-11-20T25:00:00Z"), "occurredAt"},
                new String[] {"offset +25:00", event("e9", "").replace(AT, "2026-11-20T10:00:00+25:00"), "occurredAt"},
                new String[] {"zone name instead of offset", event("e10", "").replace(AT, "2026-11-20T10:00:00[Mars/Base]"),
                    "occurredAt"},
                new String[] {"year 999999999", event("e11", "").replace(AT, "+999999999-12-31T23:59:59Z"),
                    "occurredAt"},
                new String[] {"year 1", event("e12", "").replace(AT, "0001-01-01T00:00:00Z"), "occurredAt"},
                new String[] {"NUL in the event id", event("e13\\u0000", ""), "eventId"},
                new String[] {"NUL in the actor id", event("e14", "").replace("ig:1", "ig:\\u0000"), "actorId"},
                new String[] {"NUL in an attribute", event("e15", ",\"attributes\":{\"text\":\"a\\u0000b\"}"),
                    "attributes"},
                new String[] {"NUL in an attribute name", event("e16", ",\"attributes\":{\"a\\u0000\":1}"),
                    "attributes"},
                new String[] {"lone surrogate in the actor id", event("e17", "").replace("ig:1", "ig:\\ud800"),
                    "actorId"},
                new String[] {"lone surrogate in an attribute", event("e18", ",\"attributes\":{\"t\":\"\\udc00\"}"),
                    "attributes"},
                new String[] {"retargeting a string", event("e19", ",\"retargeting\":\"yes\""), "retargeting"},
                new String[] {"post id a number", event("e20", "").replace("\"5f0c2a8e-1b7d-4c3e-9f6a-2d4b8e1c7a90\"", "7"),
                    "postId"},
                new String[] {"copy escapes in ids", event(awkwardJson, ""), null});
        String before = stored();
        List<String> failures = new ArrayList<>();
        for (String[] row : table) {
            Response response = Api.send(ws, "[" + row[1] + "]");
            if (row[2] == null) {
                // Not hostile but awkward: backslashes, tabs, newlines and quotes in an id are stored as sent.
                if (response.statusCode() != 200 || response.jsonPath().getInt("accepted") != 1) {
                    failures.add(row[0] + ": " + response.statusCode() + " " + abbreviate(response.asString()));
                }
                before = stored();
                continue;
            }
            if (response.statusCode() != 200) {
                failures.add(row[0] + ": expected 200 with the event rejected but was " + response.statusCode() + " "
                        + abbreviate(response.asString()));
                continue;
            }
            if (response.jsonPath().getInt("accepted") != 0
                    || !response.jsonPath().getList("rejected[0].errors.field").contains(row[2])) {
                failures.add(row[0] + ": " + abbreviate(response.asString()));
            }
            if (!stored().equals(before)) {
                failures.add(row[0] + ": stored rows changed");
                before = stored();
            }
        }
        assertEquals(List.of(), failures, String.join("\n", failures));
        assertEquals(awkward, Db.text("SELECT event_id FROM engagement_event WHERE workspace_id = ?", ws));
        assertEquals(1, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ?", ws));
    }

    /** The summary's time zone is the workspace's, from content-service: an unknown zone there is its fault. */
    @Test
    void aWorkspaceWithoutAValidTimeZoneIsA503NamingContentService() {
        for (String zone : List.of("Mars/Olympus", "+25:00", "Europe/Rome; DROP TABLE x")) {
            UUID broken = UUID.randomUUID();
            ContentFake.workspace(broken, zone);
            given().auth().oauth2(Api.reader(broken))
                    .get("/workspaces/" + broken + "/engagement/summary?from=2026-11-01&to=2026-11-30").then()
                    .statusCode(503).contentType("application/problem+json")
                    .body("title", org.hamcrest.Matchers.equalTo("content-service unavailable"))
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        }
        // A zone given by offset is valid and answers in it.
        UUID offset = UUID.randomUUID();
        ContentFake.workspace(offset, "+05:30");
        given().auth().oauth2(Api.reader(offset)).get("/workspaces/" + offset + "/engagement/summary?from=2026-11-01"
                + "&to=2026-11-30").then().statusCode(200).body("timeZone", org.hamcrest.Matchers.equalTo("+05:30"));
    }

    /** Above the byte limit, with or without a Content-Length: a 413 problem and nothing read or stored. */
    @Test
    void oversizeBodiesAre413Problems() {
        String before = stored();
        long size = 41L * 1024 * 1024;
        // Chunked: no Content-Length, so only the server's reading of the body can stop it.
        Response chunked = given().auth().oauth2(Api.writer(ws)).contentType(JSON)
                .body(new Padding(size)).post("/workspaces/" + ws + "/events");
        assertEquals(413, chunked.statusCode(), chunked.asString());
        assertTrue(String.valueOf(chunked.contentType()).startsWith("application/problem+json"), chunked.contentType());
        byte[] big = new byte[33 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '[';
        big[big.length - 1] = ']';
        for (String path : List.of("/workspaces/" + ws + "/events", "/workspaces/" + ws + "/touchpoints/search")) {
            given().auth().oauth2(TestTokens.serviceFor(ws, "engagement:read", "engagement:write")).contentType(JSON)
                    .body(big).post(path).then().statusCode(413).contentType("application/problem+json");
        }
        assertEquals(before, stored());
    }

    /** A JSON array of {@code size} bytes made of one event padded with spaces, streamed without a length. */
    private static final class Padding extends InputStream {
        private final byte[] head = utf8("[" + event("pad", "") + "\n");
        private final long size;
        private long at;

        Padding(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (at >= size) {
                return -1;
            }
            long i = at++;
            if (i < head.length) {
                return head[(int) i];
            }
            return i == size - 1 ? ']' : ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= size) {
                return -1;
            }
            int n = 0;
            while (n < len && at < size) {
                b[off + n++] = (byte) read();
            }
            return n;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
