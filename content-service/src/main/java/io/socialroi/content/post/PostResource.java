package io.socialroi.content.post;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.idempotency.Idempotent;
import io.socialroi.common.paging.Page;
import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.common.Cursor;
import io.socialroi.content.common.JsonMerge;
import io.socialroi.content.workspace.Workspace;
import io.socialroi.content.workspace.Workspaces;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Posts of a workspace: create, list with filters, read, edit (before publishing) and history. */
@Path("/workspaces/{workspaceId}/posts")
@Tag(name = "Posts")
public class PostResource {

    /** One entry of a post's history. */
    public record HistoryEntry(String action, String actor, PostStatus fromStatus, PostStatus toStatus, String comment,
            Instant at) {
    }

    /** The history of one post, oldest first. */
    public record History(List<HistoryEntry> items) {
    }

    private final WorkspaceAccess access;
    private final PostService posts;
    private final PostViews views;
    private final JsonMerge merge;

    public PostResource(WorkspaceAccess access, PostService posts, PostViews views, JsonMerge merge) {
        this.access = access;
        this.posts = posts;
        this.views = views;
        this.merge = merge;
    }

    @POST
    @RolesAllowed(Scopes.CONTENT_WRITE)
    @Idempotent
    @Operation(summary = "Create a post", description = "Starts as DRAFT. With a landingUrl the post gets a tracked link "
            + "whose destination carries utm_source, utm_medium=social, utm_campaign and utm_content. The post and "
            + "link are registered with engagement-service before the answer, waiting at most 2 s: "
            + "trackedLink.active true means the link redirects now. When engagement-service is slow or down the "
            + "post is still created (active false) and the registration is retried in the background until it "
            + "arrives; GET the post to see active turn true.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "409", description = "The workspace is archived")
    @APIResponse(responseCode = "422", description = "A field is invalid (errors lists each one), e.g. campaignId "
            + "names an archived campaign")
    public Response create(@PathParam("workspaceId") UUID workspaceId, @Valid @NotNull PostRequest request) {
        access.require(workspaceId);
        String actor = access.subject();
        // Committed first, then registered inline: the answer must not promise a link the outbox has not got.
        Post post = QuarkusTransaction.requiringNew().call(() -> posts.create(Workspaces.requireActive(workspaceId),
                request, actor));
        posts.deliverRegistration(post);
        Workspace workspace = Workspaces.require(workspaceId);
        return Response.created(URI.create("/workspaces/" + workspaceId + "/posts/" + post.id))
                .entity(views.of(post, Workspaces.zone(workspace))).build();
    }

    @GET
    @RolesAllowed(Scopes.CONTENT_READ)
    @Operation(summary = "List posts", description = "Oldest first, filtered by status, platform, funnel stage and "
            + "campaign, paged with limit and cursor.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "422", description = "Unknown filter value, bad limit or cursor")
    public Page<PostView> list(@PathParam("workspaceId") UUID workspaceId, @QueryParam("status") String status,
            @QueryParam("platform") String platform, @QueryParam("stage") String stage,
            @QueryParam("campaignId") String campaignId, @QueryParam("limit") @Parameter(description = "Page size, 1 to 500 (default 50)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) String limit,
            @QueryParam("cursor") String cursor) {
        access.require(workspaceId);
        int size = Params.limitParam(limit);
        StringBuilder query = new StringBuilder("workspaceId = :ws");
        Map<String, Object> params = new HashMap<>();
        params.put("ws", workspaceId);
        filter(query, params, "status", Params.enumValue("status", status, PostStatus.class, null));
        filter(query, params, "platform", Params.enumValue("platform", platform, Platform.class, null));
        filter(query, params, "funnelStage", Params.enumValue("stage", stage, FunnelStage.class, null));
        filter(query, params, "campaignId", Params.uuid("campaignId", campaignId));
        Cursor after = Cursor.decode(cursor);
        if (after != null) {
            query.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
            params.put("at", after.createdAt());
            params.put("id", after.id());
        }
        ZoneId zone = Workspaces.zone(Workspaces.require(workspaceId));
        List<Post> fetched = Post.<Post>find(query + " order by createdAt, id", params).page(0, size + 1).list();
        return Page.of(fetched.stream().map(p -> views.of(p, zone)).toList(), size,
                v -> new Cursor(v.createdAt(), v.id()).encode());
    }

    @GET
    @Path("/{postId}")
    @RolesAllowed(Scopes.CONTENT_READ)
    @Operation(summary = "Read a post")
    @APIResponse(responseCode = "200", description = "The post")
    public PostView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("postId") UUID postId) {
        access.require(workspaceId);
        Workspace workspace = Workspaces.require(workspaceId);
        return views.of(require(workspaceId, postId), Workspaces.zone(workspace));
    }

    @PATCH
    @Path("/{postId}")
    @RolesAllowed(Scopes.CONTENT_WRITE)
    @Operation(summary = "Edit a post", description = "JSON merge patch of the create fields; null clears an optional "
            + "field. Only before publishing starts (409 once PUBLISHING or PUBLISHED). Changing the content of an "
            + "APPROVED or SCHEDULED post sends it back to DRAFT. A new landing URL or campaign keeps the link code "
            + "and updates its destination and UTM parameters at engagement-service. A change of campaign, "
            + "platform, funnel stage or landing URL is sent to engagement-service before the answer (at most "
            + "2 s, as on create; trackedLink.active tells whether it arrived), so reports regroup the post's "
            + "events under its new values.")
    @APIResponse(responseCode = "200", description = "The edited post")
    @APIResponse(responseCode = "409", description = "Not allowed in the post's current status; nothing changed")
    public PostView update(@PathParam("workspaceId") UUID workspaceId, @PathParam("postId") UUID postId,
            @Schema(implementation = PostRequest.class) JsonNode patch) throws JsonProcessingException {
        access.require(workspaceId);
        String actor = access.subject();
        Workspace workspace = Workspaces.require(workspaceId);
        ZoneId zone = Workspaces.zone(workspace);
        Edited edited;
        try {
            edited = QuarkusTransaction.requiringNew().call(() -> {
                Post post = Post.lockedInWorkspace(workspaceId, postId);
                if (post == null) {
                    throw ProblemException.notFound("Post " + postId);
                }
                PostRequest merged = merge.apply(views.of(post, zone).asRequest(), patch, PostRequest.class);
                return new Edited(post, posts.update(Workspaces.require(workspaceId), post, merged, actor));
            });
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof JsonProcessingException malformed) {
                throw malformed;
            }
            throw e;
        }
        if (edited.reregistered()) {
            posts.deliverRegistration(edited.post());
        }
        return views.of(edited.post(), zone);
    }

    /** A committed edit, and whether it queued a new registration. */
    private record Edited(Post post, boolean reregistered) {
    }

    @GET
    @Path("/{postId}/history")
    @RolesAllowed(Scopes.CONTENT_READ)
    @Operation(summary = "A post's history", description = "Who did what and when, oldest first.")
    @APIResponse(responseCode = "200", description = "The history")
    public History history(@PathParam("workspaceId") UUID workspaceId, @PathParam("postId") UUID postId) {
        access.require(workspaceId);
        require(workspaceId, postId);
        List<PostHistory> entries = PostHistory.list("workspaceId = ?1 and postId = ?2 order by seq", workspaceId, postId);
        return new History(entries.stream().map(h -> new HistoryEntry(h.action, h.actor, h.fromStatus, h.toStatus,
                h.comment, h.at)).toList());
    }

    private static void filter(StringBuilder query, Map<String, Object> params, String field, Object value) {
        if (value != null) {
            query.append(" and ").append(field).append(" = :").append(field);
            params.put(field, value);
        }
    }

    private static Post require(UUID workspaceId, UUID postId) {
        Post post = Post.inWorkspace(workspaceId, postId);
        if (post == null) {
            throw ProblemException.notFound("Post " + postId);
        }
        return post;
    }
}
