package io.socialroi.content.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the platform sent back to the callback, handed over by the web app. */
@Schema(example = "{\"state\":\"r3TqE9vXk2H0aYbWcD5fGhJ7LmN1pQsU\",\"code\":\"AQDx7...\"}")
public record CompleteRequest(
        @NotBlank @Size(max = 200) @Schema(description = "The state of the authorization") String state,
        @NotBlank @Size(max = 4000) @Schema(description = "The authorization code the platform issued") String code) {
}
