package io.socialroi.content.delivery;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.await;
import static io.socialroi.content.Fixtures.writer;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.common.secrets.SecretBox;
import io.socialroi.content.Fixtures;
import io.socialroi.content.Receivers;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.TestKeys;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Publisher and webhook secrets at rest: what a reader of the database gets (no secret), what the receivers
 * still get (deliveries signed with the right secret), and what a row the deployment's keys cannot open does
 * (its deliveries fail with a clear reason; the API keeps answering).
 */
@QuarkusTest
class SecretsAtRestTest {

    static final String SECRET = "whsec_at_rest_0123456789abcdef";
    static final FakeServer RECEIVER = new FakeServer();

    @Inject
    StoredSecrets storedSecrets;

    @AfterAll
    static void close() {
        RECEIVER.close();
    }

    @Test
    void theStoredColumnsHoldNoSecretAndDeliveriesAreSignedWithIt() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        RECEIVER.on("POST", "/pub/" + ws, FakeServer.Reply.json(200, "{}"));
        RECEIVER.on("POST", "/hook/" + ws, FakeServer.Reply.json(200, "{}"));
        configurePublisher(ws);
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"url\":\"" + RECEIVER.url() + "/hook/" + ws + "\",\"secret\":\"" + SECRET
                        + "\",\"events\":[\"post.approved\"]}").put("/workspaces/" + ws + "/webhooks").then()
                .statusCode(200).body("secretSet", equalTo(true)).body("secret", org.hamcrest.Matchers.nullValue());
        String keyId = new SecretBox(TestKeys.secretsKey(), List.of()).currentKeyId();
        for (String table : List.of("publisher", "webhook_subscription")) {
            String[] row = row("select secret, secret_key_id from " + table + " where workspace_id = ?", ws);
            assertNotEquals(SECRET, row[0], table);
            assertFalse(row[0].contains("whsec") || row[0].contains("0123456789"), table + " holds " + row[0]);
            assertFalse(new String(Base64.getDecoder().decode(row[0]), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains("whsec"), "not merely encoded");
            assertEquals(keyId, row[1], table);
        }
        String id = approvedPost(ws);
        await("post.approved webhook", () -> received("/hook/" + ws).size() == 1);
        Receivers.assertSigned(received("/hook/" + ws).get(0), SECRET);
        scheduleNow(ws, id);
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        Receivers.assertSigned(received("/pub/" + ws).get(0), SECRET);
    }

    /** Rows written before encryption (in clear, no key id) are sealed by the start step and keep working. */
    @Test
    void plainRowsFromBeforeAreSealedAtStartAndStillSignWithTheirSecret() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        RECEIVER.on("POST", "/pub/" + ws, FakeServer.Reply.json(200, "{}"));
        execute("insert into publisher (workspace_id, platform, type, url, secret, updated_at)"
                + " values (?, 'INSTAGRAM', 'WEBHOOK', ?, ?, now())", ws, RECEIVER.url() + "/pub/" + ws, SECRET);
        execute("insert into webhook_subscription (workspace_id, url, secret, events, updated_at)"
                + " values (?, ?, ?, '[\"post.failed\"]'::jsonb, now())", ws, RECEIVER.url() + "/hook/" + ws, SECRET);
        assertTrue(storedSecrets.sealStored() >= 2);
        for (String table : List.of("publisher", "webhook_subscription")) {
            String[] row = row("select secret, secret_key_id from " + table + " where workspace_id = ?", ws);
            assertFalse(row[0].contains(SECRET), table);
            assertTrue(row[1] != null && row[1].matches("[0-9a-f]{8}"), table);
        }
        String id = approvedPost(ws);
        scheduleNow(ws, id);
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        Receivers.assertSigned(received("/pub/" + ws).get(0), SECRET);
        String sealed = row("select secret from publisher where workspace_id = ?", ws)[0];
        storedSecrets.sealStored();
        assertEquals(sealed, row("select secret from publisher where workspace_id = ?", ws)[0], "sealed once");
    }

    /**
     * A row sealed under a key this deployment does not have (or altered): the start step leaves it, the API
     * still answers 200, the delivery fails with a reason saying what to do, and nothing unsigned is sent.
     * Configuring the secret again repairs it.
     */
    @Test
    void aSecretNoConfiguredKeyOpensFailsItsDeliveriesNotTheApi() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        RECEIVER.on("POST", "/pub/" + ws, FakeServer.Reply.json(200, "{}"));
        RECEIVER.on("POST", "/hook/" + ws, FakeServer.Reply.json(200, "{}"));
        byte[] other = new byte[32];
        new SecureRandom().nextBytes(other);
        SecretBox.Sealed foreign = new SecretBox(Base64.getEncoder().encodeToString(other), List.of())
                .seal(SECRET, StoredSecrets.publisherContext(ws, "INSTAGRAM"));
        execute("insert into publisher (workspace_id, platform, type, url, secret, secret_key_id, updated_at)"
                + " values (?, 'INSTAGRAM', 'WEBHOOK', ?, ?, ?, now())", ws, RECEIVER.url() + "/pub/" + ws,
                foreign.ciphertext(), foreign.keyId());
        // Sealed with the right key but for another row: moved ciphertexts do not open either.
        SecretBox.Sealed moved = storedSecrets.seal(SECRET, StoredSecrets.webhookContext(UUID.randomUUID()));
        execute("insert into webhook_subscription (workspace_id, url, secret, secret_key_id, events, updated_at)"
                + " values (?, ?, ?, ?, '[\"post.approved\"]'::jsonb, now())", ws, RECEIVER.url() + "/hook/" + ws,
                moved.ciphertext(), moved.keyId());
        storedSecrets.sealStored();
        assertEquals(foreign.ciphertext(), row("select secret from publisher where workspace_id = ?", ws)[0]);

        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers/INSTAGRAM").then().statusCode(200)
                .body("secretSet", equalTo(true));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers").then().statusCode(200);
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/webhooks").then().statusCode(200);
        String id = approvedPost(ws);
        scheduleNow(ws, id);
        await("failure", () -> "FAILED".equals(status(ws, id)));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id).then()
                .body("publishing.failureReason", equalTo(StoredSecrets.UNREADABLE));
        await("webhook given up", () -> Fixtures.count("select count(*) from webhook_delivery where workspace_id = ?"
                + " and status = 'FAILED' and last_error = ?", ws, StoredSecrets.UNREADABLE) == 1);
        assertEquals(List.of(), received("/pub/" + ws));
        assertEquals(List.of(), received("/hook/" + ws));

        configurePublisher(ws);
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/retry").then().statusCode(200);
        await("publication after the secret was configured again", () -> "PUBLISHED".equals(status(ws, id)));
        Receivers.assertSigned(received("/pub/" + ws).get(0), SECRET);
    }

    private static void configurePublisher(UUID ws) {
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"type\":\"WEBHOOK\",\"url\":\"" + RECEIVER.url() + "/pub/" + ws + "\",\"secret\":\"" + SECRET
                        + "\"}").put("/workspaces/" + ws + "/publishers/INSTAGRAM").then().statusCode(200)
                .body("secret", org.hamcrest.Matchers.nullValue());
    }

    private static String approvedPost(UUID ws) {
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\",\"mediaUrls\":[\"https://cdn.example/p.jpg\"],\"caption\":\"Buy\"}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/approve").then().statusCode(200);
        return id;
    }

    private static void scheduleNow(UUID ws, String id) {
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"scheduledAt\":\"" + Instant.now() + "\"}")
                .post("/workspaces/" + ws + "/posts/" + id + "/schedule").then().statusCode(200);
    }

    private static String status(UUID ws, String id) {
        return given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id).then().extract().path("status");
    }

    private static List<FakeServer.Recorded> received(String path) {
        return RECEIVER.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    private static void execute(String sql, Object... params) throws Exception {
        try (Connection c = Fixtures.db(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    private static String[] row(String sql, Object param) throws Exception {
        try (Connection c = Fixtures.db(); var s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            ResultSet rs = s.executeQuery();
            assertTrue(rs.next(), sql);
            String[] values = new String[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getString(i + 1);
            }
            return values;
        }
    }
}
