package io.socialroi.engagement.event;

import static io.socialroi.engagement.Api.event;
import static io.socialroi.engagement.Api.send;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.engagement.Db;
import io.socialroi.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under the service (its connections are terminated and new ones refused) and comes
 * back: ingestion answers 503 with Retry-After and acknowledges nothing, then recovers without a restart.
 */
@QuarkusTest
class DatabaseOutageTest {

    private final UUID ws = UUID.randomUUID();

    private static String batch(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> event(prefix + i, "LIKE", UUID.fromString(
                "00000000-0000-0000-0000-000000000001"), "ig:" + i, "2026-11-20T10:00:00Z", ""))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static void database(boolean up) throws SQLException {
        String db = Db.name();
        try (Connection c = TestDatabase.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + db + " ALLOW_CONNECTIONS " + up);
            if (!up) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
            }
        }
    }

    @Test
    void whileTheDatabaseIsDownIngestionAnswers503AndRecovers() throws Exception {
        send(ws, batch("before", 50)).then().statusCode(200).body("accepted", equalTo(50));
        try {
            database(false);
            for (int attempt = 0; attempt < 3; attempt++) {
                send(ws, batch("during", 50)).then().statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", notNullValue()).body("status", equalTo(503));
            }
        } finally {
            database(true);
        }
        assertEquals(0, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ? "
                + "AND event_id LIKE 'during%'", ws));

        // Recovery needs no restart: connections killed by the outage are dropped and new ones opened.
        int status = 0;
        for (int attempt = 0; attempt < 40 && status != 200; attempt++) {
            status = send(ws, batch("during", 50)).statusCode();
            if (status != 200) {
                assertEquals(503, status);
                Thread.sleep(500);
            }
        }
        assertEquals(200, status);
        assertEquals(100, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ?", ws));
        assertEquals(100, Db.number("SELECT sum(events) FROM engagement_rollup WHERE workspace_id = ?", ws));
    }
}
