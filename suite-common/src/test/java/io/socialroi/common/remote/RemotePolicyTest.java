package io.socialroi.common.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socialroi.common.problem.ProblemException;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.FakeServer.Reply;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The remote-failure mapper and the one policy, against a real HTTP server (FakeServer) through a JAX-RS client
 * with connect and read timeouts, as the services' REST clients call each other.
 */
class RemotePolicyTest {

    static final RemotePolicy.Settings FAST = new RemotePolicy.Settings(1, Duration.ZERO, 4, 0.5,
            Duration.ofSeconds(10));

    static FakeServer server;
    static Client client;
    final AtomicLong now = new AtomicLong(1);
    final RemotePolicy policy = new RemotePolicy("engagement-service", FAST, now::get);

    @BeforeAll
    static void start() {
        server = new FakeServer();
        client = ClientBuilder.newBuilder().connectTimeout(500, TimeUnit.MILLISECONDS)
                .readTimeout(300, TimeUnit.MILLISECONDS).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @AfterEach
    void reset() {
        server.reset();
    }

    String get(String path) {
        return client.target(server.url() + path).request().get(String.class);
    }

    String post(String path) {
        return client.target(server.url() + path).request().post(Entity.json("{}"), String.class);
    }

    @Test
    void anAnswerPassesThrough() {
        server.on("GET", "/ok", Reply.json(200, "{\"items\":[]}"));
        assertEquals("{\"items\":[]}", policy.get(() -> get("/ok")));
    }

    @Test
    void aRemote5xxIsRetriedOnceForAGetThenA503NamingTheDependency() {
        server.on("GET", "/down", Reply.json(502, "{}"));
        ProblemException e = assertThrows(ProblemException.class, () -> policy.get(() -> get("/down")));
        assertEquals(503, e.problem().status());
        assertEquals("engagement-service unavailable", e.problem().title());
        assertEquals("engagement-service answered HTTP 502", e.problem().detail());
        assertEquals("5", e.headers().get("Retry-After"));
        assertEquals(2, server.requests().size());
    }

    @Test
    void aTransient5xxIsHiddenByTheRetry() {
        AtomicLong calls = new AtomicLong();
        server.on("GET", "/flaky", r -> calls.incrementAndGet() == 1 ? Reply.json(503, "{}") : Reply.json(200, "1"));
        assertEquals("1", policy.get(() -> get("/flaky")));
        assertEquals(2, server.requests().size());
    }

    @Test
    void aPostIsNeverRetried() {
        server.on("POST", "/search", Reply.json(500, "{}"));
        ProblemException e = assertThrows(ProblemException.class, () -> policy.send(() -> post("/search")));
        assertEquals(503, e.problem().status());
        assertEquals(1, server.requests().size());
    }

    @Test
    void aTimeoutIsA503AndNotRetried() {
        server.on("GET", "/slow", Reply.json(200, "{}").delayed(2000));
        ProblemException e = assertThrows(ProblemException.class, () -> policy.get(() -> get("/slow")));
        assertEquals(503, e.problem().status());
        assertEquals("engagement-service did not answer in time", e.problem().detail());
        assertEquals(1, server.requests().size());
    }

    @Test
    void aConnectFailureIsA503AndRetried() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        AtomicLong attempts = new AtomicLong();
        String closed = "http://127.0.0.1:" + port + "/x";
        ProblemException e = assertThrows(ProblemException.class, () -> policy.get(() -> {
            attempts.incrementAndGet();
            return client.target(closed).request().get(String.class);
        }));
        assertEquals(503, e.problem().status());
        assertEquals("engagement-service is unreachable", e.problem().detail());
        assertEquals(2, attempts.get());
    }

    @Test
    void aRemote4xxIsNotRetriedAndPassesThroughWithItsFieldErrors() {
        server.on("GET", "/bad", new Reply(422, "application/problem+json", "{\"type\":"
                + "\"https://socialroi.io/problems/validation\",\"title\":\"Validation failed\",\"status\":422,"
                + "\"detail\":\"The request has invalid fields\",\"errors\":[{\"field\":\"to\",\"message\":\"bad\"}]}", 0));
        server.on("GET", "/missing", Reply.json(404, "{\"status\":404,\"detail\":\"Post was not found\"}"));
        ProblemException invalid = assertThrows(ProblemException.class, () -> policy.get(() -> get("/bad")));
        assertEquals(422, invalid.problem().status());
        assertEquals("to", invalid.problem().errors().get(0).field());
        ProblemException missing = assertThrows(ProblemException.class, () -> policy.get(() -> get("/missing")));
        assertEquals(404, missing.problem().status());
        assertEquals(2, server.requests().size());
    }

    @Test
    void refusedCredentialsAndRateLimitsAreA503WithoutRetry() {
        server.on("GET", "/401", Reply.json(401, "{}"));
        assertEquals(503, assertThrows(ProblemException.class, () -> policy.get(() -> get("/401"))).problem().status());
        assertEquals(1, server.requests().size());
    }

    @Test
    void theBreakerOpensOnTransientFailuresOnlyAndClosesAfterATrial() {
        server.on("GET", "/bad", Reply.json(400, "{}"));
        for (int i = 0; i < 10; i++) {
            assertThrows(ProblemException.class, () -> policy.get(() -> get("/bad")));
        }
        assertFalse(policy.isOpen(), "4xx answers never open the breaker");

        server.on("GET", "/down", Reply.json(500, "{}"));
        assertThrows(ProblemException.class, () -> policy.get(() -> get("/down")));
        assertThrows(ProblemException.class, () -> policy.get(() -> get("/down")));
        assertTrue(policy.isOpen());
        int sent = server.requests().size();
        ProblemException paused = assertThrows(ProblemException.class, () -> policy.get(() -> get("/down")));
        assertEquals(503, paused.problem().status());
        assertEquals(sent, server.requests().size(), "an open breaker sends nothing");

        now.addAndGet(Duration.ofSeconds(11).toNanos());
        server.on("GET", "/down", Reply.json(200, "\"up\""));
        assertEquals("\"up\"", policy.get(() -> get("/down")));
        assertFalse(policy.isOpen());
    }

    /**
     * A call to content-service that first fetches its service token from content-service: when the breaker lets
     * it through as the trial, the token fetch is part of that trial, not refused by it (or the breaker could
     * never close while no token is held).
     */
    @Test
    void aCallTheTrialCallMakesToTheSameDependencyIsPartOfTheTrial() {
        server.on("GET", "/down", Reply.json(500, "{}"));
        assertThrows(ProblemException.class, () -> policy.get(() -> get("/down")));
        assertThrows(ProblemException.class, () -> policy.get(() -> get("/down")));
        assertTrue(policy.isOpen());

        now.addAndGet(Duration.ofSeconds(11).toNanos());
        server.on("POST", "/auth/token", Reply.json(200, "\"token\""));
        server.on("GET", "/workspaces", Reply.json(200, "\"workspace\""));
        assertEquals("\"token\" \"workspace\"",
                policy.get(() -> policy.send(() -> post("/auth/token")) + " " + get("/workspaces")));
        assertFalse(policy.isOpen());
        assertEquals(List.of("/down", "/down", "/down", "/down", "/auth/token", "/workspaces"),
                server.requests().stream().map(FakeServer.Recorded::path).toList());
    }

    @Test
    void aRefusedTokenFetchInsideTheTrialLeavesTheBreakerOpenForTheNextTrial() {
        server.on("GET", "/down", Reply.json(500, "{}"));
        assertThrows(ProblemException.class, () -> policy.get(() -> get("/down")));
        assertThrows(ProblemException.class, () -> policy.get(() -> get("/down")));
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        server.on("POST", "/auth/token", Reply.json(401, "{}"));
        ProblemException refused = assertThrows(ProblemException.class,
                () -> policy.get(() -> policy.send(() -> post("/auth/token")) + get("/workspaces")));
        assertEquals(503, refused.problem().status());
        // A 4xx is no verdict: the next call is the trial, and it decides.
        server.on("GET", "/workspaces", Reply.json(200, "\"workspace\""));
        assertEquals("\"workspace\"", policy.get(() -> get("/workspaces")));
        assertFalse(policy.isOpen());
    }

    @Test
    void anUnreadableAnswerIsA503() {
        ProblemException e = RemoteFailures.translate("conversion-service", new IllegalStateException("bad json"));
        assertEquals(503, e.problem().status());
        assertEquals(RemoteFailures.Kind.OTHER, RemoteFailures.classify(new IllegalStateException()));
    }
}
