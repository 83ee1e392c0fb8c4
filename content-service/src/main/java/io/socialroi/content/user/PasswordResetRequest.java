package io.socialroi.content.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /auth/password-reset}: the token of a reset link and the new password. */
@Schema(example = "{\"token\":\"kq3V0m1x2cJ4oZ6yH8pT5rL7wN9eB0aD3fG5hJ7kM1s\",\"newPassword\":\"staple battery horse correct\"}")
public record PasswordResetRequest(
        @NotBlank @Size(max = 200) @Schema(description = "The token of the link the admin handed over") String token,
        @NotNull @Size(min = UserRequest.MIN_PASSWORD, max = 200) @Schema(description = "At least 10 characters")
        String newPassword) {
}
