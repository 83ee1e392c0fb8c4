package io.socialroi.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.TestDatabase;
import io.socialroi.testing.TestKeys;
import io.socialroi.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once publishing with two real replicas: two content-service processes started from the packaged
 * jar against ONE database, both polling for due posts every second. Forty posts fall due at the same
 * instant; the signed webhook publisher (a fake receiver) must get each post exactly once, correctly
 * signed, and each post must end PUBLISHED after one attempt. Started on its own (not through
 * {@link SuiteCluster}, whose one instance per service other tests rely on), the same way: packaged jar,
 * environment variables, generated keys, a fresh database.
 */
class TwoContentInstancesIT {

    private static final int POSTS = 40;
    private static final String SECRET = "two-instances-publisher-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final FakeServer RECEIVER = new FakeServer();
    private static final FakeServer ENGAGEMENT = new FakeServer();
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final AtomicInteger MAX_IN_FLIGHT = new AtomicInteger();
    private static final List<Process> PROCESSES = new ArrayList<>();
    private static final List<String> URLS = new ArrayList<>();
    private static String database;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
        Path jar = root.resolve("content-service/target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), jar + " is missing: package content-service first");
        Path logs = root.resolve("system-tests/target/service-logs");
        Files.createDirectories(logs);
        database = TestDatabase.create("content_two");
        // The post directory of engagement-service: every registration is acknowledged.
        ENGAGEMENT.on("PUT", "/workspaces/", FakeServer.Reply.json(200, "{}"));
        // A slow receiver (0.1 s per post), so each replica is still busy with its batch when the other polls.
        RECEIVER.on("POST", "/publish", request -> {
            int now = IN_FLIGHT.incrementAndGet();
            MAX_IN_FLIGHT.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            IN_FLIGHT.decrementAndGet();
            return FakeServer.Reply.json(200, "{}");
        });
        for (int i = 0; i < 2; i++) {
            int port = SuiteCluster.freePort();
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(logs.resolve("content-two-" + i + ".log").toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", TestDatabase.BASE_URL + "/" + database);
            env.put("QUARKUS_DATASOURCE_USERNAME", TestDatabase.USER);
            env.put("SUITE_JWT_PUBLIC_KEY", TestKeys.publicKeyPem().toUri().toString());
            env.put("SUITE_JWT_PRIVATE_KEY", TestKeys.privateKeyPem().toUri().toString());
            env.put("SUITE_ADMIN_CLIENT_ID", "two-admin");
            env.put("SUITE_ADMIN_CLIENT_SECRET", "two-admin-secret-" + Long.toHexString(System.nanoTime()));
            env.put("SUITE_SERVICE_SECRET", "two-service-secret-" + Long.toHexString(System.nanoTime()));
            env.put("SUITE_ENGAGEMENT_URL", ENGAGEMENT.url());
            env.put("SUITE_REDIRECT_BASE_URL", ENGAGEMENT.url());
            env.put("SUITE_PUBLISHING_POLL", "1s");
            env.put("SUITE_OUTBOUND_ALLOW", "127.0.0.1/32");
            env.put("SUITE_SECRETS_KEY", TestKeys.secretsKey());
            PROCESSES.add(builder.start());
            URLS.add("http://127.0.0.1:" + port);
        }
        // Both start together: Flyway's lock lets only one migrate.
        for (int i = 0; i < 2; i++) {
            SuiteCluster.awaitReady(URLS.get(i), PROCESSES.get(i), logs.resolve("content-two-" + i + ".log"));
        }
    }

    @AfterAll
    static void stop() {
        for (Process process : PROCESSES) {
            process.destroy();
        }
        for (Process process : PROCESSES) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        RECEIVER.close();
        ENGAGEMENT.close();
        if (database != null) {
            TestDatabase.drop(database);
        }
    }

    @Test
    void everyDuePostIsPublishedExactlyOnceByTwoReplicas() throws Exception {
        String admin = TestTokens.admin();
        String ws = given().baseUri(URLS.get(0)).auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"Two replicas\",\"timeZone\":\"Europe/Paris\",\"currency\":\"EUR\"}")
                .post("/workspaces").then().statusCode(201).extract().path("id");
        String writer = TestTokens.workspace(UUID.fromString(ws), "content:read", "content:write");
        given().baseUri(URLS.get(1)).auth().oauth2(writer).contentType(ContentType.JSON)
                .body("{\"type\":\"WEBHOOK\",\"url\":\"" + RECEIVER.url() + "/publish\",\"secret\":\"" + SECRET + "\"}")
                .put("/workspaces/" + ws + "/publishers/LINKEDIN").then().statusCode(200);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            String base = URLS.get(i % 2);
            String id = given().baseUri(base).auth().oauth2(writer).contentType(ContentType.JSON)
                    .body("{\"platform\":\"LINKEDIN\",\"funnelStage\":\"ATTENTION\",\"caption\":\"Post " + i + "\"}")
                    .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
            given().baseUri(base).auth().oauth2(writer).post("/workspaces/" + ws + "/posts/" + id + "/submit")
                    .then().statusCode(200);
            given().baseUri(base).auth().oauth2(writer).post("/workspaces/" + ws + "/posts/" + id + "/approve")
                    .then().statusCode(200);
            ids.add(id);
        }
        // All forty fall due at the same instant, so both replicas' pollers find them together.
        Instant due = Instant.now().plusSeconds(10);
        for (int i = 0; i < POSTS; i++) {
            given().baseUri(URLS.get(i % 2)).auth().oauth2(writer).contentType(ContentType.JSON)
                    .body("{\"scheduledAt\":\"" + due + "\"}")
                    .post("/workspaces/" + ws + "/posts/" + ids.get(i) + "/schedule").then().statusCode(200);
        }

        Eventually.await("all posts published", Duration.ofSeconds(120),
                () -> published(ws) == POSTS ? Boolean.TRUE : null);
        // Give a duplicate (if any) time to arrive before counting: one more poll period of both replicas.
        SuiteCluster.sleep(3000);

        List<FakeServer.Recorded> deliveries = RECEIVER.requests().stream()
                .filter(r -> r.path().equals("/publish")).toList();
        Map<String, Integer> perPost = new TreeMap<>();
        Map<String, String> deliveryIdOf = new TreeMap<>();
        for (FakeServer.Recorded delivery : deliveries) {
            assertSigned(delivery);
            JsonNode body = JSON.readTree(delivery.body());
            String postId = body.get("postId").asText();
            perPost.merge(postId, 1, Integer::sum);
            assertEquals(body.get("deliveryId").asText(), delivery.header("X-Suite-Delivery"));
            assertEquals(ws, body.get("workspaceId").asText());
            deliveryIdOf.put(postId, delivery.header("X-Suite-Delivery"));
        }
        Map<String, Integer> expected = ids.stream().collect(Collectors.toMap(id -> id, id -> 1, (a, b) -> a,
                TreeMap::new));
        assertEquals(expected, perPost, "deliveries per post");
        assertEquals(POSTS, deliveries.size());

        for (int i = 0; i < POSTS; i++) {
            String id = ids.get(i);
            var post = given().baseUri(URLS.get((i + 1) % 2)).auth().oauth2(writer)
                    .get("/workspaces/" + ws + "/posts/" + id).then().statusCode(200).extract().jsonPath();
            assertEquals("PUBLISHED", post.getString("status"), id);
            assertEquals(1, post.getInt("publishing.attempts"), id);
            assertEquals(deliveryIdOf.get(id), post.getString("publishing.deliveryId"), id);
        }
        try (Connection c = TestDatabase.connect(database); var s = c.prepareStatement(
                "select post_id, count(*) from post_history where action = 'published' group by post_id")) {
            ResultSet rs = s.executeQuery();
            int posts = 0;
            while (rs.next()) {
                posts++;
                assertEquals(1, rs.getInt(2), "published history entries of " + rs.getString(1));
            }
            assertEquals(POSTS, posts);
        }
        System.out.printf("TwoContentInstancesIT: %d deliveries for %d posts, at most %d in flight at once%n",
                deliveries.size(), POSTS, MAX_IN_FLIGHT.get());
    }

    private static long published(String ws) {
        try (Connection c = TestDatabase.connect(database); var s = c.prepareStatement(
                "select count(*) from post where workspace_id = ?::uuid and status = 'PUBLISHED'")) {
            s.setString(1, ws);
            ResultSet rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertSigned(FakeServer.Recorded request) throws Exception {
        String header = request.header("X-Suite-Signature");
        assertTrue(header != null && header.matches("t=\\d+,v1=[0-9a-f]{64}"), "signature header " + header);
        String t = header.substring(2, header.indexOf(','));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + request.body())
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, header.substring(header.indexOf("v1=") + 3));
    }
}
