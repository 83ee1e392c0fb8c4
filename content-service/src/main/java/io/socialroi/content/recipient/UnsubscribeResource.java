package io.socialroi.content.recipient;

import io.socialroi.common.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The one-click unsubscribe link of every e-mail a workspace sends (RFC 8058), open without a token: the signed
 * token in the path ({@link UnsubscribeTokens}) is the capability. POST unsubscribes (mail clients send it with the
 * body {@code List-Unsubscribe=One-Click}; the page's button sends it too); GET only shows the page with that button,
 * because mail scanners and link previews fetch links, and a GET must not unsubscribe anyone.
 */
@Path("/unsubscribe/{token}")
@PermitAll
@Tag(name = "Unsubscribe")
public class UnsubscribeResource {

    private static final Map<String, String> HEADERS = Map.of("Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store", "X-Frame-Options", "DENY", "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                    + "frame-ancestors 'none'");

    private final UnsubscribeTokens tokens;
    private final Recipients recipients;

    public UnsubscribeResource(UnsubscribeTokens tokens, Recipients recipients) {
        this.tokens = tokens;
        this.recipients = recipients;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(summary = "The unsubscribe page", description = "Shows whether the address is subscribed, with a "
            + "button that unsubscribes it (a POST). Never unsubscribes by itself: mail scanners fetch links.")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "Not a link this deployment made")
    public Response show(@PathParam("token") String token) {
        UnsubscribeTokens.Subject s = subject(token);
        boolean subscribed = recipients.subscribed(s.workspaceId(), s.platform(), s.address());
        String body = subscribed
                ? "<p>" + escape(s.address()) + " receives these messages.</p><form method=\"post\"><button "
                        + "type=\"submit\" name=\"List-Unsubscribe\" value=\"One-Click\">Unsubscribe</button></form>"
                : "<p>" + escape(s.address()) + " is unsubscribed and receives no more of these messages.</p>";
        return page(subscribed ? "Unsubscribe" : "Unsubscribed", body);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(summary = "Unsubscribe (one click)", description = "RFC 8058 one-click unsubscribe: marks the address "
            + "unsubscribed for the workspace's messages of that platform; no more posts are sent to it. Idempotent; "
            + "any body (mail clients send List-Unsubscribe=One-Click) is ignored.")
    @APIResponse(responseCode = "200", description = "Unsubscribed", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "Not a link this deployment made")
    public Response unsubscribe(@PathParam("token") String token) {
        UnsubscribeTokens.Subject s = subject(token);
        recipients.unsubscribe(s.workspaceId(), s.platform(), s.address());
        return page("Unsubscribed", "<p>" + escape(s.address()) + " is unsubscribed and receives no more of these "
                + "messages.</p>");
    }

    private UnsubscribeTokens.Subject subject(String token) {
        return tokens.verify(token).orElseThrow(() -> ProblemException.notFound("Unsubscribe link"));
    }

    private static Response page(String title, String body) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width\"><title>" + title + "</title><style>body{font-family:system-ui,"
                + "sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}</style></head><body><h1>" + title
                + "</h1>" + body + "</body></html>";
        Response.ResponseBuilder r = Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("utf-8"));
        HEADERS.forEach(r::header);
        return r.build();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
