package io.socialroi.engagement.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.engagement.Api;
import io.socialroi.engagement.Db;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Rollups off the acknowledgement path (issue 15): the rollups written through {@code rollup_pending}, in any
 * batching and order, with appliers racing each other, are row for row the rollups written inline in the batch's
 * transaction (the design before, kept as {@code engagement.rollups.deferred=false}: the oracle), and a read right
 * after an acknowledgement counts the batch.
 */
@QuarkusTest
class RollupQueueTest {

    /** Every rollup table of a workspace as text, rows sorted, without the workspace id. */
    private static final String[] TABLES = {
        "SELECT bucket, post_key, platform, campaign_key, funnel_stage, type, events FROM engagement_rollup",
        "SELECT bucket, post_key, platform, campaign_key, funnel_stage, actor_id, n_impression, n_view, n_like, "
                + "n_comment, n_share, n_save, n_click, n_follow, n_dm, n_mention, n_retargeting, last_at "
                + "FROM actor_rollup",
        "SELECT actor_id, minute, engagements FROM actor_minute",
        "SELECT comment_hash, actor_id FROM actor_comment",
        "SELECT comment_hash, actors FROM comment_fingerprint"};

    @Inject
    DataSource dataSource;
    @Inject
    Partitions partitions;
    @Inject
    EventWriter writer;
    @Inject
    RollupQueue queue;

    private static List<String> rows(Connection c, String select, UUID ws) throws Exception {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(select + " WHERE workspace_id = ?")) {
            ps.setObject(1, ws);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        row.append(rs.getString(i)).append('|');
                    }
                    rows.add(row.toString());
                }
            }
        }
        Collections.sort(rows);
        return rows;
    }

    private static long pending(UUID ws) throws Exception {
        try (Connection c = Db.connect();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM rollup_pending WHERE workspace_id = ?")) {
            ps.setObject(1, ws);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void deferredRollupsEqualInlineOnesWhateverTheBatchingAndTheAppliers() throws Exception {
        EventWriter inline = new EventWriter(dataSource, partitions, new RollupQueue(dataSource, false, 100_000));
        for (long seed = 1; seed <= 4; seed++) {
            List<IncomingEvent> events = RollupDeltasTest.batch(seed, 1500);
            UUID oracle = UUID.randomUUID();
            UUID deferred = UUID.randomUUID();
            inline.write(oracle, events);
            assertEquals(0, pending(oracle), "inline: nothing pending");

            // The same events in shuffled batches of 1 to 200 (with resent ones), written by four threads while
            // two background appliers and a reader settle the workspace at the same time.
            Random r = new Random(seed);
            List<IncomingEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, r);
            List<List<IncomingEvent>> batches = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); ) {
                int n = 1 + r.nextInt(200);
                int end = Math.min(shuffled.size(), i + n);
                List<IncomingEvent> b = new ArrayList<>(shuffled.subList(i, end));
                // A resend of an event of another batch (the API takes one id once per batch): the dedupe keeps
                // its second copy out of the rollups, whichever arrives first.
                int other = r.nextInt(shuffled.size());
                if (other < i || other >= end) {
                    b.add(shuffled.get(other));
                }
                batches.add(b);
                i += n;
            }
            ExecutorService pool = Executors.newFixedThreadPool(7);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int first = t;
                    work.add(pool.submit(() -> {
                        for (int i = first; i < batches.size(); i += 4) {
                            writer.write(deferred, batches.get(i));
                        }
                        return null;
                    }));
                }
                for (int t = 0; t < 2; t++) {
                    work.add(pool.submit(() -> {
                        for (int i = 0; i < 20; i++) {
                            queue.drain();
                        }
                        return null;
                    }));
                }
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        queue.settle(deferred);
                    }
                    return null;
                }));
                for (Future<?> f : work) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            queue.settle(deferred);
            assertEquals(0, pending(deferred), "every pending batch applied");
            try (Connection c = Db.connect()) {
                for (String table : TABLES) {
                    List<String> want = rows(c, table, oracle);
                    assertTrue(!want.isEmpty() || table.contains("comment"), table);
                    List<String> got = rows(c, table, deferred);
                    // Only the differences in the message: the tables have thousands of rows.
                    List<String> missing = new ArrayList<>(want);
                    missing.removeAll(got);
                    List<String> extra = new ArrayList<>(got);
                    extra.removeAll(want);
                    assertEquals(List.of(), missing.subList(0, Math.min(5, missing.size())),
                            "seed " + seed + ": rows only inline in " + table + " (deferred has " + extra.size()
                                    + " of its own, e.g. " + extra.subList(0, Math.min(5, extra.size())) + ")");
                    assertEquals(want, got, "seed " + seed + ": " + table);
                }
            }
            assertEquals(events.size(), Db.number("SELECT sum(events) FROM engagement_rollup WHERE workspace_id = ?",
                    deferred));
        }
    }

    @Test
    void aReadAppliesEveryPendingBatchEvenMoreThanOneFetchHolds() throws Exception {
        UUID ws = UUID.randomUUID();
        List<IncomingEvent> events = RollupDeltasTest.batch(77, 1100);
        for (IncomingEvent e : events) {
            writer.write(ws, List.of(e));
        }
        assertEquals(1100, pending(ws));
        assertEquals(1100, queue.settle(ws));
        assertEquals(0, pending(ws));
        assertEquals(1100, Db.number("SELECT sum(events) FROM engagement_rollup WHERE workspace_id = ?", ws));
    }

    @Test
    void aReadRightAfterTheAcknowledgementCountsTheBatchThatIsStillPending() throws Exception {
        UUID ws = UUID.randomUUID();
        UUID post = UUID.randomUUID();
        io.socialroi.engagement.ContentFake.workspace(ws, "UTC");
        Api.registerPost(ws, post, null, "INSTAGRAM", "ATTENTION", null, null);
        Api.send(ws, "[" + Api.event("p1", "LIKE", post, "ig:1", "2026-11-20T10:05:00Z", "") + ","
                + Api.event("p2", "SHARE", post, "ig:2", "2026-11-20T10:06:00Z", "") + "]").then().statusCode(200);
        // Acknowledged: the events are stored, their rollups pending (no background applier ran in this test).
        assertEquals(2, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ?", ws));
        assertEquals(1, pending(ws));
        io.restassured.RestAssured.given().auth().oauth2(Api.reader(ws))
                .get("/workspaces/" + ws + "/engagement/summary?from=2026-11-20&to=2026-11-20&groupBy=post")
                .then().statusCode(200)
                .body("totals.engagements", org.hamcrest.Matchers.equalTo(2));
        assertEquals(0, pending(ws), "the read applied it");
        assertEquals(0, queue.settle(ws), "nothing left to apply");
    }
}
