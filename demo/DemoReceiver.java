import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The demo's stand-in for the social platforms: a local webhook publisher receiver that {@code ./suite demo}
 * starts (and {@code ./suite down} stops). It is what the demo workspaces' publishers point at, and the only
 * internal address {@code ./suite up} lets the services call (SUITE_OUTBOUND_ALLOW, 127.0.0.77/32 by default).
 *
 * <ul>
 * <li>{@code POST /publish/<platform>}: checks the {@code X-Suite-Signature} with the demo's secret (401 when it
 * does not match or is older than five minutes) and answers 200 {@code {"id","permalink"}} as a platform would;
 * a retried delivery ({@code X-Suite-Delivery} seen before) gets the same answer again.</li>
 * <li>{@code POST /refuse/<platform>}: answers 422 with a platform-style refusal (the demo's FAILED post).</li>
 * </ul>
 * Every answer is logged, one line each, to standard output ({@code .suite/logs/demo-receiver.log}).
 *
 * Run: {@code java demo/DemoReceiver.java} with SUITE_DEMO_RECEIVER_ADDRESS (host:port, default
 * 127.0.0.77:8089) and SUITE_DEMO_RECEIVER_SECRET set.
 */
public final class DemoReceiver {

    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");
    private static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        String address = env("SUITE_DEMO_RECEIVER_ADDRESS", "127.0.0.77:8089");
        String secret = System.getenv("SUITE_DEMO_RECEIVER_SECRET");
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("SUITE_DEMO_RECEIVER_SECRET must be set (./suite demo sets it)");
        }
        int colon = address.lastIndexOf(':');
        HttpServer server = HttpServer.create(new InetSocketAddress(address.substring(0, colon),
                Integer.parseInt(address.substring(colon + 1))), 50);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/health", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/", exchange -> handle(exchange, secret));
        server.start();
        System.out.println(Instant.now() + " demo receiver listening on http://" + address);
    }

    private static void handle(HttpExchange exchange, String secret) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, "{\"error\":\"POST only\"}");
            return;
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        String header = exchange.getRequestHeaders().getFirst("X-Suite-Signature");
        if (!signed(header, body, secret)) {
            log(path, 401, "signature does not match");
            answer(exchange, 401, "{\"error\":\"signature does not match\"}");
            return;
        }
        String[] parts = path.split("/");
        String platform = parts.length > 2 ? parts[2].toLowerCase() : "web";
        String delivery = String.valueOf(exchange.getRequestHeaders().getFirst("X-Suite-Delivery"));
        if (path.startsWith("/refuse/")) {
            String reason = "{\"error\":\"" + platform + " removed the post: the community's rules do not allow "
                    + "promotional links in the first hour\"}";
            log(path, 422, reason);
            answer(exchange, 422, reason);
            return;
        }
        if (!path.startsWith("/publish/")) {
            answer(exchange, 404, "{\"error\":\"unknown path\"}");
            return;
        }
        String reply = ANSWERS.computeIfAbsent(delivery, d -> {
            String id = platform + "_" + HexFormat.of().formatHex(sha256(d)).substring(0, 12);
            return "{\"id\":\"" + id + "\",\"permalink\":\"https://" + platform + ".example/p/" + id + "\"}";
        });
        log(path, 200, "post " + field(body, "postId") + " delivery " + delivery + " -> " + reply);
        answer(exchange, 200, reply);
    }

    private static boolean signed(String header, String body, String secret) {
        Matcher m = header == null ? null : SIGNATURE.matcher(header);
        if (m == null || !m.matches() || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(m.group(1))) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal((m.group(1) + "." + body)
                    .getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, m.group(2).getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            return false;
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    private static void log(String path, int status, String what) {
        System.out.println(Instant.now() + " POST " + path + " " + status + " " + what);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
