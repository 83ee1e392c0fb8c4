package io.socialroi.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL itself stopped hard ({@code pg_ctl stop -m immediate}: every backend killed, no checkpoint, crash
 * recovery on the next start) while engagement-service ingests, then started again. Unlike {@link OutageIT},
 * which cuts the network between a service and the shared server, this runs a private PostgreSQL cluster the
 * test owns, so the real server process dies and recovers from its write-ahead log.
 */
class PostgresCrashIT {

    private static final Path PG_BIN = Path.of(System.getProperty("pg.bin", "/usr/lib/postgresql/15/bin"));

    private static SuiteCluster suite;
    private static PrivatePostgres postgres;
    private static Process engagement;
    private static String engagementUrl;

    @BeforeAll
    static void start() throws Exception {
        suite = SuiteCluster.get();
        postgres = PrivatePostgres.start();
        postgres.createDatabase("engagement_crash");
        int port = SuiteCluster.freePort();
        engagementUrl = "http://127.0.0.1:" + port;
        engagement = suite.launchExtra("engagement-service", port, postgres.jdbcUrl("engagement_crash"),
                "engagement-service-crash");
        SuiteCluster.awaitReady(engagementUrl, engagement, suite.logs().resolve("engagement-service-crash.log"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (engagement != null) {
            engagement.destroy();
            if (!engagement.waitFor(10, TimeUnit.SECONDS)) {
                engagement.destroyForcibly();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void postgresKilledAndRestartedDuringIngestionLosesNoAcknowledgedEvent() throws Exception {
        Map<String, String> created = FoundationFlowIT.workspaceWithToken("Crash Ltd");
        String ws = created.get("ws");
        String token = created.get("token");
        IngestionUnderOutage run = IngestionUnderOutage.run(engagementUrl, ws, token, 24, 250,
                6, postgres::crash, 14, postgres::restart);
        Set<String> acknowledged = run.acknowledged;
        List<Integer> statuses = run.statuses;

        assertTrue(statuses.subList(6, 14).contains(503), "503 while PostgreSQL was down: " + statuses);
        assertTrue(run.sawNotReady, "readiness reported the outage");
        assertEquals(200, statuses.get(statuses.size() - 1), "recovered without a restart: " + statuses);
        assertTrue(acknowledged.size() >= 250 * 12, "most batches acknowledged: " + statuses);

        try (Connection c = postgres.connect("engagement_crash")) {
            assertEquals(acknowledged.size(), run.stored(c, ws), "every acknowledged event survived the crash");
        }
        // The summary (from the rollups) counts exactly the acknowledged events: nothing double-counted on retry.
        // Local days of the workspace (Europe/Berlin) around now cover every event.
        java.time.LocalDate berlinToday = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        Response summary = given().baseUri(engagementUrl).auth().oauth2(token)
                .queryParam("from", berlinToday.minusDays(1).toString()).queryParam("to", berlinToday.toString())
                .queryParam("groupBy", "day").get("/workspaces/" + ws + "/engagement/summary");
        assertEquals(200, summary.statusCode(), summary.asString());
        long counted = 0;
        for (Map<String, Object> row : summary.jsonPath().<Map<String, Object>>getList("rows")) {
            Map<?, ?> counts = (Map<?, ?>) row.get("counts");
            for (Object value : counts.values()) {
                counted += ((Number) value).longValue();
            }
        }
        assertEquals(acknowledged.size(), counted, "rollups agree with the acknowledged events");
    }

    /** A PostgreSQL cluster of the test's own, in a temporary directory, on a free port. */
    static final class PrivatePostgres implements AutoCloseable {

        private final Path dir;
        private final int port;

        private PrivatePostgres(Path dir, int port) {
            this.dir = dir;
            this.port = port;
        }

        static PrivatePostgres start() throws Exception {
            Path dir = Files.createTempDirectory("socialroi-pgcrash-");
            PrivatePostgres pg = new PrivatePostgres(dir, SuiteCluster.freePort());
            if (runningAsRoot()) {
                run(List.of("chown", "postgres:postgres", dir.toString()));
            }
            pg.asPostgresUser(List.of(PG_BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
                    "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"));
            pg.restart();
            return pg;
        }

        String jdbcUrl(String db) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
        }

        Connection connect(String db) throws Exception {
            return DriverManager.getConnection(jdbcUrl(db), "postgres", "");
        }

        void createDatabase(String db) throws Exception {
            try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + db);
            }
        }

        /** Every server process killed at once: no shutdown checkpoint, WAL replay on the next start. */
        void crash() throws Exception {
            asPostgresUser(List.of(PG_BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                    "stop", "-m", "immediate", "-w"));
        }

        void restart() throws Exception {
            asPostgresUser(List.of(PG_BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                    "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "start", "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c max_connections=60"));
        }

        @Override
        public void close() throws Exception {
            try {
                asPostgresUser(List.of(PG_BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                        "stop", "-m", "fast", "-w"));
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }

        private void asPostgresUser(List<String> command) throws Exception {
            List<String> full = new ArrayList<>();
            if (runningAsRoot()) {
                full.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            full.addAll(command);
            run(full);
        }

        private static boolean runningAsRoot() {
            return "root".equals(System.getProperty("user.name"));
        }

        private static void run(List<String> command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        }
    }
}
