package io.socialroi.engagement.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.engagement.Api;
import io.socialroi.engagement.Db;
import io.socialroi.engagement.directory.LinkCache;
import io.socialroi.engagement.directory.PostDirectory;
import io.socialroi.engagement.event.EventWriter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: stopping the redirect's {@link ClickBatcher} (a rolling update, a scale-down) with clicks still queued.
 * Every queued request is answered exactly once; every answer that counted a click names a stored click, and the
 * clicks stored are exactly those; nothing is lost without an answer. Requests arriving after the stop are
 * answered at once and not counted. The batchers here are real ones on the service's own beans and database,
 * apart from the service's own so that it keeps running.
 */
@QuarkusTest
class ClickBatcherStopTest {

    private static final String BROWSER = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";

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

    private ClickBatcher batcher(int writers, int batchMax) {
        return new ClickBatcher(directory, links, writer, recorder, visitors, counter, writers, batchMax, 100_000,
                Duration.ofSeconds(2), false);
    }

    /** Answers by request number, each appended as delivered (so a second answer would show). */
    private final Map<Integer, List<ClickBatcher.Answer>> answers = new ConcurrentHashMap<>();

    private ClickBatcher.Pending request(ClickBatcher b, int n, String code, String botReason) {
        // One address per visitor: the flood bound per address and link is not what this test is about.
        ClickBatcher.ClickRequest r = new ClickBatcher.ClickRequest(code, botReason, BROWSER, null,
                "10.15." + n / 250 + "." + n % 250);
        return b.pending(r, a -> answers.computeIfAbsent(n, k -> new CopyOnWriteArrayList<>()).add(a));
    }

    private static String smclid(ClickBatcher.Answer a) {
        return a.location().substring(a.location().indexOf("smclid=") + 7);
    }

    /** Submits clicks, bot hits and unknown codes; answers how many of each. */
    private int[] submit(ClickBatcher b, int total, String code, String unknown) {
        int[] kinds = new int[3];
        for (int n = 0; n < total; n++) {
            int kind = n % 10 == 9 ? 2 : n % 10 == 8 ? 1 : 0;
            kinds[kind]++;
            b.submit(request(b, n, kind == 2 ? unknown : code, kind == 1 ? "LINK_PREVIEW" : null));
        }
        return kinds;
    }

    private void checkEveryAnswer(UUID ws, int total, int[] kinds) {
        assertEquals(total, answers.size(), "every request answered");
        List<String> counted = new ArrayList<>();
        int notFound = 0;
        int bots = 0;
        for (Map.Entry<Integer, List<ClickBatcher.Answer>> e : answers.entrySet()) {
            assertEquals(1, e.getValue().size(), "request " + e.getKey() + " answered once");
            ClickBatcher.Answer a = e.getValue().get(0);
            if (a.status() == 404) {
                notFound++;
                continue;
            }
            assertEquals(302, a.status(), String.valueOf(a));
            assertTrue(a.counted(), "written before the stop ended: " + a);
            if (a.setCookie() == null) {
                bots++;
            } else {
                counted.add(smclid(a));
            }
        }
        assertEquals(kinds[2], notFound);
        assertEquals(kinds[1], bots);
        assertEquals(kinds[0], counted.size());
        List<String> stored = Db.texts("SELECT click_id::text FROM engagement_event WHERE workspace_id = ?", ws);
        assertEquals(counted.stream().sorted().toList(), stored.stream().sorted().toList());
        assertEquals(kinds[1], Db.number("SELECT count(*) FROM redirect_bot_hit WHERE workspace_id = ?", ws));
        assertEquals(kinds[0], Db.number("SELECT coalesce(sum(events), 0) FROM engagement_rollup WHERE workspace_id = ? "
                + "AND type = 'CLICK'", ws));
    }

    @Test
    void stoppingWithEverythingStillQueuedWritesAndAnswersIt() {
        UUID ws = UUID.randomUUID();
        String code = "stq" + UUID.randomUUID().toString().substring(0, 8);
        Api.registerPost(ws, UUID.randomUUID(), null, "INSTAGRAM", "ACTION", code, "https://shop.example/q");
        // Never started: all 300 requests are in the queue when stop() begins.
        ClickBatcher b = batcher(2, 40);
        int[] kinds = submit(b, 300, code, "nosuch" + UUID.randomUUID().toString().substring(0, 6));
        assertEquals(300, b.queued());
        assertTrue(answers.isEmpty());
        b.stop();
        assertEquals(0, b.queued());
        checkEveryAnswer(ws, 300, kinds);

        // After the stop: answered at once from the link this replica resolved, not counted, nothing stored.
        List<ClickBatcher.Answer> late = new ArrayList<>();
        b.submit(b.pending(new ClickBatcher.ClickRequest(code, null, BROWSER, null, "10.99.0.1"), late::add));
        assertEquals(1, late.size());
        assertEquals(302, late.get(0).status());
        assertTrue(late.get(0).location().startsWith("https://shop.example/q?smclid="), late.get(0).location());
        assertEquals(false, late.get(0).counted());
        assertNull(late.get(0).setCookie());
        assertEquals(0, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ? AND click_id = ?::uuid",
                ws, smclid(late.get(0))));
        assertEquals(kinds[0], Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ?", ws));
    }

    @Test
    void stoppingWhileTheWritersWorkLosesNothing() {
        UUID ws = UUID.randomUUID();
        String code = "stw" + UUID.randomUUID().toString().substring(0, 8);
        Api.registerPost(ws, UUID.randomUUID(), null, "TIKTOK", "ACTION", code, "https://shop.example/w");
        ClickBatcher b = batcher(2, 25);
        b.start();
        int[] kinds = submit(b, 1000, code, "nosuch" + UUID.randomUUID().toString().substring(0, 6));
        // Stopped at once, with most of the 1,000 still queued (the writers take 25 at a time).
        b.stop();
        assertEquals(0, b.queued());
        checkEveryAnswer(ws, 1000, kinds);
    }
}
