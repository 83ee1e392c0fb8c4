package io.socialroi.conversion.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialroi.common.problem.ProblemException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The generic lead webhook for CRMs and forms: the body is one conversion exactly as {@code POST /conversions}
 * takes it ({@code eventId} required), except that {@code type} defaults to {@code LEAD} and {@code occurredAt} to
 * the time of receipt.
 */
final class LeadMapper {

    private LeadMapper() {
    }

    static Inbound map(JsonNode body, OffsetDateTime now) {
        if (!body.isObject()) {
            throw ProblemException.badRequest("The body must be one conversion object");
        }
        ObjectNode lead = ((ObjectNode) body).deepCopy();
        if (lead.get("type") == null || lead.get("type").isNull()) {
            lead.put("type", "LEAD");
        }
        if (lead.get("occurredAt") == null || lead.get("occurredAt").isNull()) {
            lead.put("occurredAt", now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                    .toString());
        }
        return new Inbound("lead", Inbound.list(lead), List.of(), Map.of(), null);
    }
}
