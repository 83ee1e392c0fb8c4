package io.socialroi.content.approval;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Optional body of {@code POST .../posts/{id}/approval-links}. */
@Schema(example = "{\"expiresInHours\":72}")
/* Read by ApprovalLinkResource with the ObjectMapper (the body is optional), so registered for native images. */
@RegisterForReflection
public record ApprovalLinkRequest(
        @Min(1) @Max(720) @Schema(description = "Hours until the link stops working; default 72") Integer expiresInHours) {
}
