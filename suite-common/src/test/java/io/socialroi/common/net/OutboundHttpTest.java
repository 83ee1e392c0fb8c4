package io.socialroi.common.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection is pinned to the checked address while TLS still verifies the certificate against the name
 * in the URL: a TLS receiver on 127.0.0.1 with a certificate for {@code receiver.test} only.
 */
class OutboundHttpTest {

    @TempDir
    static Path dir;

    static Vertx vertx;
    static HttpServer tls;
    static HttpServer plain;
    static HttpServer large;
    static OutboundHttp http;
    static final List<String> HOSTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path store = dir.resolve("receiver.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=receiver.test", "-ext", "SAN=dns:receiver.test", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0,
                new String(keytool.getInputStream().readAllBytes()));
        assertTrue(Files.size(store) > 0);
        PfxOptions pfx = new PfxOptions().setPath(store.toString()).setPassword("changeit");
        vertx = Vertx.vertx();
        tls = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setKeyCertOptions(pfx).setHost("127.0.0.1"))
                .requestHandler(r -> {
                    HOSTS.add(r.getHeader("Host"));
                    r.response().setStatusCode(204).end();
                }).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        plain = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(r -> r.response().setStatusCode(302).putHeader("Location", "http://169.254.169.254/")
                        .end()).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        // Answers 1 MiB in chunks of 64 KiB, with a Retry-After, as a receiver that talks too much.
        large = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(r -> {
                    var response = r.response().setStatusCode(503).setChunked(true).putHeader("Retry-After", "7");
                    io.vertx.core.buffer.Buffer chunk = io.vertx.core.buffer.Buffer.buffer(new byte[64 * 1024]);
                    for (int i = 0; i < 16; i++) {
                        response.write(chunk);
                    }
                    response.end();
                }).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        HostResolver names = new HostResolver() {
            @Override
            public List<InetAddress> resolve(String host) throws UnknownHostException {
                return host.endsWith(".test") ? List.of(InetAddress.getByName("127.0.0.1")) : super.resolve(host);
            }
        };
        http = new OutboundHttp(new OutboundGuard(Optional.of(List.of("127.0.0.1/32")), names), vertx, pfx);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static OutboundHttp.Answer post(String url) {
        return http.send(HttpMethod.POST, url, Map.of("Content-Type", "application/json"), "{}".getBytes(),
                Duration.ofSeconds(5));
    }

    @Test
    void httpsToTheCheckedAddressVerifiesTheCertificateAgainstTheName() {
        int port = tls.actualPort();
        assertEquals(new OutboundHttp.Answer(204, null), post("https://receiver.test:" + port + "/hook"));
        assertEquals("receiver.test:" + port, HOSTS.get(HOSTS.size() - 1));
        // Same address, other names: the certificate is not theirs, so nothing is sent.
        int before = HOSTS.size();
        assertEquals(OutboundHttp.NO_ANSWER, post("https://other.test:" + port + "/hook").failure());
        assertEquals(OutboundHttp.NO_ANSWER, post("https://127.0.0.1:" + port + "/hook").failure());
        assertEquals(before, HOSTS.size());
    }

    @Test
    void aCallReadsTheAnswerUpToItsBoundAndTheRetryAfter() {
        OutboundHttp.Exchange answer = http.call(HttpMethod.POST, "http://127.0.0.1:" + large.actualPort() + "/",
                Map.of("Content-Type", "application/json"), "{}".getBytes(), Duration.ofSeconds(5));
        assertEquals(503, answer.status());
        assertEquals("7", answer.retryAfter());
        assertEquals(OutboundHttp.MAX_BODY, answer.body().length());
    }

    @Test
    void anExchangeAnswersEveryHeaderAndABodyBoundedByTheCaller() {
        String url = "http://127.0.0.1:" + large.actualPort() + "/";
        // A bound below the answer (1 MiB): the first bytes, marked truncated.
        OutboundHttp.Response small = http.exchange(HttpMethod.GET, url, Map.of(), null, Duration.ofSeconds(5), 1000);
        assertEquals(503, small.status());
        assertEquals("7", small.header("retry-after"));
        assertEquals("7", small.header("Retry-After"));
        assertEquals(1000, small.body().length);
        assertTrue(small.truncated());
        // A bound past the default (a media fetch): all of it, not truncated.
        OutboundHttp.Response all = http.exchange(HttpMethod.GET, url, Map.of(), null, Duration.ofSeconds(5),
                4 * 1024 * 1024);
        assertEquals(1024 * 1024, all.body().length);
        assertEquals(false, all.truncated());
        // Past a large bound the read stops early, truncated.
        OutboundHttp.Response cut = http.exchange(HttpMethod.GET, url, Map.of(), null, Duration.ofSeconds(5),
                OutboundHttp.MAX_BODY + 1);
        assertEquals(OutboundHttp.MAX_BODY + 1, cut.body().length);
        assertTrue(cut.truncated());
        // Refused addresses are refused here too.
        assertEquals(OutboundHttp.NOT_ALLOWED, http.exchange(HttpMethod.GET, "http://127.0.0.2:" + large.actualPort()
                + "/", Map.of(), null, Duration.ofSeconds(5), 1000).failure());
    }

    @Test
    void redirectsAreNotFollowed() {
        assertEquals(new OutboundHttp.Answer(302, null), post("http://127.0.0.1:" + plain.actualPort() + "/"));
    }

    @Test
    void aRefusedAddressIsNeverConnectedTo() {
        assertEquals(OutboundHttp.NOT_ALLOWED, post("http://127.0.0.2:" + plain.actualPort() + "/").failure());
        assertEquals(OutboundHttp.NOT_ALLOWED, post("http://[::ffff:169.254.169.254]/").failure());
    }
}
