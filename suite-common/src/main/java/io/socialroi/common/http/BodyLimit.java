package io.socialroi.common.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.socialroi.common.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than {@code suite.http.max-body-size} with a 413 problem+json before any of it is
 * read. Quarkus' own limit ({@code quarkus.http.limits.max-body-size}, set higher) stays as the backstop
 * for chunked bodies without a length, where it answers a bare 413.
 */
@ApplicationScoped
public class BodyLimit {

    void install(@Observes Router router,
            @ConfigProperty(name = "suite.http.max-body-size", defaultValue = "1M") MemorySize limit) {
        long max = limit.asLongValue();
        String body = Json.encode(Problem.of(413, "payload-too-large", "Payload Too Large",
                "The request body exceeds " + max + " bytes"));
        router.route().order(-1000).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && exceeds(length, max)) {
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(body);
            } else {
                ctx.next();
            }
        });
    }

    private static boolean exceeds(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
