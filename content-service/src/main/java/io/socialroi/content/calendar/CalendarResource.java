package io.socialroi.content.calendar;


import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.post.Platform;
import io.socialroi.content.post.Post;
import io.socialroi.content.post.PostStatus;
import io.socialroi.content.post.PostView;
import io.socialroi.content.post.PostViews;
import io.socialroi.content.workspace.Workspace;
import io.socialroi.content.workspace.Workspaces;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The content calendar: posts by local day in the workspace's time zone. A published post sits on the day it
 * was published, any other on the day it is planned for. Days run from local midnight to local midnight, so a
 * day of a clock change has 23 or 25 hours and no post is lost or shown twice.
 */
@Path("/workspaces/{workspaceId}/calendar")
@Tag(name = "Calendar")
public class CalendarResource {

    static final int MAX_DAYS = Params.MAX_PERIOD_DAYS;

    /** One local day and its posts in time order. */
    public record Day(LocalDate date, List<PostView> posts) {
    }

    /** The calendar of a period. */
    public record Calendar(String timeZone, LocalDate from, LocalDate to, List<Day> days) {
    }

    private final WorkspaceAccess access;
    private final PostViews views;

    public CalendarResource(WorkspaceAccess access, PostViews views) {
        this.access = access;
        this.views = views;
    }

    @GET
    @RolesAllowed(Scopes.CONTENT_READ)
    @Operation(summary = "Posts by local day", description = "from and to are local dates in the workspace's zone, to "
            + "inclusive, at most 366 days; every day of the period is listed, empty or not.")
    @APIResponse(responseCode = "200", description = "The calendar")
    @APIResponse(responseCode = "422", description = "Missing or bad dates, to before from, period too long, unknown "
            + "platform")
    public Calendar calendar(@PathParam("workspaceId") UUID workspaceId, @QueryParam("from") String fromValue,
            @QueryParam("to") String toValue, @QueryParam("platform") String platformValue,
            @QueryParam("campaignId") String campaignValue) {
        access.require(workspaceId);
        LocalDate from = Params.requiredLocalDate("from", fromValue);
        LocalDate to = Params.requiredLocalDate("to", toValue);
        Params.period(from, to);
        Platform platform = Params.enumValue("platform", platformValue, Platform.class, null);
        UUID campaignId = Params.uuid("campaignId", campaignValue);
        Workspace workspace = Workspaces.require(workspaceId);
        ZoneId zone = Workspaces.zone(workspace);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        StringBuilder query = new StringBuilder("workspaceId = :ws and ((status = :published and publishedAt >= :start"
                + " and publishedAt < :end) or (status <> :published and scheduledAt >= :start and scheduledAt < :end))");
        Map<String, Object> params = new HashMap<>(Map.of("ws", workspaceId, "published", PostStatus.PUBLISHED,
                "start", start, "end", end));
        if (platform != null) {
            query.append(" and platform = :platform");
            params.put("platform", platform);
        }
        if (campaignId != null) {
            query.append(" and campaignId = :campaign");
            params.put("campaign", campaignId);
        }
        List<Post> posts = Post.list(query.toString(), params);
        Map<LocalDate, List<Post>> byDay = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            byDay.put(d, new ArrayList<>());
        }
        for (Post post : posts) {
            byDay.get(placed(post).atZone(zone).toLocalDate()).add(post);
        }
        List<Day> days = byDay.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue().stream()
                .sorted(Comparator.comparing(CalendarResource::placed).thenComparing(p -> p.id))
                .map(p -> views.of(p, zone)).toList())).toList();
        return new Calendar(zone.getId(), from, to, days);
    }

    private static Instant placed(Post post) {
        return post.status == PostStatus.PUBLISHED && post.publishedAt != null ? post.publishedAt : post.scheduledAt;
    }
}
