package io.socialroi.content.account;

import io.socialroi.common.text.StorableText;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import io.socialroi.common.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The redirect URI registered with every platform's app. The browser arrives here from the platform's consent page
 * with {@code code} and {@code state} (or {@code error}); nothing is exchanged here, since the browser carries no
 * token of ours: it is sent on to the web app with them in the fragment (never in a server log or a Referer), and
 * the web app completes with the signed-in person's token, so the state's binding to that person is checked.
 */
@Path("/oauth/callback")
@Tag(name = "Accounts")
public class OAuthCallbackResource {

    private final OAuthSettings settings;

    public OAuthCallbackResource(OAuthSettings settings) {
        this.settings = settings;
    }

    @GET
    @PermitAll
    @Operation(operationId = "oauthCallback", summary = "Where a platform's consent page sends the browser back",
            description = "303 to the web app's accounts page with code and state (or the platform's error) in the "
                    + "URL fragment; the web app then calls completeAccountAuthorization.")
    @APIResponse(responseCode = "303", description = "On to the web app")
    @APIResponse(responseCode = "400", description = "A query parameter that is not text (a NUL, invalid UTF-8)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error, @QueryParam("error_description") String description) {
        StringBuilder fragment = new StringBuilder("#accounts");
        String separator = "?";
        for (String[] pair : new String[][] {{"state", state}, {"code", code}, {"error", error},
            {"error_description", description}}) {
            if (pair[1] != null && !pair[1].isBlank() && pair[1].length() <= 4000 && StorableText.storable(pair[1])) {
                fragment.append(separator).append(pair[0]).append('=')
                        .append(URLEncoder.encode(pair[1], StandardCharsets.UTF_8));
                separator = "&";
            }
        }
        // The Location as written: URI-building would encode the escapes of the fragment a second time.
        return Response.status(Response.Status.SEE_OTHER).header("Location", settings.appUrl() + fragment)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").build();
    }
}
