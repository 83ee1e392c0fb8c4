package io.socialroi.engagement.redirect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.socialroi.common.problem.Problem;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * The redirect's fast path (issue 15): {@code GET} and {@code HEAD /r/{code}} answered from a Vert.x route ahead
 * of RESTEasy, so a click pays neither the JAX-RS stack nor a thread of its own. The event loop reads what the
 * click needs (code, bot or person, visitor cookie, client address), queues it for {@link ClickBatcher} with a
 * deadline timer ({@code engagement.redirect.commit-wait}), and writes the answer when the batch (or the
 * deadline) delivers it. The answers are those {@link RedirectResource} gives, byte for byte in status, headers
 * and body (RedirectAnswersTest compares both paths).
 *
 * <p>Anything unusual is left to {@link RedirectResource} (the JAX-RS resource, which also keeps the OpenAPI
 * document of the operation): another method, a path that is not {@code /r/} and a code of the issued shape, or a
 * query with percent escapes or characters outside the plain ones, which the suite's parameter guard must judge
 * (a NUL or invalid UTF-8 is a 4xx there). Not traced per click: {@code quarkus.otel.traces.suppress-application-uris}.
 */
@ApplicationScoped
public class RedirectRoute {

    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    private static final CharSequence REFERRER_POLICY = HttpHeaders.createOptimized("Referrer-Policy");
    private static final CharSequence REFERRER_VALUE = HttpHeaders.createOptimized("no-referrer-when-downgrade");
    private static final CharSequence PROBLEM = HttpHeaders.createOptimized(Problem.MEDIA_TYPE);

    private final ClickBatcher batcher;
    private final ObjectMapper json;
    private final Vertx vertx;

    public RedirectRoute(ClickBatcher batcher, ObjectMapper json, Vertx vertx) {
        this.batcher = batcher;
        this.json = json;
        this.vertx = vertx;
    }

    void register(@Observes Router router) {
        router.route("/r/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpMethod method = request.method();
        boolean head = HttpMethod.HEAD.equals(method);
        String path = request.path();
        if (!head && !HttpMethod.GET.equals(method) || path == null || !path.startsWith("/r/")
                || !plainQuery(request.query())) {
            ctx.next();
            return;
        }
        String code = path.substring(3);
        if (!RedirectResource.CODE.matcher(code).matches()) {
            ctx.next();
            return;
        }
        MultiMap headers = request.headers();
        String userAgent = headers.get(HttpHeaders.USER_AGENT);
        String bot = head ? "HEAD" : BotDetector.classify("GET", userAgent, headers.get("Sec-Purpose"),
                headers.get("Purpose"), headers.get("X-Purpose"), headers.get("X-Moz")).orElse(null);
        String cookie = head ? null : cookie(headers.get(HttpHeaders.COOKIE));
        Context context = Vertx.currentContext();
        ClickBatcher.Pending[] self = new ClickBatcher.Pending[1];
        ClickBatcher.Pending pending = batcher.pending(
                new ClickBatcher.ClickRequest(code, bot, userAgent, cookie, RedirectResource.address(request)),
                answer -> context.runOnContext(v -> {
                    vertx.cancelTimer(self[0].timer);
                    write(ctx, answer);
                }));
        self[0] = pending;
        pending.timer = vertx.setTimer(batcher.commitWaitMillis(), t -> batcher.expire(pending));
        batcher.submit(pending);
    }

    private void write(RoutingContext ctx, ClickBatcher.Answer a) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        MultiMap headers = response.headers();
        response.setStatusCode(a.status());
        if (a.problem() == null) {
            headers.add(HttpHeaders.LOCATION, a.location());
            headers.add(HttpHeaders.CACHE_CONTROL, NO_STORE);
            headers.add(REFERRER_POLICY, REFERRER_VALUE);
            if (a.setCookie() != null) {
                headers.add(HttpHeaders.SET_COOKIE, a.setCookie());
            }
            response.end();
            return;
        }
        for (Map.Entry<String, String> h : a.headers().entrySet()) {
            headers.add(h.getKey(), h.getValue());
        }
        headers.add(HttpHeaders.CONTENT_TYPE, PROBLEM);
        try {
            response.end(Buffer.buffer(json.writeValueAsBytes(a.problem())));
        } catch (JsonProcessingException e) {
            Log.errorf(e, "Problem answer of the redirect not written");
            response.end();
        }
    }

    /**
     * A query the parameter guard has nothing to say about: absent, or only unreserved characters, sub-delimiters,
     * {@code :}, {@code @}, {@code /} and {@code ?} (e.g. {@code fbclid=IwAR...}, {@code utm_source=x}), no escapes.
     */
    static boolean plainQuery(String query) {
        if (query == null) {
            return true;
        }
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    /** The value of the visitor cookie in a Cookie header (the first one), or null. */
    static String cookie(String header) {
        if (header == null) {
            return null;
        }
        int from = 0;
        while (from < header.length()) {
            while (from < header.length() && (header.charAt(from) == ' ' || header.charAt(from) == ';')) {
                from++;
            }
            int end = header.indexOf(';', from);
            if (end < 0) {
                end = header.length();
            }
            if (header.startsWith(ClickBatcher.COOKIE + "=", from)) {
                String value = header.substring(from + ClickBatcher.COOKIE.length() + 1, end).trim();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
            from = end + 1;
        }
        return null;
    }
}
