package io.socialroi.conversion.connector;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A configured connector as the API shows it: never its secret, only a hint to recognise it by. */
public record ConnectorView(
        @Schema(example = "stripe") String connector,
        @Schema(description = "Where the platform must send its webhooks (path on this service; behind the Ingress "
                + "on the suite's host)", example = "/hooks/0d7c5a4e-2a62-4b6c-9d7c-2f8e6f1a9b10/stripe")
        String receiveUrl,
        @Schema(description = "The secret's known prefix and last four characters (only the prefix for secrets "
                + "shorter than 20)", example = "whsec_…4c6d") String secretHint,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
