package io.socialroi.content.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /auth/login}. */
@Schema(example = "{\"email\":\"giulia@rossi.example\",\"password\":\"correct horse battery\"}")
public record LoginRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) String password) {
}
