package io.socialroi.common.net;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP client of every call to a URL a user configured. It resolves the host once through the
 * {@link OutboundGuard}, which checks every address, and connects to those checked addresses only (Vert.x's
 * {@code RequestOptions.server}); the name is used just for the Host header, TLS SNI and certificate
 * verification. So a name that resolves to a public address when configured and to an internal one when
 * called (DNS rebinding) is refused without a connection. Redirects are not followed (a public receiver
 * could otherwise point the call at an internal address). Failures are told to the caller in two generic
 * reasons, never "connection refused" or "timed out", which would map the internal network; the details go
 * to the log.
 */
@ApplicationScoped
public class OutboundHttp {

    /** The host resolves to an address the deployment does not permit; nothing was sent. */
    public static final String NOT_ALLOWED = "receiver address not allowed (not a public internet address)";
    /** Whatever went wrong below HTTP: no name, no connection, no TLS, no answer in time. */
    public static final String NO_ANSWER = "receiver could not be reached or did not answer in time";

    /** The receiver's HTTP status, or why there is none ({@link #NOT_ALLOWED} or {@link #NO_ANSWER}). */
    public record Answer(int status, String failure) {

        public boolean answered() {
            return failure == null;
        }
    }

    /**
     * A full answer: the status (0 with {@code failure} when there is none), the receiver's {@code Retry-After}
     * header as sent (null when absent) and its body, read up to {@link #MAX_BODY} bytes.
     */
    public record Exchange(int status, String failure, String retryAfter, String body) {

        public boolean answered() {
            return failure == null;
        }
    }

    /**
     * A full answer for the platform APIs that put what matters in headers (an upload session's {@code Location},
     * a created resource's id, a resumable upload's {@code Range}): the status (0 with {@code failure} when there is
     * none), every header by its lower-case name (first value), and the body, read up to the limit the caller set;
     * {@code truncated} when the body went past that limit (the rest was not read).
     */
    public record Response(int status, String failure, Map<String, String> headers, byte[] body, boolean truncated) {

        public boolean answered() {
            return failure == null;
        }

        /** The header's first value, or null; {@code name} in any case. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return body == null ? null : new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The most of an answer's body {@link #call} reads; the rest is dropped. */
    public static final int MAX_BODY = 256 * 1024;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final OutboundGuard guard;
    private final HttpClient client;

    @Inject
    public OutboundHttp(OutboundGuard guard, Vertx vertx) {
        this(guard, vertx, null);
    }

    /** With {@code trust} null the JDK's trusted certificates, as in production; tests name their own. */
    OutboundHttp(OutboundGuard guard, Vertx vertx, TrustOptions trust) {
        this.guard = guard;
        HttpClientOptions options = new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(false).setVerifyHost(true).setMaxRedirects(0).setMaxPoolSize(50)
                .setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        this.client = vertx.createHttpClient(trust == null ? options : options.setTrustOptions(trust));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * Sends one request and waits for the status line (the body of the answer is not read). Blocks: call it on
     * a worker or virtual thread, never on an event loop.
     */
    public Answer send(HttpMethod method, String url, Map<String, String> headers, byte[] body, Duration timeout) {
        Exchange answer = call(method, url, headers, body, timeout, false);
        return new Answer(answer.status(), answer.failure());
    }

    /**
     * Sends one request like {@link #send} and reads the answer's body too (at most {@link #MAX_BODY} bytes), for
     * calls whose answer matters (the ad platforms' APIs). Blocks: call it on a worker or virtual thread.
     */
    public Exchange call(HttpMethod method, String url, Map<String, String> headers, byte[] body, Duration timeout) {
        return call(method, url, headers, body, timeout, true);
    }

    /**
     * Sends one request like {@link #call} and answers headers too, reading at most {@code maxBody} bytes of the
     * answer's body (the rest is dropped and {@link Response#truncated} set): for platform APIs whose answers carry
     * headers that matter, and for fetching media to upload with a bounded size. Blocks: call it on a worker or
     * virtual thread.
     */
    public Response exchange(HttpMethod method, String url, Map<String, String> headers, byte[] body,
            Duration timeout, int maxBody) {
        return call(method, url, headers, body, timeout, maxBody);
    }

    private Exchange call(HttpMethod method, String url, Map<String, String> headers, byte[] body, Duration timeout,
            boolean readBody) {
        Response r = call(method, url, headers, body, timeout, readBody ? MAX_BODY : -1);
        return new Exchange(r.status(), r.failure(), r.header("Retry-After"), r.body() == null ? null : r.text());
    }

    private Response call(HttpMethod method, String url, Map<String, String> headers, byte[] body, Duration timeout,
            int maxBody) {
        URI uri = URI.create(url);
        boolean tls = "https".equals(uri.getScheme().toLowerCase(Locale.ROOT));
        String host = HostResolver.bare(uri.getHost());
        int port = uri.getPort() < 0 ? (tls ? 443 : 80) : uri.getPort();
        List<InetAddress> addresses;
        try {
            addresses = guard.resolve(host);
        } catch (OutboundGuard.RefusedAddressException e) {
            Log.warnf("Outgoing call to %s refused: %s", host, e.getMessage());
            return failed(NOT_ALLOWED);
        } catch (UnknownHostException e) {
            Log.infof("Outgoing call to %s: name not resolved (%s)", host, e.getMessage());
            return failed(NO_ANSWER);
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        for (InetAddress address : addresses) {
            RequestOptions options = new RequestOptions().setMethod(method).setHost(host).setPort(port).setSsl(tls)
                    .setURI(path).setFollowRedirects(false).setConnectTimeout(CONNECT_TIMEOUT.toMillis())
                    .setIdleTimeout(timeout.toMillis())
                    .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)));
            // A request without a header would meet a null header map in Vert.x's client (4.5): start from an empty one.
            options.setHeaders(io.vertx.core.MultiMap.caseInsensitiveMultiMap());
            headers.forEach(options::putHeader);
            HttpClientRequest request;
            try {
                request = await(client.request(options), CONNECT_TIMEOUT.plusSeconds(1));
            } catch (ExecutionException | TimeoutException e) {
                Log.infof("Outgoing call to %s (%s): no connection (%s)", host, address.getHostAddress(), cause(e));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed(NO_ANSWER);
            }
            return exchange(request, host, body, timeout, maxBody);
        }
        return failed(NO_ANSWER);
    }

    private static Response failed(String failure) {
        return new Response(0, failure, Map.of(), null, false);
    }

    private static Response exchange(HttpClientRequest request, String host, byte[] body, Duration timeout,
            int maxBody) {
        // What to do with the answer is set before the request is written, so it runs on the event loop as the answer
        // arrives, before any chunk of the body (set after send() it could run late on this thread, with the body
        // already gone by, and wait for an end that had passed); the body is kept up to MAX_BODY bytes only, so a
        // receiver that answers without end cannot fill the heap (the timeout ends the wait).
        Future<Object[]> answered = request.response().compose(r -> {
            if (maxBody < 0) {
                return Future.succeededFuture(new Object[] {r, null, false});
            }
            io.vertx.core.Promise<Object[]> done = io.vertx.core.Promise.promise();
            Buffer kept = Buffer.buffer();
            boolean[] over = {false};
            r.handler(chunk -> {
                int room = maxBody - kept.length();
                if (room > 0) {
                    kept.appendBuffer(chunk.length() <= room ? chunk : chunk.getBuffer(0, room));
                }
                if (chunk.length() > room) {
                    over[0] = true;
                    if (maxBody > MAX_BODY) {
                        // A large bounded read (media) past its limit: nothing more is wanted, stop now.
                        done.tryComplete(new Object[] {r, kept, true});
                    }
                }
            });
            r.exceptionHandler(done::tryFail);
            r.endHandler(v -> done.tryComplete(new Object[] {r, kept, over[0]}));
            return done.future();
        });
        if (body == null) {
            request.end();
        } else {
            request.end(Buffer.buffer(body));
        }
        try {
            Object[] pair = await(answered, timeout.plusSeconds(1));
            HttpClientResponse response = (HttpClientResponse) pair[0];
            Buffer received = (Buffer) pair[1];
            byte[] bytes = received == null ? null : received.getBytes(0, Math.min(received.length(), maxBody));
            Map<String, String> answerHeaders = new java.util.HashMap<>();
            response.headers().forEach(h -> answerHeaders.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT),
                    h.getValue()));
            response.request().connection().close();
            return new Response(response.statusCode(), null, Map.copyOf(answerHeaders), bytes, (Boolean) pair[2]);
        } catch (ExecutionException | TimeoutException e) {
            request.reset();
            Log.infof("Outgoing call to %s: no answer (%s)", host, cause(e));
            return failed(NO_ANSWER);
        } catch (InterruptedException e) {
            request.reset();
            Thread.currentThread().interrupt();
            return failed(NO_ANSWER);
        }
    }

    private static <T> T await(Future<T> future, Duration limit)
            throws ExecutionException, TimeoutException, InterruptedException {
        return future.toCompletionStage().toCompletableFuture().get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String cause(Exception e) {
        Throwable t = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
