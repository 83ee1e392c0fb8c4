package io.socialroi.content.imports;

import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.post.Platform;
import io.socialroi.content.post.Post;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the platform reports about a published post, as the last import read it. */
@Path("/workspaces/{workspaceId}/posts/{postId}/platform-metrics")
@Tag(name = "Posts")
public class PlatformMetricsResource {

    /** One count as the platform gave it at {@code observedAt}. */
    public record Metric(@Schema(description = "impressions, reach, views, likes, reactions, comments, replies, "
            + "shares, reposts, quotes, saves, bookmarks, score, upvotePercent (as each platform has them); SMS: "
            + "delivered, undelivered, failed (the post's messages by the last status Twilio's callbacks reported)")
            String metric, long value, Instant observedAt) {
    }

    @Schema(description = "The platform's own counts of a published post (aggregate-only: counts without actors, "
            + "never turned into engagement events) and the state of its engagement import. Engagements with their "
            + "actors (comments, replies, likers) go to engagement-service as events instead.")
    public record PlatformMetrics(UUID postId, Platform platform, String remoteId,
            @Schema(description = "Whether engagement is pulled back from this platform") boolean imported,
            @Schema(description = "When the last read succeeded; null before the first") Instant lastImportedAt,
            @Schema(description = "When the post is read again; null when it is not (not published, no platform id, "
                    + "older than the import window)") Instant nextImportAt,
            @Schema(description = "Why the last read failed (a reconnect, a refusal, no connected account); null "
                    + "when it succeeded") String lastError,
            @Schema(description = "Engagement events the imports stored (duplicates not counted)") long eventsStored,
            List<Metric> metrics) {
    }

    private final WorkspaceAccess access;
    private final EntityManager em;
    private final ImportRunner runner;
    private final SmsStatuses sms;

    public PlatformMetricsResource(WorkspaceAccess access, EntityManager em, ImportRunner runner, SmsStatuses sms) {
        this.access = access;
        this.em = em;
        this.runner = runner;
        this.sms = sms;
    }

    @GET
    @RolesAllowed(Scopes.CONTENT_READ)
    @Operation(summary = "The platform's counts of a published post and the state of its engagement import")
    @APIResponse(responseCode = "200", description = "Metrics (empty before the first import) and import state")
    @APIResponse(responseCode = "404", description = "No such post in the workspace")
    public PlatformMetrics get(@PathParam("workspaceId") UUID workspaceId, @PathParam("postId") UUID postId) {
        access.require(workspaceId);
        Post post = Post.inWorkspace(workspaceId, postId);
        if (post == null) {
            throw ProblemException.notFound("Post " + postId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> state = em.createNativeQuery("select last_imported_at, next_import_at, last_error, events_sent"
                + " from post_import where workspace_id = ?1 and post_id = ?2").setParameter(1, workspaceId)
                .setParameter(2, postId).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select metric, value, observed_at from post_metric"
                + " where workspace_id = ?1 and post_id = ?2 order by metric").setParameter(1, workspaceId)
                .setParameter(2, postId).getResultList();
        List<Metric> metrics = rows.stream().map(r -> new Metric((String) r[0], ((Number) r[1]).longValue(),
                instant(r[2]))).toList();
        if (post.platform == Platform.SMS) {
            // SMS_API: Twilio's status callbacks, counted per post on read (a callback may precede the send's record).
            metrics = java.util.stream.Stream.concat(metrics.stream(), sms.metrics(workspaceId, postId).stream())
                    .sorted(java.util.Comparator.comparing(Metric::metric)).toList();
        }
        Object[] s = state.isEmpty() ? new Object[4] : state.get(0);
        boolean imported = runner.platforms().contains(post.platform);
        return new PlatformMetrics(postId, post.platform, post.remoteId, imported, instant(s[0]),
                imported && s[1] != null ? instant(s[1]) : null, (String) s[2],
                s[3] == null ? 0 : ((Number) s[3]).longValue(), metrics);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
