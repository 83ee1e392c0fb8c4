package io.socialroi.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details body. {@code errors} carries field-level validation messages and is left out
 * when there are none.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "RFC 9457 problem details; errors lists the field-level messages of a validation failure")
public record Problem(
        @Schema(description = "URI naming the kind of problem", format = "uri", maxLength = 2048, required = true)
        String type,
        @Schema(description = "Short summary of the kind of problem", maxLength = 200, required = true)
        String title,
        @Schema(description = "The HTTP status", minimum = "400", maximum = "599", required = true)
        int status,
        @Schema(description = "What went wrong with this request", maxLength = 4096)
        String detail,
        @Schema(description = "One entry per invalid field or parameter (validation problems only)", maxItems = 1000)
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem type URIs are relative to this base; each names one kind of failure. */
    public static final String TYPE_BASE = "https://socialroi.io/problems/";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, List.of());
    }
}
