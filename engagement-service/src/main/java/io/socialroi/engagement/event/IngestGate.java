package io.socialroi.engagement.event;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.problem.Problem;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Guards {@code POST /workspaces/{ws}/events} before a byte of its body is read (issue 13): the bearer token is
 * verified and checked for {@code engagement:write} on the workspace first, so a caller without a valid token
 * gets its 401 (a wrong workspace its 404, a missing scope its 403) without the service buffering up to 32 MB
 * for it. Then the body's size (its Content-Length; a chunked body counts as the largest allowed) is reserved
 * from a per-replica budget of body bytes in flight, {@code engagement.ingest.memory-budget} (64 MB: two
 * maximal batches at once; a batch costs about its size again once parsed), of which one credential may hold at
 * most {@code engagement.ingest.credential-budget} (32 MB), so no single integration can take it all. Over the
 * budget: 503 problem+json {@code ingest-busy} with {@code Retry-After}; over the credential's share: 429 {@code
 * ingest-concurrency} with {@code Retry-After}; nothing is read or stored in either case. Many small batches at
 * once pass as before. The reservation is
 * returned when the answer has been sent or the connection closes. The resource still makes its own checks.
 */
@ApplicationScoped
public class IngestGate {

    static final String PATH = "/workspaces/([^/]+)/events/?";
    private static final String RETRY_AFTER = "1";

    private final JWTParser parser;
    private final long budget;
    private final long maxBody;
    private final long perCredential;
    private long inFlight;
    private final Map<String, Long> running = new ConcurrentHashMap<>();

    public IngestGate(JWTParser parser,
            @ConfigProperty(name = "engagement.ingest.memory-budget", defaultValue = "64M") MemorySize budget,
            @ConfigProperty(name = "suite.http.max-body-size", defaultValue = "1M") MemorySize maxBody,
            @ConfigProperty(name = "engagement.ingest.credential-budget", defaultValue = "32M")
            MemorySize perCredential) {
        this.parser = parser;
        this.budget = budget.asLongValue();
        this.maxBody = maxBody.asLongValue();
        this.perCredential = perCredential.asLongValue();
    }

    /** Before BodyLimit (order -1000), which reads a chunked body, and before the REST layer. */
    void install(@Observes Router router) {
        router.postWithRegex(PATH).order(-1100).handler(this::handle);
    }

    /** Body bytes of ingestions admitted and not yet answered on this replica; for tests and metrics. */
    public synchronized long inFlight() {
        return inFlight;
    }

    private void handle(RoutingContext ctx) {
        UUID workspace;
        try {
            workspace = UUID.fromString(ctx.pathParam("param0"));
        } catch (IllegalArgumentException | NullPointerException e) {
            refuse(ctx, Problem.of(404, "not-found", "Not Found", "Workspace was not found"), Map.of());
            return;
        }
        JsonWebToken token = verify(ctx.request().getHeader("Authorization"));
        if (token == null) {
            refuse(ctx, Problem.of(401, "unauthorized", "Unauthorized", "A valid bearer token is required"),
                    Map.of("WWW-Authenticate", "Bearer"));
            return;
        }
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
        if (!groups.contains(Scopes.ENGAGEMENT_WRITE)) {
            refuse(ctx, Problem.of(403, "forbidden", "Forbidden", "The token lacks the scope this operation needs"),
                    Map.of());
            return;
        }
        if (!WorkspaceAccess.canSee(token, workspace)) {
            refuse(ctx, Problem.of(404, "not-found", "Not Found", "Workspace " + workspace + " was not found"),
                    Map.of());
            return;
        }
        long size = Math.min(declaredSize(ctx), Math.min(maxBody, Math.min(budget, perCredential)));
        String credential = token.getSubject() == null ? "" : token.getSubject();
        if (!enter(credential, size)) {
            refuse(ctx, Problem.of(429, "ingest-concurrency", "Too Many Requests", "This credential's ingestions "
                    + "in flight already hold its share of the memory budget (" + perCredential + " bytes); send the "
                    + "next batch when one has been answered"), Map.of("Retry-After", RETRY_AFTER));
            return;
        }
        if (!reserve(size)) {
            leave(credential, size);
            refuse(ctx, Problem.of(503, "ingest-busy", "Service Unavailable", "Ingestion is at its memory budget; "
                    + "nothing was read or stored. Retry after the delay."), Map.of("Retry-After", RETRY_AFTER));
            return;
        }
        AtomicBoolean done = new AtomicBoolean();
        // Called once the answer is sent, or when the connection closes before that.
        ctx.addEndHandler(v -> {
            if (done.compareAndSet(false, true)) {
                unreserve(size);
                leave(credential, size);
            }
        });
        ctx.next();
    }

    private boolean enter(String credential, long size) {
        boolean[] admitted = {false};
        running.compute(credential, (k, held) -> {
            long now = held == null ? 0 : held;
            if (now + size > perCredential) {
                return held;
            }
            admitted[0] = true;
            return now + size;
        });
        return admitted[0];
    }

    private void leave(String credential, long size) {
        running.computeIfPresent(credential, (k, held) -> held - size <= 0 ? null : held - size);
    }

    private JsonWebToken verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        try {
            return parser.parse(authorization.substring(7).trim());
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    private long declaredSize(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length == null) {
            return maxBody;
        }
        try {
            return Math.max(0, Long.parseLong(length.trim()));
        } catch (NumberFormatException e) {
            return maxBody;
        }
    }

    private synchronized boolean reserve(long size) {
        if (inFlight + size > budget) {
            return false;
        }
        inFlight += size;
        return true;
    }

    private synchronized void unreserve(long size) {
        inFlight -= size;
    }

    private static void refuse(RoutingContext ctx, Problem problem, Map<String, String> headers) {
        HttpServerResponse response = ctx.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        // The body is not read: on HTTP/1.x the connection is closed after the answer, as BodyLimit does.
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            response.putHeader("Connection", "close");
        }
        response.end(Json.encode(problem));
    }
}
