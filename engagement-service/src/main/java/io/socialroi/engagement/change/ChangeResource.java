package io.socialroi.engagement.change;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The change feed of every workspace, for the suite's own services (a token with group {@code service}):
 * conversion-service re-captures the conversions a late touch or a post edit may change (CONTRACTS.md).
 */
@Path("/changes")
@Tag(name = "Change feed")
@RunOnVirtualThread
public class ChangeResource {

    private final ChangeFeed feed;

    public ChangeResource(ChangeFeed feed) {
        this.feed = feed;
    }

    @GET
    @RolesAllowed(Scopes.SERVICE)
    @Operation(summary = "Committed writes that can change touchpoints, in order (service tokens only)",
            description = "One item per ingestion batch or redirect click (its distinct actorIds and clickIds, from/to "
                    + "the span of its events' occurredAt) and per post directory change of campaign, platform or "
                    + "stage (postIds, and in posts each one's current campaignId, platform and funnelStage, read with "
                    + "the page). Pass the answer's cursor as after next time: a client that does never "
                    + "misses an item, also of transactions that commit out of order. Without after: from the "
                    + "oldest retained item. Items are kept at least 6 hours.")
    @APIResponse(responseCode = "200", description = "Items and the cursor to pass as after next time")
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not a suite service's token (group service)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "410", description = "The cursor is older than the retained items (cursor-expired)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Invalid cursor or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ChangePage changes(
            @Parameter(description = "The cursor of the previous answer") @QueryParam("after") String after,
            @Parameter(description = "1..1000, default 500") @QueryParam("limit") String limit) throws SQLException {
        return feed.read(after, limit(limit));
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return ChangeFeed.DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= ChangeFeed.MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the same answer as out of range
        }
        throw ProblemException.invalid("limit", "must be a whole number between 1 and " + ChangeFeed.MAX_LIMIT);
    }
}
