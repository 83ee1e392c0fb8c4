package io.socialroi.content.common;

import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.ProblemException;

/**
 * The {@code limit} query parameter, read as text: a JAX-RS {@code Integer} parameter that does not parse
 * answers a misleading 404, while a bad limit is the caller's field error (422).
 */
public final class Limits {

    private Limits() {
    }

    public static int of(String value) {
        if (value == null || value.isBlank()) {
            return Params.limit(null);
        }
        try {
            return Params.limit(Integer.valueOf(value.trim()));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("limit", "must be a whole number between 1 and " + Params.MAX_LIMIT);
        }
    }
}
