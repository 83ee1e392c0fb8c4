package io.socialroi.common.idempotency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socialroi.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The store behind Idempotency-Key against real PostgreSQL, with the migration suite-common ships: one request
 * reserves a key, concurrent ones see the reservation, the stored answer is given back byte for byte, keys are
 * per workspace and caller, a failed request's reservation is released, and crashed or expired ones are taken over.
 */
class IdempotencyStoreTest {

    private static String database;
    private static PGSimpleDataSource dataSource;
    private static IdempotencyStore store;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = TestDatabase.create("idempotency");
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(TestDatabase.BASE_URL + "/" + database);
        dataSource.setUser(TestDatabase.USER);
        dataSource.setPassword(System.getenv().getOrDefault("SUITE_DB_PASSWORD", ""));
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V0_1__idempotency_keys.sql"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(migration);
        }
        store = new IdempotencyStore(dataSource);
    }

    @AfterAll
    static void dropDatabase() {
        TestDatabase.drop(database);
    }

    private static void age(String key, String interval) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE idempotency_key SET created_at = now() - ?::interval WHERE idem_key = ?")) {
            update.setString(1, interval);
            update.setString(2, key);
            update.executeUpdate();
        }
    }

    @Test
    void oneOfManyConcurrentRequestsReservesTheKeyAndTheAnswerComesBackAsStored() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Optional<IdempotencyStore.Entry>>> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<Optional<IdempotencyStore.Entry>> call = () -> store.reserve("ws-1", "client-a", "k-race", "h1");
            tries.add(pool.submit(call));
        }
        int reserved = 0;
        for (Future<Optional<IdempotencyStore.Entry>> t : tries) {
            Optional<IdempotencyStore.Entry> answer = t.get();
            if (answer.isEmpty()) {
                reserved++;
            } else {
                assertNull(answer.get().status(), "the others see the first request still running");
            }
        }
        pool.shutdown();
        assertEquals(1, reserved);

        byte[] body = "{\"id\":\"c-1\",\"caption\":\"Café ☕\"}".getBytes(StandardCharsets.UTF_8);
        store.complete("ws-1", "client-a", "k-race", 201, "application/json", "/workspaces/ws-1/posts/c-1", body);
        IdempotencyStore.Entry replay = store.reserve("ws-1", "client-a", "k-race", "h1").orElseThrow();
        assertEquals(201, replay.status());
        assertEquals("h1", replay.requestHash());
        assertEquals("/workspaces/ws-1/posts/c-1", replay.location());
        assertArrayEquals(body, replay.body());
    }

    @Test
    void keysArePerWorkspaceAndCaller() throws SQLException {
        assertTrue(store.reserve("ws-1", "client-a", "k-same", "h").isEmpty());
        assertTrue(store.reserve("ws-2", "client-a", "k-same", "h").isEmpty(), "another workspace");
        assertTrue(store.reserve("ws-1", "client-b", "k-same", "h").isEmpty(), "another caller");
    }

    @Test
    void aFailedRequestsReservationIsReleasedButACompletedAnswerIsNot() throws SQLException {
        assertTrue(store.reserve("ws-1", "client-a", "k-failed", "h").isEmpty());
        store.release("ws-1", "client-a", "k-failed");
        assertTrue(store.reserve("ws-1", "client-a", "k-failed", "h").isEmpty(), "a retry runs again");

        store.complete("ws-1", "client-a", "k-failed", 200, "application/json", null, new byte[] {'{', '}'});
        store.release("ws-1", "client-a", "k-failed");
        assertEquals(200, store.reserve("ws-1", "client-a", "k-failed", "h").orElseThrow().status());
    }

    @Test
    void aCrashedReservationAndAnExpiredAnswerAreTakenOverAndPurged() throws SQLException {
        assertTrue(store.reserve("ws-1", "client-a", "k-crashed", "h").isEmpty());
        age("k-crashed", "2 minutes");
        assertTrue(store.reserve("ws-1", "client-a", "k-crashed", "h2").isEmpty(), "older than a minute, unfinished");

        assertTrue(store.reserve("ws-1", "client-a", "k-old", "h").isEmpty());
        store.complete("ws-1", "client-a", "k-old", 201, "application/json", null, new byte[0]);
        age("k-old", "25 hours");
        assertTrue(store.reserve("ws-1", "client-a", "k-old", "h3").isEmpty(), "past the 24 hours");

        assertTrue(store.reserve("ws-1", "client-a", "k-purged", "h").isEmpty());
        age("k-purged", "25 hours");
        assertEquals(1, store.purgeExpired());
        assertTrue(store.reserve("ws-1", "client-a", "k-purged", "h").isEmpty());
    }
}
