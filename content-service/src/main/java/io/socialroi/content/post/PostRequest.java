package io.socialroi.content.post;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /workspaces/{ws}/posts}, and the shape a {@code PATCH} is merged into. */
@Schema(example = "{\"campaignId\":\"3f8e2a4c-9d1b-4c6e-8f2a-1b2c3d4e5f60\",\"platform\":\"INSTAGRAM\","
        + "\"funnelStage\":\"ACTION\",\"caption\":\"Spring is here: 20% off until Sunday\","
        + "\"mediaUrls\":[\"https://cdn.example/spring.jpg\"],\"callToAction\":\"Shop now\","
        + "\"landingUrl\":\"https://shop.example/spring\",\"scheduledAt\":\"2026-03-02T09:00:00+01:00\"}")
public record PostRequest(
        @Schema(description = "A campaign of the same workspace") UUID campaignId,
        @NotNull Platform platform,
        @NotNull FunnelStage funnelStage,
        @Size(max = 10000) @Schema(description = "Within the platform's limit (X: 280)") String caption,
        @Size(max = 20) List<@NotBlank @Size(max = 2000) String> mediaUrls,
        @Size(max = 200) String callToAction,
        @Size(max = 2000) @Schema(description = "Absolute http(s) URL; gets a tracked link with UTM parameters")
        String landingUrl,
        @Schema(description = "When to publish: an instant with offset, or a local date-time read in the workspace's "
                + "time zone. A local time in a daylight-saving gap moves forward by the length of the gap "
                + "(02:30 on a spring-forward night becomes 03:30); one that occurs twice means the first "
                + "(earlier) occurrence.", example = "2026-03-02T09:00:00+01:00") String scheduledAt,
        @Valid @Schema(description = "Fields some platforms need: title (YOUTUBE, REDDIT, EMAIL subject), board "
                + "(PINTEREST), subreddit (REDDIT), template (WHATSAPP); a field for another platform is a 422")
        PlatformOptions platformOptions) {
}
