package io.socialroi.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on a random loopback port that stands in for another suite service (or a webhook
 * receiver) in one service's tests. Routes answer by method and path prefix; every request is recorded
 * so tests can assert what was sent.
 */
public final class FakeServer implements AutoCloseable {

    /** One request as received. */
    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** An answer: status, JSON (or other) body, optional delay to simulate a slow service, extra headers. */
    public record Reply(int status, String contentType, String body, long delayMillis, Map<String, String> headers) {

        public Reply(int status, String contentType, String body, long delayMillis) {
            this(status, contentType, body, delayMillis, Map.of());
        }

        public static Reply json(int status, String body) {
            return new Reply(status, "application/json", body, 0);
        }

        public Reply delayed(long millis) {
            return new Reply(status, contentType, body, millis, headers);
        }

        /** The same answer with one more response header (e.g. {@code Retry-After}). */
        public Reply withHeader(String name, String value) {
            Map<String, String> more = new java.util.LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, contentType, body, delayMillis, Map.copyOf(more));
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Recorded, Reply>> routes = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    public FakeServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method} requests whose path starts with {@code pathPrefix}; the longest prefix wins. */
    public FakeServer on(String method, String pathPrefix, Function<Recorded, Reply> handler) {
        routes.put(method + " " + pathPrefix, handler);
        return this;
    }

    public FakeServer on(String method, String pathPrefix, Reply reply) {
        return on(method, pathPrefix, r -> reply);
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public void reset() {
        routes.clear();
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Recorded recorded = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(recorded);
        Function<Recorded, Reply> handler = routes.entrySet().stream()
                .filter(e -> (recorded.method() + " " + recorded.path()).startsWith(e.getKey()))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue).orElse(null);
        Reply reply = handler == null ? Reply.json(404, "{\"status\":404}") : handler.apply(recorded);
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
