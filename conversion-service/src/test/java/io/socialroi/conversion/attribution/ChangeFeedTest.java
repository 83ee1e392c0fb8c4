package io.socialroi.conversion.attribution;

import static io.socialroi.conversion.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.common.workspace.ServiceTokens;
import io.socialroi.conversion.Api;
import io.socialroi.conversion.FakeServices;
import io.socialroi.conversion.Fakes;
import io.socialroi.conversion.changes.ChangeFeed;
import io.socialroi.conversion.changes.ChangeFeedClient;
import io.socialroi.conversion.touchpoint.TouchpointCapture;
import io.socialroi.testing.FakeServer;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Late touches and post edits reach attribution through engagement-service's change feed (a fake that
 * implements the contract: items after the cursor passed, 410 for an expired cursor).
 */
@QuarkusTest
class ChangeFeedTest {

    static final String P1 = "11111111-1111-1111-1111-111111111111";
    static final String P2 = "22222222-2222-2222-2222-222222222222";
    static final String SPRING = "55555555-5555-5555-5555-555555555555";
    static final String SUMMER = "66666666-6666-6666-6666-666666666666";

    @FakeServices.Inject
    Fakes fakes;

    @Inject
    DataSource dataSource;

    @Inject
    ChangeFeed feed;

    @Inject
    @RestClient
    ChangeFeedClient client;

    @Inject
    ServiceTokens tokens;

    @Inject
    TouchpointCapture capture;

    @Inject
    AttributionService service;

    @Inject
    ObjectMapper json;


    /** What the fake engagement-service knows now, per workspace search. */
    final AtomicReference<List<String>> touches = new AtomicReference<>(List.of());
    /** The fake feed: item i has cursor "c{i+1}"; a cursor below {@code retainedFrom} is expired (410). */
    final List<String> items = new CopyOnWriteArrayList<>();
    volatile int retainedFrom;
    volatile boolean feedDown;
    volatile boolean searchDown;

    @BeforeEach
    void fakeFeed() throws Exception {
        feed.resign();
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                "DELETE FROM change_feed_cursor")) {
            delete.executeUpdate();
        }
        fakes.engagement.on("GET", "/changes", this::changes);
    }

    /** The fake feed's answer to one read. */
    FakeServer.Reply changes(FakeServer.Recorded r) {
        if (feedDown) {
            return FakeServer.Reply.json(503, "{\"status\":503}");
        }
        String query = r.query() == null ? "" : r.query();
        int after = 0;
        for (String part : query.split("&")) {
            if (part.startsWith("after=c")) {
                after = Integer.parseInt(part.substring("after=c".length()));
            }
        }
        if (query.contains("after=") && after < retainedFrom) {
            return new FakeServer.Reply(410, "application/problem+json",
                    "{\"type\":\"https://social-roi.example/problems/cursor-expired\",\"status\":410}", 0);
        }
        int end = items.size();
        String page = String.join(",", items.subList(Math.min(after, end), end));
        return FakeServer.Reply.json(200, "{\"items\":[" + page + "],\"cursor\":\"c" + end + "\"}");
    }

    long feedReads() {
        return fakes.engagement.requests().stream().filter(r -> r.path().equals("/changes")).count();
    }

    @AfterEach
    void resign() {
        feed.resign();
        io.socialroi.common.remote.RemotePolicy.resetAll();
    }

    static String touch(String eventId, String type, String post, String campaign, String stage, String actor,
            String at) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"platform\":\"INSTAGRAM\",\"postId\":\""
                + post + "\",\"campaignId\":\"" + campaign + "\",\"funnelStage\":\"" + stage + "\",\"actorId\":\""
                + actor + "\",\"clickId\":null,\"occurredAt\":\"" + at + "\",\"retargeting\":false}";
    }

    /** A touchpoint as engagement-service answers it now: with its platform and where its campaign came from. */
    static String touch(String eventId, String type, String post, String platform, String campaign, String origin,
            String stage, String actor, String at) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"platform\":\"" + platform
                + "\",\"postId\":\"" + post + "\",\"campaignId\":" + (campaign == null ? "null" : "\"" + campaign + "\"")
                + ",\"campaignOrigin\":\"" + origin + "\",\"funnelStage\":\"" + stage + "\",\"actorId\":\"" + actor
                + "\",\"clickId\":null,\"occurredAt\":\"" + at + "\",\"retargeting\":false}";
    }

    /** A post edit item with the post's current labels, as engagement-service serves it. */
    static String edit(UUID ws, String post, String campaign, String platform, String stage) {
        return "{\"workspaceId\":\"" + ws + "\",\"actorIds\":[],\"clickIds\":[],\"postIds\":[\"" + post
                + "\"],\"from\":null,\"to\":null,\"posts\":[{\"postId\":\"" + post + "\",\"campaignId\":"
                + (campaign == null ? "null" : "\"" + campaign + "\"") + ",\"platform\":\"" + platform
                + "\",\"funnelStage\":\"" + stage + "\"}]}";
    }

    long searches(UUID ws) {
        return fakes.engagement.requests().stream()
                .filter(r -> r.path().equals("/workspaces/" + ws + "/touchpoints/search")).count();
    }

    UUID workspace() {
        UUID ws = fakes.workspace();
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search", r -> searchDown
                ? FakeServer.Reply.json(503, "{\"status\":503}")
                : FakeServer.Reply.json(200, "{\"items\":[" + String.join(",", touches.get()) + "]}"));
        return ws;
    }

    static String item(UUID ws, String actors, String posts, String from, String to) {
        return "{\"workspaceId\":\"" + ws + "\",\"actorIds\":[" + actors + "],\"clickIds\":[],\"postIds\":[" + posts
                + "],\"from\":" + (from == null ? "null" : "\"" + from + "\"") + ",\"to\":"
                + (to == null ? "null" : "\"" + to + "\"") + "}";
    }

    String storedCursor() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT cursor FROM change_feed_cursor WHERE feed = 'engagement'"); ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getString(1) : "(no row)";
        }
    }

    String memoryAndSql(UUID ws, ReportQuery q) throws Exception {
        String memory = json.writeValueAsString(service.report(ws, q, true));
        assertEquals(json.writeValueAsString(service.report(ws, q, false)), memory, "memory and SQL agree");
        return memory;
    }

    @Test
    void aTouchIngestedAfterThePurchaseIsCreditedOnceTheFeedReportsIt() throws Exception {
        UUID ws = workspace();
        touches.set(List.of(touch("e1", "LIKE", P1, SPRING, "ATTENTION", "ig:1", "2026-11-10T10:00:00Z")));
        Api.purchase(ws, "order-1", "cust-1", "120.00", "2026-11-20T12:00:00Z", "\"actorIds\":[\"ig:1\"]");
        String report = "/workspaces/" + ws + "/attribution?from=2026-11-20&to=2026-11-20";
        as(ws).get(report).then().statusCode(200).body("rows.key", contains(P1));

        // Instagram's insights arrive a day later: ig:1 commented on P2 the day before buying.
        touches.set(List.of(touch("e1", "LIKE", P1, SPRING, "ATTENTION", "ig:1", "2026-11-10T10:00:00Z"),
                touch("e2", "COMMENT", P2, SUMMER, "ACTION", "ig:1", "2026-11-19T10:00:00Z")));
        as(ws).get(report).then().statusCode(200).body("rows.key", contains(P1)); // not told yet
        items.add(item(ws, "\"ig:1\"", "", "2026-11-19T10:00:00Z", "2026-11-19T10:00:00Z"));
        // An unrelated item: another actor, and a time range too late for this purchase.
        items.add(item(ws, "\"ig:77\"", "", "2026-11-19T10:00:00Z", "2026-11-19T10:00:00Z"));

        // The poll re-queues the purchase; its own capture fails (search down), so it stays pending and
        // the report captures it first: the journey store then holds the new touchpoints.
        searchDown = true;
        assertEquals(ChangeFeed.Outcome.CAUGHT_UP, feed.poll());
        assertEquals("c2", storedCursor());
        searchDown = false;
        as(ws).get(report).then().statusCode(200).body("rows.key", contains(P2))
                .body("rows[0].revenue.amount", equalTo("120.00")).body("rows[0].campaignId", equalTo(SUMMER))
                .body("rows[0].funnelStage", equalTo("ACTION")).body("rows[0].platform", equalTo("INSTAGRAM"));
        String linear = memoryAndSql(ws, ReportQuery.parse("LINEAR", "model", null, null, null, "2026-11-20",
                "2026-11-20", "post", 90));
        assertTrue(linear.contains("\"key\":\"" + P1 + "\",\"label\":\"" + P1 + "\",\"conversions\":0.5,"), linear);

        // The next poll passes the stored cursor and finds nothing new.
        assertEquals(ChangeFeed.Outcome.CAUGHT_UP, feed.poll());
        FakeServer.Recorded last = fakes.engagement.requests().stream().filter(r -> r.path().equals("/changes"))
                .reduce((a, b) -> b).orElseThrow();
        assertTrue(last.query().contains("after=c2"), last.query());
        assertTrue(last.header("Authorization").startsWith("Bearer "), "the service's own token");
    }

    @Test
    void aPostEditIsAppliedToTheCapturedTouchpointsInPlaceAndEqualsAFreshCapture() throws Exception {
        UUID ws = workspace();
        String winter = "77777777-7777-7777-7777-777777777777";
        // ig:5 liked P1 (the post's campaign), ig:6 commented on P1 from a link naming the winter campaign
        // (the event's own campaign wins over the post's), both saved P2.
        touches.set(List.of(
                touch("e1", "LIKE", P1, "INSTAGRAM", SPRING, "POST", "ATTENTION", "ig:5", "2026-11-10T10:00:00Z"),
                touch("e2", "COMMENT", P1, "INSTAGRAM", winter, "EVENT", "ATTENTION", "ig:6", "2026-11-11T10:00:00Z"),
                touch("e3", "SAVE", P2, "TIKTOK", SUMMER, "POST", "ACTION", "ig:5", "2026-11-12T10:00:00Z"),
                touch("e4", "SAVE", P2, "TIKTOK", SUMMER, "POST", "ACTION", "ig:6", "2026-11-13T10:00:00Z")));
        Api.purchase(ws, "order-5", "cust-5", "80.00", "2026-11-20T12:00:00Z", "\"actorIds\":[\"ig:5\"]");
        Api.purchase(ws, "order-6", "cust-6", "30.00", "2026-11-21T12:00:00Z", "\"actorIds\":[\"ig:6\"]");
        capture.captureAll(ws, null, null, null);
        String base = "/workspaces/" + ws + "/attribution?from=2026-11-20&to=2026-11-21&model=LINEAR&groupBy=";
        as(ws).get(base + "campaign").then().statusCode(200)
                .body("rows.key", org.hamcrest.Matchers.containsInAnyOrder(SPRING, winter, SUMMER));
        List<Integer> versions = versions(ws);
        long searched = searches(ws);

        // An editor moves P1 to the summer campaign's TRUST stage on Facebook; engagement-service answers
        // its touchpoints so from now on and tells the feed, with the post's labels.
        touches.set(List.of(
                touch("e1", "LIKE", P1, "FACEBOOK", SUMMER, "POST", "TRUST", "ig:5", "2026-11-10T10:00:00Z"),
                touch("e2", "COMMENT", P1, "FACEBOOK", winter, "EVENT", "TRUST", "ig:6", "2026-11-11T10:00:00Z"),
                touch("e3", "SAVE", P2, "TIKTOK", SUMMER, "POST", "ACTION", "ig:5", "2026-11-12T10:00:00Z"),
                touch("e4", "SAVE", P2, "TIKTOK", SUMMER, "POST", "ACTION", "ig:6", "2026-11-13T10:00:00Z")));
        items.add(edit(ws, P1, SUMMER, "FACEBOOK", "TRUST"));
        assertEquals(ChangeFeed.Outcome.CAUGHT_UP, feed.poll());
        assertEquals(versions, versions(ws), "nothing re-queued");
        assertEquals(searched, searches(ws), "nothing captured again");

        as(ws).get(base + "campaign").then().statusCode(200)
                .body("rows.key", org.hamcrest.Matchers.containsInAnyOrder(winter, SUMMER))
                .body("rows.find { it.key == '" + SUMMER + "' }.revenue.amount", equalTo("95.00"))
                .body("rows.find { it.key == '" + winter + "' }.revenue.amount", equalTo("15.00"));
        as(ws).get(base + "funnelStage").then().statusCode(200)
                .body("rows.key", org.hamcrest.Matchers.containsInAnyOrder("TRUST", "ACTION"));
        as(ws).get(base + "platform").then().statusCode(200)
                .body("rows.key", org.hamcrest.Matchers.containsInAnyOrder("FACEBOOK", "TIKTOK"));
        as(ws).get(base + "post").then().statusCode(200)
                .body("rows.find { it.key == '" + P1 + "' }.funnelStage", equalTo("TRUST"))
                .body("rows.find { it.key == '" + P1 + "' }.platform", equalTo("FACEBOOK"));
        List<String> groupings = List.of("campaign", "funnelStage", "platform", "post");
        List<String> inPlace = new java.util.ArrayList<>();
        for (String groupBy : groupings) {
            inPlace.add(memoryAndSql(ws, ReportQuery.parse("FIRST_TOUCH,LAST_TOUCH,LINEAR,TIME_DECAY,POSITION_BASED",
                    "models", null, null, null, "2026-11-20", "2026-11-21", groupBy, 90)));
        }

        // The same numbers as a fresh capture of every conversion against what engagement-service answers now.
        try (Connection c = dataSource.getConnection(); PreparedStatement requeue = c.prepareStatement(
                "UPDATE conversion SET capture_state = 'PENDING', capture_version = capture_version + 1 "
                        + "WHERE workspace_id = ?")) {
            requeue.setObject(1, ws);
            assertEquals(2, requeue.executeUpdate());
        }
        capture.captureAll(ws, null, null, null);
        assertTrue(searches(ws) > searched, "captured afresh");
        for (int i = 0; i < groupings.size(); i++) {
            assertEquals(inPlace.get(i), memoryAndSql(ws, ReportQuery.parse(
                    "FIRST_TOUCH,LAST_TOUCH,LINEAR,TIME_DECAY,POSITION_BASED", "models", null, null, null, "2026-11-20",
                    "2026-11-21", groupings.get(i), 90)), groupings.get(i));
        }
    }

    @Test
    void aPostEditRecapturesTouchpointsWhoseCampaignOriginIsUnknown() throws Exception {
        UUID ws = workspace();
        touches.set(List.of(touch("e1", "LIKE", P1, SPRING, "ATTENTION", "ig:2", "2026-11-10T10:00:00Z")));
        Api.purchase(ws, "order-2", "cust-2", "80.00", "2026-11-20T12:00:00Z", "\"actorIds\":[\"ig:2\"]");
        String base = "/workspaces/" + ws + "/attribution?from=2026-11-20&to=2026-11-20&groupBy=";
        as(ws).get(base + "campaign").then().statusCode(200).body("rows.key", contains(SPRING));

        // An editor moves P1 to the summer campaign's TRUST stage: engagement-service now answers it so.
        touches.set(List.of(touch("e1", "LIKE", P1, SUMMER, "TRUST", "ig:2", "2026-11-10T10:00:00Z")));
        items.add(item(ws, "", "\"" + P1 + "\"", null, null));
        assertEquals(ChangeFeed.Outcome.CAUGHT_UP, feed.poll());
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT capture_state FROM conversion WHERE workspace_id = ?")) {
            select.setObject(1, ws);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                assertEquals("CAPTURED", rs.getString(1), "the poll captured it again itself (the search "
                        + "said not where the campaign came from, so it cannot be edited in place)");
            }
        }
        as(ws).get(base + "campaign").then().statusCode(200).body("rows.key", contains(SUMMER))
                .body("rows[0].revenue.amount", equalTo("80.00"));
        as(ws).get(base + "funnelStage").then().statusCode(200).body("rows.key", contains("TRUST"));
        as(ws).get(base + "post").then().statusCode(200).body("rows.key", contains(P1))
                .body("rows[0].campaignId", equalTo(SUMMER)).body("rows[0].funnelStage", equalTo("TRUST"));
        memoryAndSql(ws, ReportQuery.parse("LAST_TOUCH", "model", null, null, null, null, null, "funnelStage", 90));
    }

    @Test
    void whileEngagementServiceIsDownTheCursorStaysAndTheNextPollCatchesUp() throws Exception {
        UUID ws = workspace();
        touches.set(List.of(touch("e1", "LIKE", P1, SPRING, "ATTENTION", "ig:3", "2026-11-10T10:00:00Z")));
        Api.purchase(ws, "order-3", "cust-3", "50.00", "2026-11-20T12:00:00Z", "\"actorIds\":[\"ig:3\"]");
        items.add(item(ws, "\"nobody\"", "", "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"));
        assertEquals(ChangeFeed.Outcome.CAUGHT_UP, feed.poll());
        assertEquals("c1", storedCursor());
        String report = "/workspaces/" + ws + "/attribution?from=2026-11-20&to=2026-11-20";
        as(ws).get(report).then().statusCode(200).body("rows.key", contains(P1));

        touches.set(List.of(touch("e1", "LIKE", P1, SPRING, "ATTENTION", "ig:3", "2026-11-10T10:00:00Z"),
                touch("e2", "SAVE", P2, SUMMER, "TRUST", "ig:3", "2026-11-18T10:00:00Z")));
        items.add(item(ws, "\"ig:3\"", "", "2026-11-18T10:00:00Z", "2026-11-18T10:00:00Z"));
        feedDown = true;
        assertEquals(ChangeFeed.Outcome.UNAVAILABLE, feed.poll());
        assertEquals("c1", storedCursor(), "the cursor stays");
        as(ws).get(report).then().statusCode(200).body("rows.key", contains(P1));
        feedDown = false;
        assertEquals(ChangeFeed.Outcome.CAUGHT_UP, feed.poll());
        assertEquals("c2", storedCursor());
        as(ws).get(report).then().statusCode(200).body("rows.key", contains(P2));
    }

    @Test
    void anExpiredCursorRequeuesEveryConversionOfTheLastMaxLookbackDays() throws Exception {
        UUID ws = workspace();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        String recentTouch = now.minusDays(3).toString();
        touches.set(List.of(touch("e1", "LIKE", P1, SPRING, "ATTENTION", "ig:4", recentTouch)));
        Api.purchase(ws, "recent", "cust-4", "30.00", now.minusDays(1).toString(), "\"actorIds\":[\"ig:4\"]");
        Api.purchase(ws, "old", "cust-4", "40.00", now.minusDays(120).toString(), "\"actorIds\":[\"ig:4\"]");
        capture.captureAll(ws, null, null, null);
        store("c5");
        retainedFrom = 10;
        // Meanwhile engagement-service learnt of a comment on P2 it can no longer tell us about.
        touches.set(List.of(touch("e1", "LIKE", P1, SPRING, "ATTENTION", "ig:4", recentTouch),
                touch("e2", "COMMENT", P2, SUMMER, "ACTION", "ig:4", now.minusDays(2).toString())));
        List<Integer> before = versions(ws);
        assertEquals(ChangeFeed.Outcome.EXPIRED, feed.poll());
        assertNull(storedCursor(), "read again from the oldest retained item");
        String from = now.minusDays(1).toLocalDate().toString();
        as(ws).get("/workspaces/" + ws + "/attribution?from=" + from + "&to=" + from).then().statusCode(200)
                .body("rows.key", contains(P2));
        assertEquals(List.of(before.get(0), before.get(1) + 1), versions(ws),
                "the purchase of 120 days ago (outside the lookback) left alone, the recent one re-queued once");
    }

    /** Capture versions of the workspace's conversions in event id order ("old", "recent"). */
    List<Integer> versions(UUID ws) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT capture_version FROM conversion WHERE workspace_id = ? ORDER BY event_id")) {
            select.setObject(1, ws);
            List<Integer> versions = new java.util.ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getInt(1));
                }
            }
            return versions;
        }
    }

    /**
     * The feed read under the suite's one policy (RemotePolicy): a GET, so a 5xx is asked again once (and a passing
     * one hidden by it), a timeout (read timeout 1 s in tests) and a 4xx are not; whatever fails, the cursor stays.
     */
    @Test
    void aFailingFeedIsReadOnceMoreASlowOrRefusingOneIsNotAndTheCursorStays() throws Exception {
        items.add(item(UUID.randomUUID(), "\"nobody\"", "", "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"));
        assertEquals(ChangeFeed.Outcome.CAUGHT_UP, feed.poll());
        assertEquals("c1", storedCursor());
        items.add(item(UUID.randomUUID(), "\"nobody\"", "", "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"));

        long before = feedReads();
        feedDown = true;
        assertEquals(ChangeFeed.Outcome.UNAVAILABLE, feed.poll());
        assertEquals(before + 2, feedReads(), "one retry of the GET");
        assertEquals("c1", storedCursor(), "the cursor stays");
        feedDown = false;

        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger(1);
        fakes.engagement.on("GET", "/changes", r -> failures.getAndDecrement() > 0
                ? FakeServer.Reply.json(502, "{\"status\":502}") : changes(r));
        before = feedReads();
        assertEquals(ChangeFeed.Outcome.CAUGHT_UP, feed.poll());
        assertEquals(before + 2, feedReads(), "the retry hid the passing failure");
        assertEquals("c2", storedCursor());

        items.add(item(UUID.randomUUID(), "\"nobody\"", "", "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"));
        fakes.engagement.on("GET", "/changes", r -> changes(r).delayed(1500));
        before = feedReads();
        assertEquals(ChangeFeed.Outcome.UNAVAILABLE, feed.poll());
        assertEquals(before + 1, feedReads(), "a timeout is not retried");
        assertEquals("c2", storedCursor());

        for (int status : new int[] {400, 403, 422}) {
            fakes.engagement.on("GET", "/changes", FakeServer.Reply.json(status, "{\"status\":" + status + "}"));
            before = feedReads();
            assertEquals(ChangeFeed.Outcome.UNAVAILABLE, feed.poll());
            assertEquals(before + 1, feedReads(), "a " + status + " is not retried");
            assertEquals("c2", storedCursor());
        }

        fakes.engagement.on("GET", "/changes", this::changes);
        retainedFrom = 5;
        before = feedReads();
        assertEquals(ChangeFeed.Outcome.EXPIRED, feed.poll());
        assertEquals(before + 1, feedReads(), "410 is an answer");
        assertNull(storedCursor());
    }

    /**
     * engagement-service's breaker, shared with the touchpoint searches: repeated feed failures open it (the next
     * poll sends nothing, and a report needing a search is a 503 at once); a storm of 4xx answers does not.
     */
    @Test
    void repeatedFeedFailuresOpenTheBreakerOfEngagementServiceA4xxStormDoesNot() throws Exception {
        fakes.engagement.on("GET", "/changes", FakeServer.Reply.json(400, "{\"status\":400}"));
        for (int i = 0; i < 30; i++) {
            assertEquals(ChangeFeed.Outcome.UNAVAILABLE, feed.poll());
        }
        assertFalse(io.socialroi.common.remote.RemotePolicy.of("engagement-service").isOpen(),
                "4xx answers are no failures");
        fakes.engagement.on("GET", "/changes", this::changes);
        assertEquals(ChangeFeed.Outcome.CAUGHT_UP, feed.poll());

        feedDown = true;
        for (int i = 0; i < 10; i++) {
            assertEquals(ChangeFeed.Outcome.UNAVAILABLE, feed.poll());
        }
        assertTrue(io.socialroi.common.remote.RemotePolicy.of("engagement-service").isOpen());
        long sent = feedReads();
        assertEquals(ChangeFeed.Outcome.UNAVAILABLE, feed.poll());
        assertEquals(sent, feedReads(), "an open breaker sends nothing");

        UUID ws = workspace();
        Api.purchase(ws, "paused", "cust-p", "10.00", "2026-11-20T12:00:00Z", "\"actorIds\":[\"ig:p\"]");
        as(ws).get("/workspaces/" + ws + "/attribution?from=2026-11-20&to=2026-11-20").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "5")
                .body("title", equalTo("engagement-service unavailable"))
                .body("detail", org.hamcrest.Matchers.containsString("paused"));
        assertEquals(0, searches(ws), "the searches share the breaker");
    }

    @Test
    void oneReplicaPollsAtATime() throws Exception {
        ChangeFeed other = new ChangeFeed(dataSource, client, tokens, capture, 90, "off");
        try {
            assertEquals(ChangeFeed.Outcome.CAUGHT_UP, feed.poll());
            assertEquals(ChangeFeed.Outcome.NOT_LEADER, other.poll());
            feed.resign();
            assertEquals(ChangeFeed.Outcome.CAUGHT_UP, other.poll());
            assertEquals(ChangeFeed.Outcome.NOT_LEADER, feed.poll());
        } finally {
            other.resign();
        }
    }

    void store(String cursor) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement(
                "INSERT INTO change_feed_cursor (feed, cursor, updated_at) VALUES ('engagement', ?, now())")) {
            upsert.setString(1, cursor);
            upsert.executeUpdate();
        }
    }
}
