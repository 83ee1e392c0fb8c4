package io.socialroi.engagement.redirect;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.engagement.directory.PostDirectory;
import io.socialroi.engagement.directory.PostEntry;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public tracked link. Answers from the post directory (never from content-service) with a 302 carrying
 * {@code smclid}, the click id a later conversion refers to. A first-party visitor cookie ties repeat clicks
 * of one browser to one actor ({@code visitor:<uuid>}).
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

    public RedirectResource(PostDirectory directory, ClickRecorder recorder) {
        this.directory = directory;
        this.recorder = recorder;
    }

    @GET
    @Operation(summary = "Follow a tracked link", description = "302 to the destination with smclid=<clickId>. "
            + "HEAD, prefetches, link previews and crawlers are redirected but counted apart as bot traffic.")
    @APIResponse(responseCode = "302", description = "Redirect to the destination")
    @APIResponse(responseCode = "404", description = "Unknown code", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response follow(@PathParam("code") String code, @HeaderParam("User-Agent") String userAgent,
            @HeaderParam("Sec-Purpose") String secPurpose, @HeaderParam("Purpose") String purpose,
            @HeaderParam("X-Purpose") String xPurpose, @HeaderParam("X-Moz") String xMoz,
            @CookieParam(VISITOR_COOKIE) String visitor) throws SQLException {
        return answer(code, BotDetector.classify("GET", userAgent, secPurpose, purpose, xPurpose, xMoz), userAgent,
                visitor);
    }

    @HEAD
    @Operation(summary = "Check a tracked link without counting a click")
    @APIResponse(responseCode = "302", description = "Redirect to the destination")
    @APIResponse(responseCode = "404", description = "Unknown code", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response head(@PathParam("code") String code, @HeaderParam("User-Agent") String userAgent)
            throws SQLException {
        return answer(code, Optional.of("HEAD"), userAgent, null);
    }

    private Response answer(String code, Optional<String> botReason, String userAgent, String visitor)
            throws SQLException {
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
        UUID visitorId = parse(visitor);
        if (visitorId == null) {
            visitorId = UUID.randomUUID();
            response.cookie(new NewCookie.Builder(VISITOR_COOKIE).value(visitorId.toString()).path("/r")
                    .maxAge(ONE_YEAR).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build());
        }
        recorder.human(post, clickId, "visitor:" + visitorId);
        return response.build();
    }

    /** The destination with {@code smclid} added to its query; an existing query and fragment are kept. */
    static String withClickId(String destination, UUID clickId) {
        int hash = destination.indexOf('#');
        String base = hash < 0 ? destination : destination.substring(0, hash);
        String fragment = hash < 0 ? "" : destination.substring(hash);
        String separator = !base.contains("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return base + separator + "smclid=" + clickId + fragment;
    }

    private static UUID parse(String visitor) {
        if (visitor == null) {
            return null;
        }
        try {
            return UUID.fromString(visitor);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
