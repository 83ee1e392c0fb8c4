package io.socialroi.conversion.touchpoint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Answer of the touchpoint search: items in occurredAt order. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TouchpointItems(List<Touchpoint> items) {
}
