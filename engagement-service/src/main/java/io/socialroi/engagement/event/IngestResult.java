package io.socialroi.engagement.event;

import io.socialroi.common.problem.FieldError;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer of an ingestion: how many events were stored, how many were known already, and which were rejected. */
@Schema(example = "{\"accepted\":2,\"duplicates\":1,\"rejected\":[{\"index\":3,\"errors\":[{\"field\":\"type\","
        + "\"message\":\"unknown value 'POKE'\"}]}]}")
public record IngestResult(int accepted, int duplicates, List<Rejected> rejected) {

    /** An event of the batch that was not stored, by its position in the request (from 0). */
    public record Rejected(int index, List<FieldError> errors) {
    }
}
