package io.socialroi.engagement.directory;

import io.socialroi.engagement.event.Platform;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /workspaces/{ws}/posts/{postId}}, sent by content-service. */
@Schema(example = "{\"campaignId\":\"9b2f6c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d\",\"platform\":\"INSTAGRAM\","
        + "\"funnelStage\":\"ACTION\",\"trackedLink\":{\"code\":\"aB3xK9pQ\","
        + "\"destination\":\"https://shop.example/p?utm_source=instagram&utm_medium=social\"}}")
public record PostEntryRequest(
        UUID campaignId,
        @NotNull Platform platform,
        @NotNull FunnelStage funnelStage,
        @Valid TrackedLink trackedLink) {
}
