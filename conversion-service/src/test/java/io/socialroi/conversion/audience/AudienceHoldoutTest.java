package io.socialroi.conversion.audience;

import static io.socialroi.conversion.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.socialroi.conversion.FakeServices;
import io.socialroi.conversion.Fakes;
import io.socialroi.conversion.conversion.Emails;
import io.socialroi.testing.FakeServer;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Lift with a holdout (issue 19): the holdout's members never leave in an export (CSV or JSON pages), are the same
 * on every export and page size, only grow when the share grows; the lift compares exposed members after their first
 * exposure with the holdout. engagement-service is the conversion tests' fake on real HTTP, implementing the actor
 * search (paged by limit and cursor, ordered by actor id) and the touchpoint search (actor ids, after, before) of
 * CONTRACTS.md over the people each test gives it.
 */
@QuarkusTest
class AudienceHoldoutTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @FakeServices.Inject
    Fakes fakes;

    @Inject
    DataSource dataSource;

    @AfterEach
    void closeBreaker() {
        io.socialroi.common.remote.RemotePolicy.resetAll();
    }

    /**
     * The documented draw, written again here from the README: the first 8 bytes of SHA-256 of "audience:actor" as an
     * unsigned number, modulo 10,000, below percent * 100.
     */
    static boolean heldOut(String audienceId, String actorId, double percent) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((audienceId + ":" + actorId).getBytes(StandardCharsets.UTF_8));
        return Long.remainderUnsigned(ByteBuffer.wrap(digest, 0, 8).getLong(), 10_000) < Math.round(percent * 100);
    }

    /** A touchpoint as engagement-service's search answers it. */
    record Touch(String actorId, OffsetDateTime at, boolean retargeting) {
    }

    /** The fake engagement-service of {@code ws}: the actor search over {@code actors}, the touchpoint search. */
    void engagement(UUID ws, List<String> actors, Set<String> retargeted, List<Touch> touches) {
        List<String> sorted = actors.stream().sorted().toList();
        fakes.engagement.on("POST", "/workspaces/" + ws + "/actors/search", r -> {
            JsonNode q = read(r.body());
            int limit = q.path("limit").asInt(50);
            int from = q.hasNonNull("cursor") ? Integer.parseInt(q.get("cursor").asText().substring(1)) : 0;
            List<String> items = new ArrayList<>();
            for (int i = from; i < Math.min(sorted.size(), from + limit); i++) {
                String a = sorted.get(i);
                items.add("{\"actorId\":\"" + a + "\",\"platform\":\"INSTAGRAM\",\"lastEngagedAt\":\""
                        + OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).withNano(0) + "\",\"events\":3,"
                        + "\"intentScore\":50,\"retargeted\":" + retargeted.contains(a) + "}");
            }
            String next = from + limit < sorted.size() ? "\"o" + (from + limit) + "\"" : "null";
            return FakeServer.Reply.json(200, "{\"items\":[" + String.join(",", items) + "],\"nextCursor\":" + next + "}");
        });
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search", r -> {
            JsonNode q = read(r.body());
            Set<String> who = new HashSet<>();
            q.path("actorIds").forEach(a -> who.add(a.asText()));
            OffsetDateTime after = q.hasNonNull("after") ? OffsetDateTime.parse(q.get("after").asText()) : null;
            OffsetDateTime before = q.hasNonNull("before") ? OffsetDateTime.parse(q.get("before").asText())
                    : OffsetDateTime.now(ZoneOffset.UTC);
            List<String> items = new ArrayList<>();
            touches.stream().filter(t -> who.contains(t.actorId()) && t.at().isBefore(before)
                    && (after == null || !t.at().isBefore(after)))
                    .sorted((a, b) -> a.at().compareTo(b.at()))
                    .forEach(t -> items.add("{\"eventId\":\"e-" + t.actorId() + "-" + t.at().toEpochSecond() + "\","
                            + "\"type\":\"" + (t.retargeting() ? "CLICK" : "LIKE") + "\",\"platform\":\"INSTAGRAM\","
                            + "\"postId\":null,\"campaignId\":null,\"funnelStage\":\"ACTION\",\"actorId\":\""
                            + t.actorId() + "\",\"clickId\":null,\"occurredAt\":\"" + t.at() + "\",\"retargeting\":"
                            + t.retargeting() + ",\"campaignOrigin\":\"POST\"}"));
            return FakeServer.Reply.json(200, "{\"items\":[" + String.join(",", items) + "]}");
        });
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> people(int n) {
        List<String> actors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            actors.add(String.format("ig:%03d", i));
        }
        return actors;
    }

    String create(UUID ws, String holdout) {
        return as(ws).body("{\"name\":\"Warm\",\"engagedWithinDays\":30" + (holdout == null ? ""
                : ",\"holdoutPercent\":" + holdout) + "}").post("/workspaces/" + ws + "/audiences").then()
                .statusCode(201).extract().path("id");
    }

    /** Every exported member by JSON pages of {@code limit}, and the sum of the pages' holdout counts. */
    Map.Entry<List<String>, Long> pages(UUID ws, String id, int limit) {
        List<String> members = new ArrayList<>();
        long heldOut = 0;
        String cursor = null;
        do {
            Response page = as(ws).get("/workspaces/" + ws + "/audiences/" + id + "/members?limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.then().statusCode(200);
            heldOut += Long.parseLong(page.header("Audience-Holdout-Members"));
            members.addAll(page.jsonPath().getList("items.actorId"));
            cursor = page.jsonPath().getString("nextCursor");
        } while (cursor != null);
        return Map.entry(members, heldOut);
    }

    @Test
    void theHoldoutNeverLeavesInAnExportAndIsTheSameOnEveryExportAndPageSize() throws Exception {
        UUID ws = fakes.workspace();
        List<String> actors = people(200);
        engagement(ws, actors, Set.of(), List.of());
        String id = create(ws, "20");
        as(ws).get("/workspaces/" + ws + "/audiences/" + id).then().statusCode(200).body("holdoutPercent", equalTo(20));
        List<String> kept = new ArrayList<>();
        for (String a : actors) {
            if (!heldOut(id, a, 20)) {
                kept.add(a);
            }
        }
        int held = actors.size() - kept.size();
        assertTrue(held > 10 && held < 80, "about a fifth of 200 held out: " + held);

        String path = "/workspaces/" + ws + "/audiences/" + id + "/members";
        Response first = as(ws).accept("text/csv").get(path);
        first.then().statusCode(200).header("Audience-Members", String.valueOf(kept.size()))
                .header("Audience-Matchable-Members", "0").header("Audience-Holdout-Members", String.valueOf(held));
        StringBuilder expected = new StringBuilder("email,extern_id\n");
        kept.forEach(a -> expected.append(',').append(Emails.sha256(a)).append('\n'));
        assertEquals(expected.toString(), first.asString());
        assertEquals(first.asString(), as(ws).accept("text/csv").get(path).then().statusCode(200).extract().asString(),
                "a second export holds out the same members");

        for (int limit : new int[] {7, 50, 500}) {
            Map.Entry<List<String>, Long> pages = pages(ws, id, limit);
            assertEquals(kept, pages.getKey(), "pages of " + limit);
            assertEquals(held, pages.getValue(), "held out over the pages of " + limit);
        }
        // The e-mail of a held-out member's customer does not leave either, and the matchable count follows.
        String out = actors.stream().filter(a -> !kept.contains(a)).findFirst().orElseThrow();
        String in = kept.get(0);
        as(ws).body("[{\"eventId\":\"h1\",\"type\":\"LEAD\",\"occurredAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC)
                .minusDays(2).withNano(0) + "\",\"customerId\":\"c-out\",\"actorIds\":[\"" + out + "\"],\"email\":"
                + "\"out@example.com\"},{\"eventId\":\"h2\",\"type\":\"LEAD\",\"occurredAt\":\""
                + OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).withNano(0) + "\",\"customerId\":\"c-in\","
                + "\"actorIds\":[\"" + in + "\"],\"email\":\"in@example.com\"}]")
                .post("/workspaces/" + ws + "/conversions").then().statusCode(200);
        // The conversions linked each actor to its customer already (200: the link was there).
        as(ws).body("{\"customerId\":\"c-out\",\"actorId\":\"" + out + "\",\"platform\":\"INSTAGRAM\"}")
                .post("/workspaces/" + ws + "/identities").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        as(ws).body("{\"customerId\":\"c-in\",\"actorId\":\"" + in + "\",\"platform\":\"INSTAGRAM\"}")
                .post("/workspaces/" + ws + "/identities").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String csv = as(ws).accept("text/csv").get(path).then().statusCode(200)
                .header("Audience-Members", String.valueOf(kept.size())).header("Audience-Matchable-Members", "1")
                .header("Audience-Holdout-Members", String.valueOf(held)).extract().asString();
        assertTrue(csv.contains(Emails.sha256("in@example.com") + "," + Emails.sha256(in) + "\n"), csv);
        assertFalse(csv.contains(Emails.sha256("out@example.com")), csv);
        assertFalse(csv.contains(Emails.sha256(out)), csv);
        // Nor from an ad platform's layout: the file is written from the exported members only.
        String meta = as(ws).accept("text/csv").get(path + "?layout=META").then().statusCode(200)
                .header("Audience-Holdout-Members", String.valueOf(held)).extract().asString();
        assertTrue(meta.contains(Emails.sha256("in@example.com")), meta);
        assertFalse(meta.contains(Emails.sha256("out@example.com")), meta);
    }

    /** Exported members of the audience now. */
    Set<String> exported(UUID ws, String id) {
        return new TreeSet<>(pages(ws, id, 500).getKey());
    }

    @Test
    void raisingTheShareKeepsTheHeldOutMembersHeldOut() throws Exception {
        UUID ws = fakes.workspace();
        List<String> actors = people(300);
        engagement(ws, actors, Set.of(), List.of());
        String id = create(ws, "10");
        String path = "/workspaces/" + ws + "/audiences/" + id;
        Function<Set<String>, Set<String>> heldOf = out -> {
            Set<String> held = new TreeSet<>(actors);
            held.removeAll(out);
            return held;
        };
        Set<String> at10 = heldOf.apply(exported(ws, id));
        as(ws).body("{\"holdoutPercent\":20}").patch(path).then().statusCode(200).body("holdoutPercent", equalTo(20))
                .body("name", equalTo("Warm"));
        Set<String> at20 = heldOf.apply(exported(ws, id));
        as(ws).body("{\"holdoutPercent\":2.5}").patch(path).then().statusCode(200)
                .body("holdoutPercent", equalTo(2.5f));
        Set<String> at2 = heldOf.apply(exported(ws, id));
        assertTrue(at20.containsAll(at10) && at20.size() > at10.size(), at10 + " within " + at20);
        assertTrue(at10.containsAll(at2) && at10.size() > at2.size(), at2 + " within " + at10);
        for (String a : actors) {
            assertEquals(heldOut(id, a, 2.5), at2.contains(a), a);
        }
        try (Connection c = dataSource.getConnection(); var s = c.prepareStatement(
                "SELECT holdout_percent FROM audience WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            var rs = s.executeQuery();
            rs.next();
            assertEquals("2.50", rs.getBigDecimal(1).toPlainString());
        }
        // Other changes keep the share; null puts it back to none.
        as(ws).body("{\"name\":\"Warmer\"}").patch(path).then().statusCode(200).body("holdoutPercent", equalTo(2.5f));
        as(ws).body("{\"holdoutPercent\":null}").patch(path).then().statusCode(200).body("holdoutPercent", equalTo(0));
        assertEquals(new TreeSet<>(actors), exported(ws, id));
    }

    @Test
    void aShareOutside0To50IsA422AndChangesNothing() {
        UUID ws = fakes.workspace();
        engagement(ws, people(3), Set.of(), List.of());
        String collection = "/workspaces/" + ws + "/audiences";
        for (String bad : new String[] {"51", "-1", "50.01", "12.345", "100"}) {
            as(ws).body("{\"name\":\"A\",\"engagedWithinDays\":7,\"holdoutPercent\":" + bad + "}").post(collection)
                    .then().statusCode(422).contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo("holdoutPercent"));
        }
        as(ws).body("{\"name\":\"A\",\"engagedWithinDays\":7,\"holdoutPercent\":\"ten\"}").post(collection).then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
        as(ws).get(collection).then().statusCode(200).body("items.size()", equalTo(0));
        String id = create(ws, null);
        as(ws).get(collection + "/" + id).then().statusCode(200).body("holdoutPercent", equalTo(0));
        as(ws).body("{\"holdoutPercent\":60}").patch(collection + "/" + id).then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("holdoutPercent"));
        as(ws).get(collection + "/" + id).then().statusCode(200).body("holdoutPercent", equalTo(0));
        String fifty = create(ws, "50");
        as(ws).get(collection + "/" + fifty).then().statusCode(200).body("holdoutPercent", equalTo(50));
    }

    /**
     * An audience of exactly 100 members outside a 50% holdout and 100 in it (the people are drawn for the audience's
     * id with the documented hash). Since the audience was created (10 days ago):
     * <ul>
     * <li>exposed: kept members 0..59 have a retargeting click at creation + (i + 1) hours (and an organic like ten
     * minutes before, which is no exposure). 0..29 convert 30 minutes after their exposure; 30..34 converted only 30
     * minutes before theirs, which must not count: 30 of 60.</li>
     * <li>kept members 60..99 were not reached since the creation (60..64 had a retargeting click before it): not
     * exposed.</li>
     * <li>holdout: measured from the median first exposure (the 30th of 60: creation + 30 h). Members 0..9 convert at
     * creation + 40 h; 10..12 converted at creation + 20 h, before the window: 10 of 100. Members 0 and 1 were reached
     * by retargeting anyway (creation + 2 h).</li>
     * </ul>
     * 30/60 against 10/100, worked with the formulas of LiftStatisticsTest (and checked with scipy): difference 0.40,
     * pooled 40/160 = 0.25, se = sqrt(0.25 * 0.75 * (1/60 + 1/100)) = 0.0707107, z = 5.6569, p = 1.542e-8; Wilson
     * 30/60 = (0.3773502, 0.6226498), 10/100 = (0.0552291, 0.1743657); Newcombe (0.2566, 0.5306).
     */
    @Test
    void liftComparesExposedMembersAfterTheirFirstExposureWithTheHoldout() throws Exception {
        UUID ws = fakes.workspace();
        List<String> actors = new ArrayList<>();
        List<Touch> touches = new ArrayList<>();
        Set<String> retargeted = new HashSet<>();
        engagement(ws, actors, retargeted, touches);
        String id = create(ws, "50");
        OffsetDateTime created = OffsetDateTime.now(ZoneOffset.UTC).minusDays(10).truncatedTo(ChronoUnit.SECONDS);
        try (Connection c = dataSource.getConnection(); var s = c.prepareStatement(
                "UPDATE audience SET created_at = ? WHERE id = ?")) {
            s.setObject(1, created);
            s.setObject(2, UUID.fromString(id));
            assertEquals(1, s.executeUpdate());
        }
        List<String> kept = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (int i = 0; kept.size() < 100 || held.size() < 100; i++) {
            String a = String.format("ig:%05d", i);
            List<String> into = heldOut(id, a, 50) ? held : kept;
            if (into.size() < 100) {
                into.add(a);
            }
        }
        actors.addAll(kept);
        actors.addAll(held);
        engagement(ws, actors, retargeted, touches);
        List<String> conversions = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            OffsetDateTime at = created.plusHours(i + 1);
            touches.add(new Touch(kept.get(i), at, true));
            touches.add(new Touch(kept.get(i), at.minusMinutes(10), false));
            retargeted.add(kept.get(i));
            if (i < 30) {
                conversions.add(lead("x" + i, kept.get(i), at.plusMinutes(30)));
            } else if (i < 35) {
                conversions.add(lead("b" + i, kept.get(i), at.minusMinutes(30)));
            }
        }
        for (int i = 60; i < 65; i++) {
            touches.add(new Touch(kept.get(i), created.minusDays(1), true));
        }
        for (int i = 0; i < 13; i++) {
            conversions.add(lead("h" + i, held.get(i), created.plusHours(i < 10 ? 40 : 20)));
        }
        touches.add(new Touch(held.get(0), created.plusHours(2), true));
        touches.add(new Touch(held.get(1), created.plusHours(2), true));
        as(ws).body("[" + String.join(",", conversions) + "]").post("/workspaces/" + ws + "/conversions").then()
                .statusCode(200).body("accepted", equalTo(conversions.size()));

        JsonPath lift = as(ws).get("/workspaces/" + ws + "/audiences/" + id + "/lift").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("HOLDOUT", lift.getString("method"));
        assertEquals(50, lift.getInt("holdoutPercent"));
        assertEquals(created.toInstant(), OffsetDateTime.parse(lift.getString("exposedFrom")).toInstant());
        assertEquals(created.plusHours(30).toInstant(), OffsetDateTime.parse(lift.getString("holdoutFrom")).toInstant());
        assertEquals(60, lift.getInt("exposed.members"));
        assertEquals(30, lift.getInt("exposed.converted"), "conversions before the member's exposure do not count");
        assertEquals(0.5f, lift.getFloat("exposed.conversionRate"));
        assertEquals(100, lift.getInt("holdout.members"));
        assertEquals(10, lift.getInt("holdout.converted"), "conversions before the holdout's window do not count");
        assertEquals(0.1f, lift.getFloat("holdout.conversionRate"));
        assertEquals(2, lift.getInt("holdoutReached"));
        assertEquals(40, lift.getInt("notExposed"));
        assertEquals(0.4f, lift.getFloat("absoluteLift"));
        assertEquals(4.0f, lift.getFloat("relativeLift"));
        assertEquals(0.95f, lift.getFloat("confidenceInterval.level"));
        assertEquals("NEWCOMBE_WILSON", lift.getString("confidenceInterval.method"));
        assertEquals(0.2566f, lift.getFloat("confidenceInterval.lower"));
        assertEquals(0.5306f, lift.getFloat("confidenceInterval.upper"));
        assertEquals(1.542e-8, lift.getDouble("pValue"), 1e-12);
        assertEquals(5.6569f, lift.getFloat("zScore"));
        assertEquals("LIFT", lift.getString("verdict"));
        assertEquals("Retargeting raised conversion: 50.0% of the 60 exposed members converted after their first "
                + "exposure, against 10.0% of the 100 held-out members (+40.0 points, 95% CI +25.7 points to +53.1 "
                + "points; p = 0.00000001542).", lift.getString("verdictText"));
        // The observational fields stay as they were: reached (retargeted in the window) against the rest, from the
        // window start: 30 + 5 of 60 reached converted, 10 + 3 of the 140 others.
        assertEquals(60, lift.getInt("reached.members"));
        assertEquals(35, lift.getInt("reached.converted"));
        assertEquals(140, lift.getInt("notReached.members"));
        assertEquals(13, lift.getInt("notReached.converted"));
        assertEquals(5.2788f, lift.getFloat("lift"), "0.5833 / 0.0929 - 1");
    }

    static String lead(String eventId, String actor, OffsetDateTime at) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"LEAD\",\"occurredAt\":\"" + at + "\",\"actorIds\":[\""
                + actor + "\"]}";
    }

    @Test
    void withoutAHoldoutTheLiftIsTheObservationalComparisonLabelledSo() {
        UUID ws = fakes.workspace();
        engagement(ws, people(4), Set.of("ig:000", "ig:001"), List.of());
        String id = create(ws, null);
        as(ws).body("{\"eventId\":\"l\",\"type\":\"LEAD\",\"occurredAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC)
                .minusDays(1).withNano(0) + "\",\"actorIds\":[\"ig:000\"]}").post("/workspaces/" + ws + "/conversions")
                .then().statusCode(201);
        as(ws).get("/workspaces/" + ws + "/audiences/" + id + "/lift").then().statusCode(200)
                .body("method", equalTo("OBSERVATIONAL")).body("verdict", equalTo("NO_HOLDOUT"))
                .body("reached.members", equalTo(2)).body("reached.converted", equalTo(1))
                .body("notReached.members", equalTo(2)).body("notReached.converted", equalTo(0))
                .body("exposed", org.hamcrest.Matchers.nullValue()).body("pValue", org.hamcrest.Matchers.nullValue())
                .body("verdictText", startsWith("No holdout: this audience keeps no members back, so 50.0% of the 2 "
                        + "members reached by retargeting converted against 0.0% of the 2 others, an observational "
                        + "comparison"));
        // A holdout with nobody exposed yet says so rather than computing from nothing.
        as(ws).body("{\"holdoutPercent\":50}").patch("/workspaces/" + ws + "/audiences/" + id).then().statusCode(200);
        as(ws).get("/workspaces/" + ws + "/audiences/" + id + "/lift").then().statusCode(200)
                .body("method", equalTo("HOLDOUT")).body("verdict", equalTo("INSUFFICIENT_DATA"))
                .body("exposed.members", equalTo(0)).body("confidenceInterval", org.hamcrest.Matchers.nullValue());
    }
}
