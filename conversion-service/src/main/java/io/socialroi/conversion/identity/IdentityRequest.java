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
        @NotNull Platform platform,
        @Size(max = 320) @Schema(description = "Optional: the customer's e-mail, stored only hashed (SHA-256 of the "
                + "trimmed lower-case address, and Google's form) for the ad platforms' customer lists") String email,
        @Size(max = 200) @Schema(example = "+14155550100", description = "Optional: the customer's phone, an "
                + "international number with its country code; stored only as SHA-256 of its E.164 form, with and "
                + "without the +") String phone) {
}
