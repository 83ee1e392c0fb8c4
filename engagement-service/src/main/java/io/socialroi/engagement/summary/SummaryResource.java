package io.socialroi.engagement.summary;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.workspace.WorkspaceDirectory;
import io.socialroi.common.workspace.WorkspaceInfo;
import io.socialroi.engagement.settings.ScoringSettings;
import io.socialroi.engagement.settings.SettingsStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Engagement per post, platform, funnel stage, campaign or local day, with quality and intent. */
@Path("/workspaces/{workspaceId}/engagement/summary")
@Tag(name = "Engagement summary")
@Produces({MediaType.APPLICATION_JSON, SummaryCsvWriter.TEXT_CSV})
@RunOnVirtualThread
public class SummaryResource {

    private static final String NONE = "none";
    private static final UUID NIL = new UUID(0, 0);

    private final RollupStore summaries;
    private final SummaryQuery query;
    private final SettingsStore settings;
    private final WorkspaceDirectory workspaces;
    private final WorkspaceAccess access;

    public SummaryResource(RollupStore summaries, SummaryQuery query, SettingsStore settings,
            WorkspaceDirectory workspaces, WorkspaceAccess access) {
        this.summaries = summaries;
        this.query = query;
        this.settings = settings;
        this.workspaces = workspaces;
        this.access = access;
    }

    @GET
    @RolesAllowed(Scopes.ENGAGEMENT_READ)
    @Operation(summary = "Counts, real engagement, people reached, engaged and clicking, engagement rate, suspicious "
            + "share, quality and intent",
            description = "from/to are local dates (to inclusive) in the workspace's time zone. Bot and preview "
                    + "hits on tracked links are not in counts but in botClicks. Rows are grouped by each post's "
                    + "current campaign, platform and funnel stage (an event's own campaignId wins), so registering "
                    + "or editing a post regroups its past events. realEngagements and the people counts leave out "
                    + "actors flagged for the period (a burst minute or a farm comment within the 30 days before "
                    + "the period or in it). Accept: text/csv answers the same rows and totals as CSV.")
    @APIResponse(responseCode = "200", description = "Rows and totals", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Summary.class)),
        @Content(mediaType = SummaryCsvWriter.TEXT_CSV)})
    @APIResponse(responseCode = "404", description = "Unknown workspace", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Invalid parameters", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "content-service (workspace time zone) unreachable",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Summary summary(@PathParam("workspaceId") UUID workspaceId, @QueryParam("from") String fromParam,
            @QueryParam("to") String toParam, @QueryParam("groupBy") String groupByParam,
            @QueryParam("campaignId") String campaignParam) throws SQLException {
        access.require(workspaceId);
        LocalDate from = Params.requiredLocalDate("from", fromParam);
        LocalDate to = Params.requiredLocalDate("to", toParam);
        Params.period(from, to);
        GroupBy groupBy = Params.enumValue("groupBy", groupByParam, GroupBy.class, GroupBy.POST);
        UUID campaignId = Params.uuid("campaignId", campaignParam);
        ZoneId zone = zone(workspaces.get(workspaceId));
        ScoringSettings scoring = settings.get(workspaceId);
        Map<String, SummaryQuery.Acc> sums = summaries.run(workspaceId, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), zone, groupBy, campaignId, scoring);
        Map<UUID, SummaryQuery.PostInfo> posts = groupBy != GroupBy.POST ? Map.of()
                : query.posts(workspaceId, sums.keySet().stream().filter(k -> !SummaryQuery.TOTAL.equals(k))
                        .map(UUID::fromString).filter(p -> !NIL.equals(p)).toList());
        List<SummaryRow> rows = new ArrayList<>();
        sums.forEach((key, acc) -> {
            if (!SummaryQuery.TOTAL.equals(key)) {
                String shown = key.isEmpty() || key.equals(NIL.toString()) ? NONE : key;
                SummaryRow.Post post = null;
                if (groupBy == GroupBy.POST) {
                    UUID postId = UUID.fromString(key);
                    SummaryQuery.PostInfo entry = posts.get(postId);
                    post = entry == null ? new SummaryRow.Post(NIL.equals(postId) ? null : postId, null, acc.platform,
                            null) : new SummaryRow.Post(postId, entry.campaignId(), entry.platform(), entry.funnelStage());
                }
                rows.add(new SummaryRow(shown, label(groupBy, shown), post, Scores.figures(acc, scoring)));
            }
        });
        if (groupBy == GroupBy.DAY) {
            rows.sort(Comparator.comparing(SummaryRow::key));
        } else {
            rows.sort(Comparator.comparingLong((SummaryRow r) -> -r.figures().engagements()).thenComparing(SummaryRow::key));
        }
        return new Summary(from, to, zone.getId(), groupBy.apiName(), rows,
                Scores.figures(sums.get(SummaryQuery.TOTAL), scoring));
    }

    /** The workspace's zone; one content-service cannot name is its fault (503 naming it), not a bug here. */
    private static ZoneId zone(WorkspaceInfo workspace) {
        try {
            return workspace.zone();
        } catch (DateTimeException | NullPointerException e) {
            throw ProblemException.unavailable("content-service",
                    "content-service gave the workspace no valid time zone ('" + workspace.timeZone() + "')");
        }
    }

    /** Readable names; posts and campaigns are named by content-service, so their label is a short id. */
    static String label(GroupBy groupBy, String key) {
        if (NONE.equals(key)) {
            return switch (groupBy) {
                case POST -> "No post";
                case CAMPAIGN -> "No campaign";
                case FUNNELSTAGE -> "No stage";
                default -> key;
            };
        }
        return switch (groupBy) {
            case POST -> "Post " + key.substring(0, 8);
            case CAMPAIGN -> "Campaign " + key.substring(0, 8);
            case PLATFORM, FUNNELSTAGE -> key.charAt(0) + key.substring(1).toLowerCase(Locale.ROOT);
            case DAY -> key;
        };
    }
}
