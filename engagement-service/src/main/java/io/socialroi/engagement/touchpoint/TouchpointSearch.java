package io.socialroi.engagement.touchpoint;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.socialroi.engagement.IsoInstant;
import io.socialroi.engagement.event.EventType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /workspaces/{ws}/touchpoints/search}: the touchpoints of many people at once. */
@Schema(example = "{\"actorIds\":[\"ig:123\",\"tt:abc\"],\"clickIds\":[\"3f1e2d4c-5b6a-4987-8f0e-1d2c3b4a5f60\"],"
        + "\"before\":\"2026-11-22T09:00:00Z\",\"after\":\"2026-10-23T09:00:00Z\",\"types\":[\"CLICK\",\"LIKE\"]}")
public record TouchpointSearch(List<String> actorIds, List<UUID> clickIds,
        @JsonDeserialize(using = IsoInstant.class) OffsetDateTime before,
        @JsonDeserialize(using = IsoInstant.class) OffsetDateTime after, List<EventType> types) {
}
