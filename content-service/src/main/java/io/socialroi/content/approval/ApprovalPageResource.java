package io.socialroi.content.approval;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;

import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.problem.ProblemMappers;
import io.socialroi.content.auth.Secrets;
import io.socialroi.content.post.ActionRequest;
import io.socialroi.content.post.Post;
import io.socialroi.content.post.PostAction;
import io.socialroi.content.post.PostLifecycle;
import io.socialroi.content.workspace.Workspace;
import io.socialroi.content.workspace.Workspaces;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The page behind an approval link, open without a token: the token in the path is the capability. It
 * shows the one post and takes one decision; a browser gets errors as a page, any other client as
 * problem+json. The page sends no referrer, so the token never leaks to the hosts of the post's images.
 */
@Path("/approvals/{token}")
@PermitAll
@Tag(name = "Client approval")
public class ApprovalPageResource {

    static final String ACTOR = "client (approval link)";
    static final String POST_CHANGED = "The post changed after the link was made (edited, or rejected and submitted "
            + "again): nothing changed, a new link is needed";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final Map<String, String> HEADERS = Map.of("Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store", "X-Frame-Options", "DENY", "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", "default-src 'none'; img-src https: http:; style-src 'unsafe-inline'; "
                    + "form-action 'self'; frame-ancestors 'none'");

    private final PostLifecycle lifecycle;

    public ApprovalPageResource(PostLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @GET
    @Produces({MediaType.TEXT_HTML, "application/problem+json"})
    @Transactional
    @Operation(summary = "The approval page", description = "Shows the post (caption, media, platform, schedule) with "
            + "approve and reject buttons. 404 for an unknown link, 410 once used or expired, 409 once the post was "
            + "changed after the link was made (edited, or rejected and submitted again): a new link is needed.")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "No such link (an HTML page when the browser asks for HTML)",
            content = {@Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)),
                @Content(mediaType = MediaType.TEXT_HTML)})
    @APIResponse(responseCode = "409", description = POST_CHANGED,
            content = {@Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)),
                @Content(mediaType = MediaType.TEXT_HTML)})
    @APIResponse(responseCode = "410", description = "Used or expired",
            content = {@Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)),
                @Content(mediaType = MediaType.TEXT_HTML)})
    public Response show(@PathParam("token") String token, @HeaderParam("Accept") String accept) {
        ApprovalLink link = ApprovalLink.byTokenHash(Secrets.hash(token), false);
        Response refused = refusal(link, accept);
        if (refused != null) {
            return refused;
        }
        Workspace workspace = Workspaces.require(link.workspaceId);
        Post post = Post.inWorkspace(link.workspaceId, link.postId);
        if (post.revision != link.postRevision) {
            return failure(changed(), accept);
        }
        return html(200, ApprovalPage.render(workspace, post, link, WHEN));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.TEXT_HTML, "application/problem+json"})
    @Transactional
    @Operation(summary = "Approve or reject", description = "Form fields decision=APPROVE|REJECT and an optional "
            + "comment. Uses the link up: it works once, and only on the post as it was when the link was made.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = DecisionForm.class), example = "decision=REJECT&comment=Use+the+red+photo"))
    @APIResponse(responseCode = "200", description = "Decision recorded",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "No such link (an HTML page when the browser asks for HTML)",
            content = {@Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)),
                @Content(mediaType = MediaType.TEXT_HTML)})
    @APIResponse(responseCode = "409", description = "The post is no longer awaiting approval (type conflict), or "
            + "it changed after the link was made (type post-changed); nothing changed",
            content = {@Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)),
                @Content(mediaType = MediaType.TEXT_HTML)})
    @APIResponse(responseCode = "410", description = "Used or expired",
            content = {@Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)),
                @Content(mediaType = MediaType.TEXT_HTML)})
    @APIResponse(responseCode = "422", description = "Missing or unknown decision, comment too long",
            content = {@Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)),
                @Content(mediaType = MediaType.TEXT_HTML)})
    public Response decide(@PathParam("token") String token, @FormParam("decision") String decision,
            @FormParam("comment") String comment, @HeaderParam("Accept") String accept) {
        ApprovalLink link = ApprovalLink.byTokenHash(Secrets.hash(token), true);
        Response refused = refusal(link, accept);
        if (refused != null) {
            return refused;
        }
        PostAction action = "APPROVE".equalsIgnoreCase(decision) ? PostAction.APPROVE
                : "REJECT".equalsIgnoreCase(decision) ? PostAction.REJECT : null;
        if (action == null) {
            return failure(new Problem(Problem.TYPE_BASE + "validation", "Validation failed", 422,
                    "Choose approve or reject", List.of(new FieldError("decision", "must be APPROVE or REJECT"))), accept);
        }
        String note = comment == null || comment.isBlank() ? null : comment.trim();
        if (note != null && note.length() > 2000) {
            return failure(new Problem(Problem.TYPE_BASE + "validation", "Validation failed", 422,
                    "The comment is too long", List.of(new FieldError("comment", "at most 2000 characters"))), accept);
        }
        Workspace workspace = Workspaces.require(link.workspaceId);
        // Locked before the check, so an edit cannot slip in between the check and the decision.
        Post post = Post.lockedInWorkspace(link.workspaceId, link.postId);
        if (post.revision != link.postRevision) {
            return failure(changed(), accept);
        }
        try {
            lifecycle.move(workspace, link.postId, action, new ActionRequest(note, null), ACTOR);
        } catch (ProblemException e) {
            return failure(Problem.of(409, "conflict", "No longer awaiting approval",
                    "This post is no longer awaiting approval."), accept);
        }
        link.usedAt = Instant.now();
        link.decision = action.name();
        link.comment = note;
        String done = action == PostAction.APPROVE ? "approved" : "sent back with your comments";
        return html(200, Html.page("Thank you", "<h1>Thank you</h1><p>The post was " + done + ".</p>"));
    }

    /** The decision form, for the OpenAPI document. */
    @Schema(name = "ApprovalDecision")
    public record DecisionForm(@Schema(required = true, enumeration = {"APPROVE", "REJECT"}) String decision,
            @Schema(maxLength = 2000) String comment) {
    }

    private static Problem changed() {
        return Problem.of(409, "post-changed", "The post has changed", "The post was changed after this link was "
                + "made, so it may not be what you were sent to approve. Ask for a new link to see the current version.");
    }

    /** Null when the link may be used; otherwise the answer saying why not. */
    private static Response refusal(ApprovalLink link, String accept) {
        if (link == null) {
            return failure(Problem.of(404, "not-found", "Link not found", "This approval link does not exist."), accept);
        }
        if (link.usedAt != null) {
            return failure(Problem.of(410, "link-used", "Link already used",
                    "A decision was already made with this link."), accept);
        }
        if (!Instant.now().isBefore(link.expiresAt)) {
            return failure(Problem.of(410, "link-expired", "Link expired", "This approval link has expired."), accept);
        }
        return null;
    }

    private static Response failure(Problem problem, String accept) {
        if (accept != null && accept.contains(MediaType.TEXT_HTML)) {
            return html(problem.status(), Html.page(problem.title(), "<h1>" + Html.escape(problem.title()) + "</h1><p>"
                    + Html.escape(problem.detail()) + "</p>"));
        }
        return ProblemMappers.respond(problem, HEADERS);
    }

    private static Response html(int status, String page) {
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page);
        HEADERS.forEach(builder::header);
        return builder.build();
    }
}
