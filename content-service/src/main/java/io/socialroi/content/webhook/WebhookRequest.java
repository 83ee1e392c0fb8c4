package io.socialroi.content.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /workspaces/{ws}/webhooks}. */
@Schema(example = "{\"url\":\"https://hooks.agency.example/suite\",\"secret\":\"whsec_5e1d9c0b7a2f4e6d\","
        + "\"events\":[\"post.approved\",\"post.published\",\"post.failed\"]}")
public record WebhookRequest(
        @NotBlank @Size(max = 2000) String url,
        @NotBlank @Size(min = 16, max = 200) @Schema(description = "Signs each delivery; never shown again") String secret,
        @NotNull @NotEmpty @Size(max = 10) @Schema(description = "post.approved, post.published, post.failed")
        List<@NotNull String> events) {
}
