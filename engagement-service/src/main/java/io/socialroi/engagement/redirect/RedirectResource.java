package io.socialroi.engagement.redirect;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.problem.ProblemMappers;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public tracked link. Answers from the post directory (never from content-service) with a 302 carrying
 * {@code smclid}, the click id a later conversion refers to. A signed first-party visitor cookie ties repeat
 * clicks of one browser to one actor per workspace ({@code visitor:<uuid>}, {@link VisitorIds}); one click per
 * visitor, link and window counts, and floods from one address are not counted ({@link ClickCounter}).
 *
 * <p>Since issue 15 most clicks never reach this class: {@link RedirectRoute} answers them on a Vert.x route ahead
 * of RESTEasy. This resource answers the rest (see there) through the same {@link ClickBatcher}, and describes the
 * operation in the OpenAPI document.
 */
@Path("/r/{code}")
@Tag(name = "Tracked links")
@RunOnVirtualThread
public class RedirectResource {

    static final String VISITOR_COOKIE = ClickBatcher.COOKIE;
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{4,64}");

    private final ClickBatcher batcher;

    public RedirectResource(ClickBatcher batcher) {
        this.batcher = batcher;
    }

    @GET
    @Operation(summary = "Follow a tracked link", description = "302 to the destination with smclid=<clickId>. "
            + "HEAD, prefetches, link previews and crawlers are redirected but counted apart as bot traffic.")
    @APIResponse(responseCode = "302", description = "Redirect to the destination")
    @APIResponse(responseCode = "404", description = "Unknown code", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response follow(@PathParam("code") String code, @HeaderParam("User-Agent") String userAgent,
            @HeaderParam("Sec-Purpose") String secPurpose, @HeaderParam("Purpose") String purpose,
            @HeaderParam("X-Purpose") String xPurpose, @HeaderParam("X-Moz") String xMoz,
            @CookieParam(VISITOR_COOKIE) String visitor, @Context HttpServerRequest request) {
        return answer(code, BotDetector.classify("GET", userAgent, secPurpose, purpose, xPurpose, xMoz).orElse(null),
                userAgent, visitor, address(request));
    }

    @HEAD
    @Operation(summary = "Check a tracked link without counting a click")
    @APIResponse(responseCode = "302", description = "Redirect to the destination")
    @APIResponse(responseCode = "404", description = "Unknown code", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response head(@PathParam("code") String code, @HeaderParam("User-Agent") String userAgent) {
        return answer(code, "HEAD", userAgent, null, null);
    }

    /**
     * Requests {@link RedirectRoute} leaves to JAX-RS (a query with escapes, a code of another shape, a trailing
     * slash) are answered here, through the same {@link ClickBatcher} and so with the same answers.
     */
    private Response answer(String code, String botReason, String userAgent, String visitor, String address) {
        if (code == null || !CODE.matcher(code).matches()) {
            // Not a code this service ever issues (TrackedLink's pattern): no lookup, and no echo of the input.
            throw ProblemException.notFound("Tracked link");
        }
        CompletableFuture<ClickBatcher.Answer> answer = new CompletableFuture<>();
        ClickBatcher.Pending pending = batcher.pending(
                new ClickBatcher.ClickRequest(code, botReason, userAgent, visitor, address), answer::complete);
        batcher.submit(pending);
        try {
            return response(answer.get(batcher.commitWaitMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            batcher.expire(pending);
            return response(answer.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            batcher.expire(pending);
            return response(answer.join());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Response response(ClickBatcher.Answer a) {
        if (a.problem() != null) {
            return ProblemMappers.respond(a.problem(), a.headers());
        }
        Response.ResponseBuilder response = Response.status(Response.Status.FOUND).location(URI.create(a.location()))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer-when-downgrade");
        if (a.setCookie() != null) {
            response.header("Set-Cookie", a.setCookie());
        }
        return response.build();
    }

    /**
     * The client's address as Vert.x resolved it: behind a proxy the forwarded one once the deployment trusts it
     * ({@code quarkus.http.proxy.*}), else the connection's peer.
     */
    static String address(HttpServerRequest request) {
        if (request == null || request.remoteAddress() == null) {
            return "";
        }
        return request.remoteAddress().hostAddress();
    }

    /** The destination with {@code smclid} added to its query; an existing query and fragment are kept. */
    static String withClickId(String destination, UUID clickId) {
        int hash = destination.indexOf('#');
        String base = hash < 0 ? destination : destination.substring(0, hash);
        String fragment = hash < 0 ? "" : destination.substring(hash);
        String separator = !base.contains("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return base + separator + "smclid=" + clickId + fragment;
    }

}
