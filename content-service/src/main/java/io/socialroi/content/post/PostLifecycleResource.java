package io.socialroi.content.post;


import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.problem.Problem;
import io.socialroi.content.common.Bodies;
import io.socialroi.content.workspace.Workspace;
import io.socialroi.content.workspace.Workspaces;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Transactional;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The lifecycle moves of a post. Each answers the post after the move; a move not allowed from the post's
 * status is a 409 that changes nothing. The optional body carries a comment for the history.
 */
@Path("/workspaces/{workspaceId}/posts/{postId}")
@Tag(name = "Post lifecycle")
@RolesAllowed(Scopes.CONTENT_WRITE)
@Consumes(MediaType.WILDCARD)
@APIResponse(responseCode = "200", description = "The post after the move",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = PostView.class)))
@APIResponse(responseCode = "409", description = "Not allowed in the post's current status; nothing changed")
@APIResponse(responseCode = "415", description = "A body was sent but not as application/json")
public class PostLifecycleResource {

    @Context
    HttpHeaders headers;

    private final WorkspaceAccess access;
    private final PostLifecycle lifecycle;
    private final PostViews views;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final MediaProbe probe;

    public PostLifecycleResource(WorkspaceAccess access, PostLifecycle lifecycle, PostViews views, ObjectMapper mapper,
            Validator validator, MediaProbe probe) {
        this.probe = probe;
        this.access = access;
        this.lifecycle = lifecycle;
        this.views = views;
        this.mapper = mapper;
        this.validator = validator;
    }

    @POST
    @Path("/submit")
    @Operation(summary = "Submit for review", description = "DRAFT -> IN_REVIEW. 422 with field errors (caption, "
            + "mediaUrls) when the platform would not take the post: caption length, number and type of media "
            + "(see the content-service README, Platform rules); nothing changes then.")
    @APIResponse(responseCode = "422", description = "The platform's rules refuse the post (errors on caption or "
            + "mediaUrls); nothing changed")
    public PostView submit(@PathParam("workspaceId") UUID ws, @PathParam("postId") UUID id,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActionRequest.class))) byte[] body) throws java.io.IOException {
        return moveLookingAtMedia(ws, id, PostAction.SUBMIT, body);
    }

    @POST
    @Path("/approve")
    @Transactional
    @Operation(summary = "Approve", description = "IN_REVIEW -> APPROVED; sends the post.approved webhook")
    public PostView approve(@PathParam("workspaceId") UUID ws, @PathParam("postId") UUID id,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActionRequest.class))) byte[] body) throws java.io.IOException {
        return move(ws, id, PostAction.APPROVE, body);
    }

    @POST
    @Path("/reject")
    @Transactional
    @Operation(summary = "Reject", description = "IN_REVIEW or APPROVED -> DRAFT, with the reviewer's comment")
    public PostView reject(@PathParam("workspaceId") UUID ws, @PathParam("postId") UUID id,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActionRequest.class))) byte[] body) throws java.io.IOException {
        return move(ws, id, PostAction.REJECT, body);
    }

    @POST
    @Path("/schedule")
    @Operation(summary = "Schedule", description = "APPROVED -> SCHEDULED at scheduledAt (body or the post's). "
            + "A local date-time is read in the workspace's zone: a time in the daylight-saving gap moves forward by "
            + "the gap, a time that occurs twice is its earlier occurrence. 422 when missing or in the past, or when the "
            + "platform's rules refuse the post (errors on caption or mediaUrls, as for submit).")
    @APIResponse(responseCode = "422", description = "scheduledAt missing or in the past, or the platform's rules "
            + "refuse the post (errors on caption or mediaUrls); nothing changed")
    public PostView schedule(@PathParam("workspaceId") UUID ws, @PathParam("postId") UUID id,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActionRequest.class))) byte[] body) throws java.io.IOException {
        return moveLookingAtMedia(ws, id, PostAction.SCHEDULE, body);
    }

    @POST
    @Path("/unschedule")
    @Transactional
    @Operation(summary = "Unschedule", description = "SCHEDULED -> APPROVED")
    public PostView unschedule(@PathParam("workspaceId") UUID ws, @PathParam("postId") UUID id,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActionRequest.class))) byte[] body) throws java.io.IOException {
        return move(ws, id, PostAction.UNSCHEDULE, body);
    }

    @POST
    @Path("/retry")
    @Transactional
    @Operation(summary = "Retry publishing", description = "FAILED -> SCHEDULED for now, attempts start again; the "
            + "delivery id stays the same so a receiver can recognise the post")
    public PostView retry(@PathParam("workspaceId") UUID ws, @PathParam("postId") UUID id,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActionRequest.class))) byte[] body) throws java.io.IOException {
        return move(ws, id, PostAction.RETRY, body);
    }

    @POST
    @Path("/mark-published")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Mark a hand-off published", description = "AWAITING_HANDOFF -> PUBLISHED: a person posted "
            + "the hand-off (Quora has no posting API) and gives its URL, kept as the post's permalink. Sends the "
            + "post.published webhook. 422 unless url is https on the platform's host (quora.com or a *.quora.com "
            + "Space); 409 in any other status; nothing changes then.")
    @APIResponse(responseCode = "422", description = "url missing, not https or not on the platform's host")
    public PostView markPublished(@PathParam("workspaceId") UUID ws, @PathParam("postId") UUID id,
            @Valid @NotNull MarkPublishedRequest request) {
        access.require(ws);
        Workspace workspace = Workspaces.require(ws);
        Post post = lifecycle.markPublished(workspace, id, request, access.subject());
        return views.of(post, Workspaces.zone(workspace));
    }

    /**
     * Submit and schedule look at the post's media as the platform will fetch them ({@link MediaRules}): the media
     * URLs are probed first, outside any transaction, so no row stays locked while another server is asked; the
     * move then runs in its own transaction and checks what was learned.
     */
    private PostView moveLookingAtMedia(UUID workspaceId, UUID postId, PostAction action, byte[] body)
            throws java.io.IOException {
        access.require(workspaceId);
        ActionRequest request = parse(body);
        java.util.List<String> media = QuarkusTransaction.requiringNew().call(() -> {
            Post post = Post.inWorkspace(workspaceId, postId);
            return post == null || post.mediaUrls == null || !MediaRules.applies(post.platform)
                    ? java.util.List.<String>of() : java.util.List.copyOf(post.mediaUrls);
        });
        probe.warm(media);
        return QuarkusTransaction.requiringNew().call(() -> {
            Workspace workspace = Workspaces.require(workspaceId);
            Post post = lifecycle.move(workspace, postId, action, request, access.subject());
            return views.of(post, Workspaces.zone(workspace));
        });
    }

    private PostView move(UUID workspaceId, UUID postId, PostAction action, byte[] body)
            throws java.io.IOException {
        access.require(workspaceId);
        Workspace workspace = Workspaces.require(workspaceId);
        Post post = lifecycle.move(workspace, postId, action, parse(body), access.subject());
        return views.of(post, Workspaces.zone(workspace));
    }

    /**
     * The body is optional (a bare POST is the usual call), so it is read here rather than by a JSON reader. It is
     * parsed from its bytes, so invalid UTF-8 is refused rather than silently replaced; a JSON {@code null} body
     * is refused too, as a body that is there must be an object.
     */
    private ActionRequest parse(byte[] body) throws java.io.IOException {
        if (Bodies.absent(body)) {
            return null;
        }
        ActionRequest request = Bodies.read(mapper, body, ActionRequest.class, headers.getMediaType());
        Set<ConstraintViolation<ActionRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }
}
