package io.socialroi.conversion.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.socialroi.common.problem.Problem;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The body limit for bodies sent without a Content-Length (chunked), which suite-common's BodyLimit cannot
 * judge before reading: such a body is read up to {@code suite.http.max-body-size}, and one larger is
 * refused with the same 413 problem+json as a sized one, instead of a cut-off body or a dropped connection.
 */
@ApplicationScoped
public class ChunkedBodyLimit {

    static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    void install(@Observes Router router,
            @ConfigProperty(name = "suite.http.max-body-size", defaultValue = "1M") MemorySize limit) {
        long max = limit.asLongValue();
        String body = Json.encode(Problem.of(413, "payload-too-large", "Payload Too Large",
                "The request body exceeds " + max + " bytes"));
        BodyHandler reader = BodyHandler.create(false).setBodyLimit(max).setHandleFileUploads(false);
        router.route().order(-999).handler(ctx -> {
            boolean chunked = ctx.request().getHeader("Content-Length") == null
                    && WITH_BODY.contains(ctx.request().method());
            if (chunked) {
                reader.handle(ctx);
            } else {
                ctx.next();
            }
        }).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(body);
            } else {
                ctx.next();
            }
        });
    }
}
