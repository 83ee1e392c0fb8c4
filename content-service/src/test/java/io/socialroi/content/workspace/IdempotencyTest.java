package io.socialroi.content.workspace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.socialroi.testing.TestTokens;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The shared Idempotency-Key mechanism, exercised on {@code POST /workspaces}. */
@QuarkusTest
class IdempotencyTest {

    private static Response post(String key, String name) {
        return given().auth().oauth2(TestTokens.admin()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"timeZone\":\"UTC\",\"currency\":\"EUR\"}").post("/workspaces");
    }

    private static long countNamed(String name) {
        return given().auth().oauth2(TestTokens.admin()).get("/workspaces?limit=500").then().extract()
                .jsonPath().getList("items.name").stream().filter(name::equals).count();
    }

    @Test
    void replayReturnsTheFirstAnswerAndCreatesNothingNew() {
        String key = UUID.randomUUID().toString();
        String name = "Idem " + key;
        Response first = post(key, name);
        first.then().statusCode(201);
        Response replay = post(key, name);
        replay.then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id"))).body("name", equalTo(name));
        assertEquals(first.header("Location"), replay.header("Location"));
        assertEquals(1, countNamed(name));
    }

    @Test
    void sameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        post(key, "A " + key).then().statusCode(201);
        post(key, "B " + key).then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Idempotency key reused"));
        assertEquals(0, countNamed("B " + key));
    }

    @Test
    void concurrentRetriesCreateOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "Concurrent " + key;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = java.util.Collections.nCopies(8, () -> post(key, name).statusCode());
            List<Future<Integer>> results = pool.invokeAll(calls);
            for (Future<Integer> result : results) {
                int status = result.get();
                org.junit.jupiter.api.Assertions.assertTrue(status == 201 || status == 409, "status " + status);
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, countNamed(name));
        post(key, name).then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void keysArePerCaller() {
        String key = UUID.randomUUID().toString();
        post(key, "Caller " + key).then().statusCode(201);
        // Another admin subject with the same key is a new request, not a replay.
        given().auth().oauth2(TestTokens.workspace(UUID.randomUUID(), "content:write")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body("{\"name\":\"x\",\"timeZone\":\"UTC\",\"currency\":\"EUR\"}")
                .post("/workspaces").then().statusCode(403);
    }
}
