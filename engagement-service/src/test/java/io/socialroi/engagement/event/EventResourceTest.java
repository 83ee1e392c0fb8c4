package io.socialroi.engagement.event;

import static io.restassured.RestAssured.given;
import static io.socialroi.engagement.Api.event;
import static io.socialroi.engagement.Api.send;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.engagement.Api;
import io.socialroi.engagement.Db;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventResourceTest {

    private static final String AT = "2026-11-20T10:00:00+01:00";

    private final UUID ws = UUID.randomUUID();
    private final UUID post = UUID.randomUUID();

    private long stored() {
        return Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ?", ws);
    }

    @Test
    void acceptsAnArrayAnEnvelopeAndNdjson() {
        UUID campaign = UUID.randomUUID();
        Api.registerPost(ws, post, campaign, "INSTAGRAM", "TRUST", null, null);
        send(ws, "[" + event("a1", "LIKE", post, "ig:1", AT, "") + "," + event("a2", "IMPRESSION", post, "ig:2", AT, "")
                + "]").then().statusCode(200).body("accepted", equalTo(2)).body("duplicates", equalTo(0))
                .body("rejected", hasSize(0));
        send(ws, "{\"events\":[" + event("a3", "SAVE", post, "ig:1", AT, ",\"retargeting\":true,\"attributes\":"
                + "{\"source\":\"story\"}") + "]}").then().statusCode(200).body("accepted", equalTo(1));
        given().auth().oauth2(Api.writer(ws)).contentType("application/x-ndjson")
                .body((event("a4", "DM", null, "ig:3", AT, "") + "\n" + event("a5", "COMMENT", post, "ig:3", AT,
                        ",\"attributes\":{\"text\":\"Where can I buy this?\"}") + "\n").getBytes(UTF_8))
                .post("/workspaces/" + ws + "/events").then().statusCode(200).body("accepted", equalTo(2));
        assertEquals(5, stored());
        // The event as sent; its post's campaign and stage are resolved when read (V6), as the touchpoints show.
        assertEquals(null, Db.text("SELECT funnel_stage FROM engagement_event WHERE workspace_id = ? AND event_id = 'a1'",
                ws));
        given().auth().oauth2(Api.reader(ws)).get("/workspaces/" + ws + "/touchpoints?actorId=ig:1").then()
                .statusCode(200).body("items[0].funnelStage", org.hamcrest.Matchers.equalTo("TRUST"))
                .body("items[0].campaignId", org.hamcrest.Matchers.equalTo(campaign.toString()));
        assertEquals("true", Db.text("SELECT retargeting::text FROM engagement_event WHERE workspace_id = ? "
                + "AND event_id = 'a3'", ws));
        assertEquals("story", Db.text("SELECT attributes->>'source' FROM engagement_event WHERE workspace_id = ? "
                + "AND event_id = 'a3'", ws));
        // The rollups follow in the same transaction.
        assertEquals(5, Db.number("SELECT sum(events) FROM engagement_rollup WHERE workspace_id = ?", ws));
        assertEquals(1, Db.number("SELECT sum(n_like) FROM actor_rollup WHERE workspace_id = ? AND actor_id = 'ig:1'", ws));
        assertEquals(1, Db.number("SELECT sum(n_save) FROM actor_rollup WHERE workspace_id = ? AND actor_id = 'ig:1'", ws));
    }

    @Test
    void aPartialBatchStoresTheValidEventsAndNamesTheRejectedOnes() {
        String body = "[" + event("p0", "LIKE", post, "ig:1", AT, "")
                + ",{\"eventId\":7,\"type\":\"POKE\",\"platform\":\"MYSPACE\",\"postId\":\"nope\",\"actorId\":\"\","
                + "\"occurredAt\":\"yesterday\"}"
                + "," + event("p2", "LIKE", null, "ig:2", AT, "")
                + "," + event("p3", "DM", null, "ig:2", AT, "")
                + "," + event("p4", "LIKE", post, "ig:2", "2026-11-20T10:00:00", "")
                + "," + event("p5", "LIKE", post, "ig:2", "2099-01-01T00:00:00Z", "")
                + "," + event("p6", "LIKE", post, "ig:2", AT, ",\"retargeting\":\"yes\",\"attributes\":[1]")
                + "," + event("p7", "SHARE", post, "ig:2", AT, ",\"campaignId\":\"x\",\"clickId\":5")
                + ",42"
                + ",{}"
                + "," + event("p10", "LIKE", post, "ig:2", AT, ",\"attributes\":{\"t\":\"" + "x".repeat(5000) + "\"}")
                + "]";
        send(ws, body).then().statusCode(200).body("accepted", equalTo(2)).body("duplicates", equalTo(0))
                .body("rejected.index", equalTo(List.of(1, 2, 4, 5, 6, 7, 8, 9, 10)))
                .body("rejected[0].errors.field", hasItems("eventId", "type", "platform", "postId", "actorId",
                        "occurredAt"))
                .body("rejected[1].errors[0].field", equalTo("postId"))
                .body("rejected[1].errors[0].message", containsString("required"))
                .body("rejected[2].errors[0].field", equalTo("occurredAt"))
                .body("rejected[3].errors[0].field", equalTo("occurredAt"))
                .body("rejected[4].errors.field", hasItems("retargeting", "attributes"))
                .body("rejected[5].errors.field", hasItems("campaignId", "clickId"))
                .body("rejected[6].errors[0].field", equalTo("event"))
                .body("rejected[7].errors.field", hasItems("eventId", "type", "platform", "actorId", "occurredAt"))
                .body("rejected[8].errors[0].field", equalTo("attributes"));
        assertEquals(2, stored());
        assertEquals(2, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ? "
                + "AND event_id IN ('p0', 'p3')", ws));
    }

    @Test
    void aKnownEventIdIsADuplicateAndChangesNothing() {
        String first = "[" + event("d1", "LIKE", post, "ig:1", AT, "") + "," + event("d2", "LIKE", post, "ig:1", AT, "")
                + "]";
        send(ws, first).then().statusCode(200).body("accepted", equalTo(2));
        String again = "[" + event("d1", "COMMENT", post, "ig:9", AT, "") + "," + event("d3", "LIKE", post, "ig:1", AT, "")
                + "," + event("d3", "SAVE", post, "ig:1", AT, "") + "]";
        send(ws, again).then().statusCode(200).body("accepted", equalTo(1)).body("duplicates", equalTo(2));
        assertEquals(3, stored());
        assertEquals("LIKE", Db.text("SELECT type FROM engagement_event WHERE workspace_id = ? AND event_id = 'd1'", ws));
        assertEquals(3, Db.number("SELECT sum(events) FROM engagement_rollup WHERE workspace_id = ?", ws));
        // The same id in another workspace is another event.
        UUID other = UUID.randomUUID();
        send(other, first).then().statusCode(200).body("accepted", equalTo(2));
    }

    @Test
    void concurrentRequestsWithOverlappingIdsStoreEachEventOnce() throws Exception {
        List<String> events = IntStream.range(0, 600).mapToObj(i -> event("c" + i, i % 3 == 0 ? "SHARE" : "LIKE", post,
                "ig:" + (i % 40), AT, "")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int from = t * 50;
            // Each request carries 300 events; neighbours overlap by 250.
            String body = events.subList(from, from + 300).stream().collect(Collectors.joining(",", "[", "]"));
            calls.add(() -> send(ws, body).then().statusCode(200).extract().path("accepted"));
        }
        int accepted = 0;
        int duplicates = 0;
        for (Future<Integer> f : pool.invokeAll(calls)) {
            accepted += f.get();
        }
        pool.shutdown();
        duplicates = 6 * 300 - accepted;
        assertEquals(550, accepted);
        assertEquals(1250, duplicates);
        assertEquals(550, stored());
        assertEquals(550, Db.number("SELECT sum(events) FROM engagement_rollup WHERE workspace_id = ?", ws));
        assertEquals(550, Db.number("SELECT sum(n_like + n_share) FROM actor_rollup WHERE workspace_id = ?", ws));
    }

    @Test
    void malformedAndOversizedRequestsAreProblemsAndStoreNothing() {
        send(ws, "[" + event("m1", "LIKE", post, "ig:1", AT, "") + ",{\"eventId\":").then().statusCode(400)
                .contentType("application/problem+json");
        send(ws, "").then().statusCode(400).contentType("application/problem+json");
        send(ws, "42").then().statusCode(400).contentType("application/problem+json");
        send(ws, "{\"items\":[]}").then().statusCode(422).body("errors[0].field", equalTo("events"));
        send(ws, "{\"events\":{}}").then().statusCode(422).body("errors[0].field", equalTo("events"));
        send(ws, "[] []").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Api.writer(ws)).contentType(ContentType.XML).body("<events/>")
                .post("/workspaces/" + ws + "/events").then().statusCode(415).contentType("application/problem+json");
        String tooMany = IntStream.range(0, EventParser.MAX_EVENTS + 1)
                .mapToObj(i -> event("t" + i, "VIEW", post, "ig:1", AT, "")).collect(Collectors.joining(",", "[", "]"));
        send(ws, tooMany).then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("10000"));
        assertEquals(0, stored());
    }

    @Test
    void tenThousandEventsFitInOneRequest() {
        String body = IntStream.range(0, EventParser.MAX_EVENTS)
                .mapToObj(i -> event("k" + i, "VIEW", post, "ig:" + (i % 500), AT, ",\"attributes\":{\"watchSeconds\":"
                        + (i % 60) + ",\"device\":\"ios\",\"country\":\"IT\"}"))
                .collect(Collectors.joining(",", "[", "]"));
        send(ws, body).then().statusCode(200).body("accepted", equalTo(EventParser.MAX_EVENTS));
        assertEquals(EventParser.MAX_EVENTS, stored());
    }

    @Test
    void aBodyAboveTheSizeLimitIsA413Problem() {
        String padding = "x".repeat(1024 * 1024);
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 33; i++) {
            body.append(i == 0 ? "" : ",").append("{\"pad\":\"").append(padding).append("\"}");
        }
        send(ws, body.append(']').toString()).then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
        assertEquals(0, stored());
    }

    @Test
    void authScopeAndTenancy() {
        String body = "[" + event("s1", "LIKE", post, "ig:1", AT, "") + "]";
        given().contentType(ContentType.JSON).body(body).post("/workspaces/" + ws + "/events").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(Api.reader(ws)).contentType(ContentType.JSON).body(body)
                .post("/workspaces/" + ws + "/events").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Api.writer(UUID.randomUUID())).contentType(ContentType.JSON).body(body)
                .post("/workspaces/" + ws + "/events").then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, stored());
    }
}
