package io.socialroi.engagement.change;

import static io.restassured.RestAssured.given;
import static io.socialroi.engagement.Api.event;
import static io.socialroi.engagement.Api.send;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.socialroi.engagement.Api;
import io.socialroi.engagement.Db;
import io.socialroi.testing.TestTokens;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * GET /changes as conversion-service reads it: one item per ingestion batch, redirect click and post directory
 * change, in commit-safe order, paged by an opaque cursor, 410 once the cursor is older than what is kept.
 */
@QuarkusTest
class ChangeFeedTest {

    private static final String BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

    @Inject
    ChangeFeed feed;

    private final UUID ws = UUID.randomUUID();
    private final UUID post = UUID.randomUUID();

    /** One page as a suite service reads it. */
    static Response page(String after, Integer limit) {
        var spec = given().auth().oauth2(TestTokens.service("engagement:read"));
        if (after != null) {
            spec = spec.queryParam("after", after);
        }
        if (limit != null) {
            spec = spec.queryParam("limit", limit);
        }
        return spec.get("/changes");
    }

    /** Items read from {@code after} on until an empty page, and the cursor of that page. */
    record Read(List<Map<String, Object>> items, String cursor) {

        List<Map<String, Object>> of(UUID workspace) {
            return items.stream().filter(i -> workspace.toString().equals(i.get("workspaceId"))).toList();
        }
    }

    static Read drain(String after) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = after;
        while (true) {
            JsonPath body = page(cursor, 1000).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> got = body.getList("items");
            cursor = body.getString("cursor");
            assertNotNull(cursor);
            if (got.isEmpty()) {
                return new Read(items, cursor);
            }
            items.addAll(got);
        }
    }

    /** The current end of the feed: a cursor after every item served so far. */
    static String now() {
        return drain(null).cursor();
    }

    /**
     * Reads on from {@code after} until {@code done} holds for the items of the workspace. A write transaction open
     * elsewhere on the database server holds the feed back for a moment (that is the gap safety), hence the wait.
     */
    static Read until(String after, UUID workspace, Predicate<List<Map<String, Object>>> done) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = after;
        for (int attempt = 0; attempt < 300; attempt++) {
            Read read = drain(cursor);
            items.addAll(read.items());
            cursor = read.cursor();
            Read all = new Read(items, cursor);
            if (done.test(all.of(workspace))) {
                return all;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the feed never served the expected items of " + workspace + ": " + items);
    }

    /** A write in another workspace, to know that everything committed before it has been served. */
    private static UUID marker() {
        UUID other = UUID.randomUUID();
        send(other, "[" + event("marker", "LIKE", UUID.randomUUID(), "ig:marker", "2026-11-20T10:00:00Z", "") + "]")
                .then().statusCode(200).body("accepted", equalTo(1));
        return other;
    }

    private static Read untilMarker(String after, UUID marker) throws Exception {
        return until(after, marker, items -> !items.isEmpty());
    }

    @Test
    void anIngestionBatchIsOneItemWithItsActorsClicksAndSpan() throws Exception {
        String start = now();
        UUID click = UUID.randomUUID();
        String batch = "[" + event("b1", "LIKE", post, "ig:1", "2026-11-20T11:00:00Z", "") + ","
                + event("b2", "VIEW", post, "ig:2", "2026-11-20T10:00:00Z", ",\"clickId\":\"" + click + "\"") + ","
                + event("b3", "COMMENT", post, "ig:1", "2026-11-20T12:30:00Z", "") + "]";
        send(ws, batch).then().statusCode(200).body("accepted", equalTo(3));
        Read read = until(start, ws, items -> !items.isEmpty());
        assertEquals(1, read.of(ws).size());
        Map<String, Object> item = read.of(ws).get(0);
        assertEquals(Set.of("ig:1", "ig:2"), Set.copyOf((List<?>) item.get("actorIds")));
        assertEquals(2, ((List<?>) item.get("actorIds")).size());
        assertEquals(List.of(click.toString()), item.get("clickIds"));
        assertEquals(List.of(), item.get("postIds"));
        assertEquals(List.of(), item.get("posts"));
        assertEquals("2026-11-20T10:00:00Z", item.get("from"));
        assertEquals("2026-11-20T12:30:00Z", item.get("to"));

        // The same batch again: nothing new was stored, so nothing new is announced.
        String after = read.cursor();
        send(ws, batch).then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(3));
        Read more = untilMarker(after, marker());
        assertEquals(List.of(), more.of(ws));
    }

    @Test
    void aRedirectClickIsAnItemWithItsVisitorAndClickId() throws Exception {
        String code = "f" + UUID.randomUUID().toString().substring(0, 8);
        Api.registerPost(ws, post, null, "INSTAGRAM", "ACTION", code, "https://shop.example/p");
        String start = now();
        Response response = given().redirects().follow(false).header("User-Agent", BROWSER).get("/r/" + code);
        response.then().statusCode(302);
        String location = response.header("Location");
        String clickId = location.substring(location.indexOf("smclid=") + 7);
        Read read = until(start, ws, items -> !items.isEmpty());
        assertEquals(1, read.of(ws).size());
        Map<String, Object> item = read.of(ws).get(0);
        assertEquals(List.of(Db.text("SELECT actor_id FROM engagement_event WHERE workspace_id = ? AND click_id = ?::uuid",
                ws, clickId)), item.get("actorIds"));
        assertEquals(List.of(clickId), item.get("clickIds"));
        assertEquals(List.of(), item.get("postIds"));
        assertNotNull(item.get("from"));
        assertEquals(item.get("from"), item.get("to"));
        String recorded = Db.text("SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') "
                + "FROM engagement_event WHERE workspace_id = ? AND click_id = ?::uuid", ws, clickId);
        assertTrue(((String) item.get("from")).startsWith(recorded), item.get("from") + " is the click's " + recorded);
    }

    @Test
    void aDirectoryChangeOfCampaignPlatformOrStageIsAnItemAndANoOpIsNot() throws Exception {
        UUID campaign = UUID.randomUUID();
        String start = now();
        Api.registerPost(ws, post, campaign, "INSTAGRAM", "ATTENTION", "g" + ws.toString().substring(0, 8),
                "https://shop.example/a");
        Read created = until(start, ws, items -> !items.isEmpty());
        assertEquals(1, created.of(ws).size());
        Map<String, Object> item = created.of(ws).get(0);
        assertEquals(List.of(post.toString()), item.get("postIds"));
        assertEquals(List.of(Map.of("postId", post.toString(), "campaignId", campaign.toString(), "platform",
                "INSTAGRAM", "funnelStage", "ATTENTION")), item.get("posts"), "the post's labels come with it");
        assertEquals(List.of(), item.get("actorIds"));
        assertEquals(List.of(), item.get("clickIds"));
        assertNull(item.get("from"));
        assertNull(item.get("to"));

        // The same entry again, and a new destination of its link: touchpoints are unchanged, no item.
        Api.registerPost(ws, post, campaign, "INSTAGRAM", "ATTENTION", "g" + ws.toString().substring(0, 8),
                "https://shop.example/a");
        Api.registerPost(ws, post, campaign, "INSTAGRAM", "ATTENTION", "g" + ws.toString().substring(0, 8),
                "https://shop.example/b");
        Read noOp = untilMarker(created.cursor(), marker());
        assertEquals(List.of(), noOp.of(ws));

        // Each of stage, campaign and platform moves the post's events: one item each.
        Api.registerPost(ws, post, campaign, "INSTAGRAM", "ACTION", null, null);
        Api.registerPost(ws, post, null, "INSTAGRAM", "ACTION", null, null);
        Api.registerPost(ws, post, null, "TIKTOK", "ACTION", null, null);
        Read changed = until(noOp.cursor(), ws, items -> items.size() >= 3);
        assertEquals(3, changed.of(ws).size());
        changed.of(ws).forEach(i -> assertEquals(List.of(post.toString()), i.get("postIds")));
        // Each item carries the labels the directory holds when the page is read: the latest edit's.
        Map<String, Object> latest = new java.util.HashMap<>();
        latest.put("postId", post.toString());
        latest.put("campaignId", null);
        latest.put("platform", "TIKTOK");
        latest.put("funnelStage", "ACTION");
        assertEquals(List.of(latest), drain(noOp.cursor()).of(ws).get(0).get("posts"));
    }

    @Test
    void pagesFollowTheCursorInWriteOrderWithinTheLimit() throws Exception {
        String start = now();
        for (int i = 0; i < 3; i++) {
            send(ws, "[" + event("p" + i, "LIKE", post, "ig:p" + i, "2026-11-20T10:00:00Z", "") + "]").then()
                    .statusCode(200).body("accepted", equalTo(1));
        }
        // Wait until all three can be served, then page through them one at a time.
        until(start, ws, items -> items.size() == 3);
        List<Object> actors = new ArrayList<>();
        String cursor = start;
        for (int pageNo = 0; pageNo < 10_000 && actors.size() < 3; pageNo++) {
            JsonPath body = page(cursor, 1).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            assertTrue(items.size() <= 1, "limit=1 answered " + items.size());
            items.stream().filter(i -> ws.toString().equals(i.get("workspaceId")))
                    .forEach(i -> actors.addAll((List<?>) i.get("actorIds")));
            cursor = body.getString("cursor");
        }
        assertEquals(List.of("ig:p0", "ig:p1", "ig:p2"), actors);
        // Read on from the last cursor: none of them again.
        assertEquals(List.of(), drain(cursor).of(ws));

        for (String limit : List.of("0", "1001", "many")) {
            given().auth().oauth2(TestTokens.service("engagement:read")).queryParam("limit", limit).get("/changes")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
        for (String bad : List.of("not-a-cursor", Base64.getUrlEncoder().encodeToString("c1.x.1".getBytes()))) {
            page(bad, null).then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("after"));
        }
        // Without limit: up to 500.
        assertTrue(page(null, null).then().statusCode(200).extract().jsonPath().getList("items").size() <= 500);
    }

    @Test
    void theCursorNeverPassesAnItemOfATransactionStillOpen() throws Exception {
        String start = now();
        try (Connection open = Db.connect()) {
            open.setAutoCommit(false);
            try (PreparedStatement ps = open.prepareStatement("INSERT INTO engagement_change (workspace_id, actor_ids, "
                    + "click_ids, post_ids) VALUES (?, '{ig:open}', '{}', '{}')")) {
                ps.setObject(1, ws);
                ps.executeUpdate();
            }
            // A batch that starts later and commits first.
            send(ws, "[" + event("late", "LIKE", post, "ig:after", "2026-11-20T10:00:00Z", "") + "]").then()
                    .statusCode(200).body("accepted", equalTo(1));
            Read whileOpen = drain(start);
            assertEquals(List.of(), whileOpen.of(ws), "nothing after the open transaction is served");
            open.commit();
            Read after = until(whileOpen.cursor(), ws, items -> items.size() >= 2);
            assertEquals(List.of(List.of("ig:open"), List.of("ig:after")),
                    after.of(ws).stream().map(i -> i.get("actorIds")).toList());
        }
    }

    @Test
    void aCursorOlderThanTheRetainedItemsIsGone() throws Exception {
        String before = now();
        try (Connection c = Db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO engagement_change "
                + "(workspace_id, actor_ids, click_ids, post_ids, at) VALUES (?, '{ig:old}', '{}', '{}', "
                + "now() - interval '7 hours')")) {
            ps.setObject(1, ws);
            ps.executeUpdate();
        }
        // Pruned once no transaction older than it runs (others may, for a moment, on a shared server).
        for (int attempt = 0; attempt < 300 && Db.number("SELECT count(*) FROM engagement_change "
                + "WHERE workspace_id = ?", ws) > 0; attempt++) {
            feed.prune();
            Thread.sleep(100);
        }
        assertEquals(0, Db.number("SELECT count(*) FROM engagement_change WHERE workspace_id = ?", ws));
        page(before, null).then().statusCode(410).contentType("application/problem+json")
                .body("type", endsWith("/cursor-expired")).body("status", equalTo(410));
        // Starting again from the oldest retained item works, and its cursor is valid.
        String fresh = now();
        page(fresh, null).then().statusCode(200);
        // A cursor this database never issued (far ahead of it) is gone as well.
        String future = Base64.getUrlEncoder().withoutPadding().encodeToString("c1.999999999999.1".getBytes());
        page(future, null).then().statusCode(410).body("type", endsWith("/cursor-expired"));
    }

    @Test
    void onlyServiceTokensReadTheFeed() {
        given().get("/changes").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(ws, "engagement:read", "engagement:write", "conversions:read"))
                .get("/changes").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).get("/changes").then().statusCode(403)
                .contentType("application/problem+json");
        page(null, 1).then().statusCode(200);
    }
}
