package io.socialroi.conversion.conversion;

import io.socialroi.common.problem.FieldError;
import java.util.List;

/** Answer to a batch, shaped like engagement ingestion: valid items are stored even when others are not. */
public record BatchResult(int accepted, int duplicates, List<Rejected> rejected) {

    /** One rejected item of the batch, by its index in the request array. */
    public record Rejected(int index, List<FieldError> errors) {
    }
}
