package io.socialroi.content.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /users}. */
@Schema(example = "{\"email\":\"giulia@rossi.example\",\"name\":\"Giulia Rossi\",\"password\":\"correct horse battery\","
        + "\"role\":\"CLIENT_VIEWER\",\"workspaceIds\":[\"4f0c8a4e-8d0b-4a54-9f6e-0f1c2b3a4d5e\"]}")
public record UserRequest(
        @NotBlank @Email @Size(max = 320) String email,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(min = UserRequest.MIN_PASSWORD, max = 200) @Schema(description = "At least 10 characters")
        String password,
        @NotNull Role role,
        @Schema(description = "Workspaces a MANAGER or CLIENT_VIEWER may see; ignored for ADMIN")
        List<@NotNull UUID> workspaceIds) {

    public static final int MIN_PASSWORD = 10;
}
