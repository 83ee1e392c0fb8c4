package io.socialroi.content.account;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.post.Platform;
import io.socialroi.content.workspace.Workspaces;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A workspace's platform accounts, connected through each platform's OAuth 2.0 flow (see {@link Accounts}). */
@Path("/workspaces/{workspaceId}/accounts")
@Tag(name = "Accounts")
@RunOnVirtualThread
public class AccountResource {

    /** The connected accounts of a workspace. */
    public record AccountList(List<AccountView> items) {
    }

    private final WorkspaceAccess access;
    private final Accounts accounts;

    public AccountResource(WorkspaceAccess access, Accounts accounts) {
        this.access = access;
        this.accounts = accounts;
    }

    @GET
    @RolesAllowed(Scopes.CONTENT_READ)
    @Operation(operationId = "listAccounts", summary = "The workspace's connected platform accounts",
            description = "Status, permissions and expiry; tokens are never shown.")
    @APIResponse(responseCode = "200", description = "Accounts by platform")
    @APIResponse(responseCode = "404", description = "No such workspace", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AccountList list(@PathParam("workspaceId") UUID workspaceId) {
        access.require(workspaceId);
        Workspaces.require(workspaceId);
        List<PlatformAccount> all = PlatformAccount.list("workspaceId = ?1 order by platform", workspaceId);
        return new AccountList(all.stream().map(AccountView::of).toList());
    }

    @POST
    @Path("/{platform}/authorizations")
    @RolesAllowed(Scopes.CONTENT_WRITE)
    @Operation(operationId = "startAccountAuthorization", summary = "Start connecting a platform account",
            description = "Answers the platform's consent page to open in the browser. The platform sends the person "
                    + "back to content-service's /oauth/callback, which hands code and state to the web app; the web "
                    + "app completes with the same caller's token (completeAccountAuthorization). The state is bound to "
                    + "this workspace, platform and caller and usable once within suite.accounts.state-lifetime "
                    + "(10 minutes).")
    @APIResponse(responseCode = "201", description = "Where to send the person",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AuthorizationView.class)))
    @APIResponse(responseCode = "404", description = "No such workspace", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "This deployment has no OAuth app for the platform",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Unknown platform, or one without an OAuth flow (Telegram, Discord, "
            + "WhatsApp, e-mail, SMS, Quora)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response start(@PathParam("workspaceId") UUID workspaceId, @PathParam("platform") String platform) {
        access.require(workspaceId);
        Workspaces.require(workspaceId);
        return Response.status(201).entity(accounts.start(workspaceId, platform(platform), subject())).build();
    }

    @POST
    @Path("/{platform}/authorizations/complete")
    @RolesAllowed(Scopes.CONTENT_WRITE)
    @Operation(operationId = "completeAccountAuthorization", summary = "Finish connecting a platform account",
            description = "Exchanges the code the platform sent back (once) and keeps the tokens sealed. The caller "
                    + "must be the one who started the authorization.")
    @APIResponse(responseCode = "200", description = "The connected account",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "403", description = "The authorization was started by another caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The authorization was used already, or no OAuth app is "
            + "configured", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Unknown or expired state, or the platform refused the code "
            + "(errors name state or code)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "The platform's token endpoint did not answer; the same code may "
            + "be sent again", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AccountView complete(@PathParam("workspaceId") UUID workspaceId, @PathParam("platform") String platform,
            @Valid @NotNull CompleteRequest request) {
        access.require(workspaceId);
        Workspaces.require(workspaceId);
        return accounts.complete(workspaceId, platform(platform), subject(), request);
    }

    @GET
    @Path("/{platform}")
    @RolesAllowed(Scopes.CONTENT_READ)
    @Operation(operationId = "getAccount", summary = "A connected platform account")
    @APIResponse(responseCode = "200", description = "The account (without tokens)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "404", description = "No account connected for the platform",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AccountView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("platform") String platform) {
        access.require(workspaceId);
        PlatformAccount account = PlatformAccount.of(workspaceId, platform(platform));
        if (account == null) {
            throw ProblemException.notFound("Account for " + platform);
        }
        return AccountView.of(account);
    }

    @DELETE
    @Path("/{platform}")
    @RolesAllowed(Scopes.CONTENT_WRITE)
    @Transactional
    @Operation(operationId = "disconnectAccount", summary = "Disconnect a platform account",
            description = "Forgets its tokens here; revoking the app's access on the platform is done there.")
    @APIResponse(responseCode = "204", description = "Disconnected")
    @APIResponse(responseCode = "404", description = "No account connected for the platform",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response disconnect(@PathParam("workspaceId") UUID workspaceId, @PathParam("platform") String platform) {
        access.require(workspaceId);
        Platform p = platform(platform);
        if (PlatformAccount.delete("workspaceId = ?1 and platform = ?2", workspaceId, p) == 0) {
            throw ProblemException.notFound("Account for " + platform);
        }
        return Response.noContent().build();
    }

    private String subject() {
        String subject = access.subject();
        if (subject == null || subject.isBlank()) {
            throw ProblemException.forbidden("A token without a subject cannot connect accounts");
        }
        return subject;
    }

    private static Platform platform(String value) {
        return Params.enumValue("platform", value, Platform.class, null);
    }
}
