package io.socialroi.conversion;

import static io.socialroi.conversion.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key on every creating POST, as API.md promises: the same key and body answer the first
 * response again (status and body) and store one row; eight concurrent retries with one key store one row,
 * each answered with the first response or a 409 "in progress" with Retry-After; the same key with another
 * body is a 422 problem and changes nothing.
 */
@QuarkusTest
class IdempotencyTest {

    @FakeServices.Inject
    Fakes fakes;

    @Inject
    DataSource dataSource;

    /** A creating POST: path below the workspace, the table it writes, a body, and another body. */
    record Creating(String name, String path, String table, String body, String otherBody, int status) {
    }

    static final List<Creating> CREATING = List.of(
            new Creating("conversion", "/conversions", "conversion",
                    "{\"eventId\":\"idem-1\",\"type\":\"PURCHASE\",\"value\":{\"amount\":\"30.00\",\"currency\":\"EUR\"},"
                            + "\"occurredAt\":\"2026-11-22T09:00:00Z\",\"customerId\":\"c-1\"}",
                    "{\"eventId\":\"idem-2\",\"type\":\"LEAD\",\"occurredAt\":\"2026-11-22T09:00:00Z\"}", 201),
            new Creating("conversion batch", "/conversions", "conversion",
                    "[{\"eventId\":\"idem-b1\",\"type\":\"LEAD\",\"occurredAt\":\"2026-11-22T09:00:00Z\"},"
                            + "{\"eventId\":\"idem-b2\",\"type\":\"SIGNUP\",\"occurredAt\":\"2026-11-22T10:00:00Z\"}]",
                    "[{\"eventId\":\"idem-b3\",\"type\":\"LEAD\",\"occurredAt\":\"2026-11-22T09:00:00Z\"}]", 200),
            new Creating("identity", "/identities", "identity_link",
                    "{\"customerId\":\"c-1\",\"actorId\":\"ig:1\",\"platform\":\"INSTAGRAM\"}",
                    "{\"customerId\":\"c-1\",\"actorId\":\"ig:2\",\"platform\":\"INSTAGRAM\"}", 201),
            new Creating("audience", "/audiences", "audience",
                    "{\"name\":\"Warm\",\"engagedWithinDays\":14,\"excludeConverted\":true}",
                    "{\"name\":\"Cold\",\"engagedWithinDays\":60}", 201));

    @Test
    void replayAnswersTheFirstResponseAndStoresOneRow() {
        for (Creating c : CREATING) {
            UUID ws = fakes.workspace();
            String path = "/workspaces/" + ws + c.path();
            Response first = as(ws).header("Idempotency-Key", "replay-" + c.name()).body(c.body()).post(path);
            assertEquals(c.status(), first.statusCode(), c.name() + ": " + first.asString());
            for (int i = 0; i < 3; i++) {
                Response again = as(ws).header("Idempotency-Key", "replay-" + c.name()).body(c.body()).post(path);
                assertEquals(first.statusCode(), again.statusCode(), c.name());
                assertEquals(first.asString(), again.asString(), c.name() + ": the first body again");
                assertEquals("true", again.header("Idempotent-Replayed"), c.name());
                assertEquals(first.header("Location"), again.header("Location"), c.name());
            }
            assertEquals(c.name().contains("batch") ? 2 : 1, rows(c.table(), ws), c.name());
        }
    }

    @Test
    void withoutTheKeyAnAudienceIsCreatedEachTimeButWithItOnce() {
        UUID ws = fakes.workspace();
        Creating audience = CREATING.get(3);
        String path = "/workspaces/" + ws + audience.path();
        as(ws).body(audience.body()).post(path).then().statusCode(201);
        as(ws).body(audience.body()).post(path).then().statusCode(201);
        assertEquals(2, rows("audience", ws), "no key: two audiences, as asked");
        String id = as(ws).header("Idempotency-Key", "a").body(audience.body()).post(path).then().statusCode(201)
                .extract().path("id");
        as(ws).header("Idempotency-Key", "a").body(audience.body()).post(path).then().statusCode(201)
                .body("id", org.hamcrest.Matchers.equalTo(id));
        assertEquals(3, rows("audience", ws));
        // A key belongs to its workspace: the same key in another workspace is a new request there.
        UUID other = fakes.workspace();
        as(other).header("Idempotency-Key", "a").body(audience.body()).post("/workspaces/" + other + "/audiences")
                .then().statusCode(201).body("id", org.hamcrest.Matchers.not(id));
        assertEquals(1, rows("audience", other));
    }

    @Test
    void eightConcurrentRetriesWithOneKeyStoreOneRow() throws Exception {
        for (Creating c : CREATING) {
            UUID ws = fakes.workspace();
            String path = "/workspaces/" + ws + c.path();
            String key = "race-" + c.name();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return as(ws).header("Idempotency-Key", key).body(c.body()).post(path).andReturn();
                }));
            }
            start.countDown();
            Set<String> bodies = new HashSet<>();
            int answered = 0;
            for (Future<Response> future : futures) {
                Response r = future.get();
                if (r.statusCode() == 409) {
                    assertTrue(r.contentType().startsWith("application/problem+json"), c.name());
                    assertEquals("1", r.header("Retry-After"), c.name());
                } else {
                    assertEquals(c.status(), r.statusCode(), c.name() + ": " + r.asString());
                    bodies.add(r.asString());
                    answered++;
                }
            }
            pool.shutdown();
            assertTrue(answered >= 1, c.name() + ": one request ran");
            assertEquals(1, bodies.size(), c.name() + ": every answer is the first one " + bodies);
            assertEquals(c.name().contains("batch") ? 2 : 1, rows(c.table(), ws), c.name() + ": stored once");
            Response after = as(ws).header("Idempotency-Key", key).body(c.body()).post(path);
            assertEquals(c.status(), after.statusCode(), c.name());
            assertEquals(bodies.iterator().next(), after.asString(), c.name() + ": a later retry gets the first answer");
        }
    }

    @Test
    void sameKeyWithAnotherBodyIs422AndChangesNothing() {
        for (Creating c : CREATING) {
            UUID ws = fakes.workspace();
            String path = "/workspaces/" + ws + c.path();
            String first = as(ws).header("Idempotency-Key", "k").body(c.body()).post(path).then()
                    .statusCode(c.status()).extract().asString();
            int stored = rows(c.table(), ws);
            as(ws).header("Idempotency-Key", "k").body(c.otherBody()).post(path).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("title", org.hamcrest.Matchers.equalTo("Idempotency key reused"));
            assertEquals(stored, rows(c.table(), ws), c.name() + ": the other body was not stored");
            // The first request is still answered from the key, and its row is unchanged.
            assertEquals(first, as(ws).header("Idempotency-Key", "k").body(c.body()).post(path).then()
                    .statusCode(c.status()).extract().asString(), c.name());
        }
        UUID ws = fakes.workspace();
        as(ws).header("Idempotency-Key", "").body(CREATING.get(0).body()).post("/workspaces/" + ws + "/conversions")
                .then().statusCode(422).contentType("application/problem+json");
        as(ws).header("Idempotency-Key", "k".repeat(256)).body(CREATING.get(0).body())
                .post("/workspaces/" + ws + "/conversions").then().statusCode(422);
        assertEquals(0, rows("conversion", ws));
    }

    int rows(String table, UUID ws) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE workspace_id = ?")) {
            s.setObject(1, ws);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
