package io.socialroi.engagement.script;

import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The first-party click script a client's shop loads ({@code <script src=".../s/<workspace>.js">}): it keeps the
 * {@code smclid} the redirect appended to the landing URL in the cookie and localStorage entry
 * {@code smclid_<workspace>} and hands it to forms, the Shopify cart and Stripe Payment Links, so orders carry it
 * (template {@code click-script/smclid.js}). Public: pages of any site load it without a token. It reads nothing
 * stored, so any well-formed workspace id gets its script and the answer says nothing about which workspaces exist.
 */
@Path("/s/{workspaceId}.js")
@Tag(name = "Tracked links")
public class ClickScriptResource {

    public static final String MEDIA_TYPE = "text/javascript; charset=utf-8";
    /** conversion-service's default attribution lookback, and its capture window (the most it can use). */
    static final int DEFAULT_LOOKBACK_DAYS = 30;
    static final int MAX_LOOKBACK_DAYS = 90;
    static final String CACHE_CONTROL = "public, max-age=3600";

    private static final Pattern WORKSPACE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DAYS = Pattern.compile("[0-9]{1,3}");
    private static final String TEMPLATE = template();

    @GET
    @Operation(summary = "The click script for a workspace's shop pages",
            description = "JavaScript to include on every page of the shop (no token; any site may load it). It keeps "
                    + "the smclid of the landing URL in the first-party cookie and localStorage entry "
                    + "smclid_<workspaceId> for lookbackDays, fills hidden inputs named smclid (and adds one to forms "
                    + "marked data-smclid), posts the Shopify cart attribute smclid (script attribute "
                    + "data-shopify-cart), adds client_reference_id=smclid_<id> to Stripe Payment Links "
                    + "(data-stripe-links), and exposes window.SocialRoi.clickId(). The same for every well-formed "
                    + "workspace id: it reveals nothing about which workspaces exist.")
    @APIResponse(responseCode = "200", description = "The script",
            content = @Content(mediaType = "text/javascript",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 16384)),
            headers = {
                @Header(name = "ETag", description = "Changes with the script's bytes",
                        schema = @Schema(type = SchemaType.STRING, maxLength = 34, pattern = "^\"[0-9a-f]{32}\"$")),
                @Header(name = "Cache-Control", description = "How long shops' visitors may keep it",
                        schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = "^public, max-age=[0-9]+$"))})
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched the ETag)")
    @APIResponse(responseCode = "404", description = "Not a workspace id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "lookbackDays is not a whole number from 1 to 90",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response script(
            @Parameter(description = "The workspace whose links brought the visitor",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("workspaceId") String workspaceId,
            @Parameter(description = "Days the click id is kept (1 to 90; default 30, the attribution lookback)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "90", defaultValue = "30"))
            @QueryParam("lookbackDays") String lookbackDays,
            @Context Request request) {
        if (workspaceId == null || !WORKSPACE.matcher(workspaceId).matches()) {
            // No echo of the input, and no lookup: the script of a well-formed id is served whoever owns it.
            throw ProblemException.notFound("Click script");
        }
        String body = render(workspaceId.toLowerCase(Locale.ROOT), lookback(lookbackDays));
        EntityTag tag = new EntityTag(etag(body));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(body, MEDIA_TYPE);
        return answer.tag(tag).header("Cache-Control", CACHE_CONTROL).header("X-Content-Type-Options", "nosniff")
                // Shops that isolate their pages (COEP) may still load it.
                .header("Cross-Origin-Resource-Policy", "cross-origin").build();
    }

    static int lookback(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LOOKBACK_DAYS;
        }
        if (DAYS.matcher(value).matches()) {
            int days = Integer.parseInt(value);
            if (days >= 1 && days <= MAX_LOOKBACK_DAYS) {
                return days;
            }
        }
        throw ProblemException.invalid("lookbackDays", "must be a whole number from 1 to " + MAX_LOOKBACK_DAYS);
    }

    /** The template with the workspace (a validated lower-case UUID) and the days (a number) filled in. */
    static String render(String workspace, int lookbackDays) {
        return TEMPLATE.replace("{{name}}", "smclid_" + workspace).replace("{{workspace}}", workspace)
                .replace("{{lookbackDays}}", Integer.toString(lookbackDays));
    }

    private static String etag(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String template() {
        try (InputStream in = ClickScriptResource.class.getResourceAsStream("/click-script/smclid.js")) {
            if (in == null) {
                throw new IllegalStateException("click-script/smclid.js is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
