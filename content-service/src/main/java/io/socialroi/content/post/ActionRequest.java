package io.socialroi.content.post;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Optional body of a lifecycle move: a comment for the history and, for {@code schedule}, the time. */
@Schema(example = "{\"comment\":\"Looks good\",\"scheduledAt\":\"2026-03-29T02:30:00\"}")
/* Read by PostLifecycleResource with the ObjectMapper (the body is optional), so registered for native images. */
@RegisterForReflection
public record ActionRequest(
        @Size(max = 2000) String comment,
        @Schema(description = "schedule only: an instant with offset or a local date-time in the workspace's zone "
                + "(gap: moved forward by the gap; overlap: the earlier occurrence); defaults to the post's scheduledAt",
                maxLength = 35, example = "2026-03-29T02:30:00")
        String scheduledAt) {
}
