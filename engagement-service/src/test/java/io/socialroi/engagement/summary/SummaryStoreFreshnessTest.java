package io.socialroi.engagement.summary;

import static io.restassured.RestAssured.given;
import static io.socialroi.engagement.Api.event;
import static io.socialroi.engagement.Api.send;
import static io.socialroi.engagement.summary.SummaryStoreEquivalenceTest.assertSame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.socialroi.engagement.Api;
import io.socialroi.engagement.ContentFake;
import io.socialroi.engagement.Db;
import io.socialroi.common.snapshot.SnapshotSettings;
import io.socialroi.engagement.settings.ScoringSettings;
import io.socialroi.engagement.settings.SettingsStore;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The summary store stays current: events ingested after a summary are in the next one; rollup rows written by
 * "another replica" (plain SQL with its change row, never through this store) too, also when the transactions
 * commit out of order; a workspace above the budget or evicted answers the same from SQL; parallel first calls
 * load a workspace once.
 */
@QuarkusTest
class SummaryStoreFreshnessTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Inject
    RollupStore store;

    @Inject
    SummaryQuery sql;

    @Inject
    DataSource dataSource;

    @Inject
    SettingsStore settings;

    /** A store of its own, as another replica or a restarted service has: loading on the first call when asked. */
    static RollupStore store(DataSource dataSource, SummaryQuery sql, SettingsStore settings, long budget,
            Duration retention, int mergeAt, boolean background) {
        return new RollupStore(dataSource, sql, settings, new SnapshotSettings(budget, Duration.ofMinutes(15),
                background, Duration.ofMinutes(15)), retention, mergeAt, 20);
    }

    private static JsonPath summary(UUID ws, String query) {
        return given().auth().oauth2(Api.reader(ws)).get("/workspaces/" + ws + "/engagement/summary?" + query).then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void eventsIngestedAfterASummaryAreInTheNextOne() {
        UUID ws = UUID.randomUUID();
        UUID post = UUID.randomUUID();
        ContentFake.workspace(ws, "Europe/Rome");
        Api.registerPost(ws, post, UUID.randomUUID(), "INSTAGRAM", "ACTION", null, null);
        send(ws, "[" + event("a1", "LIKE", post, "ig:a", "2026-11-10T10:15:00Z", "") + ","
                + event("a2", "COMMENT", post, "ig:b", "2026-11-10T11:15:00Z", "") + "]").then().statusCode(200);
        String q = "from=2026-11-10&to=2026-11-12&groupBy=day";
        JsonPath first = summary(ws, q);
        assertEquals(2, first.getInt("totals.engagements"));
        assertEquals(2, first.getInt("totals.uniqueActors"));
        assertNotNull(store.held(ws), "loaded by the first summary");
        // The same hour again, a new hour of the same day, and a new day.
        send(ws, "[" + event("a3", "LIKE", post, "ig:c", "2026-11-10T10:45:00Z", "") + ","
                + event("a4", "SHARE", post, "ig:a", "2026-11-10T20:00:00Z", "") + ","
                + event("a5", "DM", null, "ig:d", "2026-11-12T08:00:00Z", "") + "]").then().statusCode(200);
        JsonPath second = summary(ws, q);
        assertEquals(5, second.getInt("totals.engagements"));
        assertEquals(4, second.getInt("totals.uniqueActors"));
        assertEquals(2, second.getList("rows").size());
        assertEquals(1, second.getInt("totals.counts.DM"));
    }

    /** Writes one actor_rollup and one engagement_rollup row and the change row, as another replica's batch. */
    private static void otherReplica(Connection c, UUID ws, String hour, String actor) throws Exception {
        UUID post = UUID.nameUUIDFromBytes(ws.toString().getBytes());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO engagement_rollup (workspace_id, bucket, post_key, "
                + "platform, campaign_key, funnel_stage, type, events) VALUES (?, ?::timestamptz, ?, 'TIKTOK', "
                + "'00000000-0000-0000-0000-000000000000', '', 'SHARE', 1) ON CONFLICT (workspace_id, bucket, "
                + "post_key, platform, campaign_key, funnel_stage, type) DO UPDATE SET events = "
                + "engagement_rollup.events + 1")) {
            ps.setObject(1, ws);
            ps.setString(2, hour);
            ps.setObject(3, post);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO actor_rollup (workspace_id, bucket, post_key, "
                + "platform, campaign_key, funnel_stage, actor_id, n_share) VALUES (?, ?::timestamptz, ?, 'TIKTOK', "
                + "'00000000-0000-0000-0000-000000000000', '', ?, 1)")) {
            ps.setObject(1, ws);
            ps.setString(2, hour);
            ps.setObject(3, post);
            ps.setString(4, actor);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rollup_change (workspace_id, min_bucket, "
                + "max_bucket) VALUES (?, ?::timestamptz, ?::timestamptz)")) {
            ps.setObject(1, ws);
            ps.setString(2, hour);
            ps.setString(3, hour);
            ps.executeUpdate();
        }
    }

    private long shares(UUID ws) throws Exception {
        Instant from = LocalDate.parse("2026-11-01").atStartOfDay(ROME).toInstant();
        Instant to = LocalDate.parse("2026-11-30").atStartOfDay(ROME).toInstant();
        Map<String, SummaryQuery.Acc> fromStore = store.run(ws, from, to, ROME, GroupBy.POST, null,
                ScoringSettings.DEFAULTS);
        assertSame(sql.run(ws, from, to, ROME, GroupBy.POST, null, ScoringSettings.DEFAULTS), fromStore,
                ScoringSettings.DEFAULTS, "other replica");
        return fromStore.get(SummaryQuery.TOTAL).counts.getOrDefault(io.socialroi.engagement.event.EventType.SHARE, 0L);
    }

    @Test
    void writesOfAnotherReplicaAreSeenEvenWhenTheyCommitOutOfOrder() throws Exception {
        UUID ws = UUID.randomUUID();
        ContentFake.workspace(ws, "Europe/Rome");
        assertEquals(0, shares(ws));
        try (Connection a = Db.connect(); Connection b = Db.connect()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            // A takes its transaction id first but commits last.
            otherReplica(a, ws, "2026-11-05T10:00:00Z", "tt:a");
            otherReplica(b, ws, "2026-11-06T10:00:00Z", "tt:b");
            b.commit();
            assertEquals(1, shares(ws), "B is committed, A is not");
            a.commit();
            assertEquals(2, shares(ws), "A committed after the summary that saw B");
            // The same hour once more, by the same "replica".
            otherReplica(a, ws, "2026-11-05T10:00:00Z", "tt:c");
            a.commit();
            assertEquals(3, shares(ws));
        }
        assertEquals(3, Db.number("SELECT count(*) FROM rollup_change WHERE workspace_id = ?", ws));
    }

    @Test
    void oldChangeRowsArePrunedAndRecentOnesKept() throws Exception {
        UUID ws = UUID.randomUUID();
        try (Connection c = Db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO rollup_change "
                + "(workspace_id, min_bucket, max_bucket, at) VALUES (?, now(), now(), now() - ?::interval)")) {
            for (String age : List.of("2 hours", "61 minutes", "10 minutes", "0 seconds")) {
                ps.setObject(1, ws);
                ps.setString(2, age);
                ps.executeUpdate();
            }
        }
        RollupStore hourly = store(dataSource, sql, settings, 1000, Duration.ofHours(1), 50_000, false);
        hourly.prune();
        assertEquals(2, Db.number("SELECT count(*) FROM rollup_change WHERE workspace_id = ?", ws));
        hourly.prune();
        assertEquals(2, Db.number("SELECT count(*) FROM rollup_change WHERE workspace_id = ?", ws));
    }

    @Test
    void aWorkspaceAboveTheBudgetOrEvictedIsAnsweredTheSameBySql() throws Exception {
        UUID big = UUID.randomUUID();
        UUID small = UUID.randomUUID();
        SummaryStoreEquivalenceTest.randomWorkspace(big, 11);
        ContentFake.workspace(small, "Europe/Rome");
        UUID post = UUID.randomUUID();
        send(small, "[" + event("s1", "LIKE", post, "ig:a", "2026-10-25T10:15:00Z", "") + "]").then().statusCode(200);
        long bigEntries = Db.number("SELECT (SELECT count(*) FROM engagement_rollup WHERE workspace_id = ?) + "
                + "(SELECT count(*) FROM actor_rollup WHERE workspace_id = ?)", big, big);
        // Room for the big workspace, or the small one and a bit, not both.
        RollupStore tight = store(dataSource, sql, settings, bigEntries + 1, Duration.ofHours(1), 50_000, false);
        RollupStore tiny = store(dataSource, sql, settings, 10, Duration.ofHours(1), 50_000, false);
        Instant from = LocalDate.parse("2026-10-20").atStartOfDay(ROME).toInstant();
        Instant to = LocalDate.parse("2026-11-05").atStartOfDay(ROME).toInstant();
        for (GroupBy groupBy : GroupBy.values()) {
            Map<String, SummaryQuery.Acc> expected = sql.run(big, from, to, ROME, groupBy, null, ScoringSettings.DEFAULTS);
            assertSame(expected, tiny.run(big, from, to, ROME, groupBy, null, ScoringSettings.DEFAULTS),
                    ScoringSettings.DEFAULTS, "above the budget " + groupBy);
            assertNull(tiny.held(big), "not kept");
            assertSame(expected, tight.run(big, from, to, ROME, groupBy, null, ScoringSettings.DEFAULTS),
                    ScoringSettings.DEFAULTS, "within the budget " + groupBy);
            assertNotNull(tight.held(big));
            assertSame(sql.run(small, from, to, ROME, groupBy, null, ScoringSettings.DEFAULTS),
                    tight.run(small, from, to, ROME, groupBy, null, ScoringSettings.DEFAULTS), ScoringSettings.DEFAULTS,
                    "small " + groupBy);
            assertNull(tight.held(big), "the least recently used workspace made room");
            assertNotNull(tight.held(small));
        }
    }

    @Test
    void parallelFirstSummariesLoadTheWorkspaceOnce() throws Exception {
        UUID ws = UUID.randomUUID();
        SummaryStoreEquivalenceTest.randomWorkspace(ws, 12);
        RollupStore fresh = store(dataSource, sql, settings, 1_000_000, Duration.ofHours(1), 50_000, false);
        Instant from = LocalDate.parse("2026-10-20").atStartOfDay(ROME).toInstant();
        Instant to = LocalDate.parse("2026-11-05").atStartOfDay(ROME).toInstant();
        Map<String, SummaryQuery.Acc> expected = sql.run(ws, from, to, ROME, GroupBy.CAMPAIGN, null,
                ScoringSettings.DEFAULTS);
        List<Future<Map<String, SummaryQuery.Acc>>> calls = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                calls.add(threads.submit(() -> fresh.run(ws, from, to, ROME, GroupBy.CAMPAIGN, null,
                        ScoringSettings.DEFAULTS)));
            }
            for (Future<Map<String, SummaryQuery.Acc>> call : calls) {
                assertSame(expected, call.get(), ScoringSettings.DEFAULTS, "parallel");
            }
        }
        assertEquals(1, fresh.snapshots().loads(), "loaded once");
        WorkspaceRollups held = fresh.held(ws);
        fresh.run(ws, from, to, ROME, GroupBy.POST, null, ScoringSettings.DEFAULTS);
        assertSame(held, fresh.held(ws), "nothing changed, nothing reloaded");
        send(ws, "[" + event("late", "DM", null, "ig:late", "2026-10-30T10:15:00Z", "")
                + "]");
        fresh.run(ws, from, to, ROME, GroupBy.POST, null, ScoringSettings.DEFAULTS);
        assertNotSame(held, fresh.held(ws));
        fresh.snapshots().clear();
        assertNull(fresh.held(ws));
    }

    /** Issue 15: while a workspace loads (its first summaries after a start) SQL answers, with the same numbers. */
    @Test
    void aStoreThatIsLoadingAnswersFromSqlWithTheSameNumbers() throws Exception {
        UUID ws = UUID.randomUUID();
        SummaryStoreEquivalenceTest.randomWorkspace(ws, 13);
        RollupStore starting = store(dataSource, sql, settings, 1_000_000, Duration.ofHours(1), 50_000, true);
        Instant from = LocalDate.parse("2026-10-20").atStartOfDay(ROME).toInstant();
        Instant to = LocalDate.parse("2026-11-05").atStartOfDay(ROME).toInstant();
        for (GroupBy groupBy : GroupBy.values()) {
            assertSame(sql.run(ws, from, to, ROME, groupBy, null, ScoringSettings.DEFAULTS),
                    starting.run(ws, from, to, ROME, groupBy, null, ScoringSettings.DEFAULTS), ScoringSettings.DEFAULTS,
                    "while loading " + groupBy);
        }
        starting.snapshots().warm(ws, ScoringSettings.DEFAULTS).join();
        assertNotNull(starting.held(ws), "loaded in the background");
        send(ws, "[" + event("after-load", "LIKE", null, "ig:after", "2026-10-30T10:15:00Z", "") + "]");
        for (GroupBy groupBy : GroupBy.values()) {
            assertSame(sql.run(ws, from, to, ROME, groupBy, null, ScoringSettings.DEFAULTS),
                    starting.run(ws, from, to, ROME, groupBy, null, ScoringSettings.DEFAULTS), ScoringSettings.DEFAULTS,
                    "from memory " + groupBy);
        }
        starting.snapshots().close();
    }

    /** Issue 15: a restarted service (a new store) warms the recently written workspaces; its first answer is SQL's. */
    @Test
    void aRestartedServiceAnswersItsFirstSummaryAsSqlDoes() throws Exception {
        UUID ws = UUID.randomUUID();
        SummaryStoreEquivalenceTest.randomWorkspace(ws, 14);
        Instant from = LocalDate.parse("2026-10-20").atStartOfDay(ROME).toInstant();
        Instant to = LocalDate.parse("2026-11-05").atStartOfDay(ROME).toInstant();
        RollupStore before = store(dataSource, sql, settings, 1_000_000, Duration.ofHours(1), 50_000, false);
        before.run(ws, from, to, ROME, GroupBy.POST, null, ScoringSettings.DEFAULTS);
        before.snapshots().close();

        RollupStore restarted = store(dataSource, sql, settings, 1_000_000, Duration.ofHours(1), 50_000, true);
        assertEquals(true, restarted.warmRecentlyActive() > 0);
        assertNotNull(restarted.held(ws), "the workspace written last is loaded at start");
        long warmed = restarted.snapshots().loads();
        assertSame(sql.run(ws, from, to, ROME, GroupBy.CAMPAIGN, null, ScoringSettings.DEFAULTS),
                restarted.run(ws, from, to, ROME, GroupBy.CAMPAIGN, null, ScoringSettings.DEFAULTS),
                ScoringSettings.DEFAULTS, "first answer after the restart");
        assertEquals(warmed, restarted.snapshots().loads(), "answered from what was loaded at start");

        RollupStore cold = store(dataSource, sql, settings, 1_000_000, Duration.ofHours(1), 50_000, true);
        assertSame(sql.run(ws, from, to, ROME, GroupBy.DAY, null, ScoringSettings.DEFAULTS),
                cold.run(ws, from, to, ROME, GroupBy.DAY, null, ScoringSettings.DEFAULTS), ScoringSettings.DEFAULTS,
                "first answer of a store not warmed: from SQL, at once");
        restarted.snapshots().close();
        cold.snapshots().close();
    }
}
