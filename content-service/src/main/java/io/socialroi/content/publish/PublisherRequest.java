package io.socialroi.content.publish;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /workspaces/{ws}/publishers/{platform}}. */
@Schema(example = "{\"type\":\"WEBHOOK\",\"url\":\"https://hooks.agency.example/instagram\","
        + "\"secret\":\"whsec_9f2c1a7e5b3d4f60a8e1\"}")
public record PublisherRequest(
        @NotNull PublisherType type,
        @NotBlank @Size(max = 2000) @Schema(description = "Absolute http(s) URL receiving the signed POST") String url,
        @NotBlank @Size(min = 16, max = 200) @Schema(description = "Signs each delivery (HMAC-SHA256); never shown again")
        String secret) {
}
