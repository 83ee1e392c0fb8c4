package io.socialroi.content.user;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /users/{userId}/access}: the user's role and the workspaces they may see. */
@Schema(example = "{\"role\":\"CLIENT_VIEWER\",\"workspaceIds\":[\"4f0c8a4e-8d0b-4a54-9f6e-0f1c2b3a4d5e\"]}")
public record UserAccessRequest(
        @NotNull Role role,
        @Schema(description = "Workspaces a MANAGER or CLIENT_VIEWER may see (at least one); ignored for ADMIN")
        List<@NotNull UUID> workspaceIds) {
}
