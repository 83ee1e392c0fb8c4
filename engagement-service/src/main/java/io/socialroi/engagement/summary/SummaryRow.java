package io.socialroi.engagement.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One group of the summary: its key (post or campaign id, platform, stage or local date) and a readable label;
 * rows grouped by post also carry the post's current directory entry ({@link Post}).
 */
public record SummaryRow(String key, String label, @JsonUnwrapped Post post, @JsonUnwrapped Figures figures) {

    /**
     * A post row's post: id, and its current campaign, platform and funnel stage (null campaign and stage while the
     * post directory does not know the post; the platform is then the events' platform).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Post(UUID postId,
            @Schema(description = "Post rows only: the post's current campaign") UUID campaignId,
            @Schema(description = "Post rows only: the post's current platform") String platform,
            @Schema(description = "Post rows only: the post's current funnel stage") String funnelStage) {
    }
}
