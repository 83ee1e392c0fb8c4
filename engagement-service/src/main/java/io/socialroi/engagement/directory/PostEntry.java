package io.socialroi.engagement.directory;

import io.socialroi.engagement.event.Platform;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One post as engagement-service knows it: enough to redirect, group and enrich without content-service. */
public record PostEntry(UUID workspaceId, UUID postId, UUID campaignId, Platform platform, FunnelStage funnelStage,
        TrackedLink trackedLink, OffsetDateTime updatedAt) {
}
