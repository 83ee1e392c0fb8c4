package io.socialroi.content.workspace;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /workspaces}. */
@Schema(example = "{\"name\":\"Bakery Rossi\",\"timeZone\":\"Europe/Rome\",\"currency\":\"EUR\"}")
public record WorkspaceRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Schema(description = "IANA time zone", example = "Europe/Rome", maxLength = 64) String timeZone,
        @NotNull @Schema(description = "ISO 4217 code", example = "EUR", maxLength = 3, pattern = "^[A-Za-z]{3}$")
        String currency) {
}
