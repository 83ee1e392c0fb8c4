package io.socialroi.engagement.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.engagement.Api;
import io.socialroi.engagement.Db;
import io.socialroi.engagement.directory.LinkCache;
import io.socialroi.engagement.directory.PostDirectory;
import io.socialroi.engagement.event.EventWriter;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a request whose batch has not committed within {@code engagement.redirect.commit-wait} is answered at
 * that moment (ClickBatcher#expire, which the route's timer calls). With its link read and its batch blocked in
 * the commit (here: rollup_pending locked by another transaction), it is the batch's redirect, and the click is
 * stored with the batch once the lock is gone. Not read yet (no writer got to it), it is a redirect to the link
 * this replica last resolved, not counted and never stored, or a 503 problem for a code the replica never
 * resolved. Either way the request is answered once.
 */
@QuarkusTest
class ClickCommitWaitTest {

    private static final String BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Safari/605.1.15";

    @Inject
    PostDirectory directory;
    @Inject
    LinkCache links;
    @Inject
    EventWriter writer;
    @Inject
    ClickRecorder recorder;
    @Inject
    VisitorIds visitors;
    @Inject
    ClickCounter counter;

    private ClickBatcher batcher() {
        return new ClickBatcher(directory, links, writer, recorder, visitors, counter, 1, 500, 1000,
                Duration.ofMillis(300), false);
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 200 && !done.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(done.getAsBoolean(), what);
    }

    @Test
    void aSlowCommitRedirectsFirstAndStoresTheClickWithItsBatch() throws Exception {
        UUID ws = UUID.randomUUID();
        String code = "slow" + UUID.randomUUID().toString().substring(0, 8);
        Api.registerPost(ws, UUID.randomUUID(), null, "INSTAGRAM", "ACTION", code, "https://shop.example/slow");
        ClickBatcher b = batcher();
        b.start();
        try (Connection lock = Db.connect()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("LOCK TABLE rollup_pending IN EXCLUSIVE MODE");
            }
            CompletableFuture<ClickBatcher.Answer> answer = new CompletableFuture<>();
            ClickBatcher.Pending p = b.pending(new ClickBatcher.ClickRequest(code, null, BROWSER, null, "10.16.0.1"),
                    answer::complete);
            b.submit(p);
            // The writer has read the link and waits for the lock inside its transaction.
            waitFor("the batch waits for the lock", () -> Db.number("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0);
            assertFalse(answer.isDone());
            b.expire(p); // the deadline
            ClickBatcher.Answer a = answer.getNow(null);
            assertNotNull(a);
            assertEquals(302, a.status());
            assertFalse(a.counted());
            assertNotNull(a.setCookie(), "the visitor gets its cookie all the same");
            String clickId = a.location().substring(a.location().indexOf("smclid=") + 7);
            assertTrue(a.location().startsWith("https://shop.example/slow?smclid="), a.location());
            assertEquals(0, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ?", ws));
            lock.commit();
            waitFor("the click is stored with its batch", () -> Db.number("SELECT count(*) FROM engagement_event "
                    + "WHERE workspace_id = ? AND click_id = ?::uuid", ws, clickId) == 1);
        } finally {
            b.stop();
        }
    }

    @Test
    void aRequestNoWriterReachedIsRedirectedUncountedOrA503() {
        UUID ws = UUID.randomUUID();
        String code = "wait" + UUID.randomUUID().toString().substring(0, 8);
        Api.registerPost(ws, UUID.randomUUID(), null, "TIKTOK", "ACTION", code, "https://shop.example/wait");
        // This replica resolves the code once (a click through HTTP), then a batcher that is not started yet.
        io.restassured.RestAssured.given().redirects().follow(false).header("User-Agent", BROWSER).get("/r/" + code)
                .then().statusCode(302);
        ClickBatcher b = batcher();
        List<ClickBatcher.Answer> known = new CopyOnWriteArrayList<>();
        List<ClickBatcher.Answer> unknown = new CopyOnWriteArrayList<>();
        ClickBatcher.Pending p = b.pending(new ClickBatcher.ClickRequest(code, null, BROWSER, null, "10.16.0.2"),
                known::add);
        ClickBatcher.Pending q = b.pending(new ClickBatcher.ClickRequest("never" + UUID.randomUUID().toString()
                .substring(0, 8), null, BROWSER, null, "10.16.0.2"), unknown::add);
        b.submit(p);
        b.submit(q);
        b.expire(p);
        b.expire(q);
        assertEquals(1, known.size());
        assertEquals(302, known.get(0).status());
        assertFalse(known.get(0).counted());
        assertTrue(known.get(0).location().startsWith("https://shop.example/wait?smclid="), known.get(0).location());
        assertEquals(1, unknown.size());
        assertEquals(503, unknown.get(0).status());
        assertEquals("https://socialroi.io/problems/database-unavailable", unknown.get(0).problem().type());
        assertEquals("5", unknown.get(0).headers().get("Retry-After"));
        // The writers come later (here: the stop handles the queue): the answered requests are neither answered
        // again nor stored.
        b.stop();
        assertEquals(1, known.size());
        assertEquals(1, unknown.size());
        assertEquals(1, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ?", ws));
    }
}
