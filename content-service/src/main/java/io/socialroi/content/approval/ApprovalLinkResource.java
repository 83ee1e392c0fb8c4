package io.socialroi.content.approval;


import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.idempotency.Idempotent;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.auth.Secrets;
import io.socialroi.content.common.Bodies;
import io.socialroi.content.post.Post;
import io.socialroi.content.post.PostStatus;
import io.socialroi.content.workspace.Workspaces;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Creates the links a client opens without an account to approve or reject one post. */
@Path("/workspaces/{workspaceId}/posts/{postId}/approval-links")
@Tag(name = "Client approval")
public class ApprovalLinkResource {

    static final int DEFAULT_HOURS = 72;

    /** The created link; {@code url} carries the secret token and is shown only here. */
    public record CreatedLink(UUID id, UUID postId, String url, Instant expiresAt) {
    }

    @Context
    HttpHeaders headers;

    private final WorkspaceAccess access;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final String baseUrl;

    public ApprovalLinkResource(WorkspaceAccess access, ObjectMapper mapper, Validator validator,
            @ConfigProperty(name = "suite.approvals.base-url", defaultValue = "http://127.0.0.1:8081") String baseUrl) {
        this.access = access;
        this.mapper = mapper;
        this.validator = validator;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @POST
    @RolesAllowed(Scopes.CONTENT_WRITE)
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @Transactional
    @Operation(summary = "Create a client approval link", description = "For a post IN_REVIEW. The URL opens a page "
            + "showing the post with approve and reject buttons; it works once, for this post only, until expiresAt, "
            + "and only while the post is as it was when the link was made (an edit or a new submission needs a new "
            + "link).")
    @APIResponse(responseCode = "201", description = "The link",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreatedLink.class)))
    @APIResponse(responseCode = "409", description = "The post is not IN_REVIEW")
    @APIResponse(responseCode = "415", description = "A body was sent but not as application/json")
    public Response create(@PathParam("workspaceId") UUID workspaceId, @PathParam("postId") UUID postId,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApprovalLinkRequest.class))) byte[] body)
            throws java.io.IOException {
        access.require(workspaceId);
        Workspaces.require(workspaceId);
        ApprovalLinkRequest request = parse(body);
        Post post = Post.inWorkspace(workspaceId, postId);
        if (post == null) {
            throw ProblemException.notFound("Post " + postId);
        }
        if (post.status != PostStatus.IN_REVIEW) {
            throw ProblemException.conflict("Only a post IN_REVIEW can be sent for approval; this one is " + post.status);
        }
        int hours = request == null || request.expiresInHours() == null ? DEFAULT_HOURS : request.expiresInHours();
        String token = Secrets.random(32);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ApprovalLink link = new ApprovalLink();
        link.id = UUID.randomUUID();
        link.workspaceId = workspaceId;
        link.postId = postId;
        link.postRevision = post.revision;
        link.tokenHash = Secrets.hash(token);
        link.createdBy = access.subject();
        link.createdAt = now;
        link.expiresAt = now.plus(Duration.ofHours(hours));
        link.persist();
        String url = baseUrl + "/approvals/" + token;
        return Response.created(URI.create(url)).entity(new CreatedLink(link.id, postId, url, link.expiresAt)).build();
    }

    private ApprovalLinkRequest parse(byte[] body) throws java.io.IOException {
        if (Bodies.absent(body)) {
            return null;
        }
        ApprovalLinkRequest request = Bodies.read(mapper, body, ApprovalLinkRequest.class, headers.getMediaType());
        Set<ConstraintViolation<ApprovalLinkRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }
}
