package io.socialroi.content.post;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /workspaces/{ws}/posts/{id}/mark-published}: where the person posted the hand-off. */
@Schema(example = "{\"url\":\"https://www.quora.com/What-is-the-best-way-to-keep-cut-peonies-fresh/answer/Fiori-Milano\"}")
public record MarkPublishedRequest(
        @NotBlank @Size(max = 2000) @Schema(description = "The post's https URL on the platform (Quora: quora.com or "
                + "a *.quora.com Space)") String url,
        @Size(max = 2000) String comment) {
}
