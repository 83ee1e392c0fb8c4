package io.socialroi.common.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field-level validation message of a problem response. */
@Schema(description = "One invalid field, parameter or header of a request")
public record FieldError(
        @Schema(description = "The request field or parameter, e.g. budget.amount or [3].type", maxLength = 512,
                required = true)
        String field,
        @Schema(description = "Why it is invalid", maxLength = 1024, required = true)
        String message) {
}
