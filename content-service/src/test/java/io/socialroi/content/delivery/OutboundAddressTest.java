package io.socialroi.content.delivery;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.await;
import static io.socialroi.content.Fixtures.writer;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.common.net.HostResolver;
import io.socialroi.common.net.OutboundGuard;
import io.socialroi.common.net.OutboundHttp;
import io.socialroi.content.Fixtures;
import io.socialroi.content.Receivers;
import io.socialroi.testing.FakeServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SSRF: a workspace points its publisher or webhook at the suite's own network. The tests run with
 * {@code suite.outbound.allow=127.0.0.1/32} (the fake receivers), so 127.0.0.2 stands for any internal host:
 * a real listener there shows whether anything connected. ({@code localhost}, which resolves to the allowed
 * 127.0.0.1 here, is refused without the allowlist: suite-common's OutboundGuardTest.)
 */
@QuarkusTest
class OutboundAddressTest {

    static final String SECRET = "publisher-secret-0123456789";
    static final FakeServer RECEIVER = new FakeServer();

    /** Names under .test answer from {@link #answers}, one answer per lookup, the last one repeated. */
    static final class ScriptedResolver extends HostResolver {

        final Map<String, List<String>> answers = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            List<String> script = answers.get(host);
            if (script == null) {
                if (host.endsWith(".test")) {
                    throw new UnknownHostException(host);
                }
                return super.resolve(host);
            }
            int n = lookups.computeIfAbsent(host, h -> new AtomicInteger()).getAndIncrement();
            return List.of(InetAddress.getByName(script.get(Math.min(n, script.size() - 1))));
        }
    }

    final ScriptedResolver resolver = new ScriptedResolver();

    @BeforeEach
    void resolveTestNames() {
        QuarkusMock.installMockForType(resolver, HostResolver.class);
    }

    @AfterAll
    static void close() {
        RECEIVER.close();
    }

    static String publisher(String url) {
        return "{\"type\":\"WEBHOOK\",\"url\":\"" + url + "\",\"secret\":\"" + SECRET + "\"}";
    }

    static String webhook(String url) {
        return "{\"url\":\"" + url + "\",\"secret\":\"" + SECRET + "\",\"events\":[\"post.approved\"]}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/iam/", "http://10.0.0.1/", "http://10.255.0.9:8080/",
        "http://192.168.1.1/", "http://172.16.0.1/", "http://172.31.255.254/", "http://100.64.0.1/",
        "http://100.127.0.1/", "http://[fd00::1]/", "http://[fc00::1]/", "http://[fd00:ec2::254]/latest/",
        "http://[::ffff:169.254.169.254]/", "http://[::ffff:10.0.0.1]/", "http://[::1]:8081/", "http://127.0.0.2:5432/",
        "http://127.255.0.1/", "http://0.0.0.0:8081/", "http://224.0.0.1/", "http://[fe80::1]/", "http://[ff02::1]/",
        "http://[64:ff9b::a9fe:a9fe]/", "http://internal.test/"})
    void internalTargetsAreRefusedAtConfigurationAndNothingIsStored(String url) {
        resolver.answers.put("internal.test", List.of("10.1.2.3"));
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String pub = "/workspaces/" + ws + "/publishers/INSTAGRAM";
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(publisher(url)).put(pub).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://socialroi.io/problems/outbound-address-refused"))
                .body("errors[0].field", equalTo("url")).body("errors[0].message", equalTo(OutboundGuard.REFUSED));
        given().auth().oauth2(writer(ws)).get(pub).then().statusCode(404);
        String hooks = "/workspaces/" + ws + "/webhooks";
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(webhook(url)).put(hooks).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("url"));
        given().auth().oauth2(writer(ws)).get(hooks).then().statusCode(404);
    }

    @Test
    void aRefusedUrlLeavesTheEarlierConfigurationInPlace() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String pub = "/workspaces/" + ws + "/publishers/X";
        String good = RECEIVER.url() + "/pub/" + ws;
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(publisher(good)).put(pub).then()
                .statusCode(200);
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body(publisher("http://169.254.169.254/")).put(pub).then().statusCode(400);
        given().auth().oauth2(writer(ws)).get(pub).then().statusCode(200).body("url", equalTo(good));
    }

    /**
     * DNS rebinding: the name is public when configured and internal when called. The call is refused on the
     * address it would connect to, nothing reaches the internal listener, and the reason stored on the post is
     * the same whether that internal port is open or closed.
     */
    @Test
    void aNameRebindingToAnInternalAddressIsRefusedAtConnectTimeWithoutAConnection() throws Exception {
        try (ServerSocketChannel internal = ServerSocketChannel.open()) {
            internal.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            internal.configureBlocking(false);
            int open = internal.socket().getLocalPort();
            int closed = freePort("127.0.0.2");
            resolver.answers.put("open.rebind.test", List.of("93.184.215.14", "127.0.0.2"));
            resolver.answers.put("closed.rebind.test", List.of("93.184.215.14", "127.0.0.2"));
            String toOpen = failedPublication("http://open.rebind.test:" + open + "/hook");
            String toClosed = failedPublication("http://closed.rebind.test:" + closed + "/hook");
            assertNull(internal.accept(), "nothing connected to the internal listener");
            assertEquals(OutboundHttp.NOT_ALLOWED, toOpen);
            assertEquals(toOpen, toClosed, "an open and a closed internal port look the same");
        }
    }

    @Test
    void aWebhookRebindingToAnInternalAddressIsRefusedTooAndItsErrorSaysNothingMore() throws Exception {
        try (ServerSocketChannel internal = ServerSocketChannel.open()) {
            internal.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            internal.configureBlocking(false);
            resolver.answers.put("hook.rebind.test", List.of("93.184.215.14", "127.0.0.2"));
            UUID ws = Fixtures.workspace("UTC", "EUR");
            given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                    .body(webhook("http://hook.rebind.test:" + internal.socket().getLocalPort() + "/x"))
                    .put("/workspaces/" + ws + "/webhooks").then().statusCode(200);
            approved(ws, "X");
            await("webhook given up", () -> Fixtures.count("select count(*) from webhook_delivery where workspace_id = ?"
                    + " and status = 'FAILED'", ws) == 1);
            assertNull(internal.accept());
            try (Connection c = Fixtures.db(); var s = c.prepareStatement(
                    "select last_error from webhook_delivery where workspace_id = ?")) {
                s.setObject(1, ws);
                ResultSet rs = s.executeQuery();
                rs.next();
                assertEquals(OutboundHttp.NOT_ALLOWED, rs.getString(1));
            }
        }
    }

    /** Even where the deployment allows an address, "refused" and "timed out" are one generic reason. */
    @Test
    void aClosedAndASilentAllowedPortFailWithTheSameReason() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            String toSilent = failedPublication("http://127.0.0.1:" + silent.getLocalPort() + "/hook");
            String toClosed = failedPublication("http://127.0.0.1:" + freePort("127.0.0.1") + "/hook");
            assertEquals(OutboundHttp.NO_ANSWER, toSilent);
            assertEquals(toSilent, toClosed);
            String toNowhere = failedPublication("http://nowhere.test/hook");
            assertEquals(OutboundHttp.NO_ANSWER, toNowhere, "a name that does not resolve looks the same");
        }
    }

    /**
     * The connection goes to the address that was checked, not to the name: a name only this test's resolver
     * knows (the JDK could not resolve it) reaches the receiver, with the name as the Host header.
     */
    @Test
    void theCallConnectsToTheCheckedAddressAndKeepsTheNameAsHost() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        RECEIVER.on("POST", "/pub/" + ws, FakeServer.Reply.json(200, "{}"));
        resolver.answers.put("receiver.test", List.of("127.0.0.1"));
        int port = Integer.parseInt(RECEIVER.url().substring(RECEIVER.url().lastIndexOf(':') + 1));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body(publisher("http://receiver.test:" + port + "/pub/" + ws))
                .put("/workspaces/" + ws + "/publishers/INSTAGRAM").then().statusCode(200);
        String id = approved(ws, "INSTAGRAM");
        scheduleNow(ws, id);
        await("publication", () -> "PUBLISHED".equals(post(ws, id).get("status")));
        List<FakeServer.Recorded> sent = RECEIVER.requests().stream().filter(r -> r.path().equals("/pub/" + ws)).toList();
        assertEquals(1, sent.size());
        assertEquals("receiver.test:" + port, sent.get(0).header("Host"));
        Receivers.assertSigned(sent.get(0), SECRET);
        assertTrue(resolver.lookups.get("receiver.test").get() >= 2, "resolved at configuration and again to send");
    }

    /** Configures the publisher, schedules a post and answers the failure reason once it is FAILED. */
    private String failedPublication(String url) {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(publisher(url))
                .put("/workspaces/" + ws + "/publishers/INSTAGRAM").then().statusCode(200);
        String id = approved(ws, "INSTAGRAM");
        scheduleNow(ws, id);
        await("failure", () -> "FAILED".equals(post(ws, id).get("status")));
        String reason = (String) ((Map<?, ?>) post(ws, id).get("publishing")).get("failureReason");
        List<String> history = given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id + "/history")
                .then().extract().path("items.comment");
        assertEquals("attempt 3: " + reason, history.get(history.size() - 1), "the history says no more");
        return reason;
    }

    private static String approved(UUID ws, String platform) {
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"" + platform + "\",\"funnelStage\":\"ACTION\",\"mediaUrls\":[\"https://cdn.example/p.jpg\"],\"caption\":\"Buy\"}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/approve").then().statusCode(200);
        return id;
    }

    private static void scheduleNow(UUID ws, String id) {
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"scheduledAt\":\"" + Instant.now() + "\"}")
                .post("/workspaces/" + ws + "/posts/" + id + "/schedule").then().statusCode(200);
    }

    private static Map<String, Object> post(UUID ws, String id) {
        return given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("");
    }

    private static int freePort(String address) throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return s.getLocalPort();
        }
    }
}
