package io.socialroi.content.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /workspaces/{ws}/credentials}. */
@Schema(example = "{\"name\":\"Shopify\",\"scopes\":[\"conversions:write\"]}")
public record CredentialRequest(@NotBlank @Size(max = 200) String name, @NotNull @NotEmpty List<@NotNull String> scopes) {
}
