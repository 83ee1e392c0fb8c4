package io.socialroi.common.problem;

/** One field-level validation message of a problem response. */
public record FieldError(String field, String message) {
}
