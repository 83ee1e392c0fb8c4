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

    private record Grant(String challenge, String redirectUri) {
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
        server.start();
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
        grants.put(code, new Grant(q.get("code_challenge"), q.get("redirect_uri")));
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
                + access + "\",\"scope\":\"tweet.read tweet.write users.read offline.access\",\"refresh_token\":\""
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
