package io.socialroi.conversion.attribution;

import static io.socialroi.conversion.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.common.snapshot.SnapshotSettings;
import io.socialroi.common.workspace.WorkspaceDirectory;
import io.socialroi.conversion.Api;
import io.socialroi.conversion.FakeServices;
import io.socialroi.conversion.Fakes;
import io.socialroi.conversion.touchpoint.TouchpointCapture;
import io.socialroi.testing.FakeServer;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The in-memory journey store answers exactly what SQL answers, and stays current with writes made
 * through this instance and with writes another replica makes straight in the database.
 */
@QuarkusTest
class JourneyStoreTest {

    static final String[] TYPES = {"IMPRESSION", "VIEW", "LIKE", "COMMENT", "SHARE", "SAVE", "CLICK", "FOLLOW", "DM",
        "MENTION"};
    static final String[] PLATFORMS = {"INSTAGRAM", "TIKTOK", "FACEBOOK", "LINKEDIN", null};
    static final String[] STAGES = {"ATTENTION", "INTEREST", "TRUST", "ACTION", null};
    static final String[] CONVERSION_TYPES = {"PURCHASE", "PURCHASE", "PURCHASE", "LEAD", "SIGNUP", "BOOKING"};

    @FakeServices.Inject
    Fakes fakes;

    @Inject
    DataSource dataSource;

    @Inject
    AttributionService service;

    @Inject
    JourneyStore store;

    @Inject
    ObjectMapper json;

    @Inject
    WorkspaceDirectory directory;

    @Inject
    TouchpointCapture capture;

    @Inject
    AttributionData data;

    @Inject
    NeverConverting never;

    /** A workspace of random journeys written straight into the database, every conversion captured. */
    UUID randomWorkspace(Random random, String zone, String currency, int conversions) throws Exception {
        UUID ws = fakes.workspace(zone, currency);
        List<UUID> posts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            posts.add(new UUID(random.nextLong(), random.nextLong()));
        }
        List<UUID> campaigns = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        OffsetDateTime base = OffsetDateTime.of(2026, 9, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        int scale = "JPY".equals(currency) ? 0 : 2;
        try (Connection c = dataSource.getConnection()) {
            OffsetDateTime previous = base;
            for (int i = 0; i < conversions; i++) {
                String type = CONVERSION_TYPES[random.nextInt(CONVERSION_TYPES.length)];
                // Some conversions at the very same microsecond as the previous one (first-purchase ties).
                OffsetDateTime at = random.nextInt(12) == 0 ? previous
                        : base.plusSeconds(random.nextInt(91 * 86_400)).plusNanos(random.nextInt(1_000_000) * 1000L);
                previous = at;
                String customer = random.nextInt(5) == 0 ? null : "cust-" + random.nextInt(conversions / 4);
                BigDecimal amount = "PURCHASE".equals(type)
                        ? BigDecimal.valueOf(random.nextInt(random.nextBoolean() ? 500 : 5_000_000), scale)
                        : BigDecimal.ZERO;
                UUID id = UUID.randomUUID();
                insertConversion(c, ws, id, (random.nextBoolean() ? "E-" : "e-") + random.nextInt(1_000_000) + "-" + i,
                        type, amount, currency, at, customer);
                int touches = random.nextInt(6) == 0 ? 0 : random.nextInt(25);
                OffsetDateTime touchedAt = at;
                for (int t = 0; t < touches; t++) {
                    if (random.nextInt(5) > 0) {
                        touchedAt = at.minusSeconds(random.nextInt(100 * 86_400)).minusNanos(random.nextInt(1000) * 1000L);
                    }
                    if (random.nextInt(40) == 0) {
                        touchedAt = at.plusSeconds(60); // after the conversion: never counts
                    }
                    UUID post = random.nextInt(8) == 0 ? null : posts.get(random.nextInt(posts.size()));
                    insertTouch(c, ws, id, (random.nextBoolean() ? "Ev" : "ev") + random.nextInt(1000) + "_" + t,
                            TYPES[random.nextInt(TYPES.length)], PLATFORMS[random.nextInt(PLATFORMS.length)], post,
                            post == null ? null : campaigns.get(Math.floorMod(post.hashCode(), 3)),
                            STAGES[random.nextInt(STAGES.length)], touchedAt);
                }
            }
        }
        fakes.journeys(ws, neverConverting(posts, campaigns, base));
        return ws;
    }

    /** People who never convert, as engagement-service's journey search knows them, and some touches of ig:1. */
    static final int NEVER_CONVERTING = 40;

    static List<String> neverConverting(List<UUID> posts, List<UUID> campaigns, OffsetDateTime base) {
        Random random = new Random(7); // apart from the workspace's own sequence
        List<String> touches = new ArrayList<>();
        for (int i = 0; i <= NEVER_CONVERTING; i++) {
            String actor = i == NEVER_CONVERTING ? "ig:1" : "nv:" + i; // ig:1 converts: excluded by the caller
            int n = 1 + random.nextInt(6);
            for (int t = 0; t < n; t++) {
                UUID post = random.nextInt(6) == 0 ? null : posts.get(random.nextInt(posts.size()));
                String stage = STAGES[random.nextInt(STAGES.length)];
                touches.add("{\"eventId\":\"nv" + i + "_" + t + "\",\"type\":\""
                        + (t == 0 ? "LIKE" : TYPES[random.nextInt(TYPES.length)]) + "\",\"platform\":\""
                        + PLATFORMS[random.nextInt(PLATFORMS.length - 1)] + "\",\"postId\":"
                        + (post == null ? "null" : "\"" + post + "\"") + ",\"campaignId\":"
                        + (post == null ? "null" : "\"" + campaigns.get(Math.floorMod(post.hashCode(), 3)) + "\"")
                        + ",\"funnelStage\":" + (stage == null ? "null" : "\"" + stage + "\"") + ",\"actorId\":\""
                        + actor + "\",\"clickId\":null,\"occurredAt\":\"" + base.plusSeconds(random.nextInt(100 * 86_400))
                        .toInstant() + "\",\"retargeting\":false}");
            }
        }
        return touches;
    }

    static void insertConversion(Connection c, UUID ws, UUID id, String eventId, String type, BigDecimal amount,
            String currency, OffsetDateTime at, String customer) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO conversion (workspace_id, id, event_id, type, "
                + "amount, currency, occurred_at, customer_id, capture_state, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'CAPTURED', now())")) {
            insert.setObject(1, ws);
            insert.setObject(2, id);
            insert.setString(3, eventId);
            insert.setString(4, type);
            insert.setBigDecimal(5, amount);
            insert.setString(6, currency);
            insert.setObject(7, at);
            insert.setString(8, customer);
            insert.executeUpdate();
        }
    }

    static void insertTouch(Connection c, UUID ws, UUID conversion, String eventId, String type, String platform,
            UUID post, UUID campaign, String stage, OffsetDateTime at) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO conversion_touchpoint (workspace_id, "
                + "conversion_id, event_id, type, platform, post_id, campaign_id, funnel_stage, actor_id, occurred_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ig:1', ?) ON CONFLICT DO NOTHING")) {
            insert.setObject(1, ws);
            insert.setObject(2, conversion);
            insert.setString(3, eventId);
            insert.setString(4, type);
            insert.setString(5, platform);
            insert.setObject(6, post);
            insert.setObject(7, campaign);
            insert.setString(8, stage);
            insert.setObject(9, at);
            insert.executeUpdate();
        }
    }

    String memory(UUID ws, ReportQuery query) throws Exception {
        return json.writeValueAsString(service.report(ws, query, true));
    }

    String sql(UUID ws, ReportQuery query) throws Exception {
        return json.writeValueAsString(service.report(ws, query, false));
    }

    static ReportQuery query(String model, String lookback, String halfLife, String types, String from, String to,
            String groupBy) {
        return ReportQuery.parse(model, "model", lookback, halfLife, types, from, to, groupBy, 90);
    }

    @Test
    void memoryAnswersExactlyWhatSqlAnswers() throws Exception {
        Random random = new Random(20261201);
        List<String[]> periods = List.of(new String[] {null, null}, new String[] {"2026-10-02", "2026-11-30"},
                new String[] {"2026-10-15", "2026-10-21"}, new String[] {"2026-11-01", null},
                new String[] {null, "2026-09-20"}, new String[] {"2026-10-25", "2026-10-25"});
        String[] typeSets = {null, "CLICK,LIKE", "IMPRESSION,VIEW,LIKE,COMMENT,SHARE,SAVE,CLICK,FOLLOW,DM,MENTION"};
        String[] lookbacks = {"1", "7", "30", "90"};
        for (String[] workspace : List.of(new String[] {"Europe/Rome", "EUR"}, new String[] {"America/New_York", "USD"},
                new String[] {"Asia/Tokyo", "JPY"})) {
            UUID ws = randomWorkspace(random, workspace[0], workspace[1], 260);
            int compared = 0;
            for (String[] period : periods) {
                for (String types : typeSets) {
                    for (String lookback : lookbacks) {
                        for (String groupBy : List.of("post", "platform", "campaign", "funnelStage")) {
                            ReportQuery all = ReportQuery.parse("FIRST_TOUCH,LAST_TOUCH,LINEAR,TIME_DECAY,POSITION_BASED",
                                    "models", lookback, random.nextBoolean() ? null : "2.5", types, period[0], period[1],
                                    groupBy, 90);
                            assertEquals(json.writeValueAsString(service.compare(ws, all, false)),
                                    json.writeValueAsString(service.compare(ws, all, true)),
                                    ws + " " + String.join("/", String.valueOf(period[0]), String.valueOf(period[1]))
                                            + " " + types + " " + lookback + " " + groupBy);
                            compared++;
                        }
                    }
                }
            }
            for (String model : List.of("FIRST_TOUCH", "LAST_TOUCH", "LINEAR", "TIME_DECAY", "POSITION_BASED")) {
                for (String[] period : periods) {
                    ReportQuery q = query(model, "30", "0.75", null, period[0], period[1], "post");
                    assertEquals(sql(ws, q), memory(ws, q), model);
                    compared++;
                }
            }
            // DATA_DRIVEN reads its non-converting journeys from memory or SQL too: the same answers, learned or not.
            boolean learned = false;
            boolean neverLearned = false;
            for (String method : List.of("MARKOV", "SHAPLEY")) {
                for (String[] period : periods) {
                    for (String groupBy : List.of("post", "platform", "funnelStage")) {
                        ReportQuery q = ReportQuery.parse("DATA_DRIVEN", "model", "30", null, null, period[0],
                                period[1], groupBy, method, 90);
                        String memory = memory(ws, q);
                        assertEquals(sql(ws, q), memory, "DATA_DRIVEN " + method + " " + groupBy + " "
                                + period[0] + "/" + period[1]);
                        learned |= memory.contains("\"method\":\"" + method + "\"")
                                && memory.matches("(?s).*\"nonConvertingJourneys\":[1-9].*");
                        // Over all time nobody converts later: the non-converting journeys are exactly the people
                        // engagement-service knows who never converted (ig:1, a converting actor, left out).
                        neverLearned |= period[0] == null && period[1] == null
                                && memory.contains("\"nonConvertingJourneys\":" + NEVER_CONVERTING + ",");
                        compared++;
                    }
                }
            }
            assertTrue(learned, "some period learned from converting and non-converting journeys");
            assertTrue(neverLearned, "the never-converting journeys of engagement-service are learned from");
            // Path analysis reads the same batch and non-converting journeys: the same answers from memory and SQL.
            boolean pathsWithRates = false;
            for (String[] period : periods) {
                for (String by : List.of("platform", "funnelStage")) {
                    for (String maxLength : List.of("3", "6")) {
                        PathQuery q = PathQuery.parse(period[0], period[1], by, "30", null, "100", maxLength, 90);
                        String memory = json.writeValueAsString(service.paths(ws, q, true));
                        assertEquals(json.writeValueAsString(service.paths(ws, q, false)), memory,
                                "paths " + by + " " + maxLength + " " + period[0] + "/" + period[1]);
                        pathsWithRates |= memory.matches("(?s).*\"rows\":\\[\\{.*\"nonConvertingJourneys\":[1-9].*");
                        compared++;
                    }
                }
            }
            assertTrue(pathsWithRates, "some period has paths and non-converting journeys");
            assertTrue(compared > 300);
            // The comparison covers the people counts, the ltv per row and the post attributes too.
            String sample = json.writeValueAsString(service.compare(ws, ReportQuery.parse("LINEAR,TIME_DECAY", "models",
                    "90", null, null, null, null, "post", 90), true));
            assertTrue(sample.matches("(?s).*\"rows\":\\[\\{[^\\]]*\"ltv\":\\{\"amount\".*"), "a row ltv: " + sample);
            assertTrue(sample.matches("(?s).*\"convertingPeople\":[1-9].*"), sample);
            assertTrue(sample.matches("(?s).*\"leadPeople\":[1-9].*"), sample);
            assertTrue(sample.matches("(?s).*\"newCustomerPeople\":[1-9].*"), sample);
            assertTrue(sample.contains("\"funnelStage\":\""), sample);
            assertNotNull(store.view(ws), "the workspace is held in memory");
        }
    }

    @Test
    void reportsSeeWritesOfThisInstanceAndOfOtherReplicas() throws Exception {
        UUID ws = fakes.workspace("Europe/Rome", "EUR");
        String post = "11111111-1111-1111-1111-111111111111";
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search", FakeServer.Reply.json(200,
                "{\"items\":[" + AttributionResourceTest.touch("t1", "CLICK", "INSTAGRAM", post, "ACTION",
                        "ig:1", null, "2026-11-19T10:00:00Z") + "," + AttributionResourceTest.touch("t2", "CLICK",
                        "INSTAGRAM", post, "ACTION", "ig:2", null, "2026-11-20T10:00:00Z") + "]}"));
        String path = "/workspaces/" + ws + "/attribution?from=2026-11-01&to=2026-11-30";
        Api.purchase(ws, "o-1", "cust-1", "100.00", "2026-11-20T12:00:00Z", "\"actorIds\":[\"ig:1\"]");
        as(ws).get(path).then().statusCode(200).body("attributed.conversions", equalTo(1))
                .body("customers", equalTo(1)).body("ltv.amount", equalTo("100.00"));
        assertNotNull(store.view(ws));

        // A new conversion through this instance: pending, captured before the report, counted.
        Api.purchase(ws, "o-2", "cust-2", "50.00", "2026-11-21T12:00:00Z", null);
        as(ws).get(path).then().statusCode(200).body("totals.conversions", equalTo(2))
                .body("unattributed.conversions", equalTo(1)).body("customers", equalTo(2))
                .body("ltv.amount", equalTo("75.00"));

        // A new identity queues cust-2's conversion again; the new capture finds its click.
        as(ws).body("{\"customerId\":\"cust-2\",\"actorId\":\"ig:2\",\"platform\":\"INSTAGRAM\"}")
                .post("/workspaces/" + ws + "/identities").then().statusCode(201);
        as(ws).get(path).then().statusCode(200).body("attributed.conversions", equalTo(2))
                .body("rows[0].revenue.amount", equalTo("150.00"));

        // Another replica inserts a captured conversion with its touchpoint, and changes an amount.
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            insertConversion(c, ws, id, "o-3", "PURCHASE", new BigDecimal("25.00"), "EUR",
                    OffsetDateTime.parse("2026-11-22T12:00:00Z"), "cust-1");
            insertTouch(c, ws, id, "t9", "LIKE", "TIKTOK", UUID.fromString(post), null, "TRUST",
                    OffsetDateTime.parse("2026-11-22T11:00:00Z"));
            c.commit();
        }
        as(ws).get(path + "&model=LAST_TOUCH&groupBy=platform").then().statusCode(200)
                .body("totals.conversions", equalTo(3)).body("rows.key", org.hamcrest.Matchers.contains("INSTAGRAM",
                        "TIKTOK"))
                .body("ltv.amount", equalTo("87.50"));
        execute("UPDATE conversion SET amount = 75.00 WHERE workspace_id = '" + ws + "' AND event_id = 'o-2'");
        as(ws).get(path).then().statusCode(200).body("totals.revenue.amount", equalTo("200.00"));
        // A touchpoint added by hand, without touching its conversion row, is seen too (trigger).
        execute("INSERT INTO conversion_touchpoint (workspace_id, conversion_id, event_id, type, platform, occurred_at) "
                + "VALUES ('" + ws + "', '" + id + "', 't10', 'CLICK', 'FACEBOOK', '2026-11-22T11:30:00Z')");
        as(ws).get(path + "&model=LAST_TOUCH&groupBy=platform").then().statusCode(200)
                .body("rows.key", org.hamcrest.Matchers.hasItem("FACEBOOK"));
        ReportQuery q = query("LINEAR", null, null, null, "2026-11-01", "2026-11-30", "platform");
        assertEquals(sql(ws, q), memory(ws, q));
    }

    @Test
    void transactionsCommittingOutOfOrderAreNotMissed() throws Exception {
        UUID ws = fakes.workspace("UTC", "EUR");
        ReportQuery q = query("LINEAR", null, null, null, null, null, "post");
        try (Connection c = dataSource.getConnection()) {
            insertConversion(c, ws, UUID.randomUUID(), "a", "PURCHASE", BigDecimal.TEN, "EUR",
                    OffsetDateTime.parse("2026-11-01T00:00:00Z"), "c1");
        }
        assertEquals("1", totals(ws, q));
        try (Connection older = dataSource.getConnection(); Connection newer = dataSource.getConnection()) {
            older.setAutoCommit(false);
            newer.setAutoCommit(false);
            // The older transaction takes its id first and commits last.
            insertConversion(older, ws, UUID.randomUUID(), "b", "PURCHASE", BigDecimal.ONE, "EUR",
                    OffsetDateTime.parse("2026-11-02T00:00:00Z"), "c2");
            insertConversion(newer, ws, UUID.randomUUID(), "c", "LEAD", BigDecimal.ZERO, "EUR",
                    OffsetDateTime.parse("2026-11-03T00:00:00Z"), "c3");
            newer.commit();
            assertEquals("2", totals(ws, q));
            older.commit();
        }
        assertEquals("3", totals(ws, q));
        assertEquals(sql(ws, q), memory(ws, q));
    }

    String totals(UUID ws, ReportQuery q) throws Exception {
        return service.report(ws, q, true).totals().conversions().stripTrailingZeros().toPlainString();
    }

    @Test
    void aWorkspaceOverTheBudgetIsReadFromSqlAndTheLeastRecentlyUsedIsDropped() throws Exception {
        Random random = new Random(3);
        UUID big = randomWorkspace(random, "Europe/Rome", "EUR", 120);
        UUID small = randomWorkspace(random, "UTC", "EUR", 20);
        long bigTouches = count(big);
        long smallTouches = count(small);
        JourneyStore tight = store(bigTouches - 1, false);
        AttributionService limited = new AttributionService(directory, capture, data, tight, never);
        ReportQuery q = query("POSITION_BASED", "60", null, null, "2026-10-01", "2026-11-15", "campaign");
        assertNull(tight.view(big), "over the budget");
        assertEquals(sql(big, q), json.writeValueAsString(limited.report(big, q, true)));
        assertNotNull(tight.view(small));
        assertEquals(smallTouches, tight.loadedTouchpoints());
        assertEquals(sql(small, q), json.writeValueAsString(limited.report(small, q, true)));

        // Room for either workspace, not both: loading one drops the other; answers stay the same.
        JourneyStore lru = store(bigTouches + smallTouches - 1, false);
        AttributionService rotating = new AttributionService(directory, capture, data, lru, never);
        assertNotNull(lru.view(small));
        assertNotNull(lru.view(big));
        assertEquals(bigTouches, lru.loadedTouchpoints(), "the small one was dropped");
        assertEquals(sql(small, q), json.writeValueAsString(rotating.report(small, q, true)));
        assertEquals(smallTouches, lru.loadedTouchpoints(), "and the big one in turn");
        assertEquals(sql(big, q), json.writeValueAsString(rotating.report(big, q, true)));
    }

    @Test
    void theFirstReportLoadsInTheBackgroundAndIsAnsweredFromSql() throws Exception {
        UUID ws = randomWorkspace(new Random(11), "Europe/Rome", "EUR", 60);
        JourneyStore background = store(1_000_000, true);
        AttributionService service = new AttributionService(directory, capture, data, background, never);
        ReportQuery q = query("TIME_DECAY", "45", null, null, "2026-10-01", "2026-11-30", "post");
        assertEquals(sql(ws, q), json.writeValueAsString(service.report(ws, q, true)), "from SQL while loading");
        background.snapshots().warm(ws, null).join();
        assertNotNull(background.view(ws), "loaded in the background");
        assertEquals(sql(ws, q), json.writeValueAsString(service.report(ws, q, true)), "from memory");
        background.stop();
    }

    /** Issue 15: a restarted service (a new store) warms the workspaces with recent conversions; same answers. */
    @Test
    void aRestartedServiceWarmsRecentWorkspacesAndAnswersAsSqlDoes() throws Exception {
        UUID ws = randomWorkspace(new Random(12), "Europe/Rome", "EUR", 40);
        ReportQuery q = query("LINEAR", "30", null, null, "2026-10-01", "2026-11-30", "campaign");
        JourneyStore cold = store(1_000_000, true);
        assertEquals(sql(ws, q), json.writeValueAsString(new AttributionService(directory, capture, data, cold, never)
                .report(ws, q, true)), "a store not warmed: the first report from SQL, at once");
        cold.stop();
        JourneyStore restarted = store(1_000_000, true);
        int warmed = restarted.warmRecentlyActive();
        assertTrue(warmed > 0, "the workspace with conversions of the last day is warmed");
        assertNotNull(restarted.snapshots().held(ws));
        long loads = restarted.snapshots().loads();
        assertEquals(sql(ws, q), json.writeValueAsString(new AttributionService(directory, capture, data, restarted, never)
                .report(ws, q, true)), "the first report after the restart, from memory");
        assertEquals(loads, restarted.snapshots().loads(), "nothing loaded again");
        restarted.stop();
    }

    /** A store of its own, as another replica or a restarted service has. */
    JourneyStore store(long budget, boolean background) {
        return new JourneyStore(dataSource, new SnapshotSettings(budget, Duration.ofHours(1), background,
                Duration.ofMinutes(5)), 20);
    }

    long count(UUID ws) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM conversion_touchpoint WHERE workspace_id = ?")) {
            s.setObject(1, ws);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}
