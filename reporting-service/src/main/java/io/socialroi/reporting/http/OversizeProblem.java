package io.socialroi.reporting.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.socialroi.common.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A chunked body (no Content-Length) that outgrows {@code quarkus.http.limits.max-body-size} is refused by
 * Quarkus while it is read, with a bare 413; suite-common's BodyLimit only sees declared lengths. This turns
 * that failure into the same 413 problem+json.
 */
@ApplicationScoped
public class OversizeProblem {

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        String body = Json.encode(Problem.of(413, "payload-too-large", "Payload Too Large",
                "The request body exceeds " + limit.asLongValue() + " bytes"));
        router.route().order(-1000).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(body);
            } else {
                ctx.next();
            }
        });
    }
}
