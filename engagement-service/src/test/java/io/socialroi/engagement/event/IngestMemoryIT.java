package io.socialroi.engagement.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.socialroi.testing.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, ingestion memory: the packaged jar runs with the heap the Kubernetes manifest gives engagement-service
 * ({@code quarkus.test.arg-line} in application.properties, checked against k8s/base/engagement-service.yaml below, with
 * ExitOnOutOfMemoryError so an OOM cannot go unnoticed). Ten ingestions of about 30 MB each (10,000 events with
 * large attributes, the most a request may carry) arrive at once from five credentials, beside large bodies
 * without a valid token and for another workspace. Every request is answered 2xx or 4xx or 429 or 503 with a
 * problem (never a dropped connection), the service stays alive, and every batch is then complete: an accepted
 * batch sent again is all duplicates, a refused one is all new.
 */
@QuarkusIntegrationTest
class IngestMemoryIT {

    private static final int EVENTS = 10_000;
    private static final int PAD = 2_900;
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+[mMgG])");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;

    @Test
    void theHeapOfTheManifestTakesTenParallelMaximalBatches() throws Exception {
        assertEquals(manifestHeap(), testedHeap(), "the test runs the service at the manifest's -Xmx");
        // The launched jar's port, as the integration test framework set it for RestAssured.
        base = "http://127.0.0.1:" + io.restassured.RestAssured.port;
        List<UUID> workspaces = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            workspaces.add(UUID.randomUUID());
        }
        ExecutorService pool = Executors.newFixedThreadPool(14);
        List<Future<HttpResponse<String>>> batches = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            UUID ws = workspaces.get(b % workspaces.size());
            int batch = b;
            batches.add(pool.submit(() -> send(ws, TestTokens.workspace(ws, "engagement:write"), batch)));
        }
        // Beside them, large bodies nobody may send: no token, a forged one, another workspace's credential.
        UUID victim = workspaces.get(0);
        Future<HttpResponse<String>> anonymous = pool.submit(() -> send(victim, null, 90));
        Future<HttpResponse<String>> forged = pool.submit(() -> send(victim, "eyJhbGciOiJub25lIn0.e30.", 91));
        Future<HttpResponse<String>> stranger = pool.submit(() -> send(victim,
                TestTokens.workspace(UUID.randomUUID(), "engagement:write"), 92));
        assertEquals(401, anonymous.get().statusCode(), anonymous.get().body());
        assertEquals(401, forged.get().statusCode(), forged.get().body());
        assertEquals(404, stranger.get().statusCode(), stranger.get().body());

        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> f : batches) {
            HttpResponse<String> response = f.get();
            int status = response.statusCode();
            statuses.add(status);
            assertTrue(status == 200 || status == 429 || status == 503, status + " " + response.body());
            if (status != 200) {
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                        response.headers().toString());
                assertTrue(response.headers().firstValue("Retry-After").isPresent(), response.headers().toString());
            } else {
                assertTrue(response.body().contains("\"accepted\":" + EVENTS), response.body());
            }
        }
        pool.shutdown();
        System.out.println("IngestMemoryIT: first answers of the ten batches " + statuses);
        assertTrue(statuses.contains(200), "some batches are taken while others wait: " + statuses);
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/live")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());

        // Nothing accepted was lost, nothing refused was half stored: each batch again, one at a time.
        for (int b = 0; b < 10; b++) {
            UUID ws = workspaces.get(b % workspaces.size());
            HttpResponse<String> again = send(ws, TestTokens.workspace(ws, "engagement:write"), b);
            assertEquals(200, again.statusCode(), again.body());
            String expected = statuses.get(b) == 200 ? "\"accepted\":0,\"duplicates\":" + EVENTS
                    : "\"accepted\":" + EVENTS + ",\"duplicates\":0";
            assertTrue(again.body().contains(expected), "batch " + b + " (first " + statuses.get(b) + "): "
                    + again.body());
        }
        // The strangers' bodies stored nothing: their events are new to the victim's workspace.
        HttpResponse<String> probe = send(victim, TestTokens.workspace(victim, "engagement:write"), 92);
        assertTrue(probe.body().contains("\"accepted\":" + EVENTS), probe.body());
    }

    /** One batch of 10,000 events (about 30 MB), streamed with its Content-Length so the test holds no copy. */
    private HttpResponse<String> send(UUID ws, String token, int batch) throws IOException, InterruptedException {
        byte[] head = "[".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "]".getBytes(StandardCharsets.UTF_8);
        long length = head.length + tail.length + (long) EVENTS * event(batch, 0).length + (EVENTS - 1);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/workspaces/" + ws + "/events"))
                .timeout(Duration.ofMinutes(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
                    List<InputStream> parts = new ArrayList<>();
                    parts.add(new ByteArrayInputStream(head));
                    parts.add(new Events(batch));
                    parts.add(new ByteArrayInputStream(tail));
                    Enumeration<InputStream> e = Collections.enumeration(parts);
                    return new SequenceInputStream(e);
                }), length));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // A refusal before the body is read closes the connection; the answer may race the upload.
            throw new IOException("batch " + batch + " got no answer", e);
        }
    }

    /** Event {@code i} of a batch; every event of every batch has the same length. */
    private static byte[] event(int batch, int i) {
        return String.format("{\"eventId\":\"mem-%02d-%05d\",\"type\":\"LIKE\",\"platform\":\"INSTAGRAM\","
                + "\"postId\":\"5f0c2a8e-1b7d-4c3e-9f6a-2d4b8e1c7a90\",\"actorId\":\"ig:%05d\","
                + "\"occurredAt\":\"2026-11-20T10:00:00Z\",\"attributes\":{\"pad\":\"%s\"}}", batch, i, i,
                "x".repeat(PAD)).getBytes(StandardCharsets.UTF_8);
    }

    /** The events of a batch separated by commas, generated as they are read. */
    private static final class Events extends InputStream {
        private final int batch;
        private int next;
        private byte[] current = new byte[0];
        private int at;

        Events(int batch) {
            this.batch = batch;
        }

        @Override
        public int read() {
            if (at == current.length && !advance()) {
                return -1;
            }
            return current[at++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at == current.length && !advance()) {
                return -1;
            }
            int n = Math.min(len, current.length - at);
            System.arraycopy(current, at, b, off, n);
            at += n;
            return n;
        }

        private boolean advance() {
            if (next == EVENTS) {
                return false;
            }
            byte[] e = event(batch, next);
            current = next == 0 ? e : concat(e);
            next++;
            at = 0;
            return true;
        }

        private static byte[] concat(byte[] e) {
            byte[] withComma = new byte[e.length + 1];
            withComma[0] = ',';
            System.arraycopy(e, 0, withComma, 1, e.length);
            return withComma;
        }
    }

    private static String manifestHeap() throws IOException {
        Path manifest = Path.of("..", "k8s", "base", "engagement-service.yaml");
        Matcher m = XMX.matcher(Files.readString(manifest));
        assertTrue(m.find(), "no -Xmx in " + manifest);
        return m.group(1).toLowerCase();
    }

    /** The -Xmx of quarkus.test.arg-line in application.properties, which launches the jar under test. */
    private static String testedHeap() throws IOException {
        String argLine = Files.readAllLines(Path.of("src", "main", "resources", "application.properties")).stream()
                .filter(l -> l.startsWith("quarkus.test.arg-line=")).findFirst().orElse("");
        Matcher m = XMX.matcher(argLine);
        assertTrue(m.find(), "no -Xmx in quarkus.test.arg-line: " + argLine);
        return m.group(1).toLowerCase();
    }
}
