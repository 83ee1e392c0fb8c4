package io.socialroi.conversion.changes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One answer of {@code GET /changes}: the items after the cursor passed, and the cursor to pass next. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangePage(List<Item> items, String cursor) {

    /**
     * One committed write that can change touchpoints: the actors and click ids of an ingestion batch or a
     * redirect click (with the time range of its events, null for a click), or the posts whose campaign,
     * platform or stage changed, with their current labels in {@code posts} (absent from an older
     * engagement-service: the post's conversions are then captured again).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(UUID workspaceId, List<String> actorIds, List<String> clickIds, List<UUID> postIds,
            OffsetDateTime from, OffsetDateTime to, List<PostLabels> posts) {

        public Item(UUID workspaceId, List<String> actorIds, List<String> clickIds, List<UUID> postIds,
                OffsetDateTime from, OffsetDateTime to) {
            this(workspaceId, actorIds, clickIds, postIds, from, to, List.of());
        }

        List<String> actors() {
            return actorIds == null ? List.of() : actorIds;
        }

        List<String> clicks() {
            return clickIds == null ? List.of() : clickIds;
        }

        List<UUID> postIdList() {
            return postIds == null ? List.of() : postIds;
        }

        List<PostLabels> labels() {
            return posts == null ? List.of() : posts;
        }
    }

    /** A post's current campaign, platform and stage in engagement-service's post directory. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PostLabels(UUID postId, UUID campaignId, String platform, String funnelStage) {
    }
}
