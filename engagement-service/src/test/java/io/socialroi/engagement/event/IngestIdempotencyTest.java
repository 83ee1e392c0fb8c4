package io.socialroi.engagement.event;

import static io.restassured.RestAssured.given;
import static io.socialroi.engagement.Api.event;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.socialroi.engagement.Api;
import io.socialroi.engagement.Db;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * API.md: every creating POST accepts Idempotency-Key; the same key with the same body answers the first
 * response again (same status and body), the same key with another body is a 422. For ingestion the event ids
 * already keep a resent batch from being stored twice; the key also gives the client its first answer back.
 */
@QuarkusTest
class IngestIdempotencyTest {

    private static final String AT = "2026-11-20T10:00:00Z";
    private final UUID ws = UUID.randomUUID();
    private final UUID post = UUID.randomUUID();

    private String batch(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> event(prefix + i, i % 2 == 0 ? "LIKE" : "SAVE", post, "ig:" + i, AT, ""))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private Response send(String key, String body) {
        return given().auth().oauth2(Api.writer(ws)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/workspaces/" + ws + "/events");
    }

    private long stored() {
        return Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ?", ws);
    }

    @Test
    void aReplayAnswersTheFirstResponseAndStoresNothingMore() {
        String body = batch("r", 10).replace("]", ",{\"eventId\":\"bad\"}]");
        Response first = send("k-replay", body);
        first.then().statusCode(200).body("accepted", equalTo(10)).body("duplicates", equalTo(0))
                .body("rejected[0].index", equalTo(10));
        assertNull(first.header("Idempotent-Replayed"));
        Response again = send("k-replay", body);
        again.then().statusCode(200).header("Idempotent-Replayed", "true");
        // The same answer, not "10 duplicates": the client learns what its first request did.
        assertEquals(first.jsonPath().getMap(""), again.jsonPath().getMap(""));
        assertEquals(10, stored());
        assertEquals(10, Db.number("SELECT sum(events) FROM engagement_rollup WHERE workspace_id = ?", ws));

        // Without a key, a resent batch is still deduplicated by event id.
        Api.send(ws, body).then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(10));
        assertEquals(10, stored());
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndStoresNothing() {
        send("k-other", batch("a", 3)).then().statusCode(200).body("accepted", equalTo(3));
        send("k-other", batch("b", 3)).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://socialroi.io/problems/idempotency-key-reused"));
        assertEquals(3, stored());
        assertEquals(0, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ? AND event_id LIKE 'b%'",
                ws));
        // A key is the caller's and the workspace's: another workspace may use the same key for its own batch.
        UUID other = UUID.randomUUID();
        given().auth().oauth2(Api.writer(other)).header("Idempotency-Key", "k-other").contentType(ContentType.JSON)
                .body(batch("b", 3)).post("/workspaces/" + other + "/events").then().statusCode(200)
                .body("accepted", equalTo(3));
    }

    @Test
    void concurrentRetriesWithOneKeyStoreTheBatchOnce() throws Exception {
        String body = batch("c", 2000);
        int clients = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            calls.add(() -> {
                start.await();
                return send("k-concurrent", body);
            });
        }
        List<Future<Response>> futures = new ArrayList<>();
        for (Callable<Response> call : calls) {
            futures.add(pool.submit(call));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new HashMap<>();
        int accepted = 0;
        for (Future<Response> f : futures) {
            Response r = f.get();
            statuses.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() == 200) {
                accepted += r.jsonPath().getInt("accepted");
                assertEquals(0, r.jsonPath().getInt("duplicates"), "a replay answers the first response");
            } else {
                // A retry that arrives while the first still runs is told to come back; it is not run again.
                assertEquals(409, r.statusCode(), r.asString());
                assertEquals("application/problem+json", r.contentType());
                assertEquals("1", r.header("Retry-After"));
            }
        }
        pool.shutdown();
        assertTrue(statuses.getOrDefault(200, 0) >= 1, statuses.toString());
        assertEquals(2000L * statuses.get(200), accepted, "every 200 reports the first request's 2000 accepted");
        assertEquals(2000, stored());
        assertEquals(2000, Db.number("SELECT sum(events) FROM engagement_rollup WHERE workspace_id = ?", ws));
        // After the first finished, a late retry gets its answer.
        send("k-concurrent", body).then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("accepted", equalTo(2000));
    }

    @Test
    void aRejectedBodyIsReplayedAsRejectedAndBadKeysAre422() {
        send("k-fix", "[" + event("f1", "LIKE", post, "ig:1", AT, "") + ",{\"eventId\":").then().statusCode(400);
        assertEquals(0, stored());
        // A malformed body was answered (4xx) and is replayed as such; the corrected batch takes a new key.
        send("k-fix", "[" + event("f1", "LIKE", post, "ig:1", AT, "") + ",{\"eventId\":").then().statusCode(400)
                .header("Idempotent-Replayed", "true");
        send("k-fix-2", "[" + event("f1", "LIKE", post, "ig:1", AT, "") + "]").then().statusCode(200)
                .body("accepted", equalTo(1));
        send("", "[]").then().statusCode(422).contentType("application/problem+json");
        send("x".repeat(256), "[]").then().statusCode(422).contentType("application/problem+json");
        assertEquals(1, stored());
    }
}
