package io.socialroi.content.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /auth/password}: the signed-in user's current password and the new one. */
@Schema(example = "{\"currentPassword\":\"correct horse battery\",\"newPassword\":\"staple battery horse correct\"}")
public record PasswordChangeRequest(
        @NotBlank @Size(max = 200) String currentPassword,
        @NotNull @Size(min = UserRequest.MIN_PASSWORD, max = 200) @Schema(description = "At least 10 characters")
        String newPassword) {
}
