package io.socialroi.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * X's OAuth 2.0 authorization server as the suite's browser tests meet it, on the one loopback address the cluster
 * may call ({@link SuiteCluster#OUTBOUND_TEST_ADDRESS}): the consent page "approves" at once and sends the browser
 * back to the redirect URI with a code and the state; the token endpoint exchanges that code once, only with the
 * client's HTTP Basic credentials, the same redirect URI and the PKCE verifier whose S256 challenge came with the
 * authorization (RFC 6749, RFC 7636), else it answers {@code invalid_grant} / {@code invalid_client} as X does.
 */
public final class OAuthPlatformFake {

    public static final String CLIENT_ID = "suite-x-client";
    static final String CLIENT_SECRET = "suite-x-client-secret";

    private record Grant(String challenge, String redirectUri, String scope) {
    }

    private final HttpServer server;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final AtomicInteger codes = new AtomicInteger();
    /** Access tokens issued, by code: what a test may look for (it must never reach a page). */
    public final Map<String, String> issued = new ConcurrentHashMap<>();

    OAuthPlatformFake() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(SuiteCluster.OUTBOUND_TEST_ADDRESS), 0),
                    0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/x/authorize", this::authorize);
        server.createContext("/x/token", this::token);
        server.createContext("/x/2/", this::xApi);
        server.start();
    }

    /** Texts posted through the fake X API v2, by tweet id. */
    public final Map<String, String> tweets = new ConcurrentHashMap<>();
    /** Reads of published tweets (GET /2/tweets/{id}) the importer made. */
    public final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger tweetIds = new AtomicInteger(1000);

    /**
     * The calls of X API v2 the suite makes with a token this server issued: Create Post (201 {"data":{"id","text"}}),
     * and for every post made here the reads of its importer: the post with public_metrics, two replies by users
     * 9001 and 9002 in recent search (conversation_id), user 9001 among the liking users, no reposts.
     */
    private void xApi(HttpExchange exchange) throws IOException {
        String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!auth.startsWith("Bearer ") || !issued.containsValue(auth.substring(7))) {
            answer(exchange, 401, "application/json", "{\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"Unauthorized\"}");
            return;
        }
        String path = exchange.getRequestURI().getPath().substring("/x".length());
        String query = String.valueOf(exchange.getRequestURI().getRawQuery());
        if ("POST".equals(exchange.getRequestMethod()) && path.equals("/2/tweets")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = "18600000000000" + tweetIds.incrementAndGet();
            tweets.put(id, body);
            answer(exchange, 201, "application/json", "{\"data\":{\"id\":\"" + id + "\",\"text\":\"posted\"}}");
            return;
        }
        if (path.equals("/2/tweets/search/recent")) {
            String id = URLDecoder.decode(query, StandardCharsets.UTF_8).replaceAll(".*conversation_id:(\\d+).*", "$1");
            answer(exchange, 200, "application/json", !tweets.containsKey(id) ? "{\"meta\":{\"result_count\":0}}"
                    : "{\"data\":[{\"id\":\"" + id + "1\",\"author_id\":\"9001\",\"created_at\":\""
                    + java.time.Instant.now().minusSeconds(60) + "\",\"text\":\"How much is it?\"},{\"id\":\"" + id
                    + "2\",\"author_id\":\"9002\",\"created_at\":\"" + java.time.Instant.now().minusSeconds(30)
                    + "\",\"text\":\"Ordered one!\"}],\"meta\":{\"result_count\":2}}");
            return;
        }
        String[] parts = path.split("/");
        String id = parts.length > 3 ? parts[3] : "";
        if (!tweets.containsKey(id)) {
            answer(exchange, 404, "application/json", "{\"title\":\"Not Found Error\",\"status\":404}");
        } else if (parts.length == 4) {
            reads.incrementAndGet();
            answer(exchange, 200, "application/json", "{\"data\":{\"id\":\"" + id + "\",\"public_metrics\":"
                    + "{\"like_count\":1,\"reply_count\":2,\"retweet_count\":0,\"quote_count\":0,"
                    + "\"impression_count\":321}}}");
        } else if (parts[4].equals("liking_users")) {
            answer(exchange, 200, "application/json", "{\"data\":[{\"id\":\"9001\",\"username\":\"ada\"}],"
                    + "\"meta\":{\"result_count\":1}}");
        } else {
            answer(exchange, 200, "application/json", "{\"meta\":{\"result_count\":0}}");
        }
    }

    String base() {
        return "http://" + SuiteCluster.OUTBOUND_TEST_ADDRESS + ":" + server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = form(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))
                || !"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null) {
            answer(exchange, 400, "text/plain", "invalid authorization request");
            return;
        }
        String code = "x-code-" + codes.incrementAndGet();
        // X's consent screen grants the scopes the app asked for (the person approves them all or nothing).
        grants.put(code, new Grant(q.get("code_challenge"), q.get("redirect_uri"), q.get("scope")));
        exchange.getResponseHeaders().add("Location", q.get("redirect_uri") + "?state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8) + "&code=" + code);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> f = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant = grants.remove(String.valueOf(f.get("code")));
        if (!"authorization_code".equals(f.get("grant_type")) || grant == null
                || !grant.redirectUri().equals(f.get("redirect_uri")) || f.get("code_verifier") == null
                || !grant.challenge().equals(s256(f.get("code_verifier")))) {
            answer(exchange, 400, "application/json", "{\"error\":\"invalid_grant\","
                    + "\"error_description\":\"Value passed for the authorization code was invalid.\"}");
            return;
        }
        String access = "x-access-" + f.get("code");
        issued.put(f.get("code"), access);
        answer(exchange, 200, "application/json", "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\""
                + access + "\",\"scope\":\"" + grant.scope() + "\",\"refresh_token\":\""
                + "x-refresh-" + f.get("code") + "\"}");
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
