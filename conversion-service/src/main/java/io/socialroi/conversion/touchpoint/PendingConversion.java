package io.socialroi.conversion.touchpoint;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A conversion whose touchpoints are still to be captured, with the capture version it was read at. */
public record PendingConversion(UUID id, String customerId, String clickId, List<String> actorIds,
        OffsetDateTime occurredAt, int version) {
}
