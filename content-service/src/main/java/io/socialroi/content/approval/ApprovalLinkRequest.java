package io.socialroi.content.approval;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Optional body of {@code POST .../posts/{id}/approval-links}. */
@Schema(example = "{\"expiresInHours\":72}")
public record ApprovalLinkRequest(
        @Min(1) @Max(720) @Schema(description = "Hours until the link stops working; default 72") Integer expiresInHours) {
}
