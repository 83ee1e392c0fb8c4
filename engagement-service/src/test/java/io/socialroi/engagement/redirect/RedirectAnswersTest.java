package io.socialroi.engagement.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.engagement.Api;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: most clicks are answered by the Vert.x route ({@link RedirectRoute}), the rest by the JAX-RS resource
 * ({@link RedirectResource}; a query with an escape goes there). A visitor cannot tell them apart: the same
 * status, headers and body, compared here request by request (click ids and cookie values aside), and the
 * answers are exactly those of the JAX-RS resource before issue 15.
 */
@QuarkusTest
class RedirectAnswersTest {

    private static final String BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1";

    @TestHTTPResource("/")
    URL base;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Status, headers and body, with click ids, cookie values and the code replaced by placeholders. */
    private String answer(String method, String path, String userAgent, String cookie, String code) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (userAgent != null) {
            b.header("User-Agent", userAgent);
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        StringBuilder out = new StringBuilder().append(r.statusCode()).append('\n');
        r.headers().map().forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        out.append(r.body());
        return out.toString().replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID")
                .replaceAll("smv=v1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+", "smv=V").replace(code, "CODE");
    }

    private String setCookie(String path) throws Exception {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .header("User-Agent", BROWSER).build(), HttpResponse.BodyHandlers.discarding());
        return r.headers().firstValue("set-cookie").orElseThrow().replaceAll(";.*", "");
    }

    @Test
    void theRouteAnswersExactlyAsTheResource() throws Exception {
        UUID ws = UUID.randomUUID();
        String code = "ans" + UUID.randomUUID().toString().substring(0, 8);
        Api.registerPost(ws, UUID.randomUUID(), null, "INSTAGRAM", "ACTION", code, "https://shop.example/p?a=1#f");
        String known = setCookie("/r/" + code);
        String unknown = "zzz" + UUID.randomUUID().toString().substring(0, 8);
        List<String[]> cases = List.of(
                new String[] {"GET", code, BROWSER, null}, new String[] {"GET", code, BROWSER, known},
                new String[] {"GET", code, BROWSER, "smv=forged; other=1"}, new String[] {"HEAD", code, BROWSER, null},
                new String[] {"GET", code, "Twitterbot/1.0", null}, new String[] {"GET", code, null, null},
                new String[] {"GET", unknown, BROWSER, null}, new String[] {"HEAD", unknown, BROWSER, null});
        for (String[] c : cases) {
            String label = String.join(" ", c[0], c[1].equals(code) ? "CODE" : "unknown", String.valueOf(c[2]),
                    String.valueOf(c[3]));
            String route = answer(c[0], "/r/" + c[1] + "?utm_source=x", c[2], c[3], code);
            String resource = answer(c[0], "/r/" + c[1] + "?utm_source=%78", c[2], c[3], code);
            assertEquals(resource, route, label);
        }
        // What the resource answered before issue 15 (status, headers in Java's order, body).
        assertEquals("""
                302
                cache-control: [no-store]
                content-length: [0]
                location: [https://shop.example/p?a=1&smclid=UUID#f]
                referrer-policy: [no-referrer-when-downgrade]
                set-cookie: [smv=V;Version=1;Path=/r;Max-Age=31536000;HttpOnly;SameSite=Lax]
                """, answer("GET", "/r/" + code, BROWSER, null, code));
        assertEquals("""
                302
                cache-control: [no-store]
                location: [https://shop.example/p?a=1&smclid=UUID#f]
                referrer-policy: [no-referrer-when-downgrade]
                """, answer("HEAD", "/r/" + code, BROWSER, null, code));
        assertEquals("""
                404
                content-length: [133]
                content-type: [application/problem+json]
                {"type":"https://socialroi.io/problems/not-found","title":"Not Found","status":404,"detail":"Tracked link CODE was not found"}""",
                answer("GET", "/r/" + unknown, BROWSER, null, unknown));
        assertEquals("""
                404
                content-type: [application/problem+json]
                """, answer("HEAD", "/r/" + unknown, BROWSER, null, unknown));
    }
}
