package io.socialroi.conversion.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /workspaces/{ws}/identities}: this platform actor is this customer. */
@Schema(example = "{\"customerId\":\"cust-42\",\"actorId\":\"ig:123\",\"platform\":\"INSTAGRAM\"}")
public record IdentityRequest(
        @NotBlank @Size(max = 200) @Schema(description = "The client's own id for the person") String customerId,
        @NotBlank @Size(max = 200) @Schema(description = "The platform's opaque id of the actor") String actorId,
        @NotNull Platform platform) {
}
