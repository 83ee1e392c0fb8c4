package io.socialroi.engagement.directory;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The post directory: content-service registers each post's campaign, platform, stage and tracked link
 * (CONTRACTS.md). A service-to-service endpoint: only a suite service's token (group {@code service}) is let in,
 * and writing also needs {@code engagement:write}, which only content-service's own tokens carry; a workspace
 * credential (whatever its scopes), a user or the agency admin gets 403, so nobody outside the suite can point a
 * tracked link elsewhere.
 */
@Path("/workspaces/{workspaceId}/posts/{postId}")
@Tag(name = "Post directory")
@RunOnVirtualThread
public class PostDirectoryResource {

    private final PostDirectory directory;
    private final WorkspaceAccess access;

    public PostDirectoryResource(PostDirectory directory, WorkspaceAccess access) {
        this.directory = directory;
        this.access = access;
    }

    @PUT
    @RolesAllowed(Scopes.SERVICE)
    @Operation(operationId = "putPostEntry",
            summary = "Register or update a post and its tracked link (idempotent; content-service only)",
            description = "Service token with group service and scope engagement:write only.")
    @APIResponse(responseCode = "200", description = "The stored entry")
    @APIResponse(responseCode = "400", description = "Malformed body", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not a suite service's token with engagement:write",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown workspace", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Link code used by another post",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PostEntry put(@PathParam("workspaceId") UUID workspaceId, @PathParam("postId") UUID postId,
            @Valid @NotNull PostEntryRequest request) throws SQLException {
        access.requireService(Scopes.ENGAGEMENT_WRITE);
        access.require(workspaceId);
        return directory.put(workspaceId, postId, request);
    }

    @GET
    @RolesAllowed(Scopes.SERVICE)
    @Operation(operationId = "getPostEntry", summary = "The directory entry of one post (service tokens only)")
    @APIResponse(responseCode = "200", description = "The entry")
    @APIResponse(responseCode = "403", description = "Not a suite service's token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown workspace or post",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PostEntry get(@PathParam("workspaceId") UUID workspaceId, @PathParam("postId") UUID postId)
            throws SQLException {
        access.require(workspaceId);
        return directory.find(workspaceId, postId).orElseThrow(() -> ProblemException.notFound("Post " + postId));
    }
}
