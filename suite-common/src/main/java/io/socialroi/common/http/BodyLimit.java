package io.socialroi.common.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.socialroi.common.problem.Problem;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than {@code suite.http.max-body-size} with a 413 problem+json. A body with a
 * Content-Length is judged before any of it is read; a chunked one (no length) is read up to the limit and
 * refused with the same answer when it goes beyond, instead of a cut-off body or a dropped connection.
 * Quarkus' own limit ({@code quarkus.http.limits.max-body-size}, set at least as high) stays as the backstop.
 */
@ApplicationScoped
public class BodyLimit {

    static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    void install(@Observes Router router,
            @ConfigProperty(name = "suite.http.max-body-size", defaultValue = "1M") MemorySize limit) {
        long max = limit.asLongValue();
        String body = Json.encode(Problem.of(413, "payload-too-large", "Payload Too Large",
                "The request body exceeds " + max + " bytes"));
        BodyHandler reader = BodyHandler.create(false).setBodyLimit(max).setHandleFileUploads(false);
        router.route().order(-1000).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && exceeds(length, max)) {
                refuse(ctx, body);
            } else if (length == null && WITH_BODY.contains(ctx.request().method())) {
                reader.handle(ctx);
            } else {
                ctx.next();
            }
        }).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                refuse(ctx, body);
            } else {
                ctx.next();
            }
        });
    }

    /**
     * The 413. On HTTP/1.x the connection is closed too, since the rest of the body will not be read; HTTP/2
     * has no such header (a stream reset does that job).
     */
    private static void refuse(RoutingContext ctx, String body) {
        HttpServerResponse response = ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            response.putHeader("Connection", "close");
        }
        response.end(body);
    }

    private static boolean exceeds(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
