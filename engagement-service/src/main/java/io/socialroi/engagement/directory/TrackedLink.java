package io.socialroi.engagement.directory;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A post's short link: the public code and where it leads. */
public record TrackedLink(
        @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{4,64}", message = "must be 4 to 64 letters, digits, '_' or '-'")
        @Schema(example = "aB3xK9pQ") String code,
        @NotNull @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+", message = "must be an absolute http(s) URL")
        @Schema(example = "https://shop.example/p?utm_source=instagram&utm_medium=social") String destination) {
}
