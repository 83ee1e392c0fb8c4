package io.socialroi.content.registration;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.await;
import static io.socialroi.content.Fixtures.count;
import static io.socialroi.content.Fixtures.writer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.remote.RemotePolicy;
import io.socialroi.content.ContentFakes;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.FakeServer.Reply;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The post directory registration (a PUT to engagement-service) under the suite's one policy, against the fake
 * engagement-service on real HTTP through the REST client and its real timeouts (connect 1 s, read 3 s): one
 * request per send, whatever the answer (the outbox, not the policy, sends again with backoff); a 5xx or a timeout
 * is a 503 problem naming engagement-service, a 4xx its own status; engagement-service's breaker opens after
 * repeated failures (the post is still created, its registration waits in the outbox and arrives once the breaker
 * lets a trial through), and a storm of 4xx answers leaves it closed.
 */
@QuarkusTest
class EngagementDirectoryTest {

    static final PostRegistration REGISTRATION = new PostRegistration(null, "INSTAGRAM", "ACTION", null);

    @ContentFakes.Engagement
    FakeServer engagement;

    @Inject
    EngagementDirectory directory;

    @BeforeEach
    @AfterEach
    void closeBreakers() {
        RemotePolicy.resetAll();
    }

    /** A workspace of this test alone on the fake (the others' routes and outbox rows are not touched). */
    private UUID route(Reply reply) {
        UUID ws = UUID.randomUUID();
        engagement.on("PUT", "/workspaces/" + ws, reply);
        return ws;
    }

    private long puts(UUID ws) {
        return engagement.requests().stream()
                .filter(r -> r.method().equals("PUT") && r.path().startsWith("/workspaces/" + ws + "/")).count();
    }

    private ProblemException refused(UUID ws) {
        return assertThrows(ProblemException.class, () -> directory.register(ws, UUID.randomUUID(), REGISTRATION));
    }

    private static void assertUnavailable(ProblemException e, String detail) {
        assertEquals(503, e.problem().status());
        assertEquals("engagement-service unavailable", e.problem().title());
        assertEquals(detail, e.problem().detail());
        assertEquals("5", e.headers().get("Retry-After"));
    }

    @Test
    void aFailingOrSlowEngagementServiceIsOneRequestThenA503NamingIt() {
        UUID failing = route(Reply.json(502, "{\"status\":502}"));
        assertUnavailable(refused(failing), "engagement-service answered HTTP 502");
        assertEquals(1, puts(failing), "a PUT is not repeated by the policy");

        UUID slow = route(Reply.json(200, "{}").delayed(3600));
        assertUnavailable(refused(slow), "engagement-service did not answer in time");
        assertEquals(1, puts(slow));
    }

    @Test
    void aRemote4xxPassesThroughAndIsNotRetried() {
        UUID invalid = route(new Reply(422, "application/problem+json", "{\"type\":"
                + "\"https://socialroi.io/problems/validation\",\"title\":\"Validation failed\",\"status\":422,"
                + "\"detail\":\"The request has invalid fields\",\"errors\":[{\"field\":\"platform\","
                + "\"message\":\"unknown\"}]}", 0));
        ProblemException e = refused(invalid);
        assertEquals(422, e.problem().status());
        assertEquals("platform", e.problem().errors().get(0).field());
        assertEquals(1, puts(invalid));
        UUID forbidden = route(Reply.json(403, "{\"status\":403}"));
        assertEquals(503, refused(forbidden).problem().status(), "its refusal of this service's token is an outage");
        assertEquals(1, puts(forbidden));
    }

    @Test
    void a4xxStormLeavesTheBreakerClosed() {
        UUID invalid = route(Reply.json(422, "{\"status\":422}"));
        for (int i = 0; i < 30; i++) {
            assertEquals(422, refused(invalid).problem().status());
        }
        assertEquals(30, puts(invalid));
        assertFalse(RemotePolicy.of("engagement-service").isOpen());
        UUID ws = Fixtures.workspace("UTC", "EUR");
        JsonPath post = create(ws);
        assertEquals(true, post.getBoolean("trackedLink.active"), "registered inline: the breaker is closed");
    }

    @Test
    void repeatedFailuresOpenTheBreakerThePostWaitsInTheOutboxAndArrivesAfterATrial() throws Exception {
        UUID failing = route(Reply.json(500, "{\"status\":500}"));
        for (int i = 0; i < 20; i++) {
            refused(failing);
        }
        assertTrue(RemotePolicy.of("engagement-service").isOpen());
        long sent = puts(failing);
        assertUnavailable(refused(failing), "engagement-service is failing; calls are paused for a few seconds");
        assertEquals(sent, puts(failing), "an open breaker sends nothing");

        // A post created meanwhile: created, its link not active, its registration kept with the reason.
        UUID ws = Fixtures.workspace("UTC", "EUR");
        JsonPath post = create(ws);
        String id = post.getString("id");
        assertEquals(false, post.getBoolean("trackedLink.active"));
        assertEquals(1, count("select count(*) from post where id = ?::uuid", id));
        assertEquals("engagement-service is failing; calls are paused for a few seconds", lastError(id));
        // The breaker lets a trial through after open-for (5 s); the outbox's next send is it, and it arrives.
        await("registration of " + id + " once the breaker lets a trial through", () -> delivered(id));
        assertEquals(1, puts(ws), "nothing was sent while the breaker was open");
        assertFalse(RemotePolicy.of("engagement-service").isOpen());
    }

    private static JsonPath create(UUID ws) {
        return given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"Spring\","
                        + "\"mediaUrls\":[\"https://cdn.example/a.jpg\"],\"landingUrl\":\"https://shop.example/\"}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().jsonPath();
    }

    private static boolean delivered(String postId) {
        return count("select count(*) from link_registration where post_id = ?::uuid and delivered_at is not null",
                postId) == 1;
    }

    private static String lastError(String postId) throws SQLException {
        try (Connection c = Fixtures.db(); PreparedStatement s = c.prepareStatement(
                "select last_error from link_registration where post_id = ?::uuid")) {
            s.setString(1, postId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
