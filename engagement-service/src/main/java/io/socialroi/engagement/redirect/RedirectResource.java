package io.socialroi.engagement.redirect;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.engagement.directory.PostDirectory;
import io.socialroi.engagement.directory.PostEntry;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public tracked link. Answers from the post directory (never from content-service) with a 302 carrying
 * {@code smclid}, the click id a later conversion refers to. A signed first-party visitor cookie ties repeat
 * clicks of one browser to one actor per workspace ({@code visitor:<uuid>}, {@link VisitorIds}); one click per
 * visitor, link and window counts, and floods from one address are not counted ({@link ClickCounter}).
 */
@Path("/r/{code}")
@Tag(name = "Tracked links")
@RunOnVirtualThread
public class RedirectResource {

    static final String VISITOR_COOKIE = "smv";
    private static final int ONE_YEAR = 365 * 24 * 3600;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{4,64}");

    private final PostDirectory directory;
    private final ClickRecorder recorder;
    private final VisitorIds visitors;
    private final ClickCounter counter;
    private final boolean secureCookie;

    public RedirectResource(PostDirectory directory, ClickRecorder recorder, VisitorIds visitors, ClickCounter counter,
            @ConfigProperty(name = "engagement.redirect.secure-cookie", defaultValue = "false") boolean secureCookie) {
        this.directory = directory;
        this.recorder = recorder;
        this.visitors = visitors;
        this.counter = counter;
        this.secureCookie = secureCookie;
    }

    @GET
    @Operation(summary = "Follow a tracked link", description = "302 to the destination with smclid=<clickId>. "
            + "HEAD, prefetches, link previews and crawlers are redirected but counted apart as bot traffic.")
    @APIResponse(responseCode = "302", description = "Redirect to the destination")
    @APIResponse(responseCode = "404", description = "Unknown code", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response follow(@PathParam("code") String code, @HeaderParam("User-Agent") String userAgent,
            @HeaderParam("Sec-Purpose") String secPurpose, @HeaderParam("Purpose") String purpose,
            @HeaderParam("X-Purpose") String xPurpose, @HeaderParam("X-Moz") String xMoz,
            @CookieParam(VISITOR_COOKIE) String visitor, @Context HttpServerRequest request) throws SQLException {
        return answer(code, BotDetector.classify("GET", userAgent, secPurpose, purpose, xPurpose, xMoz), userAgent,
                visitor, address(request));
    }

    @HEAD
    @Operation(summary = "Check a tracked link without counting a click")
    @APIResponse(responseCode = "302", description = "Redirect to the destination")
    @APIResponse(responseCode = "404", description = "Unknown code", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response head(@PathParam("code") String code, @HeaderParam("User-Agent") String userAgent)
            throws SQLException {
        return answer(code, Optional.of("HEAD"), userAgent, null, null);
    }

    private Response answer(String code, Optional<String> botReason, String userAgent, String visitor,
            String address) throws SQLException {
        if (code == null || !CODE.matcher(code).matches()) {
            // Not a code this service ever issues (TrackedLink's pattern): no lookup, and no echo of the input.
            throw ProblemException.notFound("Tracked link");
        }
        PostEntry post = directory.byCode(code).filter(p -> p.trackedLink() != null)
                .orElseThrow(() -> ProblemException.notFound("Tracked link " + code));
        UUID clickId = UUID.randomUUID();
        Response.ResponseBuilder response = Response.status(Response.Status.FOUND)
                .location(URI.create(withClickId(post.trackedLink().destination(), clickId)))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer-when-downgrade");
        if (botReason.isPresent()) {
            recorder.bot(post, botReason.get(), userAgent);
            return response.build();
        }
        Optional<VisitorIds.Visitor> known = visitors.of(visitor);
        if (known.isEmpty()) {
            // No visitor key (database unreachable since start): redirected, not counted.
            return response.build();
        }
        if (known.get().issued()) {
            response.cookie(new NewCookie.Builder(VISITOR_COOKIE).value(known.get().cookie()).path("/r")
                    .maxAge(ONE_YEAR).httpOnly(true).secure(secureCookie).sameSite(NewCookie.SameSite.LAX).build());
        }
        ClickCounter.Click click = counter.click(post, known.get(), address, Instant.now());
        response.location(URI.create(withClickId(post.trackedLink().destination(), click.clickId())));
        if (click.count() && recorder.human(post, click.clickId(), click.actorId())) {
            counter.stored(click.clickId());
        }
        return response.build();
    }

    /**
     * The client's address as Vert.x resolved it: behind a proxy the forwarded one once the deployment trusts it
     * ({@code quarkus.http.proxy.*}), else the connection's peer.
     */
    private static String address(HttpServerRequest request) {
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
